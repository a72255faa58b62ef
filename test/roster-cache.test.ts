// The roster matching reads, kept in memory between requests (api/roster-cache.ts): a request costs one
// version read while nothing changed, and a change committed through any process (here: another
// database handle, as another API process would have) is in the very next read.
import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { currentRoster, currentRosterIndex } from '../api/roster-cache.js';
import { changeExpert, insertNomination, recordDelivery } from '../db/queries/roster.js';
import type { DB } from '../db/schema.js';
import { nominationInput } from '../domain/roster-inputs.js';

const statements: string[] = [];
const handle = (counted: boolean) =>
  new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: inject('databaseUrl'), max: 3 }) }),
    ...(counted
      ? {
          log: (event) => {
            if (event.level === 'query') statements.push(event.query.sql);
          },
        }
      : {}),
  });

let api: Kysely<DB>;
let other: Kysely<DB>;
beforeAll(() => {
  api = handle(true);
  other = handle(false);
});
afterAll(async () => {
  await api?.destroy();
  await other?.destroy();
});

const fp = { subject: 'fp-roster-cache', role: 'STATE_FOCAL_POINT' as const, stateCode: 'KEN' };
const admin = { subject: 'pm-roster-cache', role: 'PROGRAMME_MANAGER' as const };
async function activeExpert(db: Kysely<DB>, name: string): Promise<string> {
  const id = `expert-${randomUUID()}`;
  await insertNomination(db, id, nominationInput.parse({
    name: `${name} (invented)`, nationality: 'KEN', nominatingState: 'KEN', institution: 'Invented institute',
    profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], languages: [{ language: 'en', level: 'C2' }] },
  }), fp);
  await changeExpert(db, id, { status: 'ACTIVE' }, 'ACCEPT', admin, {});
  return id;
}

describe('the roster cache', () => {
  it('reads the roster once, then one version row per request while nothing changes', async () => {
    await activeExpert(other, 'Cached');
    await currentRoster(api); // fills the cache
    statements.length = 0;
    const again = await currentRoster(api);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/from "roster_version"/);
    expect(again.length).toBeGreaterThan(0);
  });

  it('sees a change made through another process on the next read: new, suspended, rated', async () => {
    const warm = await currentRoster(api);
    const id = await activeExpert(other, 'Newcomer');
    expect(warm.some((e) => e.id === id)).toBe(false);
    const afterNomination = await currentRoster(api);
    expect(afterNomination.find((e) => e.id === id)).toMatchObject({ status: 'ACTIVE', pastOutcomes: [] });

    await changeExpert(other, id, { status: 'SUSPENDED' }, 'SUSPEND', admin, {});
    expect((await currentRoster(api)).find((e) => e.id === id)?.status).toBe('SUSPENDED');

    await recordDelivery(other, id, `project-${randomUUID()}`, 5);
    expect((await currentRoster(api)).find((e) => e.id === id)?.pastOutcomes).toEqual([5]);

    await changeExpert(other, id, { status: 'RETIRED' }, 'RETIRE', admin, {});
    expect((await currentRoster(api)).some((e) => e.id === id)).toBe(false);
  });

  it('shares one reload among concurrent requests', async () => {
    await activeExpert(other, 'Concurrent');
    statements.length = 0;
    const lists = await Promise.all(Array.from({ length: 5 }, () => currentRoster(api)));
    expect(new Set(lists).size).toBe(1);
    // Five version reads, and the roster's three queries once.
    expect(statements.filter((s) => /from "experts"/.test(s))).toHaveLength(1);
  });

  it('indexes the roster for matching once per version, from the same load', async () => {
    await currentRoster(api);
    statements.length = 0;
    const index = await currentRosterIndex(api);
    expect(await currentRosterIndex(api)).toBe(index);
    expect(index.experts).toEqual(await currentRoster(api));
    expect(statements.filter((s) => /from "experts"/.test(s))).toHaveLength(0);
    const id = await activeExpert(other, 'Indexed');
    expect(index.experts.some((e) => e.id === id)).toBe(false);
    const next = await currentRosterIndex(api);
    expect(next).not.toBe(index);
    expect(next.experts.some((e) => e.id === id)).toBe(true);
  });
});
