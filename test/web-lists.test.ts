// Lists that reach every item ("Show more" after the last page's endCursor) and the needs' records that
// were API-only (recordNeed, a need's field of expertise and confidentiality, a State's report), in a real
// browser (Debian's Chromium via playwright-core) on the real web.stack. axe-core runs on every page visited;
// what the user did is read back over the API.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertPresumedNeeds } from '../db/queries/needs-pool.js';
import { STATES } from '../domain/code-lists/index.js';
import { presumedNeedId, presumedReportingNeed } from '../domain/presumed-needs.js';
import { caller, type Caller } from './support/actions.js';
import { visited } from './support/browser.js';
import { useWebStack } from './support/web-stack.js';

const web = useWebStack();
let manager: Caller;
beforeAll(async () => {
  manager = await caller(web.stack, { subject: 'demo-programme-manager', role: 'PROGRAMME_MANAGER' });
});

const RECORD = `mutation($input: RecordNeedInput!) { recordNeed(input: $input) { __typename ... on Need { id } ... on Error { code message } ... on ValidationError { issues { field message } } } }`;
const NEED = `query($id: ID!) { need(id: $id) { __typename ... on Need { id state description confidential withdrawnReason field { field from } origin { kind source raisedBy } } ... on Error { code message } } }`;

/** A need raised by a field office, recorded over the API as another manager would. */
async function recordOverApi(state: string, description: string): Promise<string> {
  const input = { state, source: 'FIELD_OFFICE', raisedBy: 'UNODC field office (test)', priorityArea: 'PA-B', priorityActivity: '(b)', instrument: 'UNTOC', formsOfAssistance: ['TRAINING_NATIONAL'], urgency: 'MEDIUM', description, idempotencyKey: `web-lists-${randomUUID()}` };
  const { body } = await web.stack.gql(RECORD, { input }, manager.token);
  expect(body.data.recordNeed.__typename, JSON.stringify(body)).toBe('Need');
  return body.data.recordNeed.id;
}

/**
 * The States with the fewest needs first, among those no other test file names (any three capitals; every file shares one
 * database, some give needs to nearly every State, and some keep a State they name free of needs).
 */
