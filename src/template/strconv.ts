/**
 * Go's strconv for the Go value model: float formatting (FormatFloat), quoting (Quote,
 * QuoteToASCII, QuoteRune, CanBackquote, Unquote), IsPrint and number parsing (ParseInt,
 * ParseUint, ParseFloat) with Go's syntax and error texts.
 * Go: src/strconv/{ftoa,quote,atoi,atof}.go (Go 1.19).
 *
 * Strings are Go strings in value.ts's representation: bytes that are not valid UTF-8
 * are lone surrogates U+DC80..U+DCFF; quoting prints them as `\xNN` like Go.
 */
import { decodeRune, fromGoBytes, goBytes, isAscii } from './value.js';

// ---------------------------------------------------------------------------
// Errors

/** NumError is strconv.NumError: `strconv.FUNC: parsing "NUM": ERR`. */
export class NumError extends Error {
  constructor(
    readonly func: string,
    readonly num: string,
    readonly err: string,
  ) {
    super(`strconv.${func}: parsing ${quote(num)}: ${err}`);
    this.name = 'NumError';
  }
}

/** errSyntax is strconv.ErrSyntax's text. */
export const errSyntax = 'invalid syntax';
/** errRange is strconv.ErrRange's text. */
export const errRange = 'value out of range';

// ---------------------------------------------------------------------------
// Float formatting

/** FloatFormat is the format byte of strconv.FormatFloat. */
export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';

interface FloatInfo {
  mantbits: number;
  expbits: number;
  bias: number;
}
const float32info: FloatInfo = { mantbits: 23, expbits: 8, bias: -127 };
const float64info: FloatInfo = { mantbits: 52, expbits: 11, bias: -1023 };

/** A decimal number: digits d (no leading zeros, no trailing zeros unless rounded so) with the point dp digits in. */
interface Digits {
  d: string;
  dp: number;
}

const scratch = new DataView(new ArrayBuffer(8));

/** float64Bits returns the IEEE-754 bits of f (math.Float64bits). */
export function float64Bits(f: number): bigint {
  scratch.setFloat64(0, f);
  return scratch.getBigUint64(0);
}

/** float64FromBits is math.Float64frombits. */
export function float64FromBits(b: bigint): number {
  scratch.setBigUint64(0, BigInt.asUintN(64, b));
  return scratch.getFloat64(0);
}

/** float32Bits returns the IEEE-754 bits of float32(f) (math.Float32bits). */
export function float32Bits(f: number): number {
  scratch.setFloat32(0, f);
  return scratch.getUint32(0);
}

/** float32FromBits is math.Float32frombits. */
export function float32FromBits(b: number): number {
  scratch.setUint32(0, b >>> 0);
  return scratch.getFloat32(0);
}

const pow5Cache: bigint[] = [1n];
function pow5(n: number): bigint {
  while (pow5Cache.length <= n) pow5Cache.push(pow5Cache[pow5Cache.length - 1]! * 5n);
  return pow5Cache[n]!;
}

/** exactDecimal returns the exact decimal expansion of mant * 2^e2 (trailing zeros trimmed). */
function exactDecimal(mant: bigint, e2: number): Digits {
  if (mant === 0n) return { d: '', dp: 0 };
  let s: string;
  let dp: number;
  if (e2 >= 0) {
    s = (mant << BigInt(e2)).toString();
    dp = s.length;
  } else {
    s = (mant * pow5(-e2)).toString();
    dp = s.length + e2;
  }
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return { d: s.slice(0, end), dp };
}

/** roundDigits is Go's decimal.Round(nd): round half to even on an exact decimal. */
function roundDigits(x: Digits, nd: number): Digits {
  const n = x.d.length;
  if (nd < 0 || nd >= n) return x;
  const c = x.d.charCodeAt(nd);
  let up: boolean;
  if (c === 53 && nd + 1 === n) up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 53;
  if (!up) {
    let end = nd;
    while (end > 0 && x.d.charCodeAt(end - 1) === 48) end--;
    return { d: x.d.slice(0, end), dp: x.dp };
  }
  let i = nd - 1;
  while (i >= 0 && x.d.charCodeAt(i) === 57) i--;
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
}

