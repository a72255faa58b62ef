// `npm run iati:validate -- <file.xml> [...]`: validates IATI activity (or organisation) files against the official
// IATI 2.03 XML Schemas that `npm install` puts in .tools/iati-schemas/2.03/ (scripts/install-iati-schemas.mjs,
// from the PyPI package pyIATI), with xmllint compiled to
// WebAssembly (npm xmllint-wasm). test/iati-export.test.ts calls the same function.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const SCHEMA_DIR = resolve(import.meta.dirname, '..', '.tools', 'iati-schemas', '2.03');
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(resolve(SCHEMA_DIR, fileName), 'utf8') });

export interface IatiValidation {
  valid: boolean;
  /** xmllint's messages, each with its line. */
  errors: string[];
}

export function validateIatiActivities(xml: string, fileName = 'activities.xml'): Promise<IatiValidation> {
  return validateAgainst('iati-activities-schema.xsd', xml, fileName);
}

export function validateIatiOrganisations(xml: string, fileName = 'organisation.xml'): Promise<IatiValidation> {
  return validateAgainst('iati-organisations-schema.xsd', xml, fileName);
}

/** The schema for the file's root element: iati-activities or iati-organisations. */
export function schemaFor(xml: string): string {
  return /<iati-organisations[\s>]/.test(xml) ? 'iati-organisations-schema.xsd' : 'iati-activities-schema.xsd';
}

async function validateAgainst(schema: string, xml: string, fileName: string): Promise<IatiValidation> {
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [schemaFile(schema)],
    preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
    maxMemoryPages: 4096,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: npm run iati:validate -- <activities.xml> [...]');
    process.exit(2);
  }
  let failed = 0;
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const schema = schemaFor(xml);
    const { valid, errors } = await validateAgainst(schema, xml, file.replace(/^.*\//, ''));
    console.log(`${file}: ${valid ? `valid against IATI 2.03 (${schema})` : `INVALID against IATI 2.03 (${schema})`}`);
    for (const e of errors) console.log(`  ${e}`);
    if (!valid) failed += 1;
  }
  process.exit(failed ? 1 : 0);
}
