/**
 * Shared conversions of Sprig 3.2.3: spf13/cast 1.5.0's ToInt64E/ToIntE/ToFloat64E/ToStringE,
 * the strconv parsers they rely on (ParseInt with base 0, ParseFloat, Atoi), and Sprig's own
 * helpers strval and strslice (Sprig: strings.go).
 */
import {
  GoComplex,
  GoFloat32,
  GoFuncError,
  GoInt,
  GoSlice,
  GoStruct,
  GoTime,
  fromGoBytes,
  isUnsignedKind,
  kindOf,
  typeOf,
  type GoValue,
} from '../../template/value.js';
import { formatValue } from '../../template/fmt.js';
import { NumError, atoi, errRange, formatFloat, parseFloat, parseInt, quote } from '../../template/strconv.js';

const minInt64 = -(1n << 63n);
const maxInt64 = (1n << 63n) - 1n;

/** CastError is an error returned by one of spf13/cast's *E functions. */
export class CastError extends Error {}

/** float64ToInt64 is Go's int64(f) conversion on amd64: NaN and out-of-range values give math.MinInt64. */
export function float64ToInt64(f: number): bigint {
  if (Number.isNaN(f) || f >= 9223372036854775808 || f < -9223372036854775808) return minInt64;
  return BigInt(Math.trunc(f));
}

/** atoiValue is what strconv.Atoi returns, error or not (Sprig's atoi drops the error): 0 on a syntax error, the clamped value on a range error. */
export function atoiValue(s: string): bigint {
  try {
    return atoi(s);
  } catch (e) {
    if (e instanceof NumError && e.err === errRange) return s[0] === '-' ? minInt64 : maxInt64;
    if (e instanceof NumError) return 0n;
    throw e;
  }
}

/** trimZeroDecimal is cast's helper that drops a ".000" tail so "1.00" parses as an int. */
export function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    switch (s[i - 1]) {
      case '.':
        if (foundZero) return s.slice(0, i - 1);
        break;
      case '0':
        foundZero = true;
        break;
      default:
        return s;
    }
  }
  return s;
}

/** goSharpV prints v the way fmt's %#v does for the scalar kinds cast reports in its errors. */
function goSharpV(v: GoValue): string {
  if (typeof v === 'string') return goQuote(v);
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoInt) return isUnsignedKind(v.kind) ? '0x' + v.v.toString(16) : v.v.toString();
  return formatValue(v);
}

function castError(v: GoValue, to: string): CastError {
  return new CastError(`unable to cast ${goSharpV(v)} of type ${typeOf(v ?? null)} to ${to}`);
}

/** toInt64E is cast.ToInt64E: int kinds, floats (truncated), bools, nil, numeric strings. */
export function toInt64E(v: GoValue, to = 'int64'): bigint {
  if (v === null || v === undefined) return 0n;
  if (v instanceof GoInt) return BigInt.asIntN(64, v.v);
  if (typeof v === 'number') return float64ToInt64(v);
  if (v instanceof GoFloat32) return float64ToInt64(v.v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') {
    try {
      return parseInt(trimZeroDecimal(v), 0, 0);
    } catch {
      // Cast: the string case reports "to int64" even from ToIntE.
      throw castError(v, 'int64');
    }
  }
  throw castError(v, to);
}

/** toInt64 is Sprig's toInt64 (cast.ToInt64): errors give 0. */
export function toInt64(v: GoValue): bigint {
  try {
    return toInt64E(v);
  } catch (e) {
    if (e instanceof CastError) return 0n;
    throw e;
  }
}

/** toIntE is cast.ToIntE (Go's int is 64 bits here). */
export function toIntE(v: GoValue): bigint {
  return toInt64E(v, 'int');
}

/** toInt is Sprig's toInt (cast.ToInt): errors give 0. */
export function toInt(v: GoValue): bigint {
  return toInt64(v);
}

/** toFloat64E is cast.ToFloat64E. */
export function toFloat64E(v: GoValue): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (v instanceof GoInt) return Number(v.v);
  if (v instanceof GoFloat32) return v.v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    try {
      return parseFloat(v, 64);
    } catch {
      throw castError(v, 'float64');
    }
  }
  throw castError(v, 'float64');
}

/** toFloat64 is Sprig's toFloat64 (cast.ToFloat64): errors give 0. */
export function toFloat64(v: GoValue): number {
  try {
    return toFloat64E(v);
  } catch (e) {
    if (e instanceof CastError) return 0;
    throw e;
  }
}

/** formatFloatF is strconv.FormatFloat(f, 'f', -1, 64): shortest digits, never an exponent. */
export function formatFloatF(f: number): string {
  return formatFloat(f, 'f', -1, 64);
}

/** toStringE is cast.ToStringE. */
export function toStringE(v: GoValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloatF(v);
  if (v instanceof GoFloat32) return formatFloatF(v.v);
  if (v instanceof GoInt) return v.v.toString();
  if (v instanceof GoSlice && v.elem === 'uint8') return bytesOf(v);
  if (v instanceof GoTime || (v instanceof GoStruct && v.stringer)) return formatValue(v);
  throw castError(v, 'string');
}

function bytesOf(v: GoSlice): string {
  const b = new Uint8Array(v.items.length);
  v.items.forEach((x, i) => {
    b[i] = x instanceof GoInt ? Number(x.v & 0xffn) : 0;
  });
  return fromGoBytes(b);
}

