// How many SQL statements one GraphQL read costs (issue 11 item 5: no N+1). The API runs in this test's
// process on a Kysely whose log hook counts every statement it sends; the database is a fresh one of the
// run's real PostgreSQL, seeded in bulk with 50 projects (read-model rows written directly: this test
// counts reads, and 50 lifecycles through Temporal would add minutes and nothing to what it checks).
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { signToken } from '../api/auth.js';
import { createApi } from '../api/server.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedCodeLists } from '../db/seed-code-lists.js';
import type { DB } from '../db/schema.js';
import { newProjectState } from '../domain/project-state.js';
import type { Actor } from '../domain/roles.js';
import { TEST_JWT_SECRET } from './support/stack.js';

/** The most statements a page of 50 projects with needs, history and funding may cost, whoever asks. */
const MAX_STATEMENTS = 8;
const PROJECTS = 50;

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String) {
    projects(first: $first, after: $after) {
      __typename
      ... on QueryProjectsSuccess {
        data {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id title stage states
              needs { id state priorityArea urgency }
              history { seq action toStage actor { subject role } summary }
              budget { amount currency }
              pledgedAmount fundingGap
              pledges { donor amount currency }
            }
          }
        }
      }
      ... on Error { code message }
    }
  }`;

let admin: pg.Client;
let databaseName: string;
let db: Kysely<DB>;
let statements: string[] = [];
let connection: Connection;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  const url = new URL(inject('databaseUrl'));
  databaseName = `palermo_sqlcount_${randomUUID().replaceAll('-', '')}`;
  admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName}`);
  url.pathname = `/${databaseName}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 5 });
  pool.on('error', () => {}); // the database is dropped at the end, with FORCE
  db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query.sql);
    },
  });
  await migrateToLatest(db);
  await seedCodeLists(db);
  await seed(db);
  connection = await Connection.connect({ address: inject('temporalAddress') });
  api = createApi({ db, temporal: new Client({ connection }), jwtSecret: TEST_JWT_SECRET });
});

afterAll(async () => {
  await db?.destroy();
  await connection?.close();
  await admin?.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin?.end();
});

/** 50 projects of two States (every other one regional), 3 needs and 4 history entries each, a budget and 2 pledges. */
async function seed(target: Kysely<DB>) {
  const at = new Date('2026-01-01T00:00:00Z').getTime();
  for (let i = 0; i < PROJECTS; i++) {
    const id = `sqlcount-${String(i).padStart(3, '0')}`;
    const states = i % 2 ? ['KEN', 'TZA'] : ['KEN'];
    const needs = [0, 1, 2].map((k) => ({ id: `${id}-need-${k}`, stateCode: states[k % states.length]! }));
    const details = {
      ...newProjectState({ projectId: id, title: `Project ${i}`, stateCode: 'KEN', needs: needs as never }),
      stateCodes: states,
      stage: 'AWAITING_FUNDING',
      budget: { amount: '100000.00', currency: 'USD' },
      pledges: [
        { donor: 'European Union', amount: '30000.00', currency: 'USD', kind: 'FUNDS', by: 'eu-officer', at: '2026-02-01T00:00:00Z' },
        { donor: 'Norway', amount: '20000.00', currency: 'USD', kind: 'FUNDS', by: 'no-officer', at: '2026-02-02T00:00:00Z' },
      ],
    };
    await target
      .insertInto('projects')
      .values({
        id, title: `Project ${i}`, stage: 'AWAITING_FUNDING', iati_activity_status: 1, idempotency_key: id, filed_by_subject: 'fp-ken', filed_by_role: 'STATE_FOCAL_POINT',
        filed_at: new Date(at + i * 60_000), last_event_seq: 4, updated_at: new Date(at + i * 60_000), details: JSON.stringify(details),
        budget_amount: '100000.00', budget_currency: 'USD', pledged_amount: '50000.00', merged_into: null,
      })
      .execute();
    await target.insertInto('project_states').values(states.map((s) => ({ project_id: id, state_code: s }))).execute();
    await target
      .insertInto('needs')
      .values(needs.map((n, k) => ({
        id: n.id, project_id: id, position: k, state_code: n.stateCode, source: 'FORMAL_REQUEST', priority_area: 'PA-A', priority_activity: '(d)',
        instrument: 'UNTOC', article: '32', forms_of_assistance: ['REPORTING_SUPPORT'], urgency: 'HIGH', description: `need ${k} of ${id}`,
      })))
      .execute();
    await target
      .insertInto('project_events')
      .values(['fileRequest', 'startAssessment', 'startPlanning', 'seekFunding'].map((action, k) => ({
        project_id: id, seq: k + 1, kind: k ? 'TRANSITION' : 'FILED', action, actor_subject: k ? 'pm' : 'fp-ken', actor_role: k ? 'PROGRAMME_MANAGER' : 'STATE_FOCAL_POINT',
        actor_state: k ? null : 'KEN', at: new Date(at + i * 60_000 + k * 1000), from_stage: null, to_stage: 'AWAITING_FUNDING', summary: JSON.stringify({ step: k }),
      })))
      .execute();
  }
}

async function countedPage(actor: Actor, variables: Record<string, unknown>, query = PAGE) {
  const token = await signToken(TEST_JWT_SECRET, actor);
  statements = [];
  const response = await api.fetch('http://127.0.0.1/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  return { body, statements: [...statements] };
}

describe('SQL statements per page (no N+1)', () => {
  it(`reads a page of ${PROJECTS} projects with their needs, history and funding in at most ${MAX_STATEMENTS} statements`, async () => {
    const { body, statements: sent } = await countedPage({ subject: 'pm', role: 'PROGRAMME_MANAGER' }, { first: PROJECTS });
    expect(body.errors).toBeUndefined();
    const page = body.data.projects.data;
    expect(page.edges).toHaveLength(PROJECTS);
    expect(page.totalCount).toBe(PROJECTS);
    expect(page.edges.every((e: any) => e.node.needs.length === 3 && e.node.history.length === 4 && e.node.pledges.length === 2)).toBe(true);
    expect(page.edges[0].node.fundingGap).toBe('50000.00');
    console.log(`sql-statement-count: a page of ${PROJECTS} projects as a programme manager cost ${sent.length} statements:\n  ${sent.map((s) => s.slice(0, 110)).join('\n  ')}`);
    expect(sent.length).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('costs the same for a focal point, whose regional projects cut the history and needs to its own part', async () => {
    const { body, statements: sent } = await countedPage({ subject: 'fp-tza', role: 'STATE_FOCAL_POINT', stateCode: 'TZA' }, { first: PROJECTS });
    expect(body.errors).toBeUndefined();
    const page = body.data.projects.data;
    expect(page.edges).toHaveLength(PROJECTS / 2);
    expect(page.edges.every((e: any) => e.node.needs.every((n: any) => n.state === 'TZA'))).toBe(true);
    // Kenya's filing event keeps its action but not its summary in a Tanzanian focal point's history.
    const filing = page.edges[0].node.history[0];
    const summary = typeof filing.summary === 'string' ? JSON.parse(filing.summary) : filing.summary; // JSON as a string today, a JSON scalar soon
    expect({ action: filing.action, summary }).toEqual({ action: 'fileRequest', summary: { withheld: "another beneficiary State's part" } });
    console.log(`sql-statement-count: a page of ${PROJECTS / 2} regional projects as a focal point cost ${sent.length} statements`);
    expect(sent.length).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('reads a list of titles and stages without the projects\' details, and with them when a field needs them', async () => {
    const LIST = `query($first: Int) { projects(first: $first) { __typename ... on QueryProjectsSuccess { data { totalCount edges { node { id title stage states updatedAt needs { id } } } } } } }`;
    const WITH_GAP = `query($first: Int) { projects(first: $first) { __typename ... on QueryProjectsSuccess { data { edges { node { id ...Gap } } } } } } fragment Gap on Project { fundingGap }`;
    const pm: Actor = { subject: 'pm', role: 'PROGRAMME_MANAGER' };
    const titles = await countedPage(pm, { first: 10 }, LIST);
    expect(titles.body.errors).toBeUndefined();
    expect(titles.body.data.projects.data.edges[0].node).toMatchObject({ id: 'sqlcount-049', title: 'Project 49', stage: 'AWAITING_FUNDING', states: ['KEN', 'TZA'] });
    expect(titles.statements[0]).not.toMatch(/details::text/);
    expect(titles.statements).toHaveLength(3); // the page with its States, the count, the needs
    const gaps = await countedPage(pm, { first: 10 }, WITH_GAP);
    expect(gaps.body.errors).toBeUndefined();
    expect(gaps.body.data.projects.data.edges.map((e: any) => e.node.fundingGap)).toEqual(Array(10).fill('50000.00'));
    expect(gaps.statements[0]).toMatch(/projects"?\.details::text/);
  });

  it('pages on with the cursor, in as few statements, without repeating or skipping a project', async () => {
    const first = await countedPage({ subject: 'pm', role: 'PROGRAMME_MANAGER' }, { first: 20 });
    const ids: string[] = first.body.data.projects.data.edges.map((e: any) => e.node.id);
    let after = first.body.data.projects.data.pageInfo.endCursor;
    while (after) {
      const next = await countedPage({ subject: 'pm', role: 'PROGRAMME_MANAGER' }, { first: 20, after });
      expect(next.statements.length).toBeLessThanOrEqual(MAX_STATEMENTS);
      const data = next.body.data.projects.data;
      ids.push(...data.edges.map((e: any) => e.node.id));
      after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
    }
    expect(ids).toHaveLength(PROJECTS);
    expect(new Set(ids).size).toBe(PROJECTS);
    // Newest filed first (FILED_AT_DESC, the default order).
    expect(ids[0]).toBe('sqlcount-049');
    expect(ids.at(-1)).toBe('sqlcount-000');
  });

  it('refuses a page above the maximum, naming first, and sends no statement', async () => {
    const { body, statements: sent } = await countedPage({ subject: 'pm', role: 'PROGRAMME_MANAGER' }, { first: 101 });
    expect(body.data.projects).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED' });
    expect(body.data.projects.message).toMatch(/^first: must be between 1 and 100/);
    expect(sent).toEqual([]);
  });

  it('refuses a cursor it did not give, naming after', async () => {
    const { body } = await countedPage({ subject: 'pm', role: 'PROGRAMME_MANAGER' }, { first: 5, after: 'bm90LWEtY3Vyc29y' });
    expect(body.data.projects).toMatchObject({ __typename: 'ValidationError' });
    expect(body.data.projects.message).toMatch(/^after: not a cursor of this list/);
  });

  it('refuses a forged cursor holding a NUL before any SQL', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01 00:00:00+00', 'a\u0000b'])).toString('base64url');
    const { body, statements: sent } = await countedPage({ subject: 'pm', role: 'PROGRAMME_MANAGER' }, { first: 5, after: forged });
    expect(body.data.projects).toMatchObject({ __typename: 'ValidationError' });
    expect(sent).toEqual([]);
  });

  it('reads a project page (States, needs, whole history) and a timeline page in one statement each, answering as the loaders do', async () => {
    const PROJECT = `query($id: ID!) { project(id: $id) { __typename ... on Project { id states
      needs { id state priorityArea urgency } history { seq kind action at fromStage toStage actor { subject role state } summary } } ... on Error { code message } } }`;
    const TIMELINE = `query($id: ID!, $first: Int, $after: String) { projectTimeline(id: $id, first: $first, after: $after) { __typename
      ... on QueryProjectTimelineSuccess { data { pageInfo { hasNextPage endCursor } edges { node { seq action at actor { subject state } summary } } } } ... on Error { code message } } }`;
    const pm: Actor = { subject: 'pm', role: 'PROGRAMME_MANAGER' };
    const tza: Actor = { subject: 'fp-tza', role: 'STATE_FOCAL_POINT', stateCode: 'TZA' };
    // The same project as a node of the list, whose needs and history come from the batch loaders.
    const listed = (await countedPage(pm, { first: PROJECTS })).body.data.projects.data.edges.map((e: any) => e.node).find((n: any) => n.id === 'sqlcount-007');
    const page = await countedPage(pm, { id: 'sqlcount-007' }, PROJECT);
    expect(page.statements).toHaveLength(1);
    expect(page.body.data.project).toMatchObject({ __typename: 'Project', states: ['KEN', 'TZA'], needs: listed.needs.map((n: any) => ({ id: n.id, state: n.state, priorityArea: n.priorityArea, urgency: n.urgency })) });
    expect(page.body.data.project.history.map((h: any) => [h.seq, h.action, h.at])).toEqual(listed.history.map((h: any, k: number) => [k + 1, h.action, new Date(Date.UTC(2026, 0, 1, 0, 7, k)).toISOString()]));

    // A Tanzanian focal point: its own needs only, Kenya's filing withheld, still one statement.
    const own = await countedPage(tza, { id: 'sqlcount-007' }, PROJECT);
    expect(own.statements).toHaveLength(1);
    expect(own.body.data.project.needs.map((n: any) => n.state)).toEqual(['TZA']);
    expect(own.body.data.project.history[0]).toMatchObject({ action: 'fileRequest', summary: { withheld: "another beneficiary State's part" } });
    // A Kenyan-only project is outside its scope: not found, like an id that does not exist, nothing of it answered.
    const outside = await countedPage(tza, { id: 'sqlcount-008' }, PROJECT);
    expect(outside.body.data.project).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'project sqlcount-008 not found' });
    expect(outside.statements).toHaveLength(1);

    const first = await countedPage(tza, { id: 'sqlcount-007', first: 3 }, TIMELINE);
    expect(first.statements).toHaveLength(1);
    const edges = first.body.data.projectTimeline.data.edges.map((e: any) => e.node);
    expect(edges.map((e: any) => e.seq)).toEqual([1, 2, 3]);
    expect(edges[0]).toMatchObject({ action: 'fileRequest', actor: { subject: 'fp-ken', state: 'KEN' }, summary: { withheld: "another beneficiary State's part" } });
    const rest = await countedPage(tza, { id: 'sqlcount-007', first: 3, after: first.body.data.projectTimeline.data.pageInfo.endCursor }, TIMELINE);
    expect(rest.body.data.projectTimeline.data.edges.map((e: any) => [e.node.seq, e.node.at])).toEqual([[4, '2026-01-01T00:07:03.000Z']]);
    expect(rest.body.data.projectTimeline.data.pageInfo.hasNextPage).toBe(false);
  });

  it('reads a page of the needs pool with each priority explained in 3 statements once the ranking is fresh, and pages on in ranking order', async () => {
    const POOL = `query($first: Int, $after: String) { needPool(first: $first, after: $after) { __typename
      ... on QueryNeedPoolSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { id poolRank projectStage priority { score parts { name points } } } } } }
      ... on Error { code message } } }`;
    const pm: Actor = { subject: 'pm', role: 'PROGRAMME_MANAGER' };
    const first = await countedPage(pm, { first: 50 }, POOL); // ranks the seeded needs (all stale)
    expect(first.body.errors).toBeUndefined();
    const fresh = await countedPage(pm, { first: 50 }, POOL);
    console.log(`sql-statement-count: a needPool page of 50 cost ${first.statements.length} statements while ranking ${PROJECTS * 3} stale needs, then ${fresh.statements.length}:\n  ${fresh.statements.map((x) => x.slice(0, 110)).join('\n  ')}`);
    expect(fresh.statements.length).toBeLessThanOrEqual(3); // the stale probe, the page, the count
    const ranks: number[] = [];
    const scores: number[] = [];
    let after: string | null = null;
    do {
      const { body } = await countedPage(pm, { first: 40, after }, POOL);
      const data = body.data.needPool.data;
      expect(data.totalCount).toBe(PROJECTS * 3);
      for (const e of data.edges) {
        ranks.push(e.node.poolRank);
        scores.push(e.node.priority.score);
        expect(e.node.projectStage).toBe('AWAITING_FUNDING');
      }
      after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
    } while (after);
    expect(ranks).toEqual(Array.from({ length: PROJECTS * 3 }, (_, i) => i + 1));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
