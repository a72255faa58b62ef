// Bounded history: a project with 500 progress reports continues as new, each run's history stays
// under 1 MB, nothing is lost in reads or the timeline, and a progress reminder still fires afterwards.
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, readProject, type Caller } from './support/actions.js';
import { projectInDelivery } from './support/delivery.js';
import { startStack, type Stack } from './support/stack.js';

const REPORTS = 500;
/** 60 reports of 8,000 characters: about 1.4 MB of history in one run if only the event count bounded it. */
const LONG_REPORTS = 60;
let stack: Stack;
let pm: Caller;
beforeAll(async () => {
  // Reports come far faster than every 3 s, so the reminder fires only once they stop.
  stack = await startStack({ timings: { progressReportInterval: '3s' } });
  pm = await caller(stack, { subject: 'pm-history', role: 'PROGRAMME_MANAGER' });
});
afterAll(() => stack?.stop());

const REPORT = /* GraphQL */ `
  mutation($input: ReportProgressInput!) { reportProgress(input: $input) { __typename ... on Project { stage } ... on Error { message } } }`;

/** Every run of a workflow, first to last: back from the current run along the continued-as-new chain. */
async function runsOf(workflowId: string) {
  const runs: { runId: string; events: number; bytes: number; answered: number[] }[] = [];
  let runId: string | undefined = (await stack.client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await stack.client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    runs.unshift({ runId, events: events.length, bytes: temporal.api.history.v1.History.encode(history).finish().length, answered: eventsPerAnswer(events) });
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}

/** How many project events each Update's answer carried back to the API (each answer stays in the history). */
function eventsPerAnswer(events: temporal.api.history.v1.IHistoryEvent[]): number[] {
  return events.flatMap((e) => {
    const data = e.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success?.payloads?.[0]?.data;
    return data ? [(JSON.parse(Buffer.from(data).toString('utf8')) as { events?: unknown[] }).events?.length ?? 0] : [];
  });
}

const describeRuns = (runs: Awaited<ReturnType<typeof runsOf>>) =>
  runs.map((r, i) => `  run ${i + 1}: ${r.events} events, ${(r.bytes / 1024).toFixed(1)} KiB, at most ${Math.max(0, ...r.answered)} events in an answer${i < runs.length - 1 ? ' (continued as new)' : ' (current)'}`).join('\n');

describe('a project with 500 progress reports', () => {
  it('continues as new with every run under 1 MB, loses nothing, and still reminds', { timeout: 600_000 }, async () => {
    const { id } = await projectInDelivery(stack, pm, 'SLE', 'Witness protection mentoring, reported on monthly');
    for (let i = 1; i <= REPORTS; i++) {
      const { body } = await stack.gql(REPORT, { input: { projectId: id, period: `period ${i}`, narrative: `Mentoring continued; report ${i} of ${REPORTS}.` } }, pm.token);
      expect(body.data?.reportProgress, `report ${i}: ${JSON.stringify(body)}`).toEqual({ __typename: 'Project', stage: 'IN_DELIVERY' });
    }

    const runs = await runsOf(id);
    console.log(`history per run after ${REPORTS} progress reports:\n${describeRuns(runs)}`);
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) expect(run.bytes).toBeLessThan(1024 * 1024);
    // One caller, one report at a time: each answer carries the report's own event, and at most a
    // reminder committed meanwhile; never the backlog of everything the projection activity has not written.
    expect(Math.max(...runs.flatMap((r) => r.answered))).toBeLessThanOrEqual(2);

    // Nothing lost: every report in the read model and in the timeline, events numbered without a gap.
    const project = await stack.gql(`query($id: ID!) { project(id: $id) { ... on Project { stage progressReports { period } } } }`, { id }, pm.token);
    expect(project.body.data.project.stage).toBe('IN_DELIVERY');
    expect(project.body.data.project.progressReports.map((r: { period: string }) => r.period)).toEqual(Array.from({ length: REPORTS }, (_, i) => `period ${i + 1}`));
    // The timeline is a connection: paged through 100 events at a time, after each page's endCursor.
    const events: { seq: number; kind: string; action: string }[] = [];
    for (let after: string | null = null, pages = 0; ; pages++) {
      const timeline: { body: any } = await stack.gql('query($id: ID!, $after: String) { projectTimeline(id: $id, first: 100, after: $after) { ... on QueryProjectTimelineSuccess { data { pageInfo { hasNextPage endCursor } edges { node { seq kind action } } } } } }', { id, after }, pm.token);
      const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: unknown[] } = timeline.body.data.projectTimeline.data;
      events.push(...(page.edges as { node: { seq: number; kind: string; action: string } }[]).map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(100);
      expect(pages).toBeLessThan(20);
      after = page.pageInfo.endCursor;
    }
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(events.filter((e) => e.action === 'reportProgress')).toHaveLength(REPORTS);
    const lastReportSeq = events.filter((e) => e.action === 'reportProgress').at(-1)!.seq;

    // The reminder's due time crossed the continue-as-new: it fires in a later run, 3 s after the last report.
    await expect
      .poll(async () => (await readProject(stack, pm, id)).history.filter((h: { seq: number; kind: string; action: string }) => h.seq > lastReportSeq && h.kind === 'REMINDER' && h.action === 'progressReport').length, { timeout: 20_000, interval: 500 })
      .toBeGreaterThan(0);
    const afterReminder = await runsOf(id);
    const current = afterReminder.at(-1)!;
    expect(afterReminder.length).toBeGreaterThan(1);
    const currentHistory = (await stack.client.workflow.getHandle(id, current.runId).fetchHistory()).events ?? [];
    expect(currentHistory[0]!.workflowExecutionStartedEventAttributes!.continuedExecutionRunId).toBeTruthy();
    expect(currentHistory.some((e) => e.timerFiredEventAttributes)).toBe(true);
  });

  it('continues as new by bytes when long narratives fill a run before its event count does', { timeout: 300_000 }, async () => {
    const { id } = await projectInDelivery(stack, pm, 'SLE', 'Witness protection mentoring, reported on at length');
    const long = `Mentoring continued across the four regional courts; ${'the witness protection unit met its caseload targets. '.repeat(140)}`.slice(0, 8000);
    for (let i = 1; i <= LONG_REPORTS; i++) {
      const { body } = await stack.gql(REPORT, { input: { projectId: id, period: `long period ${i}`, narrative: long } }, pm.token);
      expect(body.data?.reportProgress, `report ${i}: ${JSON.stringify(body).slice(0, 300)}`).toEqual({ __typename: 'Project', stage: 'IN_DELIVERY' });
    }
    const runs = await runsOf(id);
    console.log(`history per run after ${LONG_REPORTS} reports of 8,000 characters:\n${describeRuns(runs)}`);
    // Far under the event count that bounds a run, yet more than one run: the bytes decided.
    expect(runs.every((r) => r.events < 2000)).toBe(true);
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) expect(run.bytes).toBeLessThan(1024 * 1024);
    const project = await stack.gql(`query($id: ID!) { project(id: $id) { ... on Project { progressReports { period } } } }`, { id }, pm.token);
    expect(project.body.data.project.progressReports.map((r: { period: string }) => r.period)).toEqual(Array.from({ length: LONG_REPORTS }, (_, i) => `long period ${i + 1}`));
  });
});
