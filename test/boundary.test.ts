// Table tests of the one input boundary (domain/boundary.ts) and of exact money (domain/money.ts).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calendarDate, currency, decimal, idempotencyKey, identifier, idList, line, money, boundedInt, text, textProblem } from '../domain/boundary.js';
import { closeInput, outcomeAssessmentInput, recordActivityInput } from '../domain/lifecycle-inputs.js';
import { fileRequestInput, fieldIssues } from '../domain/inputs.js';
import { needRankingInput } from '../domain/needs-inputs.js';
import { validateRecords } from '../domain/needs-import.js';
import { compareAmounts, normaliseAmount, splitAmount, sumAmounts } from '../domain/money.js';

const issue = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
};

describe('text', () => {
  it.each<[string, string, string | null]>([
    ['plain', 'Train the officials', null],
    ['newline and tab', 'line one\n\tline two', null],
    ['a paired surrogate (emoji)', 'ok \u{1F600}', null],
    ['NUL', 'a\u0000b', 'must not contain a NUL character'],
    ['a lone high surrogate', 'a\ud800b', 'must not contain an unpaired UTF-16 surrogate'],
    ['a lone high surrogate at the end', 'ab\ud83d', 'must not contain an unpaired UTF-16 surrogate'],
    ['a lone low surrogate', '\udc00ab', 'must not contain an unpaired UTF-16 surrogate'],
    ['reversed pair', '\ude00\ud83d', 'must not contain an unpaired UTF-16 surrogate'],
    ['bell', 'a\u0007', 'must not contain control character U+0007 (only newline and tab)'],
    ['escape', '\u001b[31mred', 'must not contain control character U+001B (only newline and tab)'],
    ['DEL', 'a\u007f', 'must not contain control character U+007F (only newline and tab)'],
    ['C1 control', 'a\u0085', 'must not contain control character U+0085 (only newline and tab)'],
  ])('%s', (_name, value, problem) => {
    expect(textProblem(value)).toBe(problem);
    expect(issue(text(100), value)).toBe(problem);
  });
  it('trims, turns CRLF into LF, and counts the limit after trimming', () => {
    expect(text(5).parse('  abc \r\n')).toBe('abc');
    expect(text(20).parse('a\r\nb\rc')).toBe('a\nb\nc');
    expect(issue(text(5), '   ')).toBe('must not be empty');
    expect(issue(text(5), 'abcdef')).toBe('must be at most 5 characters');
    expect(issue(text(5), 'x'.repeat(1_000_000))).toBe('must be at most 5 characters');
    expect(issue(text(5), 42)).toBe('must be text');
  });
  it('keeps a one-line field on one line', () => {
    expect(issue(line(50), 'a\nb')).toBe('must be one line');
    expect(line(50).parse(' Title ')).toBe('Title');
  });
  it('takes ids without spaces or control characters', () => {
    expect(identifier().parse('project-GAB-key-1/need-1')).toBe('project-GAB-key-1/need-1');
    expect(issue(identifier(), 'a b')).toBe('must not contain spaces');
    expect(issue(identifier(), 'a\u0000')).toBe('must not contain a NUL character');
    expect(issue(identifier(), '')).toBe('must not be empty');
  });
});

describe('id lists', () => {
  it('names the repeated id and where it was first', () => {
    const r = idList('need').safeParse(['n1', 'n2', 'n1']);
    expect(r.success).toBe(false);
    expect(fieldIssues(r.error!, 'input.needIds')).toEqual([{ field: 'input.needIds.2', message: 'lists need "n1" twice (also at 0)' }]);
  });
  it.each<[unknown, string | null]>([
    [['a'], null],
    [[], 'name at least one need'],
    [Array.from({ length: 201 }, (_, i) => `n${i}`), 'at most 200 needs'],
    [['a', ''], 'must not be empty'],
  ])('%j', (value, problem) => expect(issue(idList('need'), value)).toBe(problem));
  it('refuses adopting one recommendation twice, and indexes out of bounds', () => {
    expect(issue(closeInput, { adoptRecommendations: [0, 0] })).toBe('lists recommendation index "0" twice (also at 0)');
    expect(issue(closeInput, { adoptRecommendations: [-1] })).toBe('must be 0-19');
    expect(issue(closeInput, { adoptRecommendations: [2 ** 40] })).toBe('must be 0-19');
    expect(issue(closeInput, { adoptRecommendations: [0.5] })).toBe('must be a whole number');
  });
  it('refuses a State ranking that lists a need twice', () => {
    expect(issue(needRankingInput, { state: 'GAB', needIds: ['x', 'x'] })).toBe('lists need "x" twice (also at 0)');
  });
});

describe('numbers', () => {
  it.each<[unknown, string | null]>([
    [3, null],
    [0, 'must be 1-6'],
    [7, 'must be 1-6'],
    [2.5, 'must be a whole number'],
    [Number.NaN, 'must be a number'],
    [Number.POSITIVE_INFINITY, 'must be a number'],
    ['3', 'must be a number'],
  ])('%s in 1-6', (value, problem) => expect(issue(boundedInt(1, 6), value)).toBe(problem));
  it('bounds participants and indicator values', () => {
    const activity = { title: 't', formOfAssistance: 'MENTORING', startDate: '2027-01-01', endDate: '2027-01-02' };
    expect(issue(recordActivityInput, { ...activity, participants: 1e12 })).toBe('must be 0-1000000');
    expect(issue(recordActivityInput, { ...activity, participants: -1 })).toBe('must be 0-1000000');
  });
  it('refuses a stateRank beyond any ranking in an imported row', () => {
    const row = { state: 'GAB', priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'LOW', description: 'd' };
    expect(validateRecords([{ line: 2, value: { ...row, stateRank: '99999999999' } }]).errors).toEqual([{ line: 2, field: 'stateRank', message: 'must be at most 10000' }]);
    expect(validateRecords([{ line: 3, value: { ...row, description: 'a\u0000b' } }]).errors).toEqual([{ line: 3, field: 'description', message: 'must not contain a NUL character' }]);
    expect(validateRecords([{ line: 4, value: { ...row, stateRank: '7' } }]).rows[0]!.stateRank).toBe(7);
  });
});

