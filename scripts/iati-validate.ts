// `npm run iati:validate -- <file.xml> [...]`: validates IATI activity files against the official
// IATI 2.03 XML Schema kept in test/fixtures/iati/ (see SOURCE.md there), with xmllint compiled to
// WebAssembly (npm xmllint-wasm). test/iati-export.test.ts calls the same function.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateXML } from 'xmllint-wasm';

const SCHEMA_DIR = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'iati');
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(resolve(SCHEMA_DIR, fileName), 'utf8') });

export interface IatiValidation {
  valid: boolean;
  /** xmllint's messages, each with its line. */
  errors: string[];
}

export async function validateIatiActivities(xml: string, fileName = 'activities.xml'): Promise<IatiValidation> {
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [schemaFile('iati-activities-schema.xsd')],
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
    const { valid, errors } = await validateIatiActivities(readFileSync(file, 'utf8'), file.replace(/^.*\//, ''));
    console.log(`${file}: ${valid ? 'valid against IATI 2.03 (iati-activities-schema.xsd)' : 'INVALID'}`);
    for (const e of errors) console.log(`  ${e}`);
    if (!valid) failed += 1;
  }
  process.exit(failed ? 1 : 0);
}
