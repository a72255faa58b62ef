// Every fixed vocabulary of the graph as a GraphQL enum, each built from its one `as const` tuple in domain/,
// so a typed client (gql.tada, graphql-codegen) gets a union of literals instead of String, and GraphQL
// refuses an unknown value of an input before any resolver runs (the error names the variable's path).
// Code lists whose codes are not GraphQL names (priority areas "PA-A", activities "(d)", instruments
// "1988", ISO 3166 States, forms of assistance kept by the Conference) stay String; their descriptions name
// the codeLists field they come from.
import { NEED_SOURCES, URGENCIES, type NeedSourceCode, type UrgencyCode } from '../../domain/code-lists/index.js';
import { ERROR_CODES } from '../../domain/error-codes.js';
import { EARMARK_FLAGS } from '../../domain/funding.js';
import { INVITATION_EVENT_KINDS, INVITATION_STATUSES } from '../../domain/invitations.js';
import { LEVELS } from '../../domain/languages.js';
import { ASSESSMENT_TYPES, DAC_CRITERIA, MODALITIES, NEED_VERDICTS, PLEDGE_KINDS } from '../../domain/lifecycle-inputs.js';
import { INDEPENDENCE_RULES } from '../../domain/matching/evaluator.js';
import { EXCLUSION_RULES, EXPERT_ACTIONS, EXPERT_STATUSES, SCORE_PART_NAMES } from '../../domain/matching/types.js';
import { IMPORT_FORMATS, IMPORT_SOURCES, IMPORT_STATUSES } from '../../domain/needs-import.js';
import { DELIVERIES, NOTIFICATION_STATUSES } from '../../domain/notifications/digest.js';
import { NOTICE_TOPICS } from '../../domain/notifications/audiences.js';
import { LANGUAGES as NOTIFICATION_LANGUAGES } from '../../domain/notifications/messages.js';
import { PRIORITY_PART_NAMES, SNAPSHOT_TRIGGERS } from '../../domain/priority.js';
import { PROJECT_EVENT_KINDS } from '../../domain/project-events.js';
import { ROLES } from '../../domain/roles.js';
import { STAGES } from '../../domain/stages.js';
import { TRANSITION_REFUSALS } from '../../domain/transitions.js';
import { builder } from '../builder.js';

const codes = <C extends string>(list: readonly { code: C }[]): readonly C[] => list.map((e) => e.code);

