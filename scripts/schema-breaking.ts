// The breaking-change check of the API contract. schema.released.graphql is the schema of the last release;
// graphql-inspector diffs it against the running schema, and every BREAKING change must be listed, as
// inspector words it, in docs/schema-changes.md (one "- " line each, in its first section). `npm run schema:breaking` prints the
// breaking changes and which are not listed; `--check` exits 1 when one is not listed or a listed one no
// longer happens (test/schema-breaking.test.ts runs it). A release copies schema.graphql to
// schema.released.graphql and empties the list (README "The schema as an artifact").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { schema } from '../api/schema/index.js';

const root = resolve(import.meta.dirname, '..');

const SECTION = '## Breaking changes since schema.released.graphql';

/** The accepted breaking changes: the "- " lines of the file's SECTION (up to the next "## "), without the "- ". */
export function acceptedChanges(text: string): string[] {
  const from = text.indexOf(SECTION);
  if (from < 0) throw new Error(`docs/schema-changes.md has no "${SECTION}" section`);
  const rest = text.slice(from + SECTION.length);
  const next = rest.search(/^## /m);
  return (next < 0 ? rest : rest.slice(0, next)).split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2).trim());
}

const released = buildSchema(readFileSync(resolve(root, 'schema.released.graphql'), 'utf8'));
const changes = await diff(released, schema);
const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).map((c) => c.message);
// PALERMO_SCHEMA_CHANGES points at another list (the test shows the check fails on a list missing a line).
const accepted = acceptedChanges(readFileSync(resolve(root, process.env.PALERMO_SCHEMA_CHANGES ?? 'docs/schema-changes.md'), 'utf8'));
const unlisted = breaking.filter((m) => !accepted.includes(m));
const stale = accepted.filter((m) => !breaking.includes(m));

if (process.argv.includes('--check')) {
  for (const m of unlisted) console.error(`breaking change not in docs/schema-changes.md: ${m}`);
  for (const m of stale) console.error(`docs/schema-changes.md lists a change that does not happen: ${m}`);
  if (unlisted.length || stale.length) process.exit(1);
  console.log(`${breaking.length} breaking changes since schema.released.graphql, each listed in docs/schema-changes.md`);
} else {
  console.log(`${changes.length} changes since schema.released.graphql, ${breaking.length} breaking; not listed in docs/schema-changes.md:`);
  for (const m of unlisted) console.log(`- ${m}`);
}
