/**
 * go-yaml v2's implicit typing of plain scalars (gopkg.in/yaml.v2 resolve.go): YAML 1.1
 * booleans (y/yes/on …), nulls, ints through Go's strconv.ParseInt(s, 0, 64) (so 0777,
 * 0x1F, 0o17, 0b101, 1_000), floats, .inf/.nan, and timestamps (kept as strings when
 * decoding into interface{}, but they make the encoder quote a string).
 */

/** Resolved is a plain scalar's type and Go value. int values beyond 2^53 are bigint. */
export type Resolved =
  | { tag: 'str'; value: string }
  | { tag: 'bool'; value: boolean }
  | { tag: 'null'; value: null }
  | { tag: 'int'; value: number | bigint; unsigned?: boolean }
  | { tag: 'float'; value: number }
  | { tag: 'merge'; value: string }
  | { tag: 'timestamp'; value: string };

const resolveMap = new Map<string, Resolved>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) {
  resolveMap.set(s, { tag: 'bool', value: true });
}
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) {
  resolveMap.set(s, { tag: 'bool', value: false });
}
for (const s of ['', '~', 'null', 'Null', 'NULL']) resolveMap.set(s, { tag: 'null', value: null });
for (const s of ['.nan', '.NaN', '.NAN']) resolveMap.set(s, { tag: 'float', value: NaN });
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) resolveMap.set(s, { tag: 'float', value: Infinity });
for (const s of ['-.inf', '-.Inf', '-.INF']) resolveMap.set(s, { tag: 'float', value: -Infinity });
resolveMap.set('<<', { tag: 'merge', value: '<<' });

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
const uint64Max = 2n ** 64n - 1n;

/** parseGoUint is strconv.ParseUint(s, base, 64) without underscores (base 0: Go's prefixes); undefined on error. */
function parseGoUint(s: string, base0 = 0): bigint | undefined {
  if (s === '') return undefined;
  let base = base0;
  let digits = s;
  if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const c1 = s[1]?.toLowerCase();
      if (s.length >= 3 && c1 === 'b') {
        base = 2;
        digits = s.slice(2);
      } else if (s.length >= 3 && c1 === 'o') {
        base = 8;
        digits = s.slice(2);
      } else if (s.length >= 3 && c1 === 'x') {
        base = 16;
        digits = s.slice(2);
      } else {
        base = 8;
        digits = s.slice(1);
      }
    }
  }
  let n = 0n;
  const b = BigInt(base);
  for (let i = 0; i < digits.length; i++) {
    let c = digits.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x61 && c <= 0x7a) d = c - 0x61 + 10;
    else return undefined;
    if (d >= base) return undefined;
    n = n * b + BigInt(d);
    if (n > uint64Max) return undefined;
  }
  return n;
}

