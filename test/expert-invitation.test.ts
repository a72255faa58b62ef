// The invitation chain on the real servers: decline passes to the next candidate, silence times out
// after a reminder, acceptance settles the slot, and a list that runs out is reported to the manager.
// Durations come from the input, so the chain runs in seconds. Expert names are invented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, fileAs, type Caller } from './support/actions.js';
import { gabonReportingRequest } from './support/requests.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
let needId: string;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-invitations', role: 'PROGRAMME_MANAGER' });
  const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
  needId = (await fileAs(stack, gab, gabonReportingRequest())).needs[0]!.id;
});
afterAll(() => stack?.stop());

const INVITATION = 'id status expertId candidates events { seq kind expertId }';
const INVITE = `mutation($input: InviteExpertsInput!) { inviteExperts(input: $input) { __typename ... on Invitation { ${INVITATION} } ... on Error { code message } ... on ValidationError { issues { field message } } } }`;
const ANSWER = `mutation($id: ID!, $accept: Boolean!) { answerInvitation(input: { invitationId: $id, accept: $accept, reason: "invented" }) { __typename ... on Invitation { ${INVITATION} } ... on Error { code message } } }`;
const READ = `query($id: ID!) { invitation(id: $id) { __typename ... on Invitation { ${INVITATION} } ... on Error { code message } } }`;

async function expert(name: string, languages = [{ language: 'fr', level: 'C1' }]): Promise<{ id: string; token: string }> {
  const fra = await stack.token({ subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
  const { body } = await stack.gql(`mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { ... on Expert { id } } }`, {
    input: { name: `${name} (invented)`, nationality: 'FRA', nominatingState: 'FRA', institution: 'Ministère de la Justice (invented unit)', profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], languages } },
  }, fra);
  const id = body.data.nominateExpert.id as string;
  const token = await stack.token({ subject: id, role: 'EXPERT' });
  await stack.gql('mutation { acceptNomination { __typename } }', {}, token);
  return { id, token };
}

/** Reads the invitation until `done` holds: the chain moves on server timers, not on ours. */
async function waitFor(id: string, done: (inv: { status: string; events: { kind: string }[] }) => boolean) {
  for (;;) {
    const inv = (await stack.gql(READ, { id }, pm.token)).body.data.invitation;
    if (done(inv)) return inv;
    await new Promise((r) => setTimeout(r, 200));
  }
}
const kinds = (inv: { events: { kind: string; expertId: string | null }[] }) => inv.events.map((e) => [e.kind, e.expertId]);

describe('invitation chain', () => {
  it('a decline passes to the next candidate, who accepts; only the invited expert may answer', async () => {
    const [first, second] = [await expert('First Choice'), await expert('Second Choice')];
    const { body } = await stack.gql(INVITE, { input: { needId, slot: 'reporting trainer', candidates: [first.id, second.id], reminderSeconds: 600, deadlineSeconds: 1200, idempotencyKey: freshKey('inv') } }, pm.token);
    const inv = body.data.inviteExperts;
    expect(kinds(inv)).toEqual([['INVITED', first.id]]);

    expect((await stack.gql(ANSWER, { id: inv.id, accept: true }, second.token)).body.data.answerInvitation).toMatchObject({ __typename: 'ForbiddenError' });
    const declined = (await stack.gql(ANSWER, { id: inv.id, accept: false }, first.token)).body.data.answerInvitation;
    expect(kinds(declined).slice(0, 2)).toEqual([['INVITED', first.id], ['DECLINED', first.id]]);
    const next = await waitFor(inv.id, (i) => i.events.length >= 3);
    expect(kinds(next)).toEqual([['INVITED', first.id], ['DECLINED', first.id], ['INVITED', second.id]]);

    const accepted = (await stack.gql(ANSWER, { id: inv.id, accept: true }, second.token)).body.data.answerInvitation;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', expertId: second.id });
    expect((await stack.gql(ANSWER, { id: inv.id, accept: true }, first.token)).body.data.answerInvitation).toMatchObject({ __typename: 'TransitionRefusedError' });
  });

  it('silence gets a reminder, then times out and passes on; when the list runs out the manager is told', async () => {
    const [quiet, silent] = [await expert('Quiet One'), await expert('Also Silent')];
    const { body } = await stack.gql(INVITE, { input: { needId, slot: 'statistics adviser', candidates: [quiet.id, silent.id], reminderSeconds: 1, deadlineSeconds: 2, idempotencyKey: freshKey('inv') } }, pm.token);
    const done = await waitFor(body.data.inviteExperts.id, (i) => i.status === 'EXHAUSTED');
    expect(kinds(done)).toEqual([
      ['INVITED', quiet.id], ['REMINDED', quiet.id], ['TIMED_OUT', quiet.id],
      ['INVITED', silent.id], ['REMINDED', silent.id], ['TIMED_OUT', silent.id],
      ['EXHAUSTED', null],
    ]);
    expect(done.expertId).toBeNull();
    // A late answer changes nothing.
    expect((await stack.gql(ANSWER, { id: done.id, accept: true }, quiet.token)).body.data.answerInvitation).toMatchObject({ __typename: 'TransitionRefusedError' });
  });

  it('refuses candidates who break a hard rule for the need, naming the candidate, and starts nothing', async () => {
    const anglophone = await expert('Anglophone', [{ language: 'en', level: 'NATIVE' }]);
    const key = freshKey('inv');
    const { body } = await stack.gql(INVITE, { input: { needId, slot: 'x', candidates: [anglophone.id, 'expert-nobody'], reminderSeconds: 5, deadlineSeconds: 2, idempotencyKey: key } }, pm.token);
    expect(body.data.inviteExperts.issues).toEqual([
      { field: 'input.candidates.0', message: 'NO_SHARED_LANGUAGE: speaks none of fr (working languages of GAB) at B1 or better' },
      { field: 'input.candidates.1', message: 'expert-nobody is not an active expert of the roster' },
    ]);
    expect(await stack.db.selectFrom('invitations').select('id').where('id', '=', `invitation-${needId}-${key}`).execute()).toEqual([]);
  });
});
