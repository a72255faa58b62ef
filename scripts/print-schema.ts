// `npm run schema:print`: writes the running Pothos schema to schema.graphql, the file the web app's
// typed GraphQL client (gql.tada) is generated from, then regenerates web/src/graphql-env.d.ts.
// `tsx scripts/print-schema.ts --check` writes nothing: it exits 1 when schema.graphql is not the
// running schema (test/schema-artifact.test.ts runs it, so a schema change that is not committed fails).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../api/schema/index.js';

const root = resolve(import.meta.dirname, '..');
const file = resolve(root, 'schema.graphql');
const printed = `${printSchema(schema)}\n`;
if (process.argv.includes('--check')) {
  const committed = readFileSync(file, 'utf8');
  if (committed !== printed) {
    console.error('schema.graphql is not the running schema: run `npm run schema:print` and commit it');
    process.exit(1);
  }
  console.log('schema.graphql is the running schema');
} else {
  writeFileSync(file, printed);
  console.log('schema.graphql written');
}
