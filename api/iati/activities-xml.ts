// IATI 2.03 activity file (iati-activities) built from the read model with xmlbuilder2, which escapes
// text and attributes. Element order follows the sequence of iati-activities-schema.xsd.
import countries from 'i18n-iso-countries';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { STATES } from '../../domain/code-lists/states.js';
import { PARTNERS } from '../../domain/partners.js';
import { DAC_PURPOSE_CODES, sectorWeights } from '../../domain/iati/sectors.js';
import { DAC_REGION_OF_HOME_REGION, recipientWeights } from '../../domain/iati/recipients.js';
import { percentageShares } from '../../domain/iati/shares.js';
import { iatiActivityStatus, type Stage } from '../../domain/stages.js';
import type { IatiProjectSource } from '../../db/queries/iati.js';
import { normaliseAmount } from '../../domain/money.js';

/**
 * The reporting organisation. PALERMO_IATI_ORG_REF must be the publisher's registered IATI organisation
 * identifier; the default `XI-IATI-PALERMO-DEMO` is a placeholder that marks demo data as such (XI-IATI
 * is IATI's own registration agency prefix; no organisation holds this reference).
 */
export interface ReportingOrg {
  ref: string;
  name: string;
  /** IATI OrganisationType: 40 Multilateral (the UNTOC Secretariat is part of a UN office). */
  type: string;
}

export function reportingOrgFromEnv(env: NodeJS.ProcessEnv = process.env): ReportingOrg {
  return {
    ref: env.PALERMO_IATI_ORG_REF || 'XI-IATI-PALERMO-DEMO',
    name: env.PALERMO_IATI_ORG_NAME || 'Secretariat of the UN Convention against Transnational Organized Crime (palermo demo)',
    type: env.PALERMO_IATI_ORG_TYPE || '40',
  };
}

const STATE_BY_CODE = new Map<string, (typeof STATES)[number]>(STATES.map((s) => [s.code, s]));
const PARTNER_TITLE = new Map<string, string>(PARTNERS.map((p) => [p.code, p.title]));

