// Who sees what: the one access policy of palermo, as a table of role x object x field/action.
// Pure data (imports only the role list). api/policy.ts turns it into Pothos scope-auth scopes on every
// field of the graph, and the CSV routes and resolvers ask it the same questions. A field of the live
// schema without an entry here is refused to every caller, and test/access-policy.test.ts fails.
import { TRANSITIONS, type TransitionName } from '../transitions.js';
import { ROLES, type Role } from '../roles.js';

/**
 * - `yes`: the caller sees it wherever it reaches the parent object (for an operation: may call it on
 *   anything in the system).
 * - `own`: only the caller's part: its State's parts (focal point), its organisation's pledges and
 *   funded projects (donor), its assigned projects (evaluator), its own profile and invitations
 *   (expert). Outside that part an object answers as not found, a list leaves it out.
 * - `no`: never. An operation answers ForbiddenError (the role, not the object, is refused); a nested
 *   field answers null or an empty list.
 */
export type Access = 'yes' | 'own' | 'no';
export type Row = Readonly<Record<Role, Access>>;

/** Columns, in this order: STATE_FOCAL_POINT, PROGRAMME_MANAGER, EVALUATOR, EXPERT, DONOR, CONFERENCE_ADMIN. */
const row = (fp: Access, pm: Access, ev: Access, ex: Access, dn: Access, ca: Access): Row => ({
  STATE_FOCAL_POINT: fp, PROGRAMME_MANAGER: pm, EVALUATOR: ev, EXPERT: ex, DONOR: dn, CONFERENCE_ADMIN: ca,
});

const EVERYONE = row('yes', 'yes', 'yes', 'yes', 'yes', 'yes');
const SECRETARIAT = row('no', 'yes', 'no', 'no', 'no', 'yes');
const MANAGER = row('no', 'yes', 'no', 'no', 'no', 'no');
/** Anyone who reaches a project (the root operations decide who reaches which). */
const PROJECT_READERS = row('yes', 'yes', 'yes', 'no', 'yes', 'yes');
/** Parts of a project no donor sees: State-confidential or the Secretariat's working material. */
const NOT_DONORS = row('yes', 'yes', 'yes', 'no', 'no', 'yes');
/** Parts a donor sees only on a project its organisation pledged to ("follows what it funds"). */
const FUNDERS = row('yes', 'yes', 'yes', 'no', 'own', 'yes');
/** Pool data per need: no expert, evaluator or donor; a focal point its own State's. */
const POOL = row('own', 'yes', 'no', 'no', 'no', 'yes');
/** Portfolio aggregates: counts and sums, no State's or project's detail. */
const AGGREGATES = row('no', 'yes', 'no', 'no', 'yes', 'yes');
const ROSTER_READERS = row('own', 'yes', 'no', 'own', 'no', 'yes');
const MATCHING = row('no', 'yes', 'no', 'no', 'no', 'no');
const INVITATIONS = row('no', 'yes', 'no', 'own', 'no', 'no');

/** Every listed field of a type, with one row. Fields are named one by one, so a new field needs an entry. */
const same = (access: Row, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, access]));

/** A lifecycle action's row follows from the transition table: the manager acts anywhere, others on their own projects. */
function actionRow(name: TransitionName): Row {
  const roles: readonly Role[] = TRANSITIONS[name].roles;
  return Object.fromEntries(ROLES.map((r) => [r, !roles.includes(r) ? 'no' : r === 'PROGRAMME_MANAGER' ? 'yes' : 'own'])) as Row;
}

