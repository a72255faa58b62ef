// An evaluation panel proposed on the peer-review model the seeds describe (003_c9943fddaa278a34.txt
// para 55, domain.md 5 and 9.2): each reviewed country is teamed with experts of two other countries,
// one of them from the same region, "to foster closer regional dialogue and provide ... benchmarks ...
// in a comparable context". palermo reads a project's beneficiary States as the reviewed countries and
// proposes, for each, a peer from its region and a peer from outside it, every member independent of
// the project (evaluator.ts) and of a different nationality. Pure: the API and the table tests call it.
import { independenceBreaches, type EvaluatedProject } from './evaluator.js';
import { sharesLanguage } from './exclusions.js';
import type { RosterExpert } from './types.js';

export type PanelSlot = 'REGIONAL_PEER' | 'OUTSIDE_PEER';

export interface PanelPick {
  expertId: string;
  name: string;
  nationality: string;
  /** The beneficiary States this member is a peer for, and as what. */
  serves: { state: string; slot: PanelSlot }[];
  reason: string;
}

export interface PanelProposal {
  /** The first pick leads: it submits the panel's one outcome assessment. */
  lead: string | null;
  members: PanelPick[];
  /** Slots no independent expert on the roster could fill, with the reason. */
  unfilled: { state: string; slot: PanelSlot; reason: string }[];
}

export interface PanelContext extends EvaluatedProject {
  /** Regions of each State (the code list's many-to-many regions). */
  regionsOf: (state: string) => readonly string[];
}

const shareRegion = (a: readonly string[], b: readonly string[]) => a.some((r) => b.includes(r));

/** Proposes a balanced, independent panel for the project, with the reason for each pick. */
export function proposePanel(roster: readonly RosterExpert[], ctx: PanelContext): PanelProposal {
  const eligible = roster.filter((e) => e.status === 'ACTIVE' && independenceBreaches(e, ctx).length === 0);
  const picks: PanelPick[] = [];
  const unfilled: PanelProposal['unfilled'] = [];
  for (const state of ctx.beneficiaryStates) {
    const home = ctx.regionsOf(state);
    for (const slot of ['REGIONAL_PEER', 'OUTSIDE_PEER'] as const) {
      const fits = (e: { nationality: string }) => (slot === 'REGIONAL_PEER') === shareRegion(ctx.regionsOf(e.nationality), home);
      // A member already on the panel serves this State too when it fits the slot (a smaller panel).
      const reused = picks.find((p) => fits(p) && !p.serves.some((s) => s.state === state));
      if (reused) {
        reused.serves.push({ state, slot });
        continue;
      }
      const taken = new Set(picks.map((p) => p.nationality));
      const candidates = eligible
        .filter((e) => fits(e) && !taken.has(e.nationality) && !picks.some((p) => p.expertId === e.id))
        // Those who can work with the State in its language first, then those who know its region, then by id.
        .map((e) => ({ e, language: sharesLanguage(e, state), knowsRegion: shareRegion(e.profile.regions, home) || e.profile.states.includes(state) }))
        .sort((a, b) => Number(b.language) - Number(a.language) || Number(b.knowsRegion) - Number(a.knowsRegion) || (a.e.id < b.e.id ? -1 : 1));
      const best = candidates[0];
      if (!best) {
        unfilled.push({ state, slot, reason: `no active, independent expert of another nationality ${slot === 'REGIONAL_PEER' ? `from ${state}'s region` : `from outside ${state}'s region`} on the roster` });
        continue;
      }
      const where = slot === 'REGIONAL_PEER' ? `a peer from ${state}'s region` : `a peer from outside ${state}'s region`;
      const extras = [best.language ? `works in a language of ${state}` : `shares no working language with ${state}`, ...(best.knowsRegion ? [`knows the region`] : [])];
      picks.push({
        expertId: best.e.id,
        name: best.e.name,
        nationality: best.e.nationality,
        serves: [{ state, slot }],
        reason: `${where}: a national of ${best.e.nationality}, independent of the project; ${extras.join(', ')} (peer-review model, 003 para 55)`,
      });
    }
  }
  return { lead: picks[0]?.expertId ?? null, members: picks, unfilled };
}
