// Duplicate needs (R3: no duplication): the same State asking for the same area, activity and
// instrument, or describing the same thing in other words.
export interface DuplicateCandidate {
  id: string;
  stateCode: string;
  priorityArea: string;
  priorityActivity: string;
  instrument: string;
  description: string;
}

export interface DuplicateGroup {
  needIds: string[];
  reason: string;
}

const words = (text: string) => new Set(text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w.length > 2));

/** Jaccard similarity of the descriptions' words (3+ letters), 0-1. */
export function descriptionSimilarity(a: string, b: string): number {
  const [x, y] = [words(a), words(b)];
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

export const SIMILAR_DESCRIPTIONS = 0.6;

/** Groups of likely duplicates among one pool of needs, each with the reason it was flagged. */
export function findDuplicates(needs: readonly DuplicateCandidate[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  const grouped = new Set<string>();
  const byKey = new Map<string, DuplicateCandidate[]>();
  for (const n of needs) {
    const key = [n.stateCode, n.priorityArea, n.priorityActivity, n.instrument].join('|');
    byKey.set(key, [...(byKey.get(key) ?? []), n]);
  }
  for (const [key, same] of byKey) {
    if (same.length < 2) continue;
    const [state, area, activity, instrument] = key.split('|');
    groups.push({ needIds: same.map((n) => n.id), reason: `${state} asks for ${area} ${activity} under ${instrument} ${same.length} times` });
    same.forEach((n) => grouped.add(n.id));
  }
  const rest = needs.filter((n) => !grouped.has(n.id));
  for (let i = 0; i < rest.length; i++) {
    for (let j = i + 1; j < rest.length; j++) {
      const [a, b] = [rest[i]!, rest[j]!];
      if (a.stateCode !== b.stateCode || grouped.has(a.id) || grouped.has(b.id)) continue;
      const similarity = descriptionSimilarity(a.description, b.description);
      if (similarity >= SIMILAR_DESCRIPTIONS) {
        groups.push({ needIds: [a.id, b.id], reason: `${a.stateCode}: descriptions ${Math.round(similarity * 100)}% alike` });
        grouped.add(a.id).add(b.id);
      }
    }
  }
  return groups;
}