describe('dates', () => {
  it.each<[unknown, string | null]>([
    ['2027-02-28', null],
    ['2028-02-29', null],
    ['2000-02-29', null],
    ['2027-02-30', '2027-02-30 is not a calendar date'],
    ['2027-02-29', '2027-02-29 is not a calendar date'],
    ['2100-02-29', '2100-02-29 is not a calendar date'],
    ['2027-04-31', '2027-04-31 is not a calendar date'],
    ['2027-13-01', '2027-13-01 is not a calendar date'],
    ['2027-00-10', '2027-00-10 is not a calendar date'],
    ['2027-1-1', 'must be a date as YYYY-MM-DD'],
    ['2027-01-01T00:00:00Z', 'must be a date as YYYY-MM-DD'],
    ['0001-01-01', 'must be between 1900 and 9999'],
    [20270101, 'must be a date as YYYY-MM-DD'],
  ])('%j', (value, problem) => expect(issue(calendarDate, value)).toBe(problem));
});

describe('money', () => {
  it.each<[unknown, string | null]>([
    ['150000.04', null],
    ['0.5', null],
    ['-3', null],
    ['1e5', 'must be a decimal number such as 150000.04 (digits, one optional ".", no exponent)'],
    ['12.', 'must be a decimal number such as 150000.04 (digits, one optional ".", no exponent)'],
    [' 1', 'must be a decimal number such as 150000.04 (digits, one optional ".", no exponent)'],
    ['1234567890123456', 'must have at most 15 digits before the decimal point'],
    ['1.2345', 'must have at most 3 decimals'],
    [150000.04, 'must be a decimal number as a string, e.g. "150000.04"'],
  ])('decimal %j', (value, problem) => expect(issue(decimal, value)).toBe(problem));
  it.each<[unknown, string | null]>([
    [{ amount: '150000.04', currency: 'USD' }, null],
    [{ amount: '1000', currency: 'JPY' }, null],
    [{ amount: '1.125', currency: 'KWD' }, null],
    [{ amount: '1.5', currency: 'JPY' }, 'JPY has 0 decimals; 1.5 has more'],
    [{ amount: '1.001', currency: 'USD' }, 'USD has 2 decimals; 1.001 has more'],
    [{ amount: '0', currency: 'USD' }, 'must be more than 0'],
    [{ amount: '-1', currency: 'USD' }, 'must be more than 0'],
    [{ amount: '1', currency: 'ABC' }, 'unknown currency "ABC"; must be an ISO 4217 code such as USD or EUR'],
    [{ amount: '1', currency: 'XXX' }, 'unknown currency "XXX"; must be an ISO 4217 code such as USD or EUR'],
  ])('money %j', (value, problem) => expect(issue(money, value)).toBe(problem));
  it('adds and compares exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts(['0.1', '0.2'])).toBe('0.3');
    expect(sumAmounts(['100000.01', '50000.03'], 'USD')).toBe('150000.04');
    expect(compareAmounts(sumAmounts(['100000.01', '50000.03']), '150000.04')).toBe(0);
    expect(normaliseAmount('150000.4', 'USD')).toBe('150000.40');
    expect(normaliseAmount('150000.040', 'USD')).toBe('150000.04');
    expect(normaliseAmount('7', 'JPY')).toBe('7');
  });
  it('splits an amount into shares that add up exactly', () => {
    expect(splitAmount('100', 3, 'USD')).toEqual(['33.34', '33.33', '33.33']);
    expect(sumAmounts(splitAmount('150000.04', 7, 'USD'), 'USD')).toBe('150000.04');
    expect(splitAmount('10', 4, 'JPY')).toEqual(['3', '3', '2', '2']);
  });
  it('takes only ISO 4217 currencies and keys of the agreed form', () => {
    expect(issue(currency, 'EUR')).toBeNull();
    expect(issue(idempotencyKey, 'short')).toBe('must be 8-100 characters of letters, digits, ".", "_" or "-"');
  });
});

describe('every input schema goes through the boundary', () => {
  const need = { priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Train' };
  it('names the field of a NUL in a filed request', () => {
    const r = fileRequestInput.safeParse({ state: 'GAB', title: 'ok', idempotencyKey: 'key-00000001', needs: [{ ...need, description: 'x\u0000' }] });
    expect(fieldIssues(r.error!, 'input')).toEqual([{ field: 'input.needs.0.description', message: 'must not contain a NUL character' }]);
  });
  it('names a lone surrogate in an outcome assessment narrative and a repeated need verdict', () => {
    const criteria = ['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY'].map((criterion) => ({ criterion, rating: 4, rationale: 'r' }));
    const r = outcomeAssessmentInput.safeParse({
      criteria, indicatorValues: [], narrative: 'n\ud800',
      needVerdicts: [{ needId: 'n1', verdict: 'MET' }, { needId: 'n1', verdict: 'UNMET' }],
    });
    expect(fieldIssues(r.error!, 'input')).toEqual([
      { field: 'input.needVerdicts.1', message: 'lists need "n1" twice (also at 0)' },
      { field: 'input.narrative', message: 'must not contain an unpaired UTF-16 surrogate' },
    ]);
  });
});
