// One slot's invitation chain: invite the best candidate, remind, wait for an answer until the deadline,
// pass to the next on decline or silence, and report to the manager when the list runs out.
// Started standalone by the API (inviteExperts) or as a child of a project lifecycle: its input is all it needs.
import { condition, defineQuery, defineUpdate, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { ApplicationFailure } from '@temporalio/common';
import type { createRosterActivities } from '../activities/roster.js';
import { answerRefusal } from '../domain/invitation-answer.js';

export interface ExpertInvitationInput {
  needId: string;
  projectId?: string | null;
  /** The role or slot the expert is invited to, e.g. the need id or "trainer 1". */
  slot: string;
  /** Best candidate first. */
  candidates: string[];
  /** From each invitation: when to remind, and when silence counts as a decline. */
  reminderSeconds: number;
  deadlineSeconds: number;
  invitedBy: string;
}

import type { InvitationEventKind, InvitationStatus } from '../domain/invitations.js';
export type { InvitationStatus };
export interface InvitationState {
  status: InvitationStatus;
  /** The candidate whose answer is awaited; null once settled. */
  awaiting: string | null;
  expertId: string | null;
}
export interface InvitationAnswer {
  expertId: string;
  accept: boolean;
  reason?: string;
}

export const answerInvitationUpdate = defineUpdate<InvitationState, [InvitationAnswer]>('answerInvitation');
export const invitationStateQuery = defineQuery<InvitationState>('invitationState');
/** Returns once the first invitation is in the read model, so the manager reads what was started. */
export const invitationOpenedUpdate = defineUpdate<InvitationState, []>('invitationOpened');

export async function expertInvitation(input: ExpertInvitationInput): Promise<InvitationState> {
  const { openInvitation, recordInvitationEvent } = proxyActivities<ReturnType<typeof createRosterActivities>>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
  });
  const invitationId = workflowInfo().workflowId;
  const state: InvitationState = { status: 'WAITING', awaiting: null, expertId: null };
  let answer: (InvitationAnswer & { recorded: boolean }) | null = null;
  let seq = 0;
  const record = (kind: InvitationEventKind, expertId: string | null, details: Record<string, unknown> = {}) =>
    recordInvitationEvent({ invitationId, seq: ++seq, kind, expertId, at: new Date().toISOString(), details, status: state.status, settledExpert: state.expertId });

  let opened = false;
  setHandler(invitationStateQuery, () => state);
  setHandler(invitationOpenedUpdate, async () => {
    await condition(() => opened);
    return state;
  });
  setHandler(
    answerInvitationUpdate,
    async (a) => {
      const mine = { ...a, recorded: false };
      answer = mine;
      // Answer once the read model holds it, so the expert reads its own answer.
      await condition(() => mine.recorded);
      return state;
    },
    {
      validator: (a) => {
        // The same rule Invitation.availableActions answers from.
        const why = answerRefusal({ awaiting: state.awaiting, answered: answer !== null, invitationId }, a.expertId);
        if (why) throw ApplicationFailure.create({ type: why.kind === 'CLOSED' ? 'InvitationClosed' : 'NotInvited', message: why.message, nonRetryable: true });
      },
    },
  );

  await openInvitation({ invitationId, needId: input.needId, projectId: input.projectId ?? null, slot: input.slot, candidates: input.candidates, invitedBy: input.invitedBy, startedAt: new Date().toISOString() });
  const remindAfter = input.reminderSeconds < input.deadlineSeconds ? input.reminderSeconds : null;
  for (const [i, candidate] of input.candidates.entries()) {
    answer = null;
    state.awaiting = candidate;
    await record('INVITED', candidate, { position: i + 1, of: input.candidates.length, deadlineSeconds: input.deadlineSeconds });
    opened = true;
    let answered = await condition(() => answer !== null, (remindAfter ?? input.deadlineSeconds) * 1000);
    if (!answered && remindAfter !== null) {
      await record('REMINDED', candidate);
      answered = await condition(() => answer !== null, (input.deadlineSeconds - remindAfter) * 1000);
    }
    if (!answered) {
      state.awaiting = null; // a late answer is refused from here on
      await record('TIMED_OUT', candidate, { afterSeconds: input.deadlineSeconds });
      continue;
    }
    const given: InvitationAnswer & { recorded: boolean } = answer!;
    state.awaiting = null;
    if (given.accept) {
      state.status = 'ACCEPTED';
      state.expertId = candidate;
      await record('ACCEPTED', candidate, given.reason ? { reason: given.reason } : {});
      given.recorded = true;
      return state;
    }
    await record('DECLINED', candidate, given.reason ? { reason: given.reason } : {});
    given.recorded = true;
  }
  state.status = 'EXHAUSTED';
  await record('EXHAUSTED', null, { message: `none of the ${input.candidates.length} candidates accepted; the programme manager must choose again` });
  return state;
}
