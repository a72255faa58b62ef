// Pure rules of the IATI export, as tables; and the validator refusing what the schema refuses.
import { describe, expect, it } from 'vitest';
import { dacPurposeCode, sectorWeights } from '../domain/iati/sectors.js';
import { recipientWeights } from '../domain/iati/recipients.js';
import { percentageShares } from '../domain/iati/shares.js';
import { sumDecimals } from '../domain/iati/decimal.js';
import { validateIatiActivities } from '../scripts/iati-validate.js';
import { scopeForCaller } from '../api/iati/routes.js';
import type { IatiProjectSource } from '../db/queries/iati.js';

describe('percentageShares', () => {
  it.each([
    [[1], ['100.00']],
    [[1, 1], ['50.00', '50.00']],
    [[1, 1, 1], ['33.34', '33.33', '33.33']],
    [[2, 1], ['66.67', '33.33']],
    [[1, 1, 1, 1, 1, 1, 1], ['14.29', '14.29', '14.29', '14.29', '14.28', '14.28', '14.28']],
    [[3, 0, 1], ['75.00', '25.00']],
  ])('weights %j -> %j, summing to exactly 100', (weights, expected) => {
    const shares = percentageShares(new Map(weights.map((w, i) => [`k${i}`, w])));
    expect([...shares.values()]).toEqual(expected);
    expect([...shares.values()].reduce((s, v) => s + Math.round(Number(v) * 100), 0)).toBe(10_000);
  });
  it('gives nothing for no weight', () => expect(percentageShares(new Map([['a', 0]])).size).toBe(0));
});

describe('dacPurposeCode', () => {
  it.each([
    ['PA-A', 'UNTOC', '15131'],
    ['PA-B', 'UNTOC', '15134'],
    ['PA-C', 'UNTOC', '15131'],
    ['PA-D', 'UNTOC', '16062'],
    ['PA-E', 'TIP', '15190'],
    ['PA-E', 'SOM', '15190'],
    ['PA-E', 'FA', '15240'],
    ['PA-E', 'UNTOC', '15131'],
  ])('%s under %s -> %s', (priorityArea, instrument, code) => expect(dacPurposeCode({ priorityArea, instrument })).toBe(code));
  it('weighs each need once per code', () => {
    expect(sectorWeights([{ priorityArea: 'PA-A', instrument: 'UNTOC' }, { priorityArea: 'PA-C', instrument: 'UNTOC' }, { priorityArea: 'PA-B', instrument: 'UNTOC' }]))
      .toEqual(new Map([['15131', 2], ['15134', 1]]));
  });
});

describe('recipientWeights', () => {
  const home: Record<string, string> = { GAB: 'AFRICA', TCD: 'AFRICA', BOL: 'LATIN_AMERICA_AND_THE_CARIBBEAN' };
  it.each([
    ['national', ['GAB'], [{ stateCode: 'GAB' }], 'NATIONAL', [['GAB', 1]], []],
    ['regional modality, one State', ['TCD'], [{ stateCode: 'TCD' }, { stateCode: 'TCD' }], 'REGIONAL', [['TCD', 2]], [['298', 1]]],
    ['two States, two regions', ['BOL', 'GAB'], [{ stateCode: 'GAB' }, { stateCode: 'BOL' }, { stateCode: 'GAB' }], null, [['BOL', 1], ['GAB', 2]], [['498', 1], ['298', 1]]],
    ['two States, one region', ['GAB', 'TCD'], [{ stateCode: 'GAB' }, { stateCode: 'TCD' }], 'NATIONAL', [['GAB', 1], ['TCD', 1]], [['298', 1]]],
  ])('%s', (_label, stateCodes, needs, modality, countries, regions) => {
    const w = recipientWeights({ stateCodes, needs, modality, homeRegionOf: (s) => home[s] });
    expect([...w.countries]).toEqual(countries);
    expect([...w.regions]).toEqual(regions);
  });
});

describe('validateIatiActivities', () => {
  it('refuses an activity without the required activity-status, naming the element', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03"><iati-activity>
  <iati-identifier>XI-IATI-PALERMO-DEMO-x</iati-identifier>
  <reporting-org ref="XI-IATI-PALERMO-DEMO" type="40"><narrative>r</narrative></reporting-org>
  <title><narrative>t</narrative></title><description><narrative>d</narrative></description>
  <participating-org role="4"><narrative>r</narrative></participating-org>
  <activity-date type="1" iso-date="2026-01-01"/>
</iati-activity></iati-activities>`;
    const result = await validateIatiActivities(xml);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/activity-date.*activity-status|activity-status/);
  });
});

describe('sumDecimals', () => {
  it.each([
    [['120000.5', '20000.5'], '140001'],
    [['0.1', '0.2'], '0.3'],
    [['250000'], '250000'],
    [['1.25', '-0.25'], '1'],
    [['999999999999.99', '0.01'], '1000000000000'],
    [[], '0'],
  ])('%j -> %s', (values, sum) => expect(sumDecimals(values)).toBe(sum));
  it('refuses what is not a decimal', () => expect(() => sumDecimals(['1e3'])).toThrow(/not a decimal/));
});

describe('scopeForCaller', () => {
  const regional = {
    id: 'p', title: 't', stage: 'PLANNING', filedAt: new Date(), updatedAt: new Date(), stateCodes: ['GAB', 'TCD'], budget: null, pledges: [], transitions: [], details: {},
    needs: [
      { id: 'n1', stateCode: 'GAB', priorityArea: 'PA-A', instrument: 'UNTOC', description: 'Gabon asks' },
      { id: 'n2', stateCode: 'TCD', priorityArea: 'PA-B', instrument: 'UNTOC', description: 'Chad asks' },
    ],
  } satisfies IatiProjectSource;
  it.each([
    [{ subject: 'f', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' } as const, ['n1']],
    [{ subject: 'f', role: 'STATE_FOCAL_POINT', stateCode: 'TCD' } as const, ['n2']],
    [{ subject: 'm', role: 'PROGRAMME_MANAGER' } as const, ['n1', 'n2']],
  ])('%j reads needs %j of a regional project', (actor, ids) => {
    const scoped = scopeForCaller(actor, regional);
    expect(scoped.needs.map((n) => n.id)).toEqual(ids);
    expect(scoped.stateCodes).toEqual(['GAB', 'TCD']); // who benefits is shared
  });
});
