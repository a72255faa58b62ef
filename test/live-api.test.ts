// The live project page's feed, across API processes: two API servers on different ports over the same
// PostgreSQL and Temporal, each with its own LISTEN connection (as two `npm run api` processes would have).
// A subscription over SSE on one sees a stage change made through the other; callers who may not see the
// project get an error and no event; a lost LISTEN connection is reopened and changes arrive again.
import type { Server } from 'node:http';
import { createClient, type Client as SseClient } from 'graphql-sse';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ProjectChanges } from '../api/live/project-changes.js';
import { startApiServer } from '../api/server.js';
import { caller, fileAs, must, type Caller } from './support/actions.js';
import { gabonReportingRequest } from './support/requests.js';
import { startStack, TEST_JWT_SECRET, type Stack } from './support/stack.js';

let stack: Stack;
let other: { server: Server; url: string; changes: ProjectChanges };
const clients: SseClient[] = [];

beforeAll(async () => {
  stack = await startStack();
  // The second API process: same database and Temporal, its own port and its own LISTEN connection.
  const changes = new ProjectChanges(inject('databaseUrl'), { retryMs: 100 });
  await changes.start();
  const started = await startApiServer({ db: stack.db, temporal: stack.client, jwtSecret: TEST_JWT_SECRET, lifecycle: { taskQueue: stack.taskQueue }, projectChanges: changes }, 0);
  other = { ...started, changes };
});

afterAll(async () => {
  for (const c of clients) c.dispose();
  await other?.changes.stop();
  other?.server.closeAllConnections();
  await new Promise<void>((resolve) => (other ? other.server.close(() => resolve()) : resolve()));
  await stack?.stop();
});

const CHANGED = /* GraphQL */ `
  subscription($id: ID!) {
    projectChanged(id: $id) { projectId stage seq project { stage availableActions { action allowed } } }
  }`;

interface Change { projectId: string; stage: string; seq: number; project: { stage: string; availableActions: { action: string; allowed: boolean }[] } }

/** Subscribes over SSE (a fetch-based client, so the bearer token travels in a header) on `url`. */
function subscribe(url: string, who: Caller, id: string) {
  const client = createClient({ url, headers: { authorization: `Bearer ${who.token}` }, retryAttempts: 0 });
  clients.push(client);
  const iterator = client.iterate<{ projectChanged: Change }>({ query: CHANGED, variables: { id } });
  /** The next event, or what ended the stream; fails after `ms`. */
  const next = async (ms = 20_000) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        iterator.next(),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms))),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  /** Events until one at `stage`. */
  const until = async (stage: string) => {
    for (;;) {
      const r = await next();
      if (r.done) throw new Error(`the stream ended before ${stage}`);
      if (r.value.errors) throw new Error(JSON.stringify(r.value.errors));
      if (r.value.data!.projectChanged.stage === stage) return r.value.data!.projectChanged;
    }
  };
  return { next, until, close: () => void iterator.return?.() };
}

const otherGraphql = () => `${other.url.replace(/\/$/, '')}${other.url.endsWith('/graphql') ? '' : '/graphql'}`;

describe('projectChanged over SSE, fed by LISTEN/NOTIFY', () => {
  it('delivers a stage change made through another API process', async () => {
    const pm = await caller(stack, { subject: 'pm-live', role: 'PROGRAMME_MANAGER' });
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const { id } = await fileAs(stack, gab, gabonReportingRequest());

    const managerView = subscribe(otherGraphql(), pm, id);
    const focalView = subscribe(otherGraphql(), gab, id);
    // The first event is the project as it is now.
    expect((await managerView.until('SUBMITTED')).seq).toBe(1);
    await focalView.until('SUBMITTED');
    await expect.poll(() => other.changes.subscriberCount(id)).toBe(2);

    // Changed through the first API server; the second one's subscribers hear of it.
    await must(stack, pm, 'startAssessment', id);
    const seen = await managerView.until('UNDER_ASSESSMENT');
    expect(seen).toMatchObject({ projectId: id, stage: 'UNDER_ASSESSMENT', project: { stage: 'UNDER_ASSESSMENT' } });
    expect(seen.seq).toBeGreaterThan(1);
    // The actions follow the stage: planning may start now.
    expect(seen.project.availableActions.find((a) => a.action === 'startPlanning')).toEqual({ action: 'startPlanning', allowed: true });
    expect((await focalView.until('UNDER_ASSESSMENT')).project.stage).toBe('UNDER_ASSESSMENT');

    await must(stack, pm, 'requestInformation', id, { question: 'Who prepares the reports?' });
    await managerView.until('AWAITING_INFORMATION');
    managerView.close();
    focalView.close();
    await expect.poll(() => other.changes.subscriberCount(id)).toBe(0);
  }, 120_000);

  it('gives a caller who may not see the project an error and never an event', async () => {
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const ken = await caller(stack, { subject: 'fp-KEN', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    const expert = await caller(stack, { subject: 'expert-live', role: 'EXPERT' });
    const pm = await caller(stack, { subject: 'pm-live', role: 'PROGRAMME_MANAGER' });
    const { id } = await fileAs(stack, gab, gabonReportingRequest());

    const kenya = subscribe(otherGraphql(), ken, id);
    const first = await kenya.next();
    expect(first.done).toBe(false);
    expect(first.value!.data ?? null).toBeNull();
    expect(first.value!.errors).toEqual([expect.objectContaining({ message: `NOT_FOUND: project ${id} not found`, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    expect((await kenya.next()).done).toBe(true);

    // The access policy refuses the role before the subscription starts: HTTP 403, no stream at all.
    const asExpert = subscribe(otherGraphql(), expert, id);
    await expect(asExpert.next()).rejects.toThrow('Server responded with 403');

    // Neither holds a subscription the project's changes would reach.
    await must(stack, pm, 'startAssessment', id);
    expect(other.changes.subscriberCount(id)).toBe(0);
  }, 120_000);

  it('reopens a lost LISTEN connection, and the change made meanwhile arrives', async () => {
    const pm = await caller(stack, { subject: 'pm-live', role: 'PROGRAMME_MANAGER' });
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const { id } = await fileAs(stack, gab, gabonReportingRequest());
    const view = subscribe(otherGraphql(), pm, id);
    await view.until('SUBMITTED');
    await expect.poll(() => other.changes.subscriberCount(id)).toBe(1);

    const before = other.changes.connections;
    // PostgreSQL ends the LISTEN sessions (as a restart or a failover would).
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'palermo-api-listen'`.execute(stack.db);
    await must(stack, pm, 'startAssessment', id);
    await expect.poll(() => other.changes.connections, { timeout: 20_000 }).toBeGreaterThan(before);
    expect((await view.until('UNDER_ASSESSMENT')).stage).toBe('UNDER_ASSESSMENT');

    // And the new connection carries later changes.
    await must(stack, pm, 'startPlanning', id);
    expect((await view.until('PLANNING')).stage).toBe('PLANNING');
    view.close();
  }, 120_000);
});
