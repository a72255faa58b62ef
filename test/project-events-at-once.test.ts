// The API's one-statement write of the events an Update answered with (writeProjectEventsAtOnce) leaves
// the read model exactly as the projection activity's write does, one event at a time; it writes nothing
// when the row moved since the caller read it, or when an event writes more than the project's own rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeProjectEvent, writeProjectEventsAtOnce } from '../activities/project-events.js';
import type { ProjectEvent } from '../domain/project-events.js';
import type { ProjectProjection } from '../workflows/definitions.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(() => stack?.stop());

const pm = { subject: 'pm-at-once', role: 'PROGRAMME_MANAGER' } as const;
const gabon = { subject: 'fp-gab', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' } as const;

/** A project filed into the read model, and the events that follow, as the workflow would commit them. */
async function filedProject() {
  const projectId = `project-GAB-${freshKey('at-once')}`;
  let clock = Date.parse('2026-12-01T09:00:00.000Z'); // the same times for every project, so two compare equal
  const nextAt = () => new Date((clock += 60_000)).toISOString();
  const projection = (event: Omit<ProjectEvent, 'at'>): ProjectProjection => ({ projectId, event: { ...event, at: nextAt() }, idempotencyKey: projectId, filedBy: gabon, filedAt: '2026-12-01T09:00:00.000Z' });
  const filing = { projectId, title: 'Reporting support', stateCode: 'GAB', needs: [{ id: `${projectId}/need-1`, stateCode: 'GAB', source: 'FORMAL_REQUEST' as const, priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM' as const, description: 'Checklist (000 fn 5).' }] };
  await writeProjectEvent(stack.db, { ...projection({ seq: 1, kind: 'FILED', action: 'fileRequest', actor: gabon, fromStage: null, toStage: 'SUBMITTED', summary: { needs: 1 } }), filing });
  const plan = { objectives: ['Gabon completes the checklist'], outputs: [], outcomes: [{ title: 'Checklist completed', indicators: [{ name: 'checklists', unit: 'checklists', baseline: 0, target: 1 }] }], formsOfAssistance: ['REPORTING_SUPPORT'], modality: 'NATIONAL', budget: { amount: '10000', currency: 'USD' } };
  const events = [
    projection({ seq: 2, kind: 'TRANSITION', action: 'startAssessment', actor: pm, fromStage: 'SUBMITTED', toStage: 'UNDER_ASSESSMENT', summary: { note: 'Desk review first' } }),
    projection({ seq: 3, kind: 'TRANSITION', action: 'startPlanning', actor: pm, fromStage: 'UNDER_ASSESSMENT', toStage: 'PLANNING', summary: {} }),
    projection({ seq: 4, kind: 'RECORDED', action: 'setPlan', actor: pm, fromStage: 'PLANNING', toStage: 'PLANNING', summary: plan }),
    projection({ seq: 5, kind: 'RECORDED', action: 'endorsePlan', actor: gabon, fromStage: 'PLANNING', toStage: 'PLANNING', summary: {} }),
  ];
  return { projectId, events, projection };
}

const stored = (projectId: string) => stack.db.selectFrom('projects').select(['details', 'last_event_seq']).where('id', '=', projectId).executeTakeFirstOrThrow();
/** What the read model holds of a project, without what names it. */
async function readModel(projectId: string) {
  const { id: _id, idempotency_key: _key, ...row } = await stack.db.selectFrom('projects').selectAll().where('id', '=', projectId).executeTakeFirstOrThrow();
  const events = await stack.db.selectFrom('project_events').select(['seq', 'kind', 'action', 'actor_subject', 'actor_role', 'actor_state', 'at', 'from_stage', 'to_stage', 'summary']).where('project_id', '=', projectId).orderBy('seq').execute();
  const details = JSON.parse(JSON.stringify(row.details).replaceAll(projectId, 'P'));
  return { ...row, details, events };
}

describe('writeProjectEventsAtOnce', () => {
  it('leaves the read model as the projection activity leaves it, one event or several in one statement', async () => {
    const one = await filedProject();
    const other = await filedProject();
    for (const p of one.events) await writeProjectEvent(stack.db, p);
    // The other project's events in two answers: one event, then three at once.
    const first = await writeProjectEventsAtOnce(stack.db, other.projectId, await stored(other.projectId), other.events.slice(0, 1));
    expect(first).toMatchObject({ id: other.projectId, stage: 'UNDER_ASSESSMENT', last_event_seq: 2 });
    const rest = await writeProjectEventsAtOnce(stack.db, other.projectId, await stored(other.projectId), other.events.slice(1));
    expect(rest).toMatchObject({ stage: 'PLANNING', last_event_seq: 5, budget_amount: '10000.000', budget_currency: 'USD' });
    expect(await readModel(other.projectId)).toEqual(await readModel(one.projectId));
  });

  it('writes nothing when the row moved since the caller read it', async () => {
    const { projectId, events } = await filedProject();
    const before = await stored(projectId); // read at event 1
    await writeProjectEvent(stack.db, events[0]!); // the projection activity writes event 2 meanwhile
    expect(await writeProjectEventsAtOnce(stack.db, projectId, before, events.slice(0, 2))).toBeNull();
    const after = await readModel(projectId);
    expect(after).toMatchObject({ stage: 'UNDER_ASSESSMENT', last_event_seq: 2 });
    expect(after.events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('leaves to the event-by-event write what notifies or writes other rows: a pledge, an information request', async () => {
    const { projectId, events, projection } = await filedProject();
    for (const p of events.slice(0, 2)) await writeProjectEvent(stack.db, p);
    const pledge = projection({ seq: 4, kind: 'RECORDED', action: 'pledge', actor: pm, fromStage: 'PLANNING', toStage: 'PLANNING', summary: { donor: 'Invented donor', amount: '500', currency: 'USD', kind: 'CASH' } });
    expect(await writeProjectEventsAtOnce(stack.db, projectId, await stored(projectId), [pledge])).toBeNull();
    const question = projection({ seq: 4, kind: 'TRANSITION', action: 'requestInformation', actor: pm, fromStage: 'PLANNING', toStage: 'AWAITING_INFORMATION', summary: { question: 'Who reports?' } });
    expect(await writeProjectEventsAtOnce(stack.db, projectId, await stored(projectId), [question])).toBeNull();
    expect((await readModel(projectId)).last_event_seq).toBe(3);
  });

  it('writes nothing for events that do not follow the row it was given', async () => {
    const { projectId, events } = await filedProject();
    expect(await writeProjectEventsAtOnce(stack.db, projectId, await stored(projectId), events.slice(1, 2))).toBeNull();
    expect((await readModel(projectId)).events.map((e) => e.seq)).toEqual([1]);
  });
});
