// Evaluation panels on the peer-review model (003 para 55): the panel on a project, a balanced panel the
// system proposes with the reason for each pick, and the beneficiary States' consent to visits.
import { STATES } from '../../domain/code-lists/index.js';
import { proposePanel, type PanelPick, type PanelProposal } from '../../domain/matching/panel.js';
import type { ProjectState } from '../../domain/project-state.js';
import { deliveredBy, loadRoster, projectStatesOf } from '../../db/queries/roster.js';
import type { ProjectRow } from '../../db/queries/projects.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { idOrNotFound } from '../parse.js';
import { DateScalar } from './scalars.js';
import { ProjectRef } from './project.js';

const detailsOf = (p: ProjectRow) => p.details as unknown as Partial<ProjectState>;
const REGIONS_OF = new Map<string, readonly string[]>(STATES.map((s) => [s.code, s.regions]));
const regionsOf = (state: string) => REGIONS_OF.get(state) ?? [];

type Consent = { state: string; note?: string; by: string; at: string };
const VisitConsentRef = builder.objectRef<Consent>('VisitConsent').implement({
  description: "A beneficiary State's consent to visits of the evaluation panel, by its focal point.",
  fields: (t) => ({
    state: t.exposeString('state'),
    note: t.string({ nullable: true, resolve: (c) => c.note ?? null }),
    by: t.exposeString('by'),
    at: t.exposeString('at'),
  }),
});

type Visit = NonNullable<ProjectState['evaluationVisits']>[number];
const EvaluationVisitRef = builder.objectRef<Visit>('EvaluationVisit').implement({
  description: 'A visit of the evaluation panel to a beneficiary State that consented.',
  fields: (t) => ({
    state: t.exposeString('state'),
    startDate: t.field({ type: DateScalar, resolve: (v) => v.startDate }),
    endDate: t.field({ type: DateScalar, resolve: (v) => v.endDate }),
    purpose: t.exposeString('purpose'),
    by: t.exposeString('by'),
    at: t.exposeString('at'),
  }),
});

builder.objectFields(ProjectRef, (t) => ({
  panel: t.stringList({
    description: 'The evaluation panel: the lead evaluator first (it submits for the panel), then the other members',
    resolve: (p) => {
      const d = detailsOf(p);
      return d.evaluator ? [d.evaluator, ...(d.panel ?? [])] : [];
    },
  }),
  visitConsents: t.field({
    type: [VisitConsentRef],
    description: 'Beneficiary States that consented to visits of the evaluation panel',
    resolve: (p) => Object.entries(detailsOf(p).visitConsents ?? {}).map(([state, c]) => ({ state, ...c })),
  }),
  evaluationVisits: t.field({ type: [EvaluationVisitRef], resolve: (p) => detailsOf(p).evaluationVisits ?? [] }),
}));

const PanelServiceRef = builder.objectRef<PanelPick['serves'][number]>('PanelService').implement({
  fields: (t) => ({ state: t.exposeString('state'), slot: t.exposeString('slot', { description: 'REGIONAL_PEER or OUTSIDE_PEER' }) }),
});
const PanelPickRef = builder.objectRef<PanelPick>('PanelPick').implement({
  fields: (t) => ({
    expertId: t.exposeString('expertId'),
    name: t.exposeString('name'),
    nationality: t.exposeString('nationality'),
    serves: t.field({ type: [PanelServiceRef], resolve: (p) => p.serves }),
    reason: t.exposeString('reason'),
  }),
});
const UnfilledSlotRef = builder.objectRef<PanelProposal['unfilled'][number]>('UnfilledPanelSlot').implement({
  fields: (t) => ({ state: t.exposeString('state'), slot: t.exposeString('slot'), reason: t.exposeString('reason') }),
});
const PanelProposalRef = builder.objectRef<PanelProposal>('PanelProposal').implement({
  description: 'A balanced evaluation panel: for each beneficiary State a peer from its region and one from outside (003 para 55), every member independent of the project and of another nationality.',
  fields: (t) => ({
    lead: t.string({ nullable: true, description: 'Proposed lead evaluator (the first pick): startEvaluation(evaluator)', resolve: (p) => p.lead }),
    members: t.field({ type: [PanelPickRef], resolve: (p) => p.members }),
    unfilled: t.field({ type: [UnfilledSlotRef], resolve: (p) => p.unfilled }),
  }),
});

builder.queryFields((t) => ({
  proposeEvaluationPanel: t.field({
    type: PanelProposalRef,
    description: 'Proposes a balanced, independent evaluation panel for a project from the roster, with the reason for each pick.',
    args: { projectId: t.arg.id({ required: true }) },
    errors: { types: [ForbiddenError, NotFoundError] },
    resolve: async (_r, args, ctx) => {
      const projectId = idOrNotFound(args.projectId, 'project');
      const states = await projectStatesOf(ctx.deps.db, projectId);
      if (!states.length) throw new NotFoundError(`project ${projectId} not found`);
      const [roster, delivered] = await Promise.all([loadRoster(ctx.deps.db), deliveredBy(ctx.deps.db, projectId)]);
      return proposePanel(roster, { projectId, beneficiaryStates: states, deliveredBy: delivered, regionsOf });
    },
  }),
}));
