// Breaking changes are deliberate: graphql-inspector diffs the last released schema (schema.released.graphql)
// against the running one, and every BREAKING change must be listed in docs/schema-changes.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const run = (file: string) => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/schema-breaking.ts', '--check'], { cwd: root, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, PALERMO_SCHEMA_CHANGES: file } });

it('every breaking change since the released schema is listed in docs/schema-changes.md', () => {
  expect(run('docs/schema-changes.md')).toMatch(/breaking changes since schema\.released\.graphql, each listed/);
}, 60_000);

it('the check bites: with one accepted change left out of the list it fails and names that change', () => {
  const left = "Field 'Project.stage' changed type from 'String!' to 'Stage!'";
  const listed = readFileSync(resolve(root, 'docs/schema-changes.md'), 'utf8');
  expect(listed).toContain(`- ${left}\n`);
  const file = join(mkdtempSync(join(tmpdir(), 'palermo-schema-changes-')), 'schema-changes.md');
  writeFileSync(file, listed.replace(`- ${left}\n`, ''));
  let failure: { status?: number; stderr?: string } = {};
  try {
    run(file);
  } catch (err) {
    failure = err as { status?: number; stderr?: string };
  }
  expect(failure.status).toBe(1);
  expect(failure.stderr).toContain(`breaking change not in docs/schema-changes.md: ${left}`);
}, 60_000);
