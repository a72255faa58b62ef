// Which pool needs may be grouped into a project or merged, decided on the rows as PostgreSQL holds
// them under lock (db/queries/pool-claims.ts), so the same rule decides a lone call and ten at once.
import type { FieldIssue } from './inputs.js';
import { PRESUMED_SOURCE } from './presumed-needs.js';

export interface PoolNeedState {
  id: string;
  stateCode: string;
  source: string;
  confirmedAt: string | null;
  /** The project the read model puts it in. */
  projectId: string | null;
  /** The project a grouping claimed it for (need_claims), which may not be projected yet. */
  claimedFor: string | null;
  mergedInto: string | null;
}

export type GroupingRefusal =
  | { kind: 'IN_PROJECT'; needId: string; index: number; projectId: string }
  | { kind: 'MERGED'; needId: string; index: number; mergedInto: string }
  | { kind: 'AWAITS_CONFIRMATION'; needId: string; index: number; stateCode: string };

/** An id list names each id once: the issues for the second and later mentions. (Local until the shared id-list schema lands.) */
export function repeatedIdIssues(ids: readonly string[], field: string): FieldIssue[] {
  const first = new Map<string, number>();
  return ids.flatMap((id, i) => {
    if (!first.has(id)) {
      first.set(id, i);
      return [];
    }
    return [{ field: `${field}.${i}`, message: `lists ${id} again (first at ${field}.${first.get(id)})` }];
  });
}

/** Why each need may not go into `projectId`; a need already claimed for that same project is fine (a retry). */
export function groupingRefusals(needs: readonly PoolNeedState[], projectId: string): GroupingRefusal[] {
  return needs.flatMap((n, index): GroupingRefusal[] => {
    const holder = n.claimedFor ?? n.projectId;
    if (holder && holder !== projectId) return [{ kind: 'IN_PROJECT', needId: n.id, index, projectId: holder }];
    if (n.mergedInto) return [{ kind: 'MERGED', needId: n.id, index, mergedInto: n.mergedInto }];
    if (n.source === PRESUMED_SOURCE && !n.confirmedAt) return [{ kind: 'AWAITS_CONFIRMATION', needId: n.id, index, stateCode: n.stateCode }];
    return [];
  });
}

/**
 * A grouping's idempotency key names one set of needs: the same key with other needs is refused (null
 * when `claimed`, the needs already claimed under that key, is empty or the same set).
 */
export function keyReusedIssue(claimed: readonly string[], needIds: readonly string[]): string | null {
  if (claimed.length === 0) return null;
  const same = claimed.length === new Set(needIds).size && claimed.every((id) => needIds.includes(id));
  return same ? null : `was already used to group other needs (${[...claimed].sort().join(', ')})`;
}

/** The refusal in words; the other project is named only to a caller who may read it. */
export function describeGroupingRefusal(r: GroupingRefusal, mayReadProject: (projectId: string) => boolean): string {
  switch (r.kind) {
    case 'IN_PROJECT':
      return mayReadProject(r.projectId) ? `${r.needId}: already in project ${r.projectId}` : `${r.needId}: already in another project`;
    case 'MERGED':
      return `${r.needId}: was merged into ${r.mergedInto}`;
    case 'AWAITS_CONFIRMATION':
      return `${r.needId}: a presumed need awaits the confirmation of ${r.stateCode}'s focal point (R1)`;
  }
}

/** Why each duplicate may not be merged into the survivor, as issues on `duplicateIds.i` (or on the survivor). */
export function mergeIssues(survivor: PoolNeedState, duplicates: readonly PoolNeedState[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (survivor.mergedInto) issues.push({ field: 'survivorId', message: `${survivor.id} was itself merged into ${survivor.mergedInto}` });
  duplicates.forEach((d, i) => {
    const held = d.claimedFor ?? d.projectId;
    const why =
      d.id === survivor.id ? 'is the survivor'
      : d.stateCode !== survivor.stateCode ? `is a need of ${d.stateCode}, not ${survivor.stateCode}`
      : held ? `is already in project ${held}`
      : d.mergedInto ? `was merged into ${d.mergedInto}`
      : null;
    if (why) issues.push({ field: `duplicateIds.${i}`, message: `${d.id} ${why}` });
  });
  return issues;
}