export const POLICY: Readonly<Record<string, Readonly<Record<string, Row>>>> = {
  Query: {
    me: EVERYONE,
    codeLists: EVERYONE,
    project: row('own', 'yes', 'own', 'no', 'own', 'yes'),
    projects: row('own', 'yes', 'own', 'no', 'own', 'yes'),
    projectTimeline: row('own', 'yes', 'own', 'no', 'no', 'yes'),
    needPool: POOL,
    presumedNeeds: POOL,
    duplicateNeeds: POOL,
    needHistory: POOL,
    prioritySnapshots: row('yes', 'yes', 'no', 'no', 'yes', 'yes'),
    priorityWeights: EVERYONE,
    needsImport: SECRETARIAT,
    needsReport: AGGREGATES,
    fundingGapReport: AGGREGATES,
    outcomesReport: row('no', 'yes', 'no', 'no', 'own', 'yes'),
    expert: ROSTER_READERS,
    experts: row('own', 'yes', 'no', 'no', 'no', 'yes'),
    matchExperts: MATCHING,
    proposeTeam: MATCHING,
    evaluatorCandidates: MATCHING,
    proposeEvaluationPanel: MATCHING,
    invitation: INVITATIONS,
    myInvitations: row('no', 'no', 'no', 'own', 'no', 'no'),
    // E-mail: the manager follows delivery; every person keeps its own preferences.
    notificationOutbox: MANAGER,
    myNotificationPreferences: row('own', 'own', 'own', 'own', 'own', 'own'),
    // Issue 15: one need with its origin, field and status.
    need: POOL,
  },
  Mutation: {
    ...Object.fromEntries((Object.keys(TRANSITIONS) as TransitionName[]).map((name) => [name, actionRow(name)])),
    fileRequest: row('own', 'no', 'no', 'no', 'no', 'no'),
    rankNeeds: row('own', 'no', 'no', 'no', 'no', 'no'),
    confirmPresumedNeed: row('own', 'no', 'no', 'no', 'no', 'no'),
    mergeNeeds: MANAGER,
    groupNeedsIntoProject: MANAGER,
    reprioritiseNow: SECRETARIAT,
    importNeeds: SECRETARIAT,
    setPriorityWeights: row('no', 'no', 'no', 'no', 'no', 'yes'),
    nominateExpert: row('own', 'no', 'no', 'no', 'no', 'no'),
    acceptNomination: row('no', 'no', 'no', 'own', 'no', 'no'),
    updateExpertProfile: row('no', 'no', 'no', 'own', 'no', 'no'),
    suspendExpert: MANAGER,
    reinstateExpert: MANAGER,
    retireExpert: MANAGER,
    recordExpertDelivery: MANAGER,
    assignTeam: MATCHING,
    inviteExperts: MATCHING,
    answerInvitation: row('no', 'no', 'no', 'own', 'no', 'no'),
    setNotificationPreferences: row('own', 'own', 'own', 'own', 'own', 'own'),
    // Issue 15: needs from field offices, events, assessments, advisers and outreach; fields; R14; R8.
    recordNeed: MANAGER,
    setNeedField: row('own', 'yes', 'no', 'no', 'no', 'no'),
    setNeedConfidential: row('own', 'yes', 'no', 'no', 'no', 'no'),
    recordStateReport: MANAGER,
  },
  // Live updates: whoever reaches the project (Query.project's own), checked again at each change.
  Subscription: {
    projectChanged: row('own', 'yes', 'own', 'no', 'own', 'yes'),
  },

  // A project and its parts. Who reaches which project is the root operations' `own`.
  Project: {
    ...same(PROJECT_READERS, ['id', 'title', 'stage', 'iatiActivityStatus', 'states', 'filedAt', 'updatedAt', 'plan', 'budget', 'pledgedAmount', 'fundingGap', 'mergedInto', 'mergedFrom', 'reasons']),
    needs: row('own', 'yes', 'yes', 'no', 'own', 'yes'),
    followUpNeeds: row('own', 'yes', 'yes', 'no', 'own', 'yes'),
    ruleWarnings: SECRETARIAT,
    history: row('own', 'yes', 'yes', 'no', 'no', 'yes'),
    assessments: NOT_DONORS,
    informationRequests: row('own', 'yes', 'yes', 'no', 'no', 'yes'),
    endorsements: row('own', 'yes', 'yes', 'no', 'no', 'yes'),
    pledges: row('yes', 'yes', 'yes', 'no', 'own', 'yes'),
    ...same(FUNDERS, ['activities', 'progressReports', 'enactment', 'evaluator']),
    outcomeAssessment: row('own', 'yes', 'yes', 'no', 'own', 'yes'),
    escalations: row('no', 'yes', 'no', 'no', 'no', 'yes'),
    availableActions: PROJECT_READERS,
    panel: FUNDERS,
    visitConsents: row('own', 'yes', 'yes', 'no', 'no', 'yes'),
    evaluationVisits: NOT_DONORS,
  },
  // One Need type wherever a need is read: what it is, and where it stands. Pool data (priority, place,
  // the State's ranking, verdicts) follows the pool's row; on a project's needs it is null for others.
  Need: {
    ...same(PROJECT_READERS, ['id', 'state', 'source', 'priorityArea', 'priorityActivity', 'instrument', 'article', 'formsOfAssistance', 'urgency', 'description']),
    ...same(PROJECT_READERS, ['projectId', 'projectStage', 'confirmedAt', 'mergedInto']),
    ...same(PROJECT_READERS, ['origin', 'field', 'confidential', 'withdrawnAt', 'withdrawnReason', 'availableActions']),
    ...same(POOL, ['poolRank', 'priority', 'stateRank', 'verdict']),
  },
  NeedOrigin: same(PROJECT_READERS, ['kind', 'source', 'projectId', 'importId', 'cycle', 'raisedBy']),
  NeedField: same(PROJECT_READERS, ['field', 'from', 'source']),
  RuleWarning: same(SECRETARIAT, ['rule', 'needId', 'reason']),
  Coordination: same(PROJECT_READERS, ['providers', 'fieldOffices']),
  StateReport: same(MANAGER, ['state', 'cycle', 'withdrawn']),
  HistoryEntry: { ...same(NOT_DONORS, ['seq', 'kind', 'action', 'actor', 'at', 'fromStage', 'toStage']), summary: row('own', 'yes', 'yes', 'no', 'no', 'yes') },
  Actor: same(EVERYONE, ['subject', 'role', 'state', 'organisation']),
  Assessment: same(NOT_DONORS, ['type', 'startDate', 'endDate', 'partners', 'findings', 'by', 'at']),
  InformationRequest: same(NOT_DONORS, ['question', 'answer', 'answeredAt', 'by', 'at']),
  Plan: { ...same(PROJECT_READERS, ['objectives', 'outputs', 'outcomes', 'formsOfAssistance', 'modality', 'budget', 'by', 'at', 'sustainability', 'coordination', 'eligibilityJustification']), vettedOfficials: NOT_DONORS },
  VettedOfficial: same(NOT_DONORS, ['name', 'function', 'vettedOn']),
  Result: same(PROJECT_READERS, ['title', 'indicators']),
  Indicator: same(PROJECT_READERS, ['name', 'unit', 'baseline', 'target']),
  Money: same(PROJECT_READERS, ['amount', 'currency']),
  Endorsement: same(NOT_DONORS, ['state', 'comment', 'by', 'at']),
  Pledge: same(PROJECT_READERS, ['donor', 'amount', 'currency', 'kind', 'earmarkPriorityArea', 'by', 'at']),
  DeliveryActivity: same(FUNDERS, ['title', 'formOfAssistance', 'startDate', 'endDate', 'participants', 'by', 'at']),
  ProgressReport: same(FUNDERS, ['period', 'narrative', 'by', 'at']),
  Enactment: same(FUNDERS, ['law', 'enactedOn', 'by', 'at']),
  OutcomeAssessment: same(FUNDERS, ['criteria', 'indicatorValues', 'needVerdicts', 'narrative', 'coProviders', 'recommendations', 'by', 'at']),
  CriterionRating: same(FUNDERS, ['criterion', 'rating', 'rationale']),
  IndicatorValue: same(FUNDERS, ['indicator', 'actual']),
  NeedVerdict: same(FUNDERS, ['needId', 'verdict', 'outcomeTypes']),
  Recommendation: same(FUNDERS, ['state', 'priorityArea', 'priorityActivity', 'instrument', 'formsOfAssistance', 'urgency', 'description']),
  Escalation: same(SECRETARIAT, ['kind', 'at', 'message']),
  Reason: same(PROJECT_READERS, ['action', 'reason', 'at']),
  FiledRequest: same(row('yes', 'no', 'no', 'no', 'no', 'no'), ['project', 'created']),

  // What the caller may do now (domain/lifecycle/available-actions.ts): whoever reaches the object.
  ActionAvailability: same(PROJECT_READERS, ['action', 'allowed', 'refusal', 'reason', 'stages']),
  NeedActionAvailability: same(PROJECT_READERS, ['action', 'allowed', 'refusal', 'reason']),
  InvitationActionAvailability: same(INVITATIONS, ['action', 'allowed', 'refusal', 'reason']),
  ProjectChange: same(PROJECT_READERS, ['projectId', 'stage', 'seq', 'project']),

  // The needs pool.
  Priority: same(POOL, ['score', 'parts']),
  PriorityPart: same(POOL, ['name', 'points', 'reason']),
  DuplicateGroup: same(POOL, ['needIds', 'reason']),
  NeedHistoryEntry: same(POOL, ['at', 'action', 'actorSubject', 'actorRole', 'detail']),
  PrioritySnapshot: {
    ...same(row('yes', 'yes', 'no', 'no', 'yes', 'yes'), ['id', 'trigger', 'takenAt', 'weightSetId', 'weightSet', 'openNeeds', 'presumedGenerated', 'regionsFlagged']),
    ranking: POOL,
  },
  RankedNeed: same(POOL, ['needId', 'rank', 'previousRank', 'rankChange', 'score', 'state', 'priorityArea', 'description', 'parts']),
  RegionReporting: same(row('yes', 'yes', 'no', 'no', 'yes', 'yes'), ['region', 'states', 'reported', 'rate']),
  PriorityWeightSet: same(EVERYONE, ['id', 'decision', 'decidedOn', 'inForce', 'setAt', 'setBy', 'weights', 'instrumentWeights']),
  AreaWeight: same(EVERYONE, ['priorityArea', 'weight']),
  InstrumentWeight: same(EVERYONE, ['instrument', 'weight']),
  NeedsImport: same(SECRETARIAT, ['id', 'status', 'totalRows', 'processedRows', 'imported', 'alreadyPresent', 'errorCount', 'errors']),
  ImportRowError: same(SECRETARIAT, ['cursor', 'line', 'field', 'reason', 'message']),
  ImportRowErrorPage: same(SECRETARIAT, ['items', 'endCursor', 'hasNextPage']),

  // Reports: aggregates for donors; outcome rows only for the projects a donor funded.
  NeedsReportCell: same(AGGREGATES, ['priorityArea', 'region', 'stage', 'needs', 'oldestWaitingSince']),
  FundingGapReport: same(AGGREGATES, ['byAreaActivity', 'earmarkMismatch']),
  FundingGapCell: same(AGGREGATES, ['priorityArea', 'priorityActivity', 'currency', 'projects', 'budget', 'pledged', 'gap']),
  EarmarkMismatch: same(AGGREGATES, ['priorityArea', 'conferenceShare', 'earmarkShare', 'flag', 'explanation']),
  OutcomeReportRow: same(row('no', 'yes', 'no', 'no', 'own', 'yes'), ['projectId', 'title', 'stage', 'relevance', 'coherence', 'effectiveness', 'efficiency', 'impact', 'sustainability', 'needsMet', 'needsPartlyMet', 'needsUnmet', 'outcomeTypes', 'enactedLaw', 'enactedOn', 'coProviders']),
  OutcomeTypeCount: same(row('no', 'yes', 'no', 'no', 'own', 'yes'), ['outcomeType', 'needs']),

  // The roster and matching.
  Expert: same(ROSTER_READERS, ['id', 'name', 'nationality', 'nominatingState', 'institution', 'status', 'profile', 'history']),
  ExpertProfile: same(ROSTER_READERS, ['fields', 'instruments', 'languages', 'regions', 'states', 'availability', 'conflicts', 'capacity']),
  ExpertHistoryEntry: same(ROSTER_READERS, ['action', 'by', 'role', 'at', 'details']),
  InstrumentKnowledge: same(ROSTER_READERS, ['instrument', 'articles']),
  LanguageSkill: same(ROSTER_READERS, ['language', 'level']),
  AvailabilityWindow: same(ROSTER_READERS, ['from', 'to']),
  DeclaredConflicts: same(ROSTER_READERS, ['states', 'projects', 'organisations']),
  NeedMatch: same(MATCHING, ['needId', 'state', 'fields', 'workingLanguages', 'eligible', 'ranked', 'excluded', 'excludedCount']),
  RankedExpert: same(MATCHING, ['rank', 'expertId', 'name', 'score', 'parts', 'expert']),
  ExcludedExpert: same(MATCHING, ['expertId', 'name', 'rules']),
  ScorePart: same(MATCHING, ['name', 'points', 'reason']),
  RuleBreach: same(MATCHING, ['rule', 'reason']),
  Team: same(MATCHING, ['total', 'members', 'unfilled']),
  TeamMember: same(MATCHING, ['slot', 'needId', 'expertId', 'score']),
  TeamProposal: same(MATCHING, ['optimal', 'greedy']),
  EvaluatorCandidate: same(MATCHING, ['expertId', 'name', 'independent', 'breaches']),
  PanelProposal: same(MATCHING, ['lead', 'members', 'unfilled']),
  PanelPick: same(MATCHING, ['expertId', 'name', 'nationality', 'serves', 'reason']),
  PanelService: same(MATCHING, ['state', 'slot']),
  UnfilledPanelSlot: same(MATCHING, ['state', 'slot', 'reason']),
  VisitConsent: same(NOT_DONORS, ['state', 'note', 'by', 'at']),
  EvaluationVisit: same(NOT_DONORS, ['state', 'startDate', 'endDate', 'purpose', 'by', 'at']),
  Invitation: same(INVITATIONS, ['id', 'needId', 'projectId', 'slot', 'candidates', 'status', 'expertId', 'events', 'availableActions']),
  InvitationEvent: same(INVITATIONS, ['seq', 'kind', 'expertId', 'at', 'details']),

  // Cursor connections (api/schema/pagination.ts): the root operation decides who reaches a list, so a
  // connection's own fields follow that operation's row.
  PageInfo: same(EVERYONE, ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']),
  ProjectConnection: same(row('own', 'yes', 'own', 'no', 'own', 'yes'), ['edges', 'pageInfo', 'totalCount']),
  ProjectEdge: same(row('own', 'yes', 'own', 'no', 'own', 'yes'), ['cursor', 'node']),
  NeedConnection: same(POOL, ['edges', 'pageInfo', 'totalCount']),
  NeedEdge: same(POOL, ['cursor', 'node']),
  PresumedNeedConnection: same(POOL, ['edges', 'pageInfo', 'totalCount']),
  PresumedNeedEdge: same(POOL, ['cursor', 'node']),
  ExpertConnection: same(row('own', 'yes', 'no', 'no', 'no', 'yes'), ['edges', 'pageInfo', 'totalCount']),
  ExpertEdge: same(row('own', 'yes', 'no', 'no', 'no', 'yes'), ['cursor', 'node']),
  InvitationConnection: same(row('no', 'no', 'no', 'own', 'no', 'no'), ['edges', 'pageInfo', 'totalCount']),
  InvitationEdge: same(row('no', 'no', 'no', 'own', 'no', 'no'), ['cursor', 'node']),
  OutboxNotificationConnection: same(MANAGER, ['edges', 'pageInfo', 'totalCount']),
  OutboxNotificationEdge: same(MANAGER, ['cursor', 'node']),
  HistoryEntryConnection: same(row('own', 'yes', 'own', 'no', 'no', 'yes'), ['edges', 'pageInfo', 'totalCount']),
  HistoryEntryEdge: same(row('own', 'yes', 'own', 'no', 'no', 'yes'), ['cursor', 'node']),
  NeedHistoryEntryConnection: same(POOL, ['edges', 'pageInfo', 'totalCount']),
  NeedHistoryEntryEdge: same(POOL, ['cursor', 'node']),
  PrioritySnapshotConnection: same(row('yes', 'yes', 'no', 'no', 'yes', 'yes'), ['edges', 'pageInfo', 'totalCount']),
  PrioritySnapshotEdge: same(row('yes', 'yes', 'no', 'no', 'yes', 'yes'), ['cursor', 'node']),
  RankedNeedConnection: same(POOL, ['edges', 'pageInfo', 'totalCount']),
  RankedNeedEdge: same(POOL, ['cursor', 'node']),

  // Public reference data and the answers every caller may get.
  CodeLists: same(EVERYONE, ['formsOfAssistance', 'instruments', 'needSources', 'priorityActivities', 'priorityAreas', 'regions', 'states', 'urgencies']),
  Code: same(EVERYONE, ['code', 'title']),
  State: same(EVERYONE, ['code', 'name', 'aliases', 'regions']),
  ValidationError: same(EVERYONE, ['code', 'message', 'issues']),
  FieldIssue: same(EVERYONE, ['field', 'message']),
  ForbiddenError: same(EVERYONE, ['code', 'message']),
  NotFoundError: same(EVERYONE, ['code', 'message']),
  TransitionRefusedError: same(EVERYONE, ['code', 'message', 'refusal']),
  IdempotencyKeyReusedError: same(EVERYONE, ['code', 'message', 'idempotencyKey']),
  UnavailableError: same(EVERYONE, ['code', 'message', 'retryable']),

  // E-mail notifications.
  OutboxNotification: same(MANAGER, ['id', 'topic', 'projectId', 'recipient', 'email', 'language', 'digest', 'status', 'attempts', 'lastError', 'createdAt', 'sentAt']),
  NotificationPreferences: same(row('own', 'own', 'own', 'own', 'own', 'own'), ['subject', 'email', 'language', 'delivery']),
};

/** What `own` means, field by field: the README's table and the API's filters say the same. */
export const OWN_MEANS: Readonly<Record<string, string>> = {
  'Query.project': 'focal point: projects of its State; evaluator: projects assigned to it; donor: projects open for funding (AWAITING_FUNDING) and those its organisation pledged to',
  'Query.projects': 'as Query.project, listed',
  'Subscription.projectChanged': 'as Query.project, checked again at each change',
  'Query.projectTimeline': 'as Query.project; in a regional project a focal point gets the summaries of its own State\'s and the shared events only',
  'Query.needPool': 'its own State\'s needs; asking for another State is NotFoundError',
  'Query.presumedNeeds': 'its own State\'s; asking for another State is NotFoundError',
  'Query.duplicateNeeds': 'among its own State\'s needs; asking for another State is NotFoundError',
  'Query.needHistory': 'a need of its own State; another State\'s need is NotFoundError',
  'Query.outcomesReport': 'the evaluated projects its organisation pledged to',
  'Query.expert': 'focal point: experts its State nominated; expert: itself',
  'Query.experts': 'focal point: the experts its State nominated',
  'Query.invitation': 'an invitation that names the expert',
  'Query.myInvitations': 'the invitations that name the expert',
  'Mutation.*': 'lifecycle actions: on the projects the caller reaches (Query.project); a donor pledges as its organisation',
  'Project.needs': 'focal point: its own State\'s needs; donor: the needs not marked confidential (R14)',
  'Project.followUpNeeds': 'as Project.needs',
  'Query.need': 'a need of its own State; another State\'s need is NotFoundError',
  'Project.history': 'focal point of a regional project: summaries of other States\' events withheld (summary "{}")',
  'HistoryEntry.summary': 'as Project.history',
  'Project.informationRequests': 'focal point of a regional project: the questions, and the answers its own State gave',
  'Project.endorsements': 'focal point: its own State\'s endorsement and comment',
  'Project.visitConsents': 'focal point: its own State\'s consent to visits and its note',
  'Project.pledges': 'donor: its own organisation\'s pledges (other donors\' are theirs to publish)',
  'Project.activities': 'donor: on projects its organisation pledged to',
  'Project.outcomeAssessment': 'focal point of a regional project: DAC ratings, indicator values and co-providers are shared; verdicts on its own State\'s needs, recommendations for its State or for all; the narrative is withheld. Donor: on projects it pledged to',
  'PrioritySnapshot.ranking': 'its own State\'s needs',
  'OutcomeReportRow.*': 'donor: rows of projects its organisation pledged to',
  'Query.myNotificationPreferences': 'the caller\'s own preferences',
  'Mutation.setNotificationPreferences': 'the caller\'s own preferences',
};

/**
 * The row of `Type.field`; undefined when the policy has no entry (the field is then refused to all).
 * The errors plugin's result wrappers (`QueryProjectsSuccess.data`) follow their operation's row.
 */
export function rowOf(typeName: string, fieldName: string): Row | undefined {
  const wrapper = /^(Query|Mutation)([A-Z]\w*)Success$/.exec(typeName);
  if (wrapper && fieldName === 'data') return POLICY[wrapper[1]!]?.[wrapper[2]![0]!.toLowerCase() + wrapper[2]!.slice(1)];
  return POLICY[typeName]?.[fieldName];
}

/** The access a role has to `Type.field`; `no` when the policy has no entry. */
export function accessOf(role: Role, typeName: string, fieldName: string): Access {
  return rowOf(typeName, fieldName)?.[role] ?? 'no';
}
