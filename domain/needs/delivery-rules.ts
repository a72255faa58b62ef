// Rules of delivery palermo shows rather than refuses (domain.md 2.3): each a warning naming its rule,
// the need it concerns and why, computed from the project as it stands. Pure: table-tested, and read by
// Project.ruleWarnings (so grouping, setPlan and seekFunding answer with them).
import { z } from 'zod';
import { builtOnce } from '../built-once.js';
import { calendarDate, codeOf, line, text, uniqueList } from '../boundary.js';
import { PRIORITY_ACTIVITIES } from '../code-lists/index.js';
import { PARTNERS } from '../partners.js';

/** R6: need kinds the documents say regional delivery does not suit, by field of expertise. */
export const REGIONAL_UNSUITED: readonly { field: string; reason: string; source: string }[] = [
  {
    field: 'EMERGING_CRIMES.CYBERCRIME',
    reason: 'capacity-building to counter cybercrime does not lend itself to a regional approach',
    source: '002_dd645cd7d5831d83.txt para 20',
  },
];

/** Modalities delivered to several States at once, where R6's caveat applies. */
export const REGIONAL_MODALITIES: readonly string[] = ['REGIONAL', 'INTERREGIONAL', 'ROUTE'];

/**
 * R7: States known to be signatories, not parties, of the Convention: observers at the 2009 Working
 * Group (002 para 14). palermo holds no other party list; for every other State nothing is shown.
 */
export const UNTOC_SIGNATORIES_2009: readonly string[] = ['AGO', 'CZE', 'IRN', 'IRL', 'JPN', 'PAK', 'KOR', 'YEM'];

/** R13: what a plan does so the help outlasts it. */
export const SUSTAINABILITY_MEASURES = [
  'INSTITUTIONALISED_CURRICULUM', // training folded into national institute curricula (003 para 32)
  'TRAIN_THE_TRAINERS', // trainers trained to leave a curriculum behind (004 para 32)
  'INSTITUTION_BUILDING', // institution-building (001 para 39)
  'CONTINUITY_OF_TRAINING', // continuity of training (001 para 39)
] as const;

/** Forms of assistance that train people: without a sustainability measure they warn (R13). */
export const TRAINING_FORMS: readonly string[] = [
  'TRAINING_NATIONAL', 'WORKSHOP_REGIONAL', 'WORKSHOP_SUBREGIONAL', 'WORKSHOP_INTERREGIONAL', 'WORKSHOP_ROUTE', 'WORKSHOP_THEMATIC', 'MOCK_TRIAL', 'CBT', 'ON_THE_JOB',
];

/** Fields a plan adds for R3, R7 and R13; all optional, so existing plans keep their shape. */
export const planRuleFields = builtOnce('delivery-rules.planRuleFields', () => ({
  /** R13: sustainability measures. */
  sustainability: uniqueList(z.enum(SUSTAINABILITY_MEASURES, { error: (i) => `unknown sustainability measure "${String(i.input).slice(0, 60)}"` }), { what: 'sustainability measure', max: SUSTAINABILITY_MEASURES.length }).optional(),
  /** R3: other providers and field offices involved. */
  coordination: z
    .object({
      providers: uniqueList(codeOf(PARTNERS, 'partner'), { what: 'partner', max: 30 }).default([]),
      fieldOffices: uniqueList(line(200), { what: 'field office', max: 30 }).default([]),
    })
    .optional(),
  /** R7: why a non-party receives help that is for parties and, where appropriate, non-parties. */
  eligibilityJustification: text(2000).optional(),
  /** R14: officials vetted to handle the project's sensitive information (001 paras 54(e), 56). */
  vettedOfficials: uniqueList(z.object({ name: line(200), function: line(200), vettedOn: calendarDate }), { what: 'vetted official', max: 100, key: (o) => o.name }).optional(),
}));

export const RULE_CODES = ['R3', 'R6', 'R7', 'R13', 'R14'] as const;
export interface RuleWarning {
  rule: (typeof RULE_CODES)[number];
  needId: string | null;
  reason: string;
}

export interface RuleProject {
  stateCodes: readonly string[];
  needs: readonly { id: string; stateCode: string; priorityActivity: string; instrument: string; field: string | null; formsOfAssistance: readonly string[]; confidential?: boolean }[];
  plan: {
    modality: string;
    formsOfAssistance: readonly string[];
    sustainability?: readonly string[];
    coordination?: { providers: readonly string[]; fieldOffices: readonly string[] };
    eligibilityJustification?: string;
    vettedOfficials?: readonly unknown[];
  } | null;
  /** R3: open needs of other projects that look the same (found by the caller in the read model). */
  overlaps: readonly { needId: string; otherProjectId: string; otherNeedId: string }[];
}

/** Before a plan, a project of several States is delivered regionally; of one, nationally. */
export const modalityOf = (p: Pick<RuleProject, 'plan' | 'stateCodes'>): string => p.plan?.modality ?? (p.stateCodes.length > 1 ? 'REGIONAL' : 'NATIONAL');

export function ruleWarnings(p: RuleProject): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  const modality = modalityOf(p);
  if (REGIONAL_MODALITIES.includes(modality)) {
    for (const n of p.needs) {
      const unsuited = REGIONAL_UNSUITED.find((u) => u.field === n.field);
      if (unsuited) {
        warnings.push({ rule: 'R6', needId: n.id, reason: `${modality.toLowerCase()} delivery: ${unsuited.reason} (${unsuited.source}); consider a national project for ${n.stateCode}, which is always allowed beside a regional programme` });
      }
    }
  }
  if (!p.plan?.eligibilityJustification) {
    for (const n of p.needs) {
      const activity = PRIORITY_ACTIVITIES.find((a) => a.code === n.priorityActivity);
      if (n.instrument === 'UNTOC' && activity?.eligibility === 'PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE' && UNTOC_SIGNATORIES_2009.includes(n.stateCode)) {
        warnings.push({ rule: 'R7', needId: n.id, reason: `${n.stateCode} signed the Convention but is not a party (002 para 14); activity ${n.priorityActivity} is for non-parties only where appropriate (002 para 2): record the justification in the plan` });
      }
    }
  }
  if (p.plan && !(p.plan.sustainability?.length)) {
    const training = p.plan.formsOfAssistance.filter((f) => TRAINING_FORMS.includes(f));
    if (training.length) {
      warnings.push({ rule: 'R13', needId: null, reason: `the plan trains people (${training.join(', ')}) but states no sustainability measure (${SUSTAINABILITY_MEASURES.join(', ')}; 001 para 39, 003 para 32, 004 para 32)` });
    }
  }
  if (!p.plan?.vettedOfficials?.length) {
    for (const n of p.needs.filter((x) => x.confidential)) {
      warnings.push({ rule: 'R14', needId: n.id, reason: 'a confidential need, and the plan records no official vetted to handle sensitive information (001 paras 54(e), 56)' });
    }
  }
  for (const o of p.overlaps) {
    const with_ = p.plan?.coordination && (p.plan.coordination.providers.length || p.plan.coordination.fieldOffices.length) ? '' : '; the plan records no other provider or field office';
    warnings.push({ rule: 'R3', needId: o.needId, reason: `project ${o.otherProjectId} also serves this need (${o.otherNeedId}): coordinate, do not duplicate (002 para 37)${with_}` });
  }
  return warnings;
}