/** shortest64 returns the shortest decimal that rounds back to f (finite, non-negative). */
function shortest64(f: number): Digits {
  if (f === 0) return { d: '', dp: 0 };
  // ECMAScript's Number::toExponential() yields the shortest round-tripping digits, choosing
  // the closest when several qualify, like Go's Ryu shortest mode: "d.ddde±x", no trailing zeros.
  const s = f.toExponential();
  const ei = s.indexOf('e');
  const d = s.charCodeAt(1) === 46 ? s[0]! + s.slice(2, ei) : s.slice(0, ei);
  return { d, dp: Number(s.slice(ei + 1)) + 1 };
}

/** cmpScaled compares D*10^K with X*2^F exactly. */
function cmpScaled(D: bigint, K: number, X: bigint, F: number): number {
  let l = D;
  let r = X;
  if (K >= 0) l *= 10n ** BigInt(K);
  else r *= 10n ** BigInt(-K);
  if (F >= 0) r <<= BigInt(F);
  else l <<= BigInt(-F);
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * shortestExact returns the shortest decimal within the rounding interval of mant*2^e2
 * (Go's shortest mode, used here for float32): the closest such decimal of the least length.
 */
function shortestExact(mant: bigint, e2: number, flt: FloatInfo): Digits {
  if (mant === 0n) return { d: '', dp: 0 };
  const exact = exactDecimal(mant, e2);
  const minexp = flt.bias + 1 - flt.mantbits; // e2 of the smallest exponent
  // Bounds in units of 2^(e2-2): v = 4m, upper = 4m+2, lower = 4m-2 or 4m-1 at a power of two.
  const v4 = mant * 4n;
  const hi = v4 + 2n;
  const lo = mant === 1n << BigInt(flt.mantbits) && e2 > minexp ? v4 - 1n : v4 - 2n;
  const inclusive = mant % 2n === 0n;
  const inRange = (D: bigint, K: number): boolean => {
    const a = cmpScaled(D, K, lo, e2 - 2);
    const b = cmpScaled(D, K, hi, e2 - 2);
    return inclusive ? a >= 0 && b <= 0 : a > 0 && b < 0;
  };
  for (let k = 1; k <= exact.d.length; k++) {
    const K = exact.dp - k;
    const head = exact.d.slice(0, k);
    const down = BigInt(head);
    const up = down + 1n;
    const okDown = inRange(down, K);
    const okUp = k < exact.d.length && inRange(up, K);
    let pick: bigint | undefined;
    if (okDown && okUp) {
      // Closest to the exact value; ties go up (Go's decimal.Round on the first dropped digit).
      const c = exact.d.charCodeAt(k);
      pick = c >= 53 ? up : down;
    } else if (okDown) pick = down;
    else if (okUp) pick = up;
    if (pick !== undefined) {
      let s = pick.toString();
      let dp = exact.dp;
      if (s.length > k) dp++; // 999 → 1000
      let end = s.length;
      while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
      s = s.slice(0, end);
      return { d: s, dp };
    }
  }
  return exact;
}

interface Decomposed {
  neg: boolean;
  mant: bigint;
  exp: number; // Go's exp after bias (value = mant * 2^(exp - mantbits))
  special?: string;
}

function decompose(f: number, bitSize: 32 | 64): Decomposed {
  const flt = bitSize === 32 ? float32info : float64info;
  let bits: bigint;
  if (bitSize === 32) bits = BigInt(float32Bits(f));
  else bits = float64Bits(f);
  const mb = BigInt(flt.mantbits);
  const neg = bits >> BigInt(flt.expbits + flt.mantbits) !== 0n;
  let exp = Number((bits >> mb) & ((1n << BigInt(flt.expbits)) - 1n));
  let mant = bits & ((1n << mb) - 1n);
  if (exp === (1 << flt.expbits) - 1) {
    return { neg, mant, exp, special: mant !== 0n ? 'NaN' : neg ? '-Inf' : '+Inf' };
  }
  if (exp === 0) exp++;
  else mant |= 1n << mb;
  exp += flt.bias;
  return { neg, mant, exp };
}

/**
 * formatFloat is strconv.FormatFloat: f formatted with fmt ('e','E','f','g','G','b','x','X'),
 * precision prec (-1: the fewest digits that read back exactly) and bitSize 32 or 64.
 */
export function formatFloat(f: number, fmt: FloatFormat | string, prec: number, bitSize: 32 | 64): string {
  if (bitSize === 64 && prec < 0 && Number.isFinite(f) && (fmt === 'g' || fmt === 'e' || fmt === 'f')) {
    // Fast path of the common case (%v, encoding/json, YAML): shortest float64 digits need no bit decomposition.
    const digs = shortest64(Math.abs(f));
    const n = digs.d.length;
    const p = fmt === 'e' ? Math.max(n - 1, 0) : fmt === 'f' ? Math.max(n - digs.dp, 0) : n;
    return formatDigits(true, f < 0 || Object.is(f, -0), digs, p, fmt);
  }
  const flt = bitSize === 32 ? float32info : float64info;
  const dc = decompose(f, bitSize);
  if (dc.special) return dc.special;
  const { neg, mant, exp } = dc;
  if (fmt === 'b') return fmtB(neg, mant, exp, flt);
  if (fmt === 'x' || fmt === 'X') return fmtX(prec, fmt, neg, mant, exp, flt);
  const e2 = exp - flt.mantbits;
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = bitSize === 64 ? shortest64(Math.abs(f)) : shortestExact(mant, e2, flt);
    switch (fmt) {
      case 'e':
      case 'E':
        prec = Math.max(digs.d.length - 1, 0);
        break;
      case 'f':
        prec = Math.max(digs.d.length - digs.dp, 0);
        break;
      case 'g':
      case 'G':
        prec = digs.d.length;
        break;
    }
  } else {
    digs = exactDecimal(mant, e2);
    switch (fmt) {
      case 'e':
      case 'E':
        digs = roundDigits(digs, prec + 1);
        break;
      case 'f':
        digs = roundDigits(digs, digs.dp + prec);
        break;
      case 'g':
      case 'G':
        if (prec === 0) prec = 1;
        digs = roundDigits(digs, prec);
        break;
      default:
        digs = roundDigits(digs, 1);
    }
  }
  return formatDigits(shortest, neg, digs, prec, fmt);
}

function formatDigits(shortest: boolean, neg: boolean, digs: Digits, prec: number, fmt: string): string {
  switch (fmt) {
    case 'e':
    case 'E':
      return fmtE(neg, digs, prec, fmt);
    case 'f':
      return fmtF(neg, digs, prec);
    case 'g':
    case 'G': {
      const nd = digs.d.length;
      let eprec = prec;
      if (eprec > nd && nd >= digs.dp) eprec = nd;
      // Go: %e is used if the exponent is < -4 or >= the precision; shortest uses 6.
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > digs.dp) prec = nd;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
  return '%' + fmt;
}

function fmtE(neg: boolean, d: Digits, prec: number, fmt: string): string {
  let out = neg ? '-' : '';
  const nd = d.d.length;
  out += nd !== 0 ? d.d[0]! : '0';
  if (prec > 0) {
    out += '.';
    const m = Math.min(nd, prec + 1);
    if (m > 1) out += d.d.slice(1, m);
    const have = Math.max(m, 1);
    if (prec + 1 > have) out += '0'.repeat(prec + 1 - have);
  }
  out += fmt;
  let exp = nd === 0 ? 0 : d.dp - 1;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else out += '+';
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, d: Digits, prec: number): string {
  let out = neg ? '-' : '';
  const nd = d.d.length;
  if (d.dp > 0) {
    const m = Math.min(nd, d.dp);
    out += d.d.slice(0, m);
    if (d.dp > m) out += '0'.repeat(d.dp - m);
  } else out += '0';
  if (prec > 0) {
    out += '.';
    // digits d.dp .. d.dp+prec-1
    let frac = '';
    const lead = Math.min(Math.max(-d.dp, 0), prec);
    frac += '0'.repeat(lead);
    const from = d.dp + lead;
    if (from < nd) frac += d.d.slice(from, Math.min(nd, d.dp + prec));
    if (frac.length < prec) frac += '0'.repeat(prec - frac.length);
    out += frac;
  }
  return out;
}

function fmtB(neg: boolean, mant: bigint, exp: number, flt: FloatInfo): string {
  const e = exp - flt.mantbits;
  return (neg ? '-' : '') + mant.toString() + 'p' + (e >= 0 ? '+' : '') + String(e);
}

function fmtX(prec: number, fmt: string, neg: boolean, mant: bigint, exp: number, flt: FloatInfo): string {
  if (mant === 0n) exp = 0;
  const one60 = 1n << 60n;
  const mask60 = one60 - 1n;
  mant <<= BigInt(60 - flt.mantbits);
  while (mant !== 0n && (mant & one60) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & mask60;
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = fmt === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = neg ? '-' : '';
  out += '0' + fmt + ((mant >> 60n) & 1n).toString();
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const digit = (): string => {
    const c = hex[Number((mant >> 60n) & 15n)]!;
    mant = (mant << 4n) & ((1n << 64n) - 1n);
    return c;
  };
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) out += digit();
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += digit();
  }
  out += fmt === 'X' ? 'P' : 'p';
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else out += '+';
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

// ---------------------------------------------------------------------------
// Integers

/** formatInt is strconv.FormatInt(i, base) (base 2..36, lower-case digits). */
export function formatInt(i: bigint | number, base = 10): string {
  return (typeof i === 'number' ? BigInt(Math.trunc(i)) : i).toString(base);
}

/** formatUint is strconv.FormatUint. */
export function formatUint(u: bigint, base = 10): string {
  return BigInt.asUintN(64, u).toString(base);
}

/** itoa is strconv.Itoa. */
export function itoa(i: number | bigint): string {
  return formatInt(i, 10);
}

function lowerByte(c: number): number {
  return c | 0x20;
}

/** underscoreOK is Go's check that underscores only separate digits (strconv/atoi.go). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0') {
    const c = lowerByte(s.charCodeAt(1));
    if (c === 98 || c === 111 || c === 120) {
      i = 2;
      saw = '0';
      hex = c === 120;
    }
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (hex && lowerByte(c) >= 97 && lowerByte(c) <= 102)) {
      saw = '0';
      continue;
    }
    if (c === 95) {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/**
 * parseUint is strconv.ParseUint: base 0 (prefix-detected, underscores allowed) or 2..36,
 * bitSize 0 (=64) .. 64. Throws NumError.
 */
export function parseUint(s: string, base: number, bitSize: number, fn = 'ParseUint'): bigint {
  if (s === '') throw new NumError(fn, s, errSyntax);
  // Fast path: fewer than 16 decimal digits without a base prefix always fit in 64 bits.
  if (s.length < 16 && (base === 10 || (base === 0 && (s.charCodeAt(0) !== 48 || s.length === 1))) && (bitSize === 0 || bitSize === 64)) {
    let ok = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) {
        ok = false;
        break;
      }
    }
    if (ok) return BigInt(s);
  }
  const base0 = base === 0;
  const s0 = s;
  if (base >= 2 && base <= 36) {
    // ok
  } else if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const c = s.length >= 3 ? lowerByte(s.charCodeAt(1)) : 0;
      if (c === 98) {
        base = 2;
        s = s.slice(2);
      } else if (c === 111) {
        base = 8;
        s = s.slice(2);
      } else if (c === 120) {
        base = 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  } else {
    throw new NumError(fn, s0, `invalid base ${base}`);
  }
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) throw new NumError(fn, s0, `invalid bit size ${bitSize}`);
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  const b = BigInt(base);
  let n = 0n;
  let underscores = false;
  const bytes = goBytes(s);
  for (const c of bytes) {
    let d: number;
    if (c === 95 && base0) {
      underscores = true;
      continue;
    } else if (c >= 48 && c <= 57) d = c - 48;
    else if (lowerByte(c) >= 97 && lowerByte(c) <= 122) d = lowerByte(c) - 97 + 10;
    else throw new NumError(fn, s0, errSyntax);
    if (d >= base) throw new NumError(fn, s0, errSyntax);
    n = n * b + BigInt(d);
    if (n > maxVal) {
      const e = new NumError(fn, s0, errRange);
      (e as NumError & { value?: bigint }).value = maxVal;
      throw e;
    }
  }
  if (underscores && !underscoreOK(s0)) throw new NumError(fn, s0, errSyntax);
  return n;
}

