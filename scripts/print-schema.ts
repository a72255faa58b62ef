// `npm run schema:print`: writes the running Pothos schema to schema.graphql, the file the web app's
// typed GraphQL client (gql.tada) is generated from, then regenerates web/src/graphql-env.d.ts.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { schema } from '../api/schema/index.js';

const root = resolve(import.meta.dirname, '..');
writeFileSync(resolve(root, 'schema.graphql'), `${printSchema(schema)}\n`);
console.log('schema.graphql written');
