// schema.graphql is an artifact clients build on (the web app's gql.tada types come from it): the
// committed file must be the schema the API serves, or the change was not committed.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

it('schema.graphql is the schema the API serves', () => {
  const run = () => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/print-schema.ts', '--check'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  expect(run).not.toThrow();
  expect(run()).toMatch(/is the running schema/);
}, 60_000);