/** parseInt is strconv.ParseInt: like parseUint with an optional sign. Throws NumError. */
export function parseInt(s: string, base: number, bitSize: number): bigint {
  const fn = 'ParseInt';
  if (s === '') throw new NumError(fn, s, errSyntax);
  const s0 = s;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  let un: bigint;
  try {
    un = parseUint(s, base, bitSize, fn);
  } catch (e) {
    if (e instanceof NumError && e.err !== errRange) throw new NumError(fn, s0, e.err);
    throw new NumError(fn, s0, errRange);
  }
  if (bitSize === 0) bitSize = 64;
  const cutoff = 1n << BigInt(bitSize - 1);
  if (!neg && un >= cutoff) throw new NumError(fn, s0, errRange);
  if (neg && un > cutoff) throw new NumError(fn, s0, errRange);
  return neg ? -un : un;
}

/** atoi is strconv.Atoi (errors name `Atoi`). */
export function atoi(s: string): bigint {
  try {
    return parseInt(s, 10, 0);
  } catch (e) {
    if (e instanceof NumError) throw new NumError('Atoi', s, e.err);
    throw e;
  }
}

// ---------------------------------------------------------------------------
// ParseFloat

function commonPrefixLenIgnoreCase(s: string, prefix: string): number {
  const n = Math.min(prefix.length, s.length);
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(i)) return i;
  }
  return n;
}

