// Who may answer an invitation, and when. Pure: the expertInvitation workflow's validator and
// Invitation.availableActions (domain/lifecycle/available-actions.ts) decide with this one rule.

export interface InvitationAnswerState {
  /** The candidate whose answer is awaited now; null while none is (settled, or between two candidates). */
  awaiting: string | null;
  /** An answer already taken for the current candidate and not yet recorded. */
  answered?: boolean;
  invitationId: string;
}

export type AnswerRefusal = { kind: 'CLOSED' | 'NOT_INVITED'; message: string };

export function answerRefusal(state: InvitationAnswerState, expertId: string): AnswerRefusal | null {
  if (state.awaiting === null || state.answered) return { kind: 'CLOSED', message: `invitation ${state.invitationId} awaits no answer now` };
  if (expertId !== state.awaiting) return { kind: 'NOT_INVITED', message: `expert ${expertId} is not the one invited now` };
  return null;
}

/** The candidate awaited, as the read model's events show it: the last event an INVITED or REMINDED one of a WAITING chain. */
export function awaitedCandidate(status: string, events: readonly { kind: string; expert_id: string | null }[]): string | null {
  const last = events.at(-1);
  return status === 'WAITING' && last && (last.kind === 'INVITED' || last.kind === 'REMINDED') ? last.expert_id : null;
}
