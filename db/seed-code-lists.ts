// Writes the code lists (whose one source is domain/code-lists) into the read model. Idempotent.
import type { Kysely } from 'kysely';
import {
  FORMS_OF_ASSISTANCE,
  INSTRUMENTS,
  NEED_SOURCES,
  PRIORITY_ACTIVITIES,
  PRIORITY_AREAS,
  REGIONS,
  STATES,
  URGENCIES,
} from '../domain/code-lists/index.js';
import type { DB } from './schema.js';

type CodeListTableName = 'priority_areas' | 'priority_activities' | 'instruments' | 'forms_of_assistance' | 'need_sources' | 'urgencies' | 'regions';

const LISTS: [CodeListTableName, readonly { code: string; title: string }[]][] = [
  ['priority_areas', PRIORITY_AREAS],
  ['priority_activities', PRIORITY_ACTIVITIES],
  ['instruments', INSTRUMENTS],
  ['forms_of_assistance', FORMS_OF_ASSISTANCE],
  ['need_sources', NEED_SOURCES],
  ['urgencies', URGENCIES],
  ['regions', REGIONS],
];

export async function seedCodeLists(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [table, entries] of LISTS) {
      const rows = entries.map(({ code, title, ...details }) => ({ code, title, details: JSON.stringify(details) }));
      await trx
        .insertInto(table)
        .values(rows)
        .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), details: eb.ref('excluded.details') })))
        .execute();
    }
    await trx
      .insertInto('states')
      .values(STATES.map((s) => ({ code: s.code, name: s.name, aliases: [...s.aliases] })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), aliases: eb.ref('excluded.aliases') })))
      .execute();
    await trx.deleteFrom('state_regions').execute();
    await trx
      .insertInto('state_regions')
      .values(STATES.flatMap((s) => s.regions.map((region) => ({ state_code: s.code, region_code: region }))))
      .execute();
  });
}