function special(s: string): [number, number] | undefined {
  if (s.length === 0) return undefined;
  let sign = 1;
  let nsign = 0;
  let c = s[0];
  if (c === '+' || c === '-') {
    if (c === '-') sign = -1;
    nsign = 1;
    s = s.slice(1);
    c = 'i';
  }
  if (c === 'i' || c === 'I') {
    let n = commonPrefixLenIgnoreCase(s, 'infinity');
    if (n > 3 && n < 8) n = 3;
    if (n === 3 || n === 8) return [sign * Infinity, nsign + n];
  } else if (c === 'n' || c === 'N') {
    if (commonPrefixLenIgnoreCase(s, 'nan') === 3) return [NaN, 3];
  }
  return undefined;
}

interface ReadFloat {
  ok: boolean;
  n: number;
  neg: boolean;
  hex: boolean;
  mantissa: bigint;
  exp: number;
  trunc: boolean;
}

/** readFloat is Go's readFloat: the syntax check and hex mantissa of ParseFloat. */
function readFloat(s: string): ReadFloat {
  const r: ReadFloat = { ok: false, n: 0, neg: false, hex: false, mantissa: 0n, exp: 0, trunc: false };
  let underscores = false;
  let i = 0;
  if (i >= s.length) return r;
  if (s[i] === '+') i++;
  else if (s[i] === '-') {
    r.neg = true;
    i++;
  }
  let base = 10n;
  let maxMantDigits = 19;
  let expChar = 101; // 'e'
  if (i + 2 < s.length && s[i] === '0' && lowerByte(s.charCodeAt(i + 1)) === 120) {
    base = 16n;
    maxMantDigits = 16;
    i += 2;
    expChar = 112; // 'p'
    r.hex = true;
  }
  let sawdot = false;
  let sawdigits = false;
  let nd = 0;
  let ndMant = 0;
  let dp = 0;
  loop: for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 95) {
      underscores = true;
      continue;
    } else if (c === 46) {
      if (sawdot) break loop;
      sawdot = true;
      dp = nd;
      continue;
    } else if (c >= 48 && c <= 57) {
      sawdigits = true;
      if (c === 48 && nd === 0) {
        dp--;
        continue;
      }
      nd++;
      if (ndMant < maxMantDigits) {
        r.mantissa = r.mantissa * base + BigInt(c - 48);
        ndMant++;
      } else if (c !== 48) r.trunc = true;
      continue;
    } else if (base === 16n && lowerByte(c) >= 97 && lowerByte(c) <= 102) {
      sawdigits = true;
      nd++;
      if (ndMant < maxMantDigits) {
        r.mantissa = r.mantissa * 16n + BigInt(lowerByte(c) - 97 + 10);
        ndMant++;
      } else r.trunc = true;
      continue;
    }
    break;
  }
  if (!sawdigits) {
    r.n = i;
    return r;
  }
  if (!sawdot) dp = nd;
  if (base === 16n) {
    dp *= 4;
    ndMant *= 4;
  }
  if (i < s.length && lowerByte(s.charCodeAt(i)) === expChar) {
    i++;
    if (i >= s.length) {
      r.n = i;
      return r;
    }
    let esign = 1;
    if (s[i] === '+') i++;
    else if (s[i] === '-') {
      i++;
      esign = -1;
    }
    if (i >= s.length || s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) {
      r.n = i;
      return r;
    }
    let e = 0;
    for (; i < s.length && ((s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) || s[i] === '_'); i++) {
      if (s[i] === '_') {
        underscores = true;
        continue;
      }
      if (e < 10000) e = e * 10 + s.charCodeAt(i) - 48;
    }
    dp += e * esign;
  } else if (base === 16n) {
    r.n = i;
    return r;
  }
  if (r.mantissa !== 0n) r.exp = dp - ndMant;
  r.n = i;
  if (underscores && !underscoreOK(s.slice(0, i))) return r;
  r.ok = true;
  return r;
}

