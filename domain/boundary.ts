// The one boundary every input crosses: free text, identifiers, id lists, bounded numbers, calendar dates
// and money. Every input schema of domain/ and api/ is built from these, so a NUL byte, a lone surrogate,
// a duplicated id or 2027-02-30 is refused with the field's name before anything is started or written.
// Pure (zod and an ISO 4217 table only): the workflow's validators parse with the same schemas.
import { code as currencyRecord } from 'currency-codes';
import { z } from 'zod';
import { builtOnce } from './built-once.js';

/**
 * Why a string cannot be stored or shown, or null. PostgreSQL refuses NUL and unpaired UTF-16
 * surrogates; other control characters (but newline and tab) only hide text from the people reading it.
 */
export function textProblem(value: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0) return 'must not contain a NUL character';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
      if (next < 0xdc00 || next > 0xdfff) return 'must not contain an unpaired UTF-16 surrogate';
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'must not contain an unpaired UTF-16 surrogate';
    if ((c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f)) {
      return `must not contain control character U+${c.toString(16).toUpperCase().padStart(4, '0')} (only newline and tab)`;
    }
  }
  return null;
}

/** zod's message for a value that is not a string: missing, or of another type. */
const notText = (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : 'must be text');

const clean = builtOnce('boundary.clean', () => z.string({ error: notText }).superRefine((value, ctx) => {
  const problem = textProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, abort: true });
}));

/** Longest text palermo takes anywhere (a narrative); each field has its own, lower, limit. */
export const TEXT_LIMIT = 20_000;

/**
 * Free text: CRLF becomes LF, trimmed, no NUL, no lone surrogate, no control character but newline and
 * tab, between `min` and `max` characters (UTF-16 code units, as PostgreSQL and JavaScript count them).
 */
export function text(max: number, { min = 1 }: { min?: number } = {}) {
  if (max > TEXT_LIMIT) throw new Error(`text limit ${max} above TEXT_LIMIT`);
  // The length is checked before trimming too, so a megabyte of spaces is not trimmed first.
  return z
    .string({ error: notText })
    .max(max * 2 + 1000, { error: `must be at most ${max} characters` })
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .pipe(
      clean
        .min(min, { error: min === 1 ? 'must not be empty' : `must be at least ${min} characters` })
        .max(max, { error: `must be at most ${max} characters` }),
    );
}

/** One line of text (a title, a name): as `text`, without newlines or tabs. */
export function line(max: number) {
  return text(max).refine((v) => !/[\n\t]/.test(v), { error: 'must be one line' });
}

/** An identifier someone else issued (a project, need, expert or invitation id): printable, no spaces. */
export const identifier = (max = 300) =>
  z
    .string({ error: 'must be an id' })
    .max(max, { error: `must be at most ${max} characters` })
    .pipe(clean.min(1, { error: 'must not be empty' }))
    .refine((v) => !/\s/.test(v), { error: 'must not contain spaces' });

/** A code from one of palermo's code lists. */
export function codeOf(list: readonly { code: string }[], what: string) {
  const codes = new Set(list.map((e) => e.code));
  return z
    .string({ error: `must be a ${what} code` })
    .max(50, { error: `unknown ${what}` })
    .refine((v) => codes.has(v), { error: (issue) => `unknown ${what} "${preview(issue.input)}"` });
}

/** An input value quoted in a message, cut short and with anything unprintable escaped. */
export function preview(value: unknown): string {
  const s = String(value);
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return textProblem(cut) === null ? cut : JSON.stringify(cut).slice(1, -1).replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/**
 * A list whose items must not repeat: the first repeated item is named. `key` says what makes two
 * items the same (the item itself, by default).
 */
export function uniqueList<T extends z.ZodType>(
  item: T,
  { what, min = 0, max, key = (x: z.output<T>) => (typeof x === 'string' || typeof x === 'number' ? String(x) : JSON.stringify(x)) }: { what: string; min?: number; max: number; key?: (x: z.output<T>) => string },
) {
  return z
    .array(item, { error: `must be a list of ${what}s` })
    .min(min, { error: min === 1 ? `name at least one ${what}` : `name at least ${min} ${what}s` })
    .max(max, { error: `at most ${max} ${what}s` })
    .superRefine((items, ctx) => {
      const seen = new Map<string, number>();
      items.forEach((x, i) => {
        const k = key(x);
        const first = seen.get(k);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i], message: `lists ${what} "${preview(k)}" twice (also at ${first})` });
        else seen.set(k, i);
      });
    });
}

/** A list of ids without duplicates. */
export const idList = (what: string, { min = 1, max = 200 }: { min?: number; max?: number } = {}) => uniqueList(identifier(), { what, min, max });

