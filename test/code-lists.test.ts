// The code lists: pure data checked for consistency and against the fixtures of domain.md (3.1-3.5,
// 3.8, 3.11, 4.1). No servers needed.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  codesOf,
  FORMS_OF_ASSISTANCE,
  INSTRUMENTS,
  NEED_SOURCES,
  PRIORITY_ACTIVITIES,
  PRIORITY_AREAS,
  REGIONS,
  STATES,
  URGENCIES,
} from '../domain/code-lists/index.js';

const LISTS: [string, readonly { code: string }[]][] = [
  ['PRIORITY_AREAS', PRIORITY_AREAS],
  ['PRIORITY_ACTIVITIES', PRIORITY_ACTIVITIES],
  ['INSTRUMENTS', INSTRUMENTS],
  ['FORMS_OF_ASSISTANCE', FORMS_OF_ASSISTANCE],
  ['NEED_SOURCES', NEED_SOURCES],
  ['REGIONS', REGIONS],
  ['STATES', STATES],
  ['URGENCIES', URGENCIES],
];

const UN_GROUPS = ['AFRICA', 'ASIA_AND_THE_PACIFIC', 'EASTERN_EUROPE', 'LATIN_AMERICA_AND_THE_CARIBBEAN', 'WESTERN_EUROPE_AND_OTHERS'];

/** The State a name or alias designates, as an importer would look it up (case-insensitive). */
function stateNamed(name: string): (typeof STATES)[number] | undefined {
  const v = name.toLowerCase();
  return STATES.find((s) => s.name.toLowerCase() === v || s.aliases.some((a) => a.toLowerCase() === v));
}

describe('every code list', () => {
  it.each(LISTS)('%s is non-empty and its codes are unique', (_, list) => {
    expect(list.length).toBeGreaterThan(0);
    const codes = list.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('codesOf gives the codes in order, as a tuple z.enum accepts', () => {
    expect(codesOf(URGENCIES)).toEqual(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
    const urgency = z.enum(codesOf(URGENCIES));
    expect(urgency.parse('HIGH')).toBe('HIGH');
    expect(urgency.safeParse('URGENT').success).toBe(false);
    expect(() => codesOf([])).toThrow();
  });
});

describe('priority areas and activities (3.1, 3.2)', () => {
  it('has the five priority areas PA-A..PA-E, each with a title and a source', () => {
    expect(PRIORITY_AREAS.map((a) => a.code)).toEqual(['PA-A', 'PA-B', 'PA-C', 'PA-D', 'PA-E']);
    expect(PRIORITY_AREAS.find((a) => a.code === 'PA-D')?.title).toBe('Data collection');
    for (const a of PRIORITY_AREAS) expect(a.source).toMatch(/^000_c2f5e927b2c5c592\.txt para \d+/);
  });

  it('has the nine activity codes of the 2009 recommendations', () => {
    expect(PRIORITY_ACTIVITIES.map((a) => a.code)).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)', '(f)(i)', '(f)(ii)', '(g)', '(h)']);
  });

  it('opens ratification help to all Member States and leaves (d), (f)(i), (f)(ii) without a stated eligibility (R7)', () => {
    const by = (e: string) => PRIORITY_ACTIVITIES.filter((a) => a.eligibility === e).map((a) => a.code);
    expect(by('ALL_MEMBER_STATES')).toEqual(['(c)']);
    expect(by('NOT_STATED')).toEqual(['(d)', '(f)(i)', '(f)(ii)']);
    expect(by('PARTIES_AND_NON_PARTIES_WHERE_APPROPRIATE')).toEqual(['(a)', '(b)', '(e)', '(g)', '(h)']);
  });
});

describe('instruments (3.4)', () => {
  it('has the Convention, its three Protocols, UNCAC and the 1988 Convention', () => {
    expect(INSTRUMENTS.map((i) => i.code)).toEqual(['UNTOC', 'TIP', 'SOM', 'FA', 'UNCAC', '1988']);
  });

  it('gives entry into force as an ISO date, or null for the 1988 Convention', () => {
    for (const i of INSTRUMENTS) {
      if (i.code === '1988') expect(i.entryIntoForce).toBeNull();
      else expect(i.entryIntoForce).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(INSTRUMENTS.find((i) => i.code === 'UNTOC')?.entryIntoForce).toBe('2003-09-29');
  });

  it('lists the articles the seeds reference', () => {
    const articles = (code: string) => INSTRUMENTS.find((i) => i.code === code)?.articles.map((a) => a.article);
    expect(articles('UNTOC')).toEqual(expect.arrayContaining(['5', '6', '8', '23', '19', '27', '28', '30', '32']));
    expect(articles('TIP')).toEqual(['5']);
    expect(articles('SOM')).toEqual(['6', '8(6)']);
    expect(articles('FA')).toEqual(['5', '13']);
    expect(articles('UNCAC')).toEqual(['9']);
    for (const i of INSTRUMENTS) expect(new Set(i.articles.map((a) => a.article)).size).toBe(i.articles.length);
  });
});

describe('forms of assistance (3.5)', () => {
  it('marks exactly the five legislative forms', () => {
    expect(FORMS_OF_ASSISTANCE.filter((f) => f.legislative).map((f) => f.code).sort()).toEqual(['LEG_DRAFTING', 'LEG_REVIEW', 'MODEL_LAW', 'PARLIAMENT_ADVICE', 'PRE_RATIFICATION']);
  });

  it('splits the workshop row into regional, subregional and interregional, and cites every form', () => {
    const codes = FORMS_OF_ASSISTANCE.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['WORKSHOP_REGIONAL', 'WORKSHOP_SUBREGIONAL', 'WORKSHOP_INTERREGIONAL']));
    expect(codes).toHaveLength(32);
    for (const f of FORMS_OF_ASSISTANCE) expect(f.source).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt /);
  });
});