/** atofHex is Go's atofHex: round a hex mantissa*2^exp to the float format. */
function atofHex(s: string, flt: FloatInfo, mantissa: bigint, exp: number, neg: boolean, trunc: boolean): number {
  const mb = BigInt(flt.mantbits);
  const maxExp = (1 << flt.expbits) + flt.bias - 2;
  const minExp = flt.bias + 1;
  exp += flt.mantbits;
  while (mantissa !== 0n && mantissa >> (mb + 2n) === 0n) {
    mantissa <<= 1n;
    exp--;
  }
  if (trunc) mantissa |= 1n;
  while (mantissa >> (1n + mb + 2n) !== 0n) {
    mantissa = (mantissa >> 1n) | (mantissa & 1n);
    exp++;
  }
  while (mantissa > 1n && exp < minExp - 2) {
    mantissa = (mantissa >> 1n) | (mantissa & 1n);
    exp++;
  }
  let round = mantissa & 3n;
  mantissa >>= 2n;
  round |= mantissa & 1n;
  exp += 2;
  if (round === 3n) {
    mantissa++;
    if (mantissa === 1n << (1n + mb)) {
      mantissa >>= 1n;
      exp++;
    }
  }
  if (mantissa >> mb === 0n) exp = flt.bias;
  let overflow = false;
  if (exp > maxExp) {
    mantissa = 1n << mb;
    exp = maxExp + 1;
    overflow = true;
  }
  let bits = mantissa & ((1n << mb) - 1n);
  bits |= BigInt((exp - flt.bias) & ((1 << flt.expbits) - 1)) << mb;
  if (neg) bits |= 1n << (mb + BigInt(flt.expbits));
  const f = flt === float32info ? float32FromBits(Number(bits)) : float64FromBits(bits);
  if (overflow) {
    const e = new NumError('ParseFloat', s, errRange);
    (e as NumError & { value?: number }).value = f;
    throw e;
  }
  return f;
}

