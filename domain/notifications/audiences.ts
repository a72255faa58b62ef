// Who is told of what. Pure: an event in, the notices it causes out, each with its audiences.
// The outbox writer (activities/notifications-outbox.ts) resolves audiences to people and addresses.

export const NOTICE_TOPICS = [
  'INFORMATION_REQUESTED',
  'INFORMATION_REMINDER',
  'INFORMATION_ESCALATION',
  'FUNDING_REMINDER',
  'FUNDING_ESCALATION',
  'PROGRESS_REPORT_DUE',
  'EVALUATION_ASSIGNED',
  'EVALUATION_REMINDER',
  'EVALUATION_ESCALATION',
  'EXPERT_INVITED',
  'EXPERT_INVITATION_REMINDER',
  'INVITATIONS_EXHAUSTED',
] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

/** The focal points of the project's States, every programme manager, or one person (token subject). */
export type Audience = { kind: 'FOCAL_POINTS' } | { kind: 'MANAGERS' } | { kind: 'PERSON'; subject: string };

export interface Notice {
  topic: NoticeTopic;
  audiences: Audience[];
  /** What the message says beyond the project: the question, the deadline, the timer's message. */
  params: Record<string, string>;
}

const FOCAL_POINTS: Audience = { kind: 'FOCAL_POINTS' };
const MANAGERS: Audience = { kind: 'MANAGERS' };
const person = (subject: string | null | undefined): Audience[] => (subject ? [{ kind: 'PERSON', subject }] : []);

export interface ProjectEventForNotices {
  kind: string;
  action: string;
  at: string;
  summary: Record<string, unknown>;
}

/**
 * Notices of one lifecycle event. `informationDeadline` is when an information request asked at
 * `event.at` lapses; `evaluator` is the project's evaluator, for the evaluation's timers.
 */
export function projectEventNotices(event: ProjectEventForNotices, ctx: { informationDeadline?: string; question?: string; evaluator?: string | null }): Notice[] {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const message = str(event.summary.message);
  if (event.kind === 'TRANSITION' && event.action === 'requestInformation') {
    return [{ topic: 'INFORMATION_REQUESTED', audiences: [FOCAL_POINTS], params: { question: ctx.question ?? str(event.summary.question), deadline: ctx.informationDeadline ?? '' } }];
  }
  if (event.kind === 'TRANSITION' && event.action === 'startEvaluation') {
    // Every member of the panel learns of the assignment; the lead first.
    const panel = Array.isArray(event.summary.panel) ? event.summary.panel.filter((m): m is string => typeof m === 'string') : [];
    return [{ topic: 'EVALUATION_ASSIGNED', audiences: [str(event.summary.evaluator), ...panel].flatMap((m) => person(m)), params: {} }];
  }
  if (event.kind === 'REMINDER' || event.kind === 'ESCALATION') {
    const escalation = event.kind === 'ESCALATION';
    switch (event.action) {
      case 'informationRequest':
        // The State is reminded; a lapse goes to the managers, and the State learns it lapsed.
        return [{
          topic: escalation ? 'INFORMATION_ESCALATION' : 'INFORMATION_REMINDER',
          audiences: escalation ? [MANAGERS, FOCAL_POINTS] : [FOCAL_POINTS],
          params: { message, question: ctx.question ?? '', deadline: ctx.informationDeadline ?? '' },
        }];
      case 'funding':
        return [{ topic: escalation ? 'FUNDING_ESCALATION' : 'FUNDING_REMINDER', audiences: [MANAGERS], params: { message } }];
      case 'progressReport':
        return [{ topic: 'PROGRESS_REPORT_DUE', audiences: [MANAGERS], params: { message } }];
      case 'evaluation':
        return [{ topic: escalation ? 'EVALUATION_ESCALATION' : 'EVALUATION_REMINDER', audiences: escalation ? [MANAGERS, ...person(ctx.evaluator)] : person(ctx.evaluator), params: { message } }];
    }
  }
  return [];
}

/** Notices of one expert-invitation event (workflows/expert-invitation.ts). */
export function invitationEventNotices(e: { kind: string; expertId: string | null; at: string; details: Record<string, unknown> }, slot: string): Notice[] {
  switch (e.kind) {
    case 'INVITED': {
      const seconds = Number(e.details.deadlineSeconds);
      const deadline = Number.isFinite(seconds) ? new Date(Date.parse(e.at) + seconds * 1000).toISOString() : '';
      return [{ topic: 'EXPERT_INVITED', audiences: person(e.expertId), params: { slot, deadline } }];
    }
    case 'REMINDED':
      return [{ topic: 'EXPERT_INVITATION_REMINDER', audiences: person(e.expertId), params: { slot } }];
    case 'EXHAUSTED':
      return [{ topic: 'INVITATIONS_EXHAUSTED', audiences: [MANAGERS], params: { slot } }];
    default:
      return [];
  }
}
