// Exact arithmetic on money amounts held as decimal strings ("150000.04"). Amounts become whole
// thousandths as BigInt, so 100000.01 + 50000.03 is exactly 150000.04: no float on the way.
// Pure and deterministic: the funding rules in workflow code use it.
import { minorUnits } from './boundary.js';

const SCALE = 3;
const FACTOR = 10n ** BigInt(SCALE);

/** A decimal string (as `decimal` in boundary.ts accepts) in thousandths. */
export function toThousandths(amount: string | number): bigint {
  // Read models written before amounts were strings hold numbers; String() of such a number is exact
  // enough for the two decimals they had.
  const s = typeof amount === 'number' ? amount.toFixed(SCALE) : amount.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) throw new Error(`not a decimal amount: ${s}`);
  const fraction = (m[3] ?? '').padEnd(SCALE, '0');
  if (fraction.length > SCALE && /[1-9]/.test(fraction.slice(SCALE))) throw new Error(`more than ${SCALE} decimals: ${s}`);
  const units = BigInt(m[2]!) * FACTOR + BigInt(fraction.slice(0, SCALE));
  return m[1] ? -units : units;
}

/** Thousandths as a decimal string with the currency's decimals (2 for USD), or as few as exactness needs. */
export function formatAmount(units: bigint, currency?: string): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / FACTOR;
  let fraction = (abs % FACTOR).toString().padStart(SCALE, '0');
  const digits = currency === undefined ? undefined : minorUnits(currency);
  if (digits === undefined) fraction = fraction.replace(/0+$/, '');
  else if (/[1-9]/.test(fraction.slice(digits))) fraction = fraction.replace(/0+$/, ''); // keep exactness
  else fraction = fraction.slice(0, digits);
  return `${negative && abs !== 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The amount as the currency writes it: "150000.4" in USD is "150000.40". */
export function normaliseAmount(amount: string | number, currency?: string): string {
  return formatAmount(toThousandths(amount), currency);
}

export function sumAmounts(amounts: readonly (string | number)[], currency?: string): string {
  return formatAmount(amounts.reduce<bigint>((sum, a) => sum + toThousandths(a), 0n), currency);
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareAmounts(a: string | number, b: string | number): -1 | 0 | 1 {
  const d = toThousandths(a) - toThousandths(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** a - b, never below zero: what is still missing. */
export function shortfall(a: string | number, b: string | number, currency?: string): string {
  const d = toThousandths(a) - toThousandths(b);
  return formatAmount(d > 0n ? d : 0n, currency);
}

/**
 * Splits an amount into `parts` shares that differ by at most one cent (of the currency's minor unit)
 * and add up exactly to the amount: the first shares take the remainder.
 */
export function splitAmount(amount: string, parts: number, currency: string): string[] {
  const digits = minorUnits(currency) ?? 2;
  const step = 10n ** BigInt(SCALE - Math.min(digits, SCALE));
  const minor = toThousandths(amount) / step;
  const n = BigInt(parts);
  const base = minor / n;
  const rest = minor % n;
  return Array.from({ length: parts }, (_, i) => formatAmount((base + (BigInt(i) < rest ? 1n : 0n)) * step, currency));
}
