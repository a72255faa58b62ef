// IATI 2.03 export: every demo project, driven through the lifecycle over GraphQL, is downloaded at each
// stage it passes through and validated against the official XSD (installed into .tools/iati-schemas by npm install) by xmllint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REQUESTS } from '../scripts/demo-portfolio.js';
import { validateIatiActivities, validateIatiOrganisations } from '../scripts/iati-validate.js';
import { caller, dacRatings, fileAs, must, rosterEvaluator, type Caller } from './support/actions.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
let evaluator: Caller;
const apiBase = () => stack.apiUrl.replace(/\/graphql$/, '');
/** project title -> stage -> validation result, printed at the end for the report. */
const report: { project: string; stage: string; valid: boolean; errors: string[] }[] = [];

beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-iati', role: 'PROGRAMME_MANAGER' });
  evaluator = await rosterEvaluator(stack, 'IATI test evaluator');
});
afterAll(async () => {
  console.log('IATI 2.03 validation per demo project and stage:\n' + report.map((r) => `  ${r.valid ? 'valid  ' : 'INVALID'} ${r.project.padEnd(70)} ${r.stage}`).join('\n'));
  await stack?.stop();
});

async function download(path: string, token?: string) {
  const response = await fetch(`${apiBase()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

async function checkStage(label: string, id: string, stage: string) {
  const { status, type, body } = await download(`/iati/activities/${id}.xml`, pm.token);
  expect(status).toBe(200);
  expect(type).toMatch(/application\/xml/);
  const result = await validateIatiActivities(body, `${id}.xml`);
  report.push({ project: label, stage, ...result });
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
  expect(body).toContain(`<activity-status code="${({ IN_DELIVERY: 2, SUSPENDED: 6, UNDER_EVALUATION: 3, REPRIORITISATION: 3, CLOSED: 4, DECLINED: 5, CANCELLED: 5 } as Record<string, number>)[stage] ?? 1}"/>`);
  return body;
}

const sumOf = (xml: string, element: string) =>
  [...xml.matchAll(new RegExp(`<${element} [^>]*percentage="([0-9.]+)"`, 'g'))].reduce((s, m) => s + Math.round(Number(m[1]) * 100), 0) / 100;

describe('IATI activity file of each demo project at each stage', () => {
  for (const request of DEMO_REQUESTS) {
    it(`${request.state}: ${request.title}`, async () => {
      const fp = await caller(stack, { subject: `fp-iati-${request.state}`, role: 'STATE_FOCAL_POINT', stateCode: request.state });
      const { id, needs } = await fileAs(stack, fp, { ...request, idempotencyKey: freshKey(`iati-${request.state}`) });
      const label = `${request.state} ${request.title}`;
      const step = async (name: Parameters<typeof must>[2], who: Caller, payload: Record<string, unknown> = {}) => {
        const project = await must(stack, who, name, id, payload);
        return checkStage(label, id, project.stage);
      };
      await checkStage(label, id, 'SUBMITTED');
      await step('startAssessment', pm);
      await step('requestInformation', pm, { question: 'Which ministry answers the checklist?' });
      await step('provideInformation', fp, { answer: 'The Ministry of Justice.' });
      await step('recordAssessment', pm, { type: 'NEEDS_ASSESSMENT', startDate: '2026-01-05', endDate: '2026-01-09', partners: ['UNDP', 'OHCHR'], findings: 'Needs confirmed with the ministry.' });
      await step('startPlanning', pm);
      // Chad's integrated project is planned as regional work with its neighbours (recipient-region).
      const modality = request.state === 'TCD' ? 'REGIONAL' : 'NATIONAL';
      await step('setPlan', pm, {
        objectives: [`${request.title}: national capacity in place`],
        outputs: [{ title: 'Officials trained', indicators: [{ name: 'officials trained', unit: 'people', baseline: 0, target: 40 }] }],
        outcomes: [{ title: 'Obligations met', indicators: [{ name: 'obligations met', unit: 'percent', baseline: 10, target: 80 }] }],
        formsOfAssistance: ['TRAINING_NATIONAL'], modality, budget: { amount: '120000.5', currency: 'EUR' },
      });
      await step('endorsePlan', fp);
      await step('seekFunding', pm);
      await step('pledge', pm, { donor: 'Invented donor A (demo)', amount: '100000', currency: 'EUR', kind: 'CASH', earmarkPriorityArea: request.needs[0]!.priorityArea });
      await step('pledge', pm, { donor: 'Invented donor B (demo)', amount: '20000.5', currency: 'EUR', kind: 'IN_KIND_EXPERTISE' });
      await step('startDelivery', pm);
      await step('suspend', pm, { reason: 'Elections: work paused' });
      await step('resume', pm);
      await step('startEvaluation', pm, { evaluator: evaluator.actor.subject, closeDeliveryReason: 'Draft law before parliament; evaluation due' });
      await step('submitOutcomeAssessment', evaluator, {
        criteria: dacRatings(5),
        indicatorValues: [{ indicator: 'officials trained', actual: 37 }, { indicator: 'obligations met', actual: 65 }],
        needVerdicts: needs.map((n) => ({ needId: n.id, verdict: 'PARTLY_MET' })),
        narrative: 'Most officials trained; reporting improved.',
        coProviders: ['UNICRI'],
      });
      const closed = await step('close', pm);

      // What a reader of the closed activity finds.
      expect(closed).toContain(`<iati-identifier>XI-IATI-PALERMO-DEMO-${id}</iati-identifier>`);
      expect(closed).toMatch(/<participating-org role="1">\s*<narrative>Invented donor A \(demo\)<\/narrative>/);
      expect(closed).toMatch(/<participating-org role="4">\s*<narrative>United Nations Interregional Crime and Justice Research Institute<\/narrative>|<participating-org role="4">\s*<narrative>UNICRI<\/narrative>/);
      expect(closed).toContain('<value currency="EUR"');
      expect(closed).toContain('>120000.50</value>'); // EUR to the cent, exactly as budgeted
      expect(closed.match(/<transaction-type code="11"\/>/g)).toHaveLength(2);
      expect(closed).toMatch(/<baseline year="\d{4}" iso-date="[\d-]+" value="10"\/>/);
      expect(closed).toContain('<target value="80"/>');
      expect(closed).toContain('<actual value="65"/>');
      expect(closed).toMatch(/<activity-date type="2" iso-date=/);
      expect(closed).toMatch(/<activity-date type="4" iso-date=/);
      if (needs.length > 1) expect(sumOf(closed, 'sector')).toBe(100);
      if (modality === 'REGIONAL') {
        expect(closed).toMatch(/<recipient-region code="298" vocabulary="1" percentage="[\d.]+">/);
        expect(sumOf(closed, 'recipient-country') + sumOf(closed, 'recipient-region')).toBe(100);
      } else {
        expect(closed).toMatch(/<recipient-country code="[A-Z]{2}">/);
      }
    });
  }

  it('a declined request and a cancelled project are valid too (status 5)', async () => {
    const request = DEMO_REQUESTS[2]!;
    const fp = await caller(stack, { subject: `fp-iati-${request.state}`, role: 'STATE_FOCAL_POINT', stateCode: request.state });
    const declined = await fileAs(stack, fp, { ...request, idempotencyKey: freshKey('iati-declined') });
    await must(stack, pm, 'startAssessment', declined.id);
    await must(stack, pm, 'decline', declined.id, { reason: 'Outside the mandate' });
    await checkStage(`${request.state} ${request.title} (declined)`, declined.id, 'DECLINED');
    const cancelled = await fileAs(stack, fp, { ...request, idempotencyKey: freshKey('iati-cancelled') });
    await must(stack, pm, 'cancel', cancelled.id, { reason: 'Withdrawn by the State' });
    await checkStage(`${request.state} ${request.title} (cancelled)`, cancelled.id, 'CANCELLED');
  });
});

describe('who may download what', () => {
  it('gives a focal point only its own State\'s activities, and refuses a missing token', async () => {
    const gab = await caller(stack, { subject: 'fp-iati-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const ken = await caller(stack, { subject: 'fp-iati-KEN', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    const { id } = await fileAs(stack, gab, { ...DEMO_REQUESTS[0]!, idempotencyKey: freshKey('iati-scope') });
    await must(stack, pm, 'startAssessment', id);
    await must(stack, pm, 'startPlanning', id);
    await must(stack, pm, 'setPlan', id, {
      objectives: ['Checklist answered'], outputs: [], outcomes: [{ title: 'Report submitted', indicators: [{ name: 'reports', unit: 'reports', baseline: 0, target: 1 }] }],
      formsOfAssistance: ['REPORTING_SUPPORT'], modality: 'NATIONAL', budget: { amount: '5000.25', currency: 'EUR' },
    });

    const own = await download('/iati/activities.xml', gab.token);
    expect(own.status).toBe(200);
    expect((await validateIatiActivities(own.body)).valid).toBe(true);
    expect(own.body).toContain(id);
    // Every activity in its file benefits Gabon (a regional one names its other States too).
    const activities = own.body.split('<iati-activity ').slice(1);
    expect(activities.length).toBeGreaterThan(0);
    for (const a of activities) expect(a).toContain('<recipient-country code="GA"');

    const other = await download('/iati/activities.xml', ken.token);
    expect(other.body).not.toContain(id);
    expect((await download(`/iati/activities/${id}.xml`, ken.token)).status).toBe(404);
    expect((await download(`/iati/activities/${id}.xml`)).status).toBe(401);
    expect((await download('/iati/activities/no-such-project.xml', pm.token)).status).toBe(404);
    // An expert sees no project: no (schema-invalid) empty file, but a plain answer.
    const expert = await download('/iati/activities.xml', await stack.token({ subject: 'expert-iati', role: 'EXPERT' }));
    expect(expert).toMatchObject({ status: 404, body: 'NOT_FOUND: no activity is visible to the caller\n' });

    // The organisation file: budgets of what the caller may see, per year and currency, summed exactly.
    const organisation = await download('/iati/organisation.xml', pm.token);
    expect(organisation.status).toBe(200);
    expect(await validateIatiOrganisations(organisation.body)).toEqual({ valid: true, errors: [] });
    expect(organisation.body).toContain('<organisation-identifier>XI-IATI-PALERMO-DEMO</organisation-identifier>');
    expect(organisation.body).toMatch(/<total-budget status="1">[\s\S]*?<value currency="EUR" value-date="\d{4}-01-01">\d+(\.\d+)?<\/value>/);
    const gabOrganisation = await download('/iati/organisation.xml', gab.token);
    expect((await validateIatiOrganisations(gabOrganisation.body)).valid).toBe(true);
    // Per-country budgets come from single-State projects only, so Gabon's file has only Gabon's.
    expect(new Set([...gabOrganisation.body.matchAll(/<recipient-country code="([A-Z]{2})"/g)].map((m) => m[1]))).toEqual(new Set(['GA']));

    const all = await download('/iati/activities.xml', pm.token);
    expect(all.body).toContain(id);
    const validation = await validateIatiActivities(all.body);
    expect(validation.errors).toEqual([]);
  });
});