/** nextFloat32 returns the float32 adjacent to x (x a finite float32) in direction dir (±1, by magnitude). */
function nextFloat32Away(x: number, dir: 1 | -1): number {
  const b = float32Bits(x);
  return float32FromBits(dir > 0 ? b + 1 : b - 1);
}

/** decimalToFloat32 rounds the decimal text s (digits, '.', exponent; no sign) to float32 exactly. */
function decimalToFloat32(clean: string, d64: number): number {
  const f1 = Math.fround(d64);
  if (f1 === d64 || !Number.isFinite(f1) || f1 === 0) return f1;
  // Double rounding can only go wrong when d64 lies exactly half-way between two float32s.
  const a = Math.abs(f1);
  const other = Math.abs(d64) > a ? nextFloat32Away(a, 1) : nextFloat32Away(a, -1);
  if (!Number.isFinite(other)) return f1;
  const mid = (a + other) / 2; // exact in float64
  if (mid !== Math.abs(d64)) return f1;
  // Compare the exact decimal with mid.
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(clean);
  if (!m) return f1;
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  let D = BigInt((intPart + frac).replace(/^0+/, '') || '0');
  let K = Number(m[3] ?? '0') - frac.length;
  const dc = decompose(mid, 64);
  const X = dc.mant;
  const F = dc.exp - float64info.mantbits;
  const c = cmpScaled(D, K, X, F);
  D = 0n;
  K = 0;
  const lowF = Math.min(a, other);
  const highF = Math.max(a, other);
  let res: number;
  if (c < 0) res = lowF;
  else if (c > 0) res = highF;
  else res = (float32Bits(lowF) & 1) === 0 ? lowF : highF;
  return d64 < 0 ? -res : res;
}

/**
 * parseFloat is strconv.ParseFloat(s, bitSize): Go's float syntax (underscores, hex
 * floats with a required p exponent, inf/infinity/nan in any case). Throws NumError;
 * an out-of-range value throws `value out of range`.
 */
export function parseFloat(s: string, bitSize: number): number {
  const fn = 'ParseFloat';
  const [f, n] = parseFloatPrefix(s, bitSize);
  if (n !== s.length) throw new NumError(fn, s, errSyntax);
  return f;
}

