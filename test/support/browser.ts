// A real browser for the web app's tests: Debian's Chromium driven by playwright-core, with axe-core
// injected into every page a journey visits. Screenshots go to test-output/web/ (not committed).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-output', 'web');

/** The Chromium that `command -v chromium` finds (.ci/run installs Debian's package). */
export function chromiumPath(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('no chromium on PATH: apt-get install -y chromium (as .ci/run does)');
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page as it stands; returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Saves a full-page screenshot under test-output/web/<name>.png. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The page has loaded and no request is under way for `quietMs`. Playwright's 'networkidle' never comes on a
 * page holding a live subscription (its SSE response stays open by design), so the event streams are not counted.
 */
export async function settled(page: Page, quietMs = 500, timeoutMs = 30_000): Promise<void> {
  await page.waitForLoadState('load');
  const isStream = (r: Request) => (r.headers()['accept'] ?? '').includes('text/event-stream');
  const inflight = new Set<Request>();
  await new Promise<void>((resolve, reject) => {
    let quiet: NodeJS.Timeout | undefined;
    const rearm = () => {
      clearTimeout(quiet);
      if (inflight.size === 0) quiet = setTimeout(done, quietMs);
    };
    const started = (r: Request) => {
      if (isStream(r)) return;
      inflight.add(r);
      rearm();
    };
    const ended = (r: Request) => {
      if (inflight.delete(r)) rearm();
    };
    const deadline = setTimeout(() => {
      cleanup();
      reject(new Error(`the page did not settle within ${timeoutMs} ms (${inflight.size} requests under way)`));
    }, timeoutMs);
    function cleanup() {
      clearTimeout(quiet);
      clearTimeout(deadline);
      page.off('request', started).off('requestfinished', ended).off('requestfailed', ended);
    }
    function done() {
      cleanup();
      resolve();
    }
    page.on('request', started).on('requestfinished', ended).on('requestfailed', ended);
    rearm();
  });
}

/** Every page a journey visits: settled (not 'networkidle': the project page keeps its live subscription open), saved as a screenshot, and passing axe-core with no serious or critical violation. */
export async function visited(page: Page, name: string) {
  await settled(page);
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}
