// IATI 2.03 organisation file (iati-organisations) of the reporting organisation: its identity and, from
// the projects the caller may see, its budgets per year and currency, in total and per recipient
// country (the year is the one the project's budget was set in). Sums are exact (domain/iati/decimal.ts).
import countries from 'i18n-iso-countries';
import { create } from 'xmlbuilder2';
import type { IatiProjectSource } from '../../db/queries/iati.js';
import { sumDecimals } from '../../domain/iati/decimal.js';
import type { ReportingOrg } from './activities-xml.js';

interface BudgetKey {
  year: number;
  currency: string;
  country?: string;
}

export function organisationXml(projects: readonly IatiProjectSource[], org: ReportingOrg, generatedAt = new Date()): string {
  const totals = new Map<string, { key: BudgetKey; amounts: string[] }>();
  const add = (key: BudgetKey, amount: string) => {
    const id = JSON.stringify(key);
    const entry = totals.get(id) ?? { key, amounts: [] };
    entry.amounts.push(amount);
    totals.set(id, entry);
  };
  for (const p of projects) {
    if (!p.budget) continue;
    const year = (p.details.plan?.at ? new Date(p.details.plan.at) : p.filedAt).getUTCFullYear();
    add({ year, currency: p.budget.currency }, p.budget.amount);
    // A project of one State counts for that country; a multi-State budget has no split by State.
    if (p.stateCodes.length === 1) add({ year, currency: p.budget.currency, country: p.stateCodes[0] }, p.budget.amount);
  }
  const sorted = [...totals.values()].sort((a, b) => a.key.year - b.key.year || a.key.currency.localeCompare(b.key.currency) || (a.key.country ?? '').localeCompare(b.key.country ?? ''));

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-organisations', { version: '2.03', 'generated-datetime': generatedAt.toISOString() });
  const o = root.ele('iati-organisation', { 'last-updated-datetime': generatedAt.toISOString(), 'xml:lang': 'en' });
  o.ele('organisation-identifier').txt(org.ref).up();
  o.ele('name').ele('narrative').txt(org.name).up().up();
  o.ele('reporting-org', { ref: org.ref, type: org.type }).ele('narrative').txt(org.name).up().up();
  const period = (el: ReturnType<typeof o.ele>, year: number) => {
    el.ele('period-start', { 'iso-date': `${year}-01-01` }).up();
    el.ele('period-end', { 'iso-date': `${year}-12-31` }).up();
  };
  for (const { key, amounts } of sorted.filter((t) => !t.key.country)) {
    const b = o.ele('total-budget', { status: '1' });
    period(b, key.year);
    b.ele('value', { currency: key.currency, 'value-date': `${key.year}-01-01` }).txt(sumDecimals(amounts)).up();
  }
  for (const { key, amounts } of sorted.filter((t) => t.key.country)) {
    const code = countries.alpha3ToAlpha2(key.country!);
    if (!code) continue;
    const b = o.ele('recipient-country-budget', { status: '1' });
    b.ele('recipient-country', { code }).up();
    period(b, key.year);
    b.ele('value', { currency: key.currency, 'value-date': `${key.year}-01-01` }).txt(sumDecimals(amounts)).up();
  }
  return root.end({ prettyPrint: true });
}
