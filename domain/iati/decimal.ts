// Exact sums of decimal amounts given as strings ("120000.5", "0.25"): money never goes through floats.

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The exact sum of decimal strings, without trailing zeros in the fraction. Throws on a non-decimal. */
export function sumDecimals(values: readonly string[]): string {
  const parsed = values.map((v) => {
    const s = v.trim();
    if (!DECIMAL.test(s)) throw new Error(`not a decimal amount: "${v}"`);
    const negative = s.startsWith('-');
    const [whole, fraction = ''] = s.replace('-', '').split('.');
    return { negative, whole: whole!, fraction };
  });
  const scale = Math.max(0, ...parsed.map((p) => p.fraction.length));
  let total = 0n;
  for (const p of parsed) {
    const units = BigInt(p.whole + p.fraction.padEnd(scale, '0'));
    total += p.negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale ? digits.slice(digits.length - scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