/** A whole number between min and max (a rank, a list index, a count of days). */
export const boundedInt = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be ${min}-${max}` })
    .max(max, { error: `must be ${min}-${max}` });

/** A finite measurement between min and max (an indicator's baseline or target, a weight). */
export const boundedNumber = (min: number, max: number) => {
  const range = min < 0 ? `must be ${min} to ${max}` : `must be ${min}-${max}`;
  return z.number({ error: 'must be a number' }).min(min, { error: range }).max(max, { error: range });
};

/** True for a real day of the proleptic Gregorian calendar, e.g. not 2027-02-30. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 9999;

/** The one date schema: YYYY-MM-DD, a real calendar day, from 1900 on (far-future windows are allowed). */
export const calendarDate = builtOnce('boundary.calendarDate', () => z
  .string({ error: 'must be a date as YYYY-MM-DD' })
  .max(10, { error: 'must be a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD' })
  .refine(isCalendarDate, { error: (i) => `${preview(i.input)} is not a calendar date` })
  .refine((v) => Number(v.slice(0, 4)) >= EARLIEST_YEAR && Number(v.slice(0, 4)) <= LATEST_YEAR, { error: `must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}` }));

/** A client-chosen key that makes a retried call apply once. */
export const idempotencyKey = builtOnce('boundary.idempotencyKey', () => z
  .string({ error: 'must be text' })
  .max(100, { error: 'must be 8-100 characters of letters, digits, ".", "_" or "-"' })
  .regex(/^[A-Za-z0-9._-]{8,100}$/, { error: 'must be 8-100 characters of letters, digits, ".", "_" or "-"' }));

// ---- Money: an exact decimal string with its ISO 4217 currency, never a float.

/** Digits before the decimal point an amount may have: numeric(18, 2) .. numeric(21, 3) hold 15. */
export const AMOUNT_INTEGER_DIGITS = 15;
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

// Codes ISO 4217 keeps for testing, "no currency" and precious metals are no currency to budget in.
const NOT_MONEY = new Set(['XXX', 'XTS', 'XAU', 'XAG', 'XPD', 'XPT', 'XBA', 'XBB', 'XBC', 'XBD', 'XSU', 'XUA']);

/** The currency's minor-unit digits (2 for USD, 0 for JPY, 3 for KWD), or undefined when it is no currency. */
export function minorUnits(currency: string): number | undefined {
  if (!/^[A-Z]{3}$/.test(currency) || NOT_MONEY.has(currency)) return undefined;
  return currencyRecord(currency)?.digits;
}

export const currency = builtOnce('boundary.currency', () => z
  .string({ error: 'must be an ISO 4217 code such as USD or EUR' })
  .max(3, { error: 'must be an ISO 4217 code such as USD or EUR' })
  .refine((v) => minorUnits(v) !== undefined, { error: (i) => `unknown currency "${preview(i.input)}"; must be an ISO 4217 code such as USD or EUR` }));

/** A decimal string: optional minus, at most 15 integer digits and 3 decimals. No exponent, no float. */
export const decimal = builtOnce('boundary.decimal', () => z
  .string({ error: 'must be a decimal number as a string, e.g. "150000.04"' })
  .max(AMOUNT_INTEGER_DIGITS + 6, { error: `must have at most ${AMOUNT_INTEGER_DIGITS} digits before the decimal point` })
  .regex(DECIMAL_PATTERN, { error: 'must be a decimal number such as 150000.04 (digits, one optional ".", no exponent)' })
  .refine((v) => v.replace(/^-/, '').split('.')[0]!.replace(/^0+(?=\d)/, '').length <= AMOUNT_INTEGER_DIGITS, {
    error: `must have at most ${AMOUNT_INTEGER_DIGITS} digits before the decimal point`,
  })
  .refine((v) => (v.split('.')[1] ?? '').length <= 3, { error: 'must have at most 3 decimals' }));

/** A positive amount; its decimals are checked against the currency by `moneyFields`. */
export const positiveAmount = builtOnce('boundary.positiveAmount', () => decimal.refine((v) => !v.startsWith('-') && /[1-9]/.test(v), { error: 'must be more than 0' }));

/** Checks that an amount has no more decimals than its currency's minor unit (USD 2, JPY 0, KWD 3). */
export function amountFitsCurrency(amount: string, currencyCode: string): string | null {
  const digits = minorUnits(currencyCode);
  if (digits === undefined) return null;
  const decimals = (amount.split('.')[1] ?? '').replace(/0+$/, '').length;
  return decimals > digits ? `${currencyCode} has ${digits} decimal${digits === 1 ? '' : 's'}; ${amount} has more` : null;
}

/** {amount, currency} with the amount's decimals fitting the currency. */
export const money = builtOnce('boundary.money', () => z.object({ amount: positiveAmount, currency }).superRefine((m, ctx) => {
  const problem = amountFitsCurrency(m.amount, m.currency);
  if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem });
}));
