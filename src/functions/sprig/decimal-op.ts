/**
 * The slice of shopspring/decimal 1.3.1 that Sprig's `addf`, `add1f`, `subf`, `mulf`, `divf`
 * use: NewFromFloat (shortest decimal that round-trips), Add, Sub, Mul, Div (DivRound to
 * DivisionPrecision = 16 places, half away from zero) and Float64 (exact rational → nearest float).
 */
import { GoFuncError } from '../../template/value.js';

/** Decimal is value × 10^exp, as shopspring/decimal's Decimal. */
export interface Decimal {
  readonly value: bigint;
  readonly exp: number;
}

/** divisionPrecision is decimal.DivisionPrecision (16 digits after the point). */
export const divisionPrecision = 16;

/**
 * newFromFloat is decimal.NewFromFloat: the shortest decimal that reads back as f.
 * Decimal 1.3.1's roundShortest and JS's Number→string both yield the shortest round-trip
 * digits. Go panics on NaN and ±Inf with `Cannot create a Decimal from NaN` (fmt's %v).
 */
export function newFromFloat(f: number): Decimal {
  if (f === 0) return { value: 0n, exp: 0 };
  if (Number.isNaN(f)) throw new GoFuncError('Cannot create a Decimal from NaN');
  if (!Number.isFinite(f)) throw new GoFuncError(`Cannot create a Decimal from ${f > 0 ? '+Inf' : '-Inf'}`);
  const neg = f < 0;
  const s = String(Math.abs(f));
  const [mant = '', expPart] = s.split('e');
  let exp = expPart === undefined ? 0 : Number(expPart);
  const dot = mant.indexOf('.');
  let digits = mant;
  if (dot >= 0) {
    digits = mant.slice(0, dot) + mant.slice(dot + 1);
    exp -= mant.length - dot - 1;
  }
  // Go: decimal's value has no trailing zeros beyond what the shortest digits carry
  // (12300 → 123e2), and no leading zeros.
  digits = digits.replace(/^0+/, '');
  const trimmed = digits.replace(/0+$/, '');
  exp += digits.length - trimmed.length;
  const v = BigInt(trimmed === '' ? '0' : trimmed);
  return { value: neg ? -v : v, exp };
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function rescale(d: Decimal, exp: number): bigint {
  // exp <= d.exp
  return d.value * pow10(d.exp - exp);
}

/** add is Decimal.Add. */
export function add(a: Decimal, b: Decimal): Decimal {
  const e = Math.min(a.exp, b.exp);
  return { value: rescale(a, e) + rescale(b, e), exp: e };
}

/** sub is Decimal.Sub. */
export function sub(a: Decimal, b: Decimal): Decimal {
  const e = Math.min(a.exp, b.exp);
  return { value: rescale(a, e) - rescale(b, e), exp: e };
}

/** mul is Decimal.Mul. */
export function mul(a: Decimal, b: Decimal): Decimal {
  const e = a.exp + b.exp;
  if (e > 2147483647 || e < -2147483648) throw new GoFuncError('exponent overflow');
  return { value: a.value * b.value, exp: e };
}

function cmp(a: Decimal, b: Decimal): number {
  const e = Math.min(a.exp, b.exp);
  const x = rescale(a, e);
  const y = rescale(b, e);
  return x < y ? -1 : x > y ? 1 : 0;
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/** div is Decimal.Div: DivRound(d2, 16). Go panics `decimal division by 0`. */
export function div(d: Decimal, d2: Decimal): Decimal {
  const precision = divisionPrecision;
  if (d2.value === 0n) throw new GoFuncError('decimal division by 0');
  // QuoRem(d2, precision)
  const scale = -precision;
  const e = d.exp - d2.exp - scale;
  if (e > 2147483647 || e < -2147483648) throw new GoFuncError('overflow in decimal QuoRem');
  let aa: bigint;
  let bb: bigint;
  let scalerest: number;
  if (e < 0) {
    aa = d.value;
    bb = d2.value * pow10(-e);
    scalerest = d.exp;
  } else {
    aa = d.value * pow10(e);
    bb = d2.value;
    scalerest = scale + d2.exp;
  }
  const q: Decimal = { value: aa / bb, exp: scale };
  const r: Decimal = { value: aa % bb, exp: scalerest };
  // DivRound: compare 2·|r|·10^precision with |d2|
  const r2: Decimal = { value: abs(r.value) * 2n, exp: r.exp + precision };
  if (cmp(r2, { value: abs(d2.value), exp: d2.exp }) < 0) return q;
  const one: Decimal = { value: 1n, exp: -precision };
  const neg = (d.value < 0n) !== (d2.value < 0n) && d.value !== 0n;
  return neg ? sub(q, one) : add(q, one);
}

/** float64 is Decimal.Float64: the float nearest to the exact value (big.Rat.Float64). */
export function float64(d: Decimal): number {
  if (d.value === 0n) return 0;
  // V8 converts decimal strings with correct rounding, for any number of digits.
  return Number(`${d.value}e${d.exp}`);
}