/** strval is Sprig's strval: strings as is, []byte as text, Stringers/errors by their method, else %v. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof GoSlice && v.elem === 'uint8') return bytesOf(v);
  return formatValue(v === undefined ? null : v);
}

/** strslice is Sprig's strslice: a list's non-nil elements through strval; a scalar as a one-element list. */
export function strslice(v: GoValue): string[] {
  if (v instanceof GoSlice && v.elem === 'string') return v.items as string[];
  const items = Array.isArray(v) ? v : v instanceof GoSlice ? v.items : undefined;
  if (items) {
    const out: string[] = [];
    for (const x of items) if (x !== null && x !== undefined) out.push(strval(x));
    return out;
  }
  if (v === null || v === undefined) return [];
  return [strval(v)];
}

/** listOf returns the elements of v when its reflect kind is slice or array (Sprig's reflect-based list functions). */
export function listOf(v: GoValue): GoValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof GoSlice) return v.items;
  return undefined;
}

/**
 * kindName is reflect.TypeOf(v).Kind().String() for a non-nil value. For nil, Go panics with a
 * nil pointer dereference, which kindNameOrPanic reproduces.
 */
export function kindNameOrPanic(v: GoValue): string {
  if (v === null || v === undefined) throw new GoFuncError(nilDeref);
  return kindOf(v);
}

/** nilDeref is Go's runtime panic text for a nil pointer dereference. */
export const nilDeref = 'runtime error: invalid memory address or nil pointer dereference';

/** isComplex reports whether v is a complex value (for callers that must reject it). */
export function isComplex(v: GoValue): v is GoComplex {
  return v instanceof GoComplex;
}

/** goQuote is strconv.Quote (fmt's %q of a string). */
export const goQuote = quote;

// ---- Go unicode predicates and simple case mappings (Go: unicode, strings.Map) ----
/** runeError is utf8.RuneError (U+FFFD). */
export const runeError = 0xfffd;

/** isSpace is unicode.IsSpace. */
export function isSpace(r: number): boolean {
  if (r <= 0xff) return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
  return (
    r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f ||
    r === 0x205f || r === 0x3000
  );
}

function cat(re: RegExp): (r: number) => boolean {
  return (r) => r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff) && re.test(String.fromCodePoint(r));
}

/** isUpper is unicode.IsUpper (category Lu). */
export const isUpper = cat(/^\p{Lu}$/u);
/** isLower is unicode.IsLower (category Ll). */
export const isLower = cat(/^\p{Ll}$/u);
/** isTitle is unicode.IsTitle (category Lt). */
export const isTitle = cat(/^\p{Lt}$/u);
/** isLetter is unicode.IsLetter (category L). */
export const isLetter = cat(/^\p{L}$/u);
/** isDigit is unicode.IsDigit (category Nd). */
export const isDigit = cat(/^\p{Nd}$/u);
/** isNumber is unicode.IsNumber (category N). */
export const isNumber = cat(/^\p{N}$/u);
/** isPunct is unicode.IsPunct (category P). */
export const isPunct = cat(/^\p{P}$/u);

function simple(r: number, f: (s: string) => string): number {
  if (r >= 0xd800 && r <= 0xdfff) return r;
  const s = String.fromCodePoint(r);
  const m = f(s);
  const cp = m.codePointAt(0)!;
  // Go uses simple (one-to-one) case mappings: a multi-rune full mapping leaves the rune as is.
  return m.length === String.fromCodePoint(cp).length ? cp : r;
}

/** toUpper is unicode.ToUpper. */
export function toUpper(r: number): number {
  if (r < 0x80) return r >= 0x61 && r <= 0x7a ? r - 32 : r;
  return simple(r, (s) => s.toUpperCase());
}

/** toLower is unicode.ToLower. */
export function toLower(r: number): number {
  if (r < 0x80) return r >= 0x41 && r <= 0x5a ? r + 32 : r;
  if (r === 0x130) return 0x69; // Go: İ lowers to i (simple mapping).
  return simple(r, (s) => s.toLowerCase());
}

const titleDigraphs = new Map<number, number>([
  [0x1c4, 0x1c5], [0x1c5, 0x1c5], [0x1c6, 0x1c5],
  [0x1c7, 0x1c8], [0x1c8, 0x1c8], [0x1c9, 0x1c8],
  [0x1ca, 0x1cb], [0x1cb, 0x1cb], [0x1cc, 0x1cb],
  [0x1f1, 0x1f2], [0x1f2, 0x1f2], [0x1f3, 0x1f2],
]);

/** toTitle is unicode.ToTitle. */
export function toTitle(r: number): number {
  return titleDigraphs.get(r) ?? toUpper(r);
}

/** runes splits a Go string into runes; escaped bytes become utf8.RuneError with their byte in `raw`. */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? runeError : cp);
  }
  return out;
}

/** mapRunes is strings.Map: invalid bytes become U+FFFD in the result when mapping runs. */
export function mapRunes(s: string, f: (r: number) => number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = runeError;
    out += String.fromCodePoint(f(cp));
  }
  return out;
}

/** fromRunes is string([]rune). */
export function fromRunes(rs: readonly number[]): string {
  let out = '';
  for (const r of rs) out += String.fromCodePoint(r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) || r < 0 ? runeError : r);
  return out;
}
