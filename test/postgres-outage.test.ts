// Fault: PostgreSQL (the read model) is down for 30 s while 20 transitions are applied at once.
// Proves: the outage really happened (fresh connections refused all through the window), the 20
// transitions were in flight during it (each workflow had moved on, its projection retrying), every one
// completes exactly once when PostgreSQL is back, the history shows the projection's retries in the
// window, and a client's retry with the same idempotency key gets the answer.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedCodeLists } from '../db/seed-code-lists.js';
import { freePort } from '../scripts/embedded/free-port.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/embedded/postgres.js';
import { act, caller, fileAs } from './support/actions.js';
import { probePostgres } from './support/child-processes.js';
import { fetchEvents, pendingProjections, projectionAttempts, sendTransition } from './support/projection-history.js';
import { hondurasImpunityRequest } from './support/requests.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

const OUTAGE_MS = 30_000;
const TRANSITIONS = 20;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Settled = { ok: true; stage: string; at: number } | { ok: false; error: unknown; at: number };

describe('PostgreSQL down for 30 s under 20 concurrent transitions', () => {
  it('applies every transition exactly once when it is back, after retrying the projection through the outage', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palermo-pg-outage-'));
    chmodSync(dir, 0o755); // embedded PostgreSQL runs as its own OS user when we are root
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const options = { dataDir: join(dir, 'pg'), port: await freePort(), database: 'palermo_outage' };
    let pg: EmbeddedDatabase | undefined = await startEmbeddedPostgres(options);
    cleanups.push(() => pg?.stop());
    const setup = createDb(pg.url, 1);
    await migrateToLatest(setup);
    await seedCodeLists(setup);
    await setup.destroy();

    const stack: Stack = await startStack({ databaseUrl: pg.url });
    cleanups.push(() => stack.stop());
    const fp = await caller(stack, { subject: 'fp-HND', role: 'STATE_FOCAL_POINT', stateCode: 'HND' });
    const pm = await caller(stack, { subject: 'pm-outage', role: 'PROGRAMME_MANAGER' });
    const ids = await Promise.all(Array.from({ length: TRANSITIONS }, async () => (await fileAs(stack, fp, hondurasImpunityRequest())).id));
    const keys = ids.map(() => freshKey('outage-start'));
    const url = pg.url;
    expect(await probePostgres(url)).toBe('CONNECTED');

    // The outage: PostgreSQL stops; a prober opens a fresh connection every second until it is back.
    await pg.stop();
    pg = undefined;
    const downAt = Date.now();
    const probes: string[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        probes.push(await probePostgres(url));
        await new Promise((r) => setTimeout(r, 1_000));
      }
    })();

    // Twenty transitions at once, as Temporal Updates (the API reads PostgreSQL before it sends one).
    const sentAt = Date.now();
    const settled: Promise<Settled>[] = ids.map((id, i) =>
      sendTransition(stack.client, id, 'startAssessment', pm.actor, {}, keys[i]!).then(
        (snapshot) => ({ ok: true as const, stage: snapshot.stage, at: Date.now() }),
        (error: unknown) => ({ ok: false as const, error, at: Date.now() }),
      ),
    );

    // In flight: every workflow has accepted its transition and is retrying its projection.
    await expect
      .poll(async () => (await Promise.all(ids.map((id) => pendingProjections(stack.client, id)))).filter((p) => p.some((a) => a.attempt >= 2)).length, { timeout: 20_000, interval: 1_000 })
      .toBe(TRANSITIONS);
    const retrying = await pendingProjections(stack.client, ids[0]!);
    expect(retrying[0]!.lastFailure).toMatch(/ECONNREFUSED|connect/i);

    await new Promise((r) => setTimeout(r, Math.max(0, downAt + OUTAGE_MS - Date.now())));
    probing = false;
    await prober;
    // PostgreSQL refused every connection all through the window, and no transition answered meanwhile.
    expect(probes.length).toBeGreaterThanOrEqual(20);
    expect(new Set(probes)).toEqual(new Set(['ECONNREFUSED']));
    const upAt = Date.now();
    pg = await startEmbeddedPostgres(options);
    const results = await Promise.all(settled);
    const answeredAfter = results.map((r) => r.at - upAt);

    // Each call answered with the new stage once PostgreSQL was back, or (an API with a deadline on its
    // wait) with a typed timeout.
    for (const r of results) {
      if (r.ok) {
        expect(r.stage).toBe('UNDER_ASSESSMENT');
        expect(r.at).toBeGreaterThanOrEqual(upAt);
      } else expect(r.error).toMatchObject({ code: 'TEMPORAL_TIMEOUT', retryable: true }); // api/errors.ts UnavailableError
    }
    // A client's retry with the same idempotency key answers it, and applies nothing twice.
    const retried = await Promise.all(ids.map((id, i) => act(stack, pm, 'startAssessment', id, { idempotencyKey: keys[i] })));
    expect(retried.map((r) => [r.__typename, r.stage])).toEqual(ids.map(() => ['Project', 'UNDER_ASSESSMENT']));

    const events = await stack.db.selectFrom('project_events').select(['project_id', 'seq', 'action', 'to_stage']).where('project_id', 'in', ids).orderBy('project_id').orderBy('seq').execute();
    for (const id of ids) {
      expect(events.filter((e) => e.project_id === id).map(({ seq, action, to_stage }) => ({ seq, action, to_stage }))).toEqual([
        { seq: 1, action: 'fileRequest', to_stage: 'SUBMITTED' },
        { seq: 2, action: 'startAssessment', to_stage: 'UNDER_ASSESSMENT' },
      ]);
    }
    const stages = await stack.db.selectFrom('projects').select(['id', 'stage']).where('id', 'in', ids).execute();
    expect(stages.map((p) => p.stage)).toEqual(ids.map(() => 'UNDER_ASSESSMENT'));

    // The history: the transition's projection was scheduled during the outage, failed on the refused
    // connection, was retried, and completed only once PostgreSQL was back.
    const slack = 1_000; // server and test clocks are the same machine's; event times are rounded
    let maxAttempt = 0;
    for (const id of ids) {
      const projections = projectionAttempts(await fetchEvents(stack.client, id));
      // The filing's projection completed before the outage; the one that did not is the transition's.
      const throughOutage = projections.filter((p) => p.completedAt === null || p.completedAt >= downAt);
      expect(throughOutage, `projections of ${id} that ran through the outage`).toHaveLength(1);
      const [p] = throughOutage;
      expect(p!.scheduledAt).toBeGreaterThanOrEqual(sentAt - slack);
      expect(p!.scheduledAt).toBeLessThanOrEqual(upAt);
      expect(p!.attempt).toBeGreaterThanOrEqual(3);
      expect(p!.lastFailure).toMatch(/ECONNREFUSED|connect/i);
      expect(p!.completedAt).toBeGreaterThanOrEqual(upAt - slack);
      expect(projections.filter((q) => q.completedAt !== null)).toHaveLength(projections.length);
      maxAttempt = Math.max(maxAttempt, p!.attempt!);
    }
    console.log(`postgres-outage: down ${((upAt - downAt) / 1000).toFixed(1)} s, ${probes.length} probes refused, ` +
      `last answer ${(Math.max(...answeredAfter) / 1000).toFixed(1)} s after restart, projection attempts up to ${maxAttempt}`);
  });
});