function parseFloatPrefix(s: string, bitSize: number): [number, number] {
  const fn = 'ParseFloat';
  const sp = special(s);
  if (sp) return sp;
  const r = readFloat(s);
  if (!r.ok) throw new NumError(fn, s, errSyntax);
  const flt = bitSize === 32 ? float32info : float64info;
  const text = s.slice(0, r.n);
  if (r.hex) {
    try {
      return [atofHex(text, flt, r.mantissa, r.exp, r.neg, r.trunc), r.n];
    } catch (e) {
      if (e instanceof NumError && r.n !== s.length) throw new NumError(fn, s, errSyntax);
      throw e;
    }
  }
  const clean = text.replace(/_/g, '');
  let body = clean;
  if (body[0] === '+' || body[0] === '-') body = body.slice(1);
  let f = Number(clean);
  if (bitSize === 32) f = decimalToFloat32(body, f);
  if (!Number.isFinite(f)) {
    if (r.n !== s.length) throw new NumError(fn, s, errSyntax);
    const e = new NumError(fn, s, errRange);
    (e as NumError & { value?: number }).value = f;
    throw e;
  }
  return [f, r.n];
}

// ---------------------------------------------------------------------------
// Quoting

const printRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/**
 * isPrint is strconv.IsPrint: letters, marks, numbers, punctuation, symbols and U+0020.
 * Go 1.19 uses Unicode 13.0; Node's ICU may know characters assigned later, which Go
 * treats as not printable.
 */
export function isPrint(r: number): boolean {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r >= 0xa1 && r <= 0xff) return r !== 0xad;
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) return false;
  return printRe.test(String.fromCodePoint(r));
}

const lowerhex = '0123456789abcdef';

function hexN(r: number, n: number): string {
  let s = '';
  for (let sh = (n - 1) * 4; sh >= 0; sh -= 4) s += lowerhex[(r >>> sh) & 15];
  return s;
}

function escapedRune(r: number, q: number, asciiOnly: boolean): string {
  if (r === q || r === 92) return '\\' + String.fromCharCode(r);
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return '\\x' + hexN(r, 2);
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) return '\\u' + hexN(r, 4);
  return '\\U' + hexN(r, 8);
}

function quoteWith(s: string, q: number, asciiOnly: boolean): string {
  const qs = String.fromCharCode(q);
  let out = qs;
  if (isAscii(s)) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f && c !== q && c !== 92) out += s[i];
      else out += escapedRune(c, q, asciiOnly);
    }
    return out + qs;
  }
  const b = goBytes(s);
  for (let i = 0; i < b.length; ) {
    const [r, w] = decodeRune(b, i);
    if (w === 1 && r === 0xfffd) {
      out += '\\x' + hexN(b[i]!, 2);
      i++;
      continue;
    }
    out += escapedRune(r, q, asciiOnly);
    i += w;
  }
  return out + qs;
}

/** quote is strconv.Quote: a double-quoted Go string literal. */
export function quote(s: string): string {
  return quoteWith(s, 34, false);
}