describe('need sources (3.11) and urgency (R5)', () => {
  it('has the eleven channels', () => {
    expect(NEED_SOURCES.map((s) => s.code)).toEqual([
      'QUESTIONNAIRE_RESPONSE', 'CHECKLIST_RESPONSE', 'FORMAL_REQUEST', 'FIELD_OFFICE', 'TRAINING_EVENT', 'NEEDS_ASSESSMENT',
      'ADVISER_MENTOR', 'UNODC_OUTREACH', 'PRESUMED_NON_REPORTING', 'WORKSHOP_FOLLOW_UP', 'EVALUATION_FOLLOW_UP',
    ]);
  });

  it('orders urgency from LOW to CRITICAL, each with a meaning', () => {
    expect(URGENCIES.map((u) => u.code)).toEqual(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
    for (const u of URGENCIES) expect(u.title.length).toBeGreaterThan(10);
  });
});

describe('regions and States (3.8, 4.1)', () => {
  const regionCodes = new Set<string>(REGIONS.map((r) => r.code));

  it('gives every State an ISO 3166-1 alpha-3 code, a name and only known regions', () => {
    for (const s of STATES) {
      expect(s.code, s.name).toMatch(/^[A-Z]{3}$/);
      expect(s.name.trim()).toBe(s.name);
      expect(s.regions.length, s.code).toBeGreaterThan(0);
      for (const r of s.regions) expect(regionCodes.has(r), `${s.code}: ${r}`).toBe(true);
      expect(new Set(s.regions).size, s.code).toBe(s.regions.length);
    }
  });

  it('puts every State in exactly one United Nations regional group, listed first (its home region)', () => {
    for (const s of STATES) {
      expect(s.regions.filter((r) => UN_GROUPS.includes(r)), s.code).toHaveLength(1);
      expect(UN_GROUPS, s.code).toContain(s.regions[0]);
    }
  });

  it('has no empty region', () => {
    for (const r of REGIONS) expect(STATES.some((s) => (s.regions as readonly string[]).includes(r.code)), r.code).toBe(true);
  });

  it('lets no name or alias designate two States', () => {
    const seen = new Map<string, string>();
    for (const s of STATES) {
      for (const n of [s.name, ...s.aliases]) {
        const key = n.toLowerCase();
        expect(seen.get(key) ?? s.code, `${n} names ${seen.get(key)} and ${s.code}`).toBe(s.code);
        seen.set(key, s.code);
      }
    }
    expect(new Set(STATES.map((s) => s.name)).size).toBe(STATES.length);
  });

  it('has the 16 States that need help with reporting (000 fn 5), by name', () => {
    const reporting = ['Albania', 'Algeria', 'Burundi', 'Cambodia', 'Cameroon', 'Chad', 'Ecuador', 'Gabon', 'Guinea', 'Indonesia', 'Moldova', 'Namibia', 'Niger', 'Philippines', 'Sao Tome and Principe', 'Tajikistan'];
    const found = reporting.map((n) => stateNamed(n)?.code);
    expect(found).toEqual(['ALB', 'DZA', 'BDI', 'KHM', 'CMR', 'TCD', 'ECU', 'GAB', 'GIN', 'IDN', 'MDA', 'NAM', 'NER', 'PHL', 'STP', 'TJK']);
  });

  it('resolves the name variants of domain.md 4.7 and the seeds to one State each', () => {
    const pairs: [string, string][] = [
      ["Cote d'Ivoire", 'CIV'], ["Côte d'Ivoire", 'CIV'], ['Bolivia', 'BOL'], ['Bolivia (Plurinational State of)', 'BOL'],
      ['Tanzania', 'TZA'], ['United Republic of Tanzania', 'TZA'], ['Moldova', 'MDA'], ['Republic of Moldova', 'MDA'],
      ['Swaziland', 'SWZ'], ['Cape Verde', 'CPV'], ['Czech Republic', 'CZE'], ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
      ['United States of America', 'USA'], ['Iran (Islamic Republic of)', 'IRN'], ['Venezuela (Bolivarian Republic of)', 'VEN'], ['Viet Nam', 'VNM'],
      ["Lao People's Democratic Republic", 'LAO'], ['Lao People’s Democratic Republic', 'LAO'], ['Turkey', 'TUR'], ['Congo', 'COG'], ['DR Congo', 'COD'],
      ['Guinea', 'GIN'], ['Guinea-Bissau', 'GNB'], ['Equatorial Guinea', 'GNQ'], ['Niger', 'NER'], ['Nigeria', 'NGA'],
    ];
    for (const [name, code] of pairs) expect(stateNamed(name)?.code, name).toBe(code);
  });

  it('codes the States the fixtures lean on as ISO does', () => {
    const expected: Record<string, string> = {
      Gabon: 'GAB', Kenya: 'KEN', Honduras: 'HND', Chad: 'TCD', Bolivia: 'BOL', 'Sierra Leone': 'SLE', 'El Salvador': 'SLV',
      Guatemala: 'GTM', Panama: 'PAN', Namibia: 'NAM', Mauritius: 'MUS', Seychelles: 'SYC', 'Guinea-Bissau': 'GNB', Liberia: 'LBR', Tonga: 'TON', Vanuatu: 'VUT',
    };
    for (const [name, code] of Object.entries(expected)) expect(stateNamed(name)?.code, name).toBe(code);
  });

  it('has every State of the 4.1 fixture lists and of the 2009 Working Group (002 paras 12, 14)', () => {
    const named = [
      // 000 para 25; 001 paras 18-19, 26; 000 paras 17, 31, fn 16
      'Benin', 'China', 'Costa Rica', 'Comoros', 'Dominican Republic', 'Jamaica', 'Madagascar', 'Malaysia', 'Maldives', 'Mauritius', 'Mongolia', 'Nigeria', 'Senegal', 'South Africa', 'Zimbabwe',
      'Kenya', 'Paraguay', 'Romania', 'Sri Lanka', 'Angola', 'Cape Verde', 'Mozambique', 'Panama', 'Suriname', 'Armenia', 'Azerbaijan', 'Equatorial Guinea', 'Georgia', 'Ghana', 'Guatemala', 'Honduras', 'Peru',
      'Burkina Faso', 'Congo', 'El Salvador', 'Mali', 'Myanmar', 'Serbia', 'Thailand', 'Central African Republic',
      // 003 paras 21-22, 54; 000 paras 44, fn 18; 004 paras 10, 16, 19, 25-27, 32, 35, 53
      'Afghanistan', 'Brazil', "Cote d'Ivoire", 'Gambia', 'Slovakia', 'Uganda', 'Viet Nam', 'Yemen', 'Uruguay', 'Argentina', 'Australia', 'Austria', 'Canada', 'France', 'Germany', 'Italy', 'Japan',
      'Netherlands', 'Norway', 'Poland', 'Portugal', 'Russian Federation', 'Spain', 'Sweden', 'Switzerland', 'United Kingdom', 'United States', 'Chile', 'Colombia', 'Mauritania', 'Togo', 'Ethiopia',
      'Liberia', 'Sierra Leone', 'Nicaragua', 'Mexico', 'Belize', 'Seychelles', 'United Republic of Tanzania', 'Botswana', 'Cook Islands', 'Kazakhstan', 'Palau', 'Tonga', 'Vanuatu', 'Marshall Islands',
      'Solomon Islands', 'Bangladesh', 'Bhutan', 'Eritrea', 'India', 'Nepal', 'Rwanda', 'Finland', 'Greece', 'Jordan',
      // 002 paras 12, 14
      'Belarus', 'Belgium', 'Bulgaria', 'Croatia', 'Egypt', 'Estonia', 'Hungary', 'Iraq', 'Kuwait', 'Lebanon', 'Montenegro', 'Morocco', 'Oman', 'Qatar', 'Saudi Arabia', 'Sudan',
      'Syrian Arab Republic', 'Tunisia', 'Turkey', 'Venezuela (Bolivarian Republic of)', 'Czech Republic', 'Iran (Islamic Republic of)', 'Ireland', 'Pakistan', 'Republic of Korea',
    ];
    const missing = named.filter((n) => !stateNamed(n));
    expect(missing).toEqual([]);
  });

  it('holds States only: no European Community, Palestine or other entity', () => {
    for (const n of ['European Community', 'European Union', 'Palestine', 'Sovereign Military Order of Malta', 'OSCE']) expect(stateNamed(n), n).toBeUndefined();
    expect(STATES.length).toBeGreaterThanOrEqual(130);
    expect(STATES.length).toBeLessThanOrEqual(170);
  });

  it('places sample States in the regions the seeds use for them', () => {
    const regionsOf = (code: string) => STATES.find((s) => s.code === code)?.regions as readonly string[] | undefined;
    expect(regionsOf('CIV')).toEqual(expect.arrayContaining(['AFRICA', 'WEST_AFRICA', 'WEST_AND_CENTRAL_AFRICA']));
    expect(regionsOf('HND')).toEqual(expect.arrayContaining(['LATIN_AMERICA_AND_THE_CARIBBEAN', 'CENTRAL_AMERICA']));
    expect(regionsOf('KEN')).toEqual(expect.arrayContaining(['AFRICA', 'EAST_AFRICA']));
    expect(regionsOf('GEO')).toEqual(expect.arrayContaining(['EASTERN_EUROPE', 'CAUCASUS']));
    expect(regionsOf('TJK')).toEqual(expect.arrayContaining(['CENTRAL_ASIA', 'AFGHANISTAN_AND_NEIGHBOURS']));
    expect(regionsOf('FRA')?.[0]).toBe('WESTERN_EUROPE_AND_OTHERS');
  });
});
