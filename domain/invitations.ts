// The vocabulary of an expert invitation chain (workflows/expert-invitation.ts). Pure data: the workflow imports it.

/** WAITING for an answer; ACCEPTED by one candidate; EXHAUSTED: the list ran out, the manager chooses again. */
export const INVITATION_STATUSES = ['WAITING', 'ACCEPTED', 'EXHAUSTED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** What happened in the chain, one event each. */
export const INVITATION_EVENT_KINDS = ['INVITED', 'REMINDED', 'DECLINED', 'TIMED_OUT', 'ACCEPTED', 'EXHAUSTED'] as const;
export type InvitationEventKind = (typeof INVITATION_EVENT_KINDS)[number];
