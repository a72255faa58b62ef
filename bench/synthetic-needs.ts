// Synthetic open needs for the pool benches: `bench-need-<i>`, spread over the States, priority areas,
// activities and urgencies of the code lists, identified over 2,000 days from 2007. Inserted 5,000 a statement.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { PRIORITY_ACTIVITIES, PRIORITY_AREAS, STATES, URGENCIES } from '../domain/code-lists/index.js';

/** The i-th item of a list, round and round. */
export const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

export async function insertSyntheticNeeds(db: Kysely<DB>, size: number): Promise<void> {
  for (let inserted = 0; inserted < size; inserted += 5000) {
    await db.insertInto('needs').values(Array.from({ length: Math.min(5000, size - inserted) }, (_, k) => {
      const i = inserted + k;
      return {
        id: `bench-need-${i}`, project_id: null, position: 0, state_code: pick(STATES, i).code, source: 'QUESTIONNAIRE_RESPONSE',
        priority_area: pick(PRIORITY_AREAS, i).code, priority_activity: pick(PRIORITY_ACTIVITIES, i * 7).code, instrument: 'UNTOC', article: null,
        forms_of_assistance: ['TRAINING_NATIONAL'], urgency: pick(URGENCIES, i * 3).code, description: `Synthetic need ${i}`,
        created_at: new Date(Date.UTC(2007, 0, 1) + (i % 2000) * 86_400_000),
      };
    })).execute();
  }
}
