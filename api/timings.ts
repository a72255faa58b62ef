// Reminder and deadline durations of the lifecycle, from configuration (PALERMO_TIMINGS, JSON), so a
// deployment sets its own service levels and tests shorten them. Unset keys keep DEFAULT_TIMINGS.
import { z } from 'zod';
import { DEFAULT_TIMINGS, type LifecycleTimings } from '../workflows/definitions.js';

const duration = z.string().regex(/^\d+(\.\d+)?\s*(ms|s|m|h|d|days?|hours?|minutes?|seconds?|weeks?|w)$/, {
  error: 'must be a duration such as "30 days", "12h" or "90s"',
});

const timingsSchema = z.strictObject(
  Object.fromEntries(Object.keys(DEFAULT_TIMINGS).map((k) => [k, duration.optional()])) as Record<keyof LifecycleTimings, z.ZodOptional<typeof duration>>,
);

export function timingsFromEnv(value: string | undefined): Partial<LifecycleTimings> | undefined {
  if (!value) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new Error('PALERMO_TIMINGS must be JSON, e.g. {"fundingReminder":"7 days"}');
  }
  const parsed = timingsSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`PALERMO_TIMINGS: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(keys)'}: ${i.message}`).join('; ')}`);
  }
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as Partial<LifecycleTimings>;
}