async function leastUsedStates(): Promise<string[]> {
  const named = new Set(readdirSync(import.meta.dirname).filter((f) => f.endsWith('.test.ts') && f !== 'web-lists.test.ts').flatMap((f) => [...readFileSync(join(import.meta.dirname, f), 'utf8').matchAll(/\b([A-Z]{3})\b/g)].map((m) => m[1]!)));
  const counts = new Map((await web.stack.db.selectFrom('needs').select(['state_code', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('state_code').execute()).map((r) => [r.state_code, Number(r.n)]));
  return STATES.map((s) => s.code).filter((code) => !named.has(code)).sort((x, y) => (counts.get(x) ?? 0) - (counts.get(y) ?? 0));
}

const readNeed = async (id: string) => (await web.stack.gql(NEED, { id }, manager.token)).body.data.need;

describe('lists and needs in the browser', () => {
  it('the needs pool shows its first page, "Show more" appends the next one (filter kept, count and focus sensible), and a need\'s field and confidentiality are set on its row, a refusal at its field', async () => {
    // 30 open needs of the State with the fewest (the database is shared): more than the pool's page of 25.
    const state = (await leastUsedStates())[0]!;
    const stamp = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await recordOverApi(state, `Train prosecutors, group ${i + 1} (${stamp})`));
    // Other files' needs of that State, if any, are in its pool too: the count says how many there are.
    const total = (await web.stack.gql('query($s: String) { needPool(filter: { state: $s }, first: 1) { ... on QueryNeedPoolSuccess { data { totalCount } } } }', { s: state }, manager.token)).body.data.needPool.data.totalCount as number;
    expect(total).toBeGreaterThanOrEqual(30);

    const page = await web.browser.newPage();
    await web.signIn(page, 'programme-manager');
    await page.goto(`${web.base}/needs`);
    await page.getByRole('heading', { name: 'Needs pool by priority' }).waitFor();
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('State').selectOption(state);
    await page.getByText(`25 of ${total} shown`).waitFor();
    const rows = page.locator('table.projects:not(.presumed) tbody tr');
    await expect.poll(() => rows.count()).toBe(25);
    await visited(page, 'pm-lists-01-pool-first-page');

    // A real button, reached by keyboard: each next page is read after the last one's endCursor and appended.
    const more = page.getByRole('button', { name: 'Show more needs' });
    const ours = rows.filter({ hasText: `(${stamp})` });
    for (let shown = 25; shown < total; ) {
      await more.focus();
      await page.keyboard.press('Enter');
      shown = Math.min(shown + 25, total);
      await page.getByText(`${shown} of ${total} shown`).waitFor();
      await expect.poll(() => rows.count()).toBe(shown);
    }
    expect(await ours.count()).toBe(30);
    // The filter is kept: every row is the chosen State's; the last page in, the button goes and focus is on the count.
    expect(await rows.filter({ hasText: `${state} ·` }).count()).toBe(total);
    expect(await more.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`${total} of ${total} shown`);
    await visited(page, 'pm-lists-02-pool-second-page');

    // A need's field of expertise and confidentiality, on its row (our 27th: on the second page).
    const row = ours.nth(26);
    const description = (await row.locator('td').nth(1).textContent())!;
    const group = ids.findIndex((_, i) => description.includes(`group ${i + 1} (`)) + 1;
    expect(group).toBeGreaterThan(0);
    const needId = ids[group - 1]!;
    await row.getByText('Field of expertise and confidentiality').click();
    const settings = row.getByRole('form');
    // A field the roster's taxonomy no longer has (a stale page): the API refuses it, at the field.
    await settings.getByLabel('Field of expertise').evaluate((select: HTMLSelectElement) => select.add(new Option('Retired field', 'NO_SUCH.FIELD')));
    await settings.getByLabel('Field of expertise').selectOption('NO_SUCH.FIELD');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Please correct the fields marked below.').waitFor();
    await expect.poll(() => settings.getByLabel('Field of expertise').getAttribute('aria-invalid')).toBe('true');
    await settings.getByText('unknown field of expertise "NO_SUCH.FIELD"').waitFor();
    await visited(page, 'pm-lists-03-need-field-refused');
    expect((await readNeed(needId)).field?.from).not.toBe('SET');

    await settings.getByLabel('Field of expertise').selectOption('CRIMINALIZATION.LEGISLATIVE_DRAFTING');
    await settings.getByLabel('Confidential: hidden from donors').check();
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByText('Saved.').waitFor();
    await expect.poll(async () => readNeed(needId)).toMatchObject({ confidential: true, field: { field: 'CRIMINALIZATION.LEGISLATIVE_DRAFTING', from: 'SET' } });
    // The pool is read again after the change, pages shown included: the row says what it is now.
    await page.getByText(`${total} of ${total} shown`).waitFor();
    await rows.filter({ hasText: `group ${group} (${stamp})` }).getByText(/legislative drafting \(set\) · confidential/).waitFor();
    await visited(page, 'pm-lists-04-need-field-set');
    await page.close();
  });

  it('the manager records a need raised by a field office (who raised it refused when missing, at its field) and a State\'s report that withdraws its presumed need', async () => {
    const stamp = Date.now();
    const page = await web.browser.newPage();
    await web.signIn(page, 'programme-manager');
    await page.goto(`${web.base}/needs`);
    await page.getByRole('link', { name: 'Record a need' }).click();
    await page.getByRole('heading', { name: 'Record a need' }).waitFor();
    const form = page.getByRole('form', { name: 'Record a need' });
    await form.getByLabel('State', { exact: true }).selectOption('GHA');
    await form.getByLabel('Where it came from').selectOption('FIELD_OFFICE');
    await form.getByLabel('Priority area').selectOption('PA-B');
    await form.getByLabel('Priority activity').selectOption('(g)');
    await form.getByLabel('Instrument').selectOption('UNTOC');
    await form.getByLabel('MENTORING — Mentors').check();
    await form.getByLabel('Urgency').selectOption('HIGH');
    await form.getByLabel('Description').fill(`Witness protection for Ghana's courts (${stamp})`);
    await form.getByLabel('Field of expertise (optional)').selectOption('PROTECTION.WITNESS_PROTECTION');
    await form.getByLabel('Confidential: hidden from donors').check();
    // Who raised it left empty: the API names the field, and nothing is recorded.
    await form.getByRole('button', { name: 'Record the need' }).click();
    await form.getByText('Please correct the fields marked below.').waitFor();
    await expect.poll(() => form.getByLabel('Raised by').getAttribute('aria-invalid')).toBe('true');
    await visited(page, 'pm-record-01-raised-by-refused');
    await form.getByLabel('Raised by').fill('UNODC field office in Accra (test)');
    await form.getByRole('button', { name: 'Record the need' }).click();
    const done = form.getByText(/^Recorded: Witness protection for Ghana's courts/);
    await done.waitFor();
    const needId = /\(([^()]+)\)\.$/.exec((await done.textContent())!)![1]!;
    await visited(page, 'pm-record-02-recorded');
    expect(await readNeed(needId)).toMatchObject({
      state: 'GHA',
      confidential: true,
      field: { field: 'PROTECTION.WITNESS_PROTECTION', from: 'SET' },
      origin: { kind: 'RAISED', source: 'FIELD_OFFICE', raisedBy: 'UNODC field office in Accra (test)' },
    });

    // A State with an open presumed reporting need (R8), as the re-prioritisation run writes it.
    const state = 'LAO';
    await insertPresumedNeeds(web.stack.db, [presumedReportingNeed(state)]);
    await web.stack.db.updateTable('needs').set({ withdrawn_at: null, withdrawn_reason: null, confirmed_at: null, confirmed_by: null }).where('id', '=', presumedNeedId(state)).execute();
    await page.goto(`${web.base}/needs`);
    const opener = page.getByRole('button', { name: 'Record a State’s report' });
    await opener.click();
    expect(await opener.getAttribute('aria-expanded')).toBe('true');
    const report = page.getByRole('form', { name: 'Record a State’s report' });
    await report.getByLabel('State').selectOption(state);
    // No cycle: refused at its field, nothing withdrawn.
    await report.getByRole('button', { name: 'Record the report' }).click();
    await report.getByText('Please correct the fields marked below.').waitFor();
    await expect.poll(() => report.getByLabel('Reporting cycle').getAttribute('aria-invalid')).toBe('true');
    await visited(page, 'pm-report-01-cycle-refused');
    expect((await readNeed(presumedNeedId(state))).withdrawnReason).toBeNull();
    const cycle = `2026-web-${String(stamp).slice(-6)}`;
    await report.getByLabel('Reporting cycle').fill(cycle);
    await report.getByLabel('Note (optional)').fill('Checklist answered by letter');
    await report.getByRole('button', { name: 'Record the report' }).click();
    await report.getByText(`${state} reported in cycle ${cycle}: 1 presumed need withdrawn.`).waitFor();
    await visited(page, 'pm-report-02-withdrawn');
    expect((await readNeed(presumedNeedId(state))).withdrawnReason).toBe(`${state} reported in cycle ${cycle}: Checklist answered by letter`);
    await page.close();
  });

  it('the re-prioritisation runs page five at a time, older runs appended by "Show older runs"', async () => {
    const admin = await caller(web.stack, { subject: 'demo-conference-admin', role: 'CONFERENCE_ADMIN' });
    const count = async () => (await web.stack.gql('{ prioritySnapshots(first: 1) { ... on QueryPrioritySnapshotsSuccess { data { totalCount } } } }', {}, admin.token)).body.data.prioritySnapshots.data.totalCount as number;
    // Seven runs at least: more than the page's five.
    while ((await count()) < 7) expect((await web.stack.gql('mutation { reprioritiseNow { __typename } }', {}, admin.token)).body.data.reprioritiseNow.__typename).toBe('PrioritySnapshot');
    const total = await count();
    const page = await web.browser.newPage();
    await web.signIn(page, 'conference-admin');
    await page.goto(`${web.base}/snapshots`);
    const runs = page.locator('section.snapshot');
    await page.getByText(`5 of ${total} shown`).waitFor();
    expect(await runs.count()).toBe(5);
    await page.getByRole('button', { name: 'Show older runs' }).click();
    const shown = Math.min(10, total);
    await page.getByText(`${shown} of ${total} shown`).waitFor();
    expect(await runs.count()).toBe(shown);
    // The older page appended, no run shown twice.
    const ids = await runs.evaluateAll((sections) => sections.map((s) => s.querySelector('h2')!.id));
    expect(new Set(ids).size).toBe(shown);
    await visited(page, 'ca-lists-01-older-runs');
    await page.close();
  });

  it("a State's focal point marks one of its own needs confidential from its ranking", async () => {
    // The State with the fewest needs (the first test gave the fewest 30), so its ranking's first page holds this one.
    const state = (await leastUsedStates())[0]!;
    const needId = await recordOverApi(state, `Investigators' training in financial investigations (${Date.now()})`);
    const focalPoint = await caller(web.stack, { subject: `fp-${state}-lists`, role: 'STATE_FOCAL_POINT', stateCode: state });
    const page = await web.browser.newPage();
    // No demo identity for that State: the tab holds the focal point's token, as the sign-in page would leave it.
    await page.goto(`${web.base}/`);
    await page.evaluate((token) => sessionStorage.setItem('palermo.session', token), focalPoint.token);
    await page.goto(`${web.base}/state-needs`);
    const item = page.getByRole('listitem').filter({ hasText: "Investigators' training in financial investigations" }).last();
    await item.getByText('Field of expertise and confidentiality').click();
    await item.getByLabel('Confidential: hidden from donors').check();
    await item.getByRole('button', { name: 'Save' }).click();
    await item.getByText('Saved.').waitFor();
    await visited(page, 'fp-needs-01-confidential');
    expect(await readNeed(needId)).toMatchObject({ confidential: true });
    await page.close();
  });
});