/** parseGoInt is strconv.ParseInt(s, base, 64) (sign allowed): undefined on error or overflow. */
function parseGoInt(s: string, base = 0): bigint | undefined {
  let neg = false;
  let t = s;
  if (t[0] === '+' || t[0] === '-') {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  const u = parseGoUint(t, base);
  if (u === undefined) return undefined;
  const v = neg ? -u : u;
  if (v < int64Min || v > int64Max) return undefined;
  return v;
}

/** parseGoFloat is strconv.ParseFloat(s, 64) for decimal text: undefined on syntax or range error. */
function parseGoFloat(s: string): number | undefined {
  // Only called on text matching a decimal float shape; Go rejects overflow (±Inf, ErrRange)
  // and gives 0 on underflow.
  const f = Number(s);
  if (Number.isNaN(f) || !Number.isFinite(f)) return undefined;
  return f;
}

function intResult(v: bigint): Resolved {
  const n = Number(v);
  return { tag: 'int', value: Number.isSafeInteger(n) ? n : v };
}

/** Long tags of the YAML 1.1 types go-yaml knows. */
export const longTags = {
  str: 'tag:yaml.org,2002:str',
  bool: 'tag:yaml.org,2002:bool',
  int: 'tag:yaml.org,2002:int',
  float: 'tag:yaml.org,2002:float',
  null: 'tag:yaml.org,2002:null',
  timestamp: 'tag:yaml.org,2002:timestamp',
  binary: 'tag:yaml.org,2002:binary',
  merge: 'tag:yaml.org,2002:merge',
} as const;

const longTagPrefix = 'tag:yaml.org,2002:';

/** shortTag is resolve.go shortTag: `tag:yaml.org,2002:x` → `!!x`. */
export function shortTag(tag: string): string {
  return tag.startsWith(longTagPrefix) ? '!!' + tag.slice(longTagPrefix.length) : tag;
}

/** ResolveError is resolve.go's failf: `cannot decode !!T `v` as a !!U`. */
export class ResolveError extends Error {}

const tagOf = (r: Resolved): string => (r.tag === 'str' ? longTags.str : longTags[r.tag]);

/**
 * resolve is resolve.go resolve(tag, in) for a scalar with a tag ('' = plain, untagged):
 * the resolved type and value. Tags go-yaml cannot resolve (unknown, `!`, `!!binary`)
 * give the text as a string (the caller checks for `!!binary`). Throws ResolveError like
 * go-yaml's failf.
 */
export function resolve(tag: string, s: string): Resolved {
  switch (tag) {
    case '':
    case longTags.str:
    case longTags.bool:
    case longTags.int:
    case longTags.float:
    case longTags.null:
    case longTags.timestamp:
      break;
    default:
      return { tag: 'str', value: s };
  }
  const r = resolveUntyped(tag, s);
  if (tag === '' || tag === longTags.str) return r;
  const rtag = tagOf(r);
  if (tag === rtag) return r;
  if (tag === longTags.float && r.tag === 'int' && !r.unsigned) return { tag: 'float', value: Number(r.value) };
  throw new ResolveError(`cannot decode ${shortTag(rtag)} \`${s}\` as a ${shortTag(tag)}`);
}

/** resolvePlain is resolve("", s): the type go-yaml v2 gives a plain (untagged, unquoted) scalar. */
export function resolvePlain(s: string): Resolved {
  return resolveUntyped('', s);
}

function resolveUntyped(tag: string, s: string): Resolved {
  const c = s.charCodeAt(0);
  // Go: resolveTable hints: signs, digits, '.', the letters of the map; an empty string is 'N'.
  const isHint =
    s === '' ||
    c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39) ||
    c === 0x79 || c === 0x59 || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 ||
    c === 0x66 || c === 0x46 || c === 0x6f || c === 0x4f || c === 0x7e;
  if (!isHint || tag === longTags.str) return { tag: 'str', value: s };
  const item = resolveMap.get(s);
  if (item) return item;
  if (c === 0x2e) {
    // Go: strconv.ParseFloat(in, 64) on the whole text: ".5", ".5e3".
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) {
      const f = parseGoFloat(s);
      if (f !== undefined) return { tag: 'float', value: f };
    }
    return { tag: 'str', value: s };
  }
  if (c === 0x2b || c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    if ((tag === '' || tag === longTags.timestamp) && parseTimestamp(s)) return { tag: 'timestamp', value: s };
    const plain = s.includes('_') ? s.replaceAll('_', '') : s;
    const iv = parseGoInt(plain);
    if (iv !== undefined) return intResult(iv);
    const uv = parseGoUint(plain);
    if (uv !== undefined) return { tag: 'int', value: uv, unsigned: true };
    if (yamlStyleFloat.test(plain)) {
      const f = parseGoFloat(plain);
      if (f !== undefined) return { tag: 'float', value: f };
    }
    if (plain.startsWith('0b')) {
      const b = parseGoInt(plain.slice(2), 2);
      if (b !== undefined) return intResult(b);
      const ub = parseGoUint(plain.slice(2), 2);
      if (ub !== undefined) return { tag: 'int', value: ub, unsigned: true };
    } else if (plain.startsWith('-0b')) {
      const b = parseGoInt('-' + plain.slice(3), 2);
      if (b !== undefined) return intResult(b);
    }
  }
  return { tag: 'str', value: s };
}

// ---- timestamps (resolve.go parseTimestamp, through Go's time.Parse)

const daysIn = (m: number, y: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/**
 * parseTimestamp reports whether s parses with one of go-yaml's layouts:
 * "2006-1-2T15:4:5.999999999Z07:00", the same with "t", "2006-1-2 15:4:5.999999999", "2006-1-2".
 */
export function parseTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  // Go's getnum: one digit, or two when the second is a digit.
  const date = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})/.exec(s);
  if (!date) return false;
  const y = Number(date[1]);
  const mo = Number(date[2]);
  const d = Number(date[3]);
  const rest = s.slice(date[0].length);
  const dateOk = mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(mo, y);
  if (rest === '') return dateOk;
  // Time part: [Tt ]h:m:s(.frac)? then a zone for T/t layouts.
  const sep = rest[0];
  if (sep !== 'T' && sep !== 't' && sep !== ' ') return false;
  const tm = /^([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,]([0-9]+))?/.exec(rest.slice(1));
  if (!tm) return false;
  const h = Number(tm[1]);
  const mi = Number(tm[2]);
  const se = Number(tm[3]);
  if (h > 23 || mi > 59 || se > 59) return false;
  const zone = rest.slice(1 + tm[0].length);
  if (sep === ' ') return zone === '' && dateOk;
  if (zone === 'Z') return dateOk;
  const z = /^[+-]([0-9]{2}):([0-9]{2})$/.exec(zone);
  if (!z) return false;
  if (Number(z[1]) > 24 || Number(z[2]) > 60) return false;
  return dateOk;
}
