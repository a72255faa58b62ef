// The one input of the notifications: a person's choice of address, language and delivery.
import { z } from 'zod';
import { DELIVERIES } from './digest.js';
import { LANGUAGES } from './messages.js';

export const notificationPreferencesInput = z.object({
  delivery: z.enum(DELIVERIES, { error: (i) => `must be IMMEDIATE or DAILY_DIGEST, not "${String(i.input)}"` }),
  language: z.enum(LANGUAGES, { error: (i) => `must be en, fr or es, not "${String(i.input)}"` }).optional(),
  email: z.email({ error: 'must be an e-mail address' }).max(254, { error: 'must be at most 254 characters' }).optional(),
});

export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInput>;
