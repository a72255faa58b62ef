// What every browser test file runs its journeys on: the real stack (Temporal dev server, PostgreSQL, a
// worker and the API serving the built web app) with the demo sign-in on, as `npm start` runs it in the
// embedded default, and one Chromium. Started before the file's tests, stopped after them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { seedDemoRoster } from '../../scripts/demo-roster.js';
import { ensureWebBuild } from '../../scripts/web-build.js';
import { launchChromium } from './browser.js';
import { startStack, type Stack } from './stack.js';

/** The demo identities the browser signs in as, to act as them over the API too. */
export { DEMO_MANAGER } from '../../scripts/demo-portfolio.js';
export const demoFocalPoint = (state: string) => ({ subject: `demo-focal-point-${state}`, role: 'STATE_FOCAL_POINT' as const, stateCode: state });

export interface WebStack {
  readonly stack: Stack;
  readonly browser: Browser;
  /** Where the API serves the web app: http://127.0.0.1:<port> */
  readonly base: string;
  /**
   * Opens the sign-in page (in `locale` when given), signs in as a demo identity (`programme-manager`,
   * `focal-point-GAB`, ...) and waits until the layout names who is signed in: a navigation before that
   * would lose the demo token's fetch.
   */
  signIn(page: Page, identity: string, locale?: 'en' | 'fr' | 'es'): Promise<void>;
}

/** Call at the top of a test file: registers the file's beforeAll and afterAll. `demoRoster` seeds the demo roster (its evaluator and experts) once started. */
export function useWebStack(opts: { demoRoster?: boolean } = {}): WebStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await ensureWebBuild();
    process.env.PALERMO_DEMO_SIGN_IN = 'true'; // as npm start sets it in the embedded default
    stack = await startStack();
    browser = await launchChromium();
    if (opts.demoRoster) await seedDemoRoster(stack.db);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    delete process.env.PALERMO_DEMO_SIGN_IN;
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the web stack is not started: use it inside a test');
    return value;
  };
  const web: WebStack = {
    get stack() {
      return started(stack);
    },
    get browser() {
      return started(browser);
    },
    get base() {
      return started(stack).apiUrl.replace(/\/graphql$/, '');
    },
    async signIn(page, identity, locale) {
      await page.goto(`${web.base}/`);
      if (locale && locale !== 'en') await page.getByLabel('Language').selectOption(locale);
      await page.locator(`button[data-identity="${identity}"]`).click();
      await page.locator('header .who').waitFor();
    },
  };
  return web;
}
