// Rewrites the README's "Who sees what" table from the one policy table (domain/access/policy.ts), so that
// after a change to the policy the README is regenerated rather than edited by hand.
// `npm run policy:readme`; test/access-policy.test.ts checks the README carries exactly this text.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderPolicyTable } from '../domain/access/policy-table.js';

const README = new URL('../README.md', import.meta.url);
const lines = readFileSync(README, 'utf8').split('\n');
const start = lines.findIndex((l) => l.startsWith('| object | fields / operations |'));
const ownAt = lines.findIndex((l, i) => i > start && l === 'What `own` means:');
if (start < 0 || ownAt < 0) throw new Error('README: the policy table (| object | fields / operations |) and "What `own` means:" were not found');
let end = ownAt + 2; // the blank line after the heading, then the "- `Key`: ..." list
while (end < lines.length && lines[end]?.startsWith('- `')) end += 1;
lines.splice(start, end - start, ...renderPolicyTable().split('\n'));
writeFileSync(README, lines.join('\n'));
console.log('README policy table rewritten');
