// The policy table as Markdown, for the README ("Who sees what"); a test checks the README carries it.
import { ROLES } from '../roles.js';
import { OWN_MEANS, POLICY, type Row } from './policy.js';

const SHORT: Record<string, string> = {
  STATE_FOCAL_POINT: 'focal point', PROGRAMME_MANAGER: 'manager', EVALUATOR: 'evaluator', EXPERT: 'expert', DONOR: 'donor', CONFERENCE_ADMIN: 'Conference',
};

/** One line per type and set of fields with the same row, in the module's order. */
export function renderPolicyTable(): string {
  const lines = [`| object | fields / operations | ${ROLES.map((r) => SHORT[r]).join(' | ')} |`, `|---|---|${ROLES.map(() => '---').join('|')}|`];
  for (const [type, fields] of Object.entries(POLICY)) {
    const groups = new Map<string, { row: Row; names: string[] }>();
    for (const [name, row] of Object.entries(fields)) {
      const key = ROLES.map((r) => row[r]).join(',');
      if (!groups.has(key)) groups.set(key, { row, names: [] });
      groups.get(key)!.names.push(name);
    }
    for (const { row, names } of groups.values()) lines.push(`| ${type} | ${names.join(', ')} | ${ROLES.map((r) => row[r]).join(' | ')} |`);
  }
  lines.push('', 'What `own` means:', '', ...Object.entries(OWN_MEANS).map(([key, means]) => `- \`${key}\`: ${means}`));
  return lines.join('\n');
}
