// quantity.ts: Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource/quantity.go):
// parse, compare exactly, and print canonically as Quantity.String() does, for the API server's messages.

/** QuantityFormat is how a quantity was written, which decides how it prints. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** Quantity is value = ±digits × 10^exp10 × 2^exp2, exact (bigints are made only when needed). */
export interface Quantity {
  neg: boolean;
  /** digits: the decimal digits of the mantissa, without sign or point. */
  digits: string;
  exp10: number;
  exp2: number;
  format: QuantityFormat;
  /** approx is the value as a double: a correctly rounded product, so equal quantities give equal doubles. */
  approx: number;
}

/** QUANTITY_RE is Kubernetes' quantity grammar: signed number, then a binary-SI, decimal-SI or exponent suffix. */
export const QUANTITY_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([KMGTPE]i|[mkMGTPE]|[eE][+-]?[0-9]+)?$/;

const DEC_SUFFIX: Record<string, number> = { m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** parseQuantity parses a quantity string (or a JSON number), returning undefined when it is malformed. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const s = typeof input === 'number' ? (Number.isFinite(input) ? numText(input) : '') : input;
  const m = QUANTITY_RE.exec(s);
  if (!m) return undefined;
  const [, sign, whole = '', frac = '', suffix = ''] = m;
  if (whole === '' && frac === '') return undefined;
  if (s.length > 100) return undefined;
  const digits = (whole || '0') + frac;
  let exp10 = -frac.length;
  let exp2 = 0;
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BIN_SUFFIX) {
    exp2 = BIN_SUFFIX[suffix]!;
    format = 'BinarySI';
  } else if (suffix[0] === 'e' || suffix[0] === 'E') {
    const e = Number(suffix.slice(1));
    if (Math.abs(e) > 1000) return undefined;
    exp10 += e;
    format = 'DecimalExponent';
  } else exp10 += DEC_SUFFIX[suffix]!;
  const mNum = Number(digits);
  let approx = exp10 >= 0 ? mNum * 10 ** exp10 : mNum / 10 ** -exp10;
  approx *= 2 ** exp2;
  return { neg: sign === '-', digits, exp10, exp2, format, approx: sign === '-' ? -approx : approx };
}

function numText(n: number): string {
  // JSON numbers reach quantity.UnmarshalJSON as their text; JavaScript prints 1e21+ with "e+".
  return String(n).replace('e+', 'e');
}

/** ratio returns numerator/denominator bigints of a quantity's exact value. */
function ratio(q: Quantity): [bigint, bigint] {
  let num = (q.neg ? -BigInt(q.digits) : BigInt(q.digits)) * (1n << BigInt(q.exp2));
  let den = 1n;
  if (q.exp10 >= 0) num *= 10n ** BigInt(q.exp10);
  else den = 10n ** BigInt(-q.exp10);
  return [num, den];
}

/** cmpQuantity returns -1, 0 or 1 as a <, =, > b. */
export function cmpQuantity(a: Quantity, b: Quantity): number {
  // Fast path: with ≤ 15 digits and |exp10| ≤ 22 each double is the correctly rounded value, so different
  // doubles order the quantities correctly; equal doubles are settled exactly.
  if (a.digits.length <= 15 && b.digits.length <= 15 && Math.abs(a.exp10) <= 22 && Math.abs(b.exp10) <= 22 && a.approx !== b.approx)
    return a.approx < b.approx ? -1 : 1;
  const [an, ad] = ratio(a);
  const [bn, bd] = ratio(b);
  const l = an * bd;
  const r = bn * ad;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** signQuantity is -1, 0 or 1. */
export function signQuantity(q: Quantity): number {
  if (!/[1-9]/.test(q.digits)) return 0;
  return q.neg ? -1 : 1;
}

/** quantityString prints a quantity as Quantity.String() does (CanonicalizeBytes): e.g. 2000m → 2, 1024Mi → 1Gi, 0.5 → 500m. */
export function quantityString(q: Quantity): string {
  const [num, den] = ratio(q);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  let format = q.format;
  if (format === 'BinarySI') {
    // Go: values below 1024 or with a fractional part print in DecimalSI.
    if (abs < 1024n * den || abs % den !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let v = abs / den;
    let k = 0;
    while (k < 6 && v % 1024n === 0n && v !== 0n) {
      v /= 1024n;
      k++;
    }
    return (neg ? '-' : '') + v.toString() + ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][k];
  }
  // Decimal: round up (away from zero) to milli units, then take the largest exponent (multiple of 3).
  let milli = (abs * 1000n + den - 1n) / den;
  if (milli === 0n) return '0';
  let e = -3;
  while (milli % 1000n === 0n && (format === 'DecimalExponent' || e < 18)) {
    milli /= 1000n;
    e += 3;
  }
  const suffix = format === 'DecimalExponent' ? (e === 0 ? '' : `e${e}`) : ({ [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' } as Record<number, string>)[e]!;
  return (neg ? '-' : '') + milli.toString() + suffix;
}