/** quoteToASCII is strconv.QuoteToASCII: like quote with every non-ASCII rune escaped. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 34, true);
}

/** quoteRune is strconv.QuoteRune: a single-quoted Go rune literal (invalid runes → U+FFFD). */
export function quoteRune(r: number): string {
  if (r > 0x10ffff || r < 0 || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return "'" + escapedRune(r, 39, false) + "'";
}

/** quoteRuneToASCII is strconv.QuoteRuneToASCII. */
export function quoteRuneToASCII(r: number): string {
  if (r > 0x10ffff || r < 0 || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  return "'" + escapedRune(r, 39, true) + "'";
}

/** canBackquote is strconv.CanBackquote: s can be a raw string literal (no controls but tab, no `, valid UTF-8, no BOM). */
export function canBackquote(s: string): boolean {
  const b = goBytes(s);
  for (let i = 0; i < b.length; ) {
    const [r, w] = decodeRune(b, i);
    i += w;
    if (w > 1) {
      if (r === 0xfeff) return false;
      continue;
    }
    if (r === 0xfffd) return false;
    if ((r < 0x20 && r !== 9) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

function unhex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 97 + 10;
  if (c >= 65 && c <= 70) return c - 65 + 10;
  return -1;
}

class SyntaxErr extends Error {}

/** unquoteCharBytes is strconv.UnquoteChar on bytes: [value, multibyte, next index]. */
function unquoteCharBytes(b: Uint8Array, i: number, q: number): [number, boolean, number] {
  if (i >= b.length) throw new SyntaxErr();
  const c = b[i]!;
  if (c === q && (q === 39 || q === 34)) throw new SyntaxErr();
  if (c >= 0x80) {
    const [r, size] = decodeRune(b, i);
    return [r, true, i + size];
  }
  if (c !== 92) return [c, false, i + 1];
  if (i + 1 >= b.length) throw new SyntaxErr();
  const e = b[i + 1]!;
  i += 2;
  switch (e) {
    case 97:
      return [7, false, i];
    case 98:
      return [8, false, i];
    case 102:
      return [12, false, i];
    case 110:
      return [10, false, i];
    case 114:
      return [13, false, i];
    case 116:
      return [9, false, i];
    case 118:
      return [11, false, i];
    case 120:
    case 117:
    case 85: {
      const n = e === 120 ? 2 : e === 117 ? 4 : 8;
      if (b.length - i < n) throw new SyntaxErr();
      let v = 0;
      for (let j = 0; j < n; j++) {
        const x = unhex(b[i + j]!);
        if (x < 0) throw new SyntaxErr();
        v = v * 16 + x;
      }
      i += n;
      if (e === 120) return [v, false, i];
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxErr();
      return [v, true, i];
    }
    case 48:
    case 49:
    case 50:
    case 51:
    case 52:
    case 53:
    case 54:
    case 55: {
      let v = e - 48;
      if (b.length - i < 2) throw new SyntaxErr();
      for (let j = 0; j < 2; j++) {
        const x = b[i + j]! - 48;
        if (x < 0 || x > 7) throw new SyntaxErr();
        v = (v << 3) | x;
      }
      i += 2;
      if (v > 255) throw new SyntaxErr();
      return [v, false, i];
    }
    case 92:
      return [92, false, i];
    case 39:
    case 34:
      if (e !== q) throw new SyntaxErr();
      return [e, false, i];
  }
  throw new SyntaxErr();
}

function encodeRune(out: number[], r: number): void {
  if (r < 0x80) out.push(r);
  else if (r < 0x800) out.push(0xc0 | (r >> 6), 0x80 | (r & 0x3f));
  else if (r < 0x10000) out.push(0xe0 | (r >> 12), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
  else out.push(0xf0 | (r >> 18), 0x80 | ((r >> 12) & 0x3f), 0x80 | ((r >> 6) & 0x3f), 0x80 | (r & 0x3f));
}

/**
 * unquote is strconv.Unquote: s must be a quoted Go string, rune or raw string literal.
 * Throws an Error with Go's text `invalid syntax` otherwise.
 */
export function unquote(s: string): string {
  // Go: quoted strings without any escape sequences (and valid UTF-8) are returned as they are.
  const n = s.length;
  if (n >= 2 && s.charCodeAt(0) === 34 && s.charCodeAt(n - 1) === 34) {
    let simple = true;
    for (let i = 1; i < n - 1; i++) {
      const c = s.charCodeAt(i);
      if (c === 92 || c === 34 || c === 10 || (c >= 0xd800 && c <= 0xdfff)) {
        simple = false;
        break;
      }
    }
    if (simple) return s.slice(1, n - 1);
  }
  const b = goBytes(s);
  const bad = (): never => {
    throw new Error(errSyntax);
  };
  if (b.length < 2) return bad();
  const q = b[0]!;
  const end = b.indexOf(q, 1);
  if (end < 0) return bad();
  if (q === 96) {
    if (end !== b.length - 1) return bad();
    const body: number[] = [];
    for (let i = 1; i < end; i++) if (b[i] !== 13) body.push(b[i]!);
    return fromGoBytes(Uint8Array.from(body));
  }
  if (q !== 34 && q !== 39) return bad();
  const out: number[] = [];
  let i = 1;
  try {
    while (i < b.length && b[i] !== q) {
      if (b[i] === 10) return bad();
      const [r, multibyte, next] = unquoteCharBytes(b, i, q);
      i = next;
      if (r < 0x80 || !multibyte) out.push(r);
      else encodeRune(out, r);
      if (q === 39) break;
    }
  } catch (e) {
    if (e instanceof SyntaxErr) return bad();
    throw e;
  }
  if (!(i < b.length && b[i] === q)) return bad();
  i++;
  if (i !== b.length) return bad();
  return fromGoBytes(Uint8Array.from(out));
}

/**
 * unquoteChar is strconv.UnquoteChar(s, quote): the first character or escape of s, whether
 * it needs a multibyte UTF-8 encoding, and the rest of s. Throws an Error `invalid syntax`.
 */
export function unquoteChar(s: string, q: number): [value: number, multibyte: boolean, tail: string] {
  const b = goBytes(s);
  try {
    const [r, multibyte, next] = unquoteCharBytes(b, 0, q);
    return [r, multibyte, fromGoBytes(b.subarray(next))];
  } catch (e) {
    if (e instanceof SyntaxErr) throw new Error(errSyntax);
    throw e;
  }
}
