// "What may I do with this now?" (issue 11 item 3): every action on a project, a need or an invitation, for
// the caller, allowed or not with the refusal code and words to act on. Decided in domain/ by the rules the
// actions themselves apply (domain/lifecycle/available-actions.ts); nothing is decided here.
import {
  ACTION_REFUSALS,
  INVITATION_ACTIONS,
  NEED_ACTIONS,
  PROJECT_ACTIONS,
  availableInvitationActions,
  availableNeedActions,
  availableProjectActions,
  stagesOf,
  type Availability,
  type InvitationAction,
  type NeedAction,
  type ProjectAction,
} from '../../domain/lifecycle/available-actions.js';
import { awaitedCandidate } from '../../domain/invitation-answer.js';
import type { ProjectState } from '../../domain/project-state.js';
import { invitationEvents } from '../../db/queries/roster.js';
import { builder } from '../builder.js';
import { InvitationRef } from './matching.js';
import { NeedRef, ProjectRef } from './project.js';

export const ProjectActionEnum = builder.enumType('ProjectAction', {
  description: 'A lifecycle action on a project; each is the name of its mutation.',
  values: PROJECT_ACTIONS,
});
export const NeedActionEnum = builder.enumType('NeedAction', {
  description: 'An action on a need; each is the name of its mutation.',
  values: NEED_ACTIONS,
});
export const InvitationActionEnum = builder.enumType('InvitationAction', {
  description: 'An action on an invitation; each is the name of its mutation.',
  values: INVITATION_ACTIONS,
});
export const ActionRefusalEnum = builder.enumType('ActionRefusal', {
  description:
    'Why an action is not available now. ROLE_NOT_ALLOWED: the caller\'s role may not call it (the mutation answers ForbiddenError); ' +
    'OUT_OF_SCOPE: not the caller\'s State, project or invitation; WRONG_STAGE: not at this stage; PRECONDITION_FAILED: a rule of the action is not met yet (reason says which).',
  values: ACTION_REFUSALS,
});

type Refused<A extends string> = Extract<Availability<A>, { allowed: false }>;
const refusalOf = <A extends string>(a: Availability<A>) => (a.allowed ? null : (a as Refused<A>).refusal);
const reasonOf = <A extends string>(a: Availability<A>) => (a.allowed ? null : (a as Refused<A>).reason);

const ActionAvailabilityRef = builder.objectRef<Availability<ProjectAction>>('ActionAvailability').implement({
  description: 'A lifecycle action and whether the caller may take it now. An allowed action can still be refused for its input (the mutation says which field).',
  fields: (t) => ({
    action: t.field({ type: ProjectActionEnum, resolve: (a) => a.action }),
    allowed: t.exposeBoolean('allowed'),
    refusal: t.field({ type: ActionRefusalEnum, nullable: true, description: 'Null when allowed; the refusal the mutation would answer', resolve: refusalOf }),
    reason: t.string({ nullable: true, description: 'Null when allowed; why not, in words a person can act on', resolve: reasonOf }),
    stages: t.stringList({ description: 'The stages at which the action is possible (from the transition table)', resolve: (a) => [...stagesOf(a.action)] }),
  }),
});

const NeedActionAvailabilityRef = builder.objectRef<Availability<NeedAction>>('NeedActionAvailability').implement({
  description: 'An action on a need and whether the caller may take it now.',
  fields: (t) => ({
    action: t.field({ type: NeedActionEnum, resolve: (a) => a.action }),
    allowed: t.exposeBoolean('allowed'),
    refusal: t.field({ type: ActionRefusalEnum, nullable: true, resolve: refusalOf }),
    reason: t.string({ nullable: true, resolve: reasonOf }),
  }),
});

const InvitationActionAvailabilityRef = builder.objectRef<Availability<InvitationAction>>('InvitationActionAvailability').implement({
  description: 'An action on an invitation and whether the caller may take it now.',
  fields: (t) => ({
    action: t.field({ type: InvitationActionEnum, resolve: (a) => a.action }),
    allowed: t.exposeBoolean('allowed'),
    refusal: t.field({ type: ActionRefusalEnum, nullable: true, resolve: refusalOf }),
    reason: t.string({ nullable: true, resolve: reasonOf }),
  }),
});

builder.objectField(ProjectRef, 'availableActions', (t) =>
  t.field({
    type: [ActionAvailabilityRef],
    description: 'Every lifecycle action, for the caller: allowed now or not, and why not. From the transition table and the preconditions the workflow checks.',
    resolve: (p, _a, ctx) => availableProjectActions(ctx.actor!, p.details as unknown as ProjectState),
  }),
);

builder.objectField(NeedRef, 'availableActions', (t) =>
  t.field({
    type: [NeedActionAvailabilityRef],
    description: 'confirmPresumedNeed, rankNeeds, groupNeedsIntoProject and mergeNeeds (as a duplicate), for the caller: allowed now or not, and why not.',
    resolve: (n, _a, ctx) =>
      availableNeedActions(ctx.actor!, {
        id: n.id,
        stateCode: n.state_code,
        source: n.source,
        confirmedAt: n.confirmed_at ? new Date(n.confirmed_at).toISOString() : null,
        projectId: n.project_id,
        claimedFor: null,
        mergedInto: n.merged_into,
      }),
  }),
);

builder.objectField(InvitationRef, 'availableActions', (t) =>
  t.field({
    type: [InvitationActionAvailabilityRef],
    description: 'answerInvitation, for the caller: allowed while the invitation awaits the caller\'s answer.',
    resolve: async (i, _a, ctx) => {
      const events = await invitationEvents(ctx.deps.db, i.id);
      return availableInvitationActions(ctx.actor!, { invitationId: i.id, awaiting: awaitedCandidate(i.status, events), candidates: i.candidates });
    },
  }),
);