export const StageEnum = builder.enumType('Stage', { description: 'Where a project stands in its lifecycle (README "The lifecycle").', values: STAGES });
/** A need's place in the needs report: a project's stage, or POOL when no project holds it. */
export const NEED_PLACES = ['POOL', ...STAGES] as const;
export const NeedPlaceEnum = builder.enumType('NeedPlace', { description: "POOL for a need in no project; otherwise its project's stage.", values: NEED_PLACES });
/** Who acted: a role, or SYSTEM for palermo's own timers and runs (reminders, escalations, re-prioritisation). */
export const ACTOR_ROLES = [...ROLES, 'SYSTEM'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
export const ActorRoleEnum = builder.enumType('ActorRole', { description: "Who acted: a caller's role, or SYSTEM for palermo's own timers and runs.", values: ACTOR_ROLES });
export const UrgencyEnum = builder.enumType('Urgency', { description: 'How urgent a need is, least to most (codeLists.urgencies has the titles).', values: codes<UrgencyCode>(URGENCIES) });
export const NeedSourceEnum = builder.enumType('NeedSource', { description: 'How a need reached palermo (codeLists.needSources has the titles).', values: codes<NeedSourceCode>(NEED_SOURCES) });
export const VerdictEnum = builder.enumType('Verdict', { description: "An evaluation's verdict on a need.", values: NEED_VERDICTS });
export const DacCriterionEnum = builder.enumType('DacCriterion', { description: 'The six OECD DAC evaluation criteria.', values: DAC_CRITERIA });
export const PledgeKindEnum = builder.enumType('PledgeKind', { description: 'Cash, or support in kind.', values: PLEDGE_KINDS });
export const AssessmentTypeEnum = builder.enumType('AssessmentType', { description: 'An assessment or mission.', values: ASSESSMENT_TYPES });
export const ModalityEnum = builder.enumType('Modality', { description: "A plan's reach: one State, a region, several regions or global.", values: MODALITIES });
export const ExpertStatusEnum = builder.enumType('ExpertStatus', { description: "An expert's place on the roster.", values: EXPERT_STATUSES });
export const ExpertActionEnum = builder.enumType('ExpertAction', { description: "What a line of an expert's history records.", values: EXPERT_ACTIONS });
export const LanguageLevelEnum = builder.enumType('LanguageLevel', { description: 'CEFR level A1-C2, or NATIVE.', values: LEVELS });
export const InvitationStatusEnum = builder.enumType('InvitationStatus', { description: "An invitation chain's state; EXHAUSTED reports that the list ran out.", values: INVITATION_STATUSES });
export const InvitationEventKindEnum = builder.enumType('InvitationEventKind', { description: 'One event of an invitation chain.', values: INVITATION_EVENT_KINDS });
export const ProjectEventKindEnum = builder.enumType('ProjectEventKind', { description: 'What a line of the audit trail is.', values: PROJECT_EVENT_KINDS });
export const ErrorCodeEnum = builder.enumType('ErrorCode', { description: 'The code of an expected failure.', values: ERROR_CODES });
export const TransitionRefusalEnum = builder.enumType('TransitionRefusal', {
  description: 'Why an action was refused: the transition table (ROLE_NOT_ALLOWED, OUT_OF_SCOPE, WRONG_STAGE), its rule (PRECONDITION_FAILED), the workflow or the pool and roster; REFUSED when no code was given.',
  values: TRANSITION_REFUSALS,
});
export const NotificationDeliveryEnum = builder.enumType('NotificationDelivery', { description: 'Mail at once, or one daily digest.', values: DELIVERIES });
export const NotificationLanguageEnum = builder.enumType('NotificationLanguage', { description: 'The language of notices (ISO 639-1: en, fr, es).', values: NOTIFICATION_LANGUAGES });
export const NotificationStatusEnum = builder.enumType('NotificationStatus', { description: 'PENDING (waiting, or held for the daily digest), SENT, or FAILED (lastError says why).', values: NOTIFICATION_STATUSES });
export const NotificationTopicEnum = builder.enumType('NotificationTopic', { description: 'What a notice tells.', values: NOTICE_TOPICS });
export const ImportFormatEnum = builder.enumType('ImportFormat', { description: 'CSV or JSON.', values: IMPORT_FORMATS });
export const ImportSourceEnum = builder.enumType('ImportSource', { description: 'Which returned form the imported rows answer.', values: IMPORT_SOURCES });
export const ImportStatusEnum = builder.enumType('ImportStatus', { description: 'RUNNING until every row is imported or recorded as an error.', values: IMPORT_STATUSES });
export const EarmarkFlagEnum = builder.enumType('EarmarkFlag', { description: 'R4: a Conference priority under-funded by earmarks, or an area earmarks favour beyond its weight.', values: EARMARK_FLAGS });
export const PriorityPartNameEnum = builder.enumType('PriorityPartName', { description: "The named parts of a need's priority.", values: PRIORITY_PART_NAMES });
export const ScorePartNameEnum = builder.enumType('ScorePartName', { description: "The named parts of an expert's match score.", values: SCORE_PART_NAMES });
/** A hard rule of matching or of an evaluator's independence (SUSPENDED is in both). */
export const EXPERT_RULES = [...new Set([...EXCLUSION_RULES, ...INDEPENDENCE_RULES])] as (typeof EXCLUSION_RULES[number] | typeof INDEPENDENCE_RULES[number])[];
export const ExpertRuleEnum = builder.enumType('ExpertRule', { description: 'A hard rule that excludes an expert from a match or an evaluation.', values: EXPERT_RULES });
export const SnapshotTriggerEnum = builder.enumType('SnapshotTrigger', { description: 'The daily Schedule, or a manager asking now.', values: SNAPSHOT_TRIGGERS });