/** IATI identifiers may not hold "/", "&", "|" or "?"; palermo ids are letters, digits, ".", "_", "-". */
export function iatiIdentifier(org: ReportingOrg, projectId: string): string {
  return `${org.ref}-${projectId.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

export function activitiesXml(projects: readonly IatiProjectSource[], org: ReportingOrg, generatedAt = new Date()): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
    version: '2.03',
    'generated-datetime': generatedAt.toISOString(),
  });
  for (const project of projects) activity(root, project, org);
  return root.end({ prettyPrint: true });
}

function narrative(parent: XMLBuilder, name: string, text: string, attrs: Record<string, string> = {}) {
  parent.ele(name, attrs).ele('narrative').txt(text).up().up();
}

function activity(root: XMLBuilder, p: IatiProjectSource, org: ReportingOrg) {
  const d = p.details;
  const currency = p.budget?.currency ?? p.pledges[0]?.currency;
  const a = root.ele('iati-activity', {
    'last-updated-datetime': p.updatedAt.toISOString(),
    'xml:lang': 'en',
    ...(currency ? { 'default-currency': currency } : {}),
  });
  a.ele('iati-identifier').txt(iatiIdentifier(org, p.id)).up();
  narrative(a, 'reporting-org', org.name, { ref: org.ref, type: org.type });
  narrative(a, 'title', p.title);
  // 1 General: what the States asked for; 2 Objectives: the plan's, once there is one.
  narrative(a, 'description', p.needs.map((n) => n.description).filter(Boolean).join('\n') || p.title, { type: '1' });
  if (d.plan?.objectives?.length) narrative(a, 'description', d.plan.objectives.join('\n'), { type: '2' });

  // OrganisationRole: 1 Funding (each donor that pledged), 2 Accountable and 4 Implementing (the
  // Secretariat), 4 Implementing (partners of assessments, co-providers named by the evaluation).
  const donors = [...new Set(p.pledges.map((x) => x.donor))];
  for (const donor of donors) narrative(a, 'participating-org', donor, { role: '1' });
  narrative(a, 'participating-org', org.name, { ref: org.ref, type: org.type, role: '2' });
  narrative(a, 'participating-org', org.name, { ref: org.ref, type: org.type, role: '4' });
  const partners = new Set<string>();
  for (const assessment of d.assessments ?? []) for (const code of assessment.partners ?? []) partners.add(PARTNER_TITLE.get(code) ?? code);
  for (const coProvider of d.outcomeAssessment?.coProviders ?? []) partners.add(coProvider);
  for (const partner of partners) narrative(a, 'participating-org', partner, { role: '4' });

  a.ele('activity-status', { code: String(iatiActivityStatus(p.stage as Stage)) }).up();
  for (const [type, date] of activityDates(p)) a.ele('activity-date', { type, 'iso-date': isoDate(date) }).up();

  const recipients = recipientWeights({
    stateCodes: p.stateCodes,
    needs: p.needs,
    modality: d.plan?.modality,
    homeRegionOf: (s) => STATE_BY_CODE.get(s)?.regions[0],
  });
  const several = recipients.countries.size + recipients.regions.size > 1;
  const weights = new Map<string, number>();
  for (const [k, v] of recipients.countries) weights.set(`C:${k}`, v);
  for (const [k, v] of recipients.regions) weights.set(`R:${k}`, v);
  const shares = percentageShares(weights);
  for (const state of recipients.countries.keys()) {
    const code = countries.alpha3ToAlpha2(state);
    if (!code) continue;
    a.ele('recipient-country', { code, ...(several ? { percentage: shares.get(`C:${state}`)! } : {}) })
      .ele('narrative').txt(STATE_BY_CODE.get(state)?.name ?? state).up().up();
  }
  for (const region of recipients.regions.keys()) {
    const name = Object.values(DAC_REGION_OF_HOME_REGION).find((r) => r.code === region)?.name ?? region;
    a.ele('recipient-region', { code: region, vocabulary: '1', percentage: shares.get(`R:${region}`)! }).ele('narrative').txt(name).up().up();
  }

  const sectors = percentageShares(sectorWeights(p.needs));
  for (const [code, percentage] of sectors) {
    a.ele('sector', { vocabulary: '1', code, ...(sectors.size > 1 ? { percentage } : {}) }).ele('narrative').txt(DAC_PURPOSE_CODES[code]).up().up();
  }

  if (p.budget) {
    // One original budget (type 1, status 1 indicative) over the year from the plan (IATI budget
    // periods may not exceed a year); its value date is the day the budget was set.
    const set = d.plan?.at ? new Date(d.plan.at) : p.filedAt;
    a.ele('budget', { type: '1', status: '1' })
      .ele('period-start', { 'iso-date': isoDate(set) }).up()
      .ele('period-end', { 'iso-date': isoDate(addDays(set, 364)) }).up()
      .ele('value', { currency: p.budget.currency, 'value-date': isoDate(set) }).txt(normaliseAmount(p.budget.amount, p.budget.currency)).up()
      .up();
  }
  // Pledges are the donors' commitments to the activity: TransactionType 11 Incoming Commitment.
  for (const pledge of p.pledges) {
    const t = a.ele('transaction');
    t.ele('transaction-type', { code: '11' }).up();
    t.ele('transaction-date', { 'iso-date': isoDate(pledge.pledgedAt) }).up();
    t.ele('value', { currency: pledge.currency, 'value-date': isoDate(pledge.pledgedAt) }).txt(normaliseAmount(pledge.amount, pledge.currency)).up();
    t.ele('description').ele('narrative').txt(`Pledge (${pledge.kind.toLowerCase().replace(/_/g, ' ')})`).up().up();
    t.ele('provider-org').ele('narrative').txt(pledge.donor).up().up();
    t.ele('receiver-org', { ref: org.ref }).ele('narrative').txt(org.name).up().up();
    t.up();
  }

  results(a, p);
}

/** ActivityDateType: 1 planned start (filing), 2 actual start (delivery began), 4 actual end (closed or stopped). */
function activityDates(p: IatiProjectSource): [string, Date][] {
  const dates: [string, Date][] = [['1', p.filedAt]];
  const delivery = p.transitions.find((t) => t.toStage === 'IN_DELIVERY');
  if (delivery) dates.push(['2', delivery.at]);
  const end = p.transitions.find((t) => ['CLOSED', 'CANCELLED', 'DECLINED', 'MERGED'].includes(t.toStage));
  if (end) dates.push(['4', end.at]);
  return dates;
}

/** The plan's outputs (result type 1) and outcomes (type 2), each indicator with its baseline, target and the evaluation's actual. */
function results(a: XMLBuilder, p: IatiProjectSource) {
  const plan = p.details.plan;
  if (!plan) return;
  const planned = plan.at ? new Date(plan.at) : p.filedAt;
  const assessment = p.details.outcomeAssessment;
  const assessedAt = assessment?.at ? new Date(assessment.at) : undefined;
  const periodEnd = assessedAt && assessedAt > planned ? assessedAt : addDays(planned, 364);
  const groups: [string, NonNullable<typeof plan.outputs>][] = [['1', plan.outputs ?? []], ['2', plan.outcomes ?? []]];
  for (const [type, list] of groups) {
    for (const r of list) {
      if (r.indicators.length === 0) continue; // IATI needs at least one indicator per result
      const result = a.ele('result', { type });
      narrative(result, 'title', r.title);
      for (const indicator of r.indicators) {
        // Measure 1: unit; the unit is part of the title since IATI has no unit attribute.
        const ind = result.ele('indicator', { measure: '1' });
        narrative(ind, 'title', `${indicator.name} (${indicator.unit})`);
        ind.ele('baseline', { year: String(planned.getUTCFullYear()), 'iso-date': isoDate(planned), value: String(indicator.baseline) }).up();
        const period = ind.ele('period');
        period.ele('period-start', { 'iso-date': isoDate(planned) }).up();
        period.ele('period-end', { 'iso-date': isoDate(periodEnd) }).up();
        period.ele('target', { value: String(indicator.target) }).up();
        const actual = assessment?.indicatorValues?.find((v) => v.indicator === indicator.name);
        if (actual) period.ele('actual', { value: String(actual.actual) }).up();
        period.up();
        ind.up();
      }
      result.up();
    }
  }
}
