/**
 * The Go value model. Every value the evaluator handles carries the Go type that
 * Go's text/template would see, because Go prints, compares and type-checks by it.
 *
 * Representation (JS → Go):
 *   undefined            an invalid reflect.Value ("no value"): a missing map key under
 *                        missingkey=default, an empty pipeline result. Prints `<no value>`.
 *   null                 a nil interface{} (`<nil>` when printed through fmt).
 *   boolean              bool
 *   string               string. Go strings are bytes: bytes that are not valid UTF-8 are
 *                        kept as lone surrogates U+DC80..U+DCFF ("surrogateescape"), see goBytes.
 *   number               float64 (every number that comes from values or JSON)
 *   GoInt                int, int64, uint8, … (bigint payload, wrapped to the kind's width)
 *   GoFloat32 / GoComplex float32, complex128 (rare; template constants such as `1i`)
 *   Array                []interface{}
 *   GoSlice              a typed slice such as []string or []byte
 *   Map                  map[string]interface{} (never a plain object: `__proto__` is a key)
 *   TypedMap             a named or typed map: chartutil.Values, map[string]string, …
 *   GoStruct             a struct or pointer to struct with fields and methods
 *   GoTime               time.Time
 *   GoFunc               a func value (from a field or `call`)
 */

/** IntKind names Go's integer kinds. */
export type IntKind =
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr';

const intBits: Record<IntKind, number> = {
  int: 64, int8: 8, int16: 16, int32: 32, int64: 64,
  uint: 64, uint8: 8, uint16: 16, uint32: 32, uint64: 64, uintptr: 64,
};

/** isUnsignedKind reports whether k is one of Go's unsigned integer kinds. */
export function isUnsignedKind(k: IntKind): boolean {
  return k.charCodeAt(0) === 117; // 'u'
}

/**
 * GoInt is a value of one of Go's integer kinds; v is already wrapped to the kind's width.
 * A named integer type (time.Month) has goType, and stringer when it has String().
 */
export class GoInt {
  constructor(
    readonly kind: IntKind,
    readonly v: bigint,
    readonly goType?: string,
    readonly stringer?: () => string,
  ) {}
  toString(): string {
    return this.v.toString();
  }
}

/** wrapInt converts v to kind k with Go's two's-complement wrap-around (Go: int64(x), uint8(x)). */
export function wrapInt(k: IntKind, v: bigint): GoInt {
  const bits = intBits[k];
  return new GoInt(k, isUnsignedKind(k) ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v));
}

const smallInts: GoInt[] = [];
for (let i = -1; i <= 256; i++) smallInts.push(new GoInt('int', BigInt(i)));

/** goInt makes a Go `int` from a JS integer or bigint. */
export function goInt(n: number | bigint): GoInt {
  if (typeof n === 'number') {
    if (n >= -1 && n <= 256 && Number.isInteger(n)) return smallInts[n + 1]!;
    return new GoInt('int', BigInt.asIntN(64, BigInt(Math.trunc(n))));
  }
  return new GoInt('int', BigInt.asIntN(64, n));
}

/** goInt64 makes a Go `int64`. */
export function goInt64(n: number | bigint): GoInt {
  return new GoInt('int64', BigInt.asIntN(64, typeof n === 'number' ? BigInt(Math.trunc(n)) : n));
}

/** GoFloat32 is a float32 value (stored rounded with Math.fround). */
export class GoFloat32 {
  constructor(readonly v: number) {}
}

/** GoComplex is a complex128 value. */
export class GoComplex {
  constructor(readonly re: number, readonly im: number) {}
}

/**
 * GoSlice is a typed slice other than []interface{} (which is a plain Array). elem is Go's
 * element type name; a named slice type (chartutil.VersionSet) also has goType and methods.
 */
export class GoSlice {
  constructor(
    readonly elem: string,
    readonly items: GoValue[],
    readonly goType?: string,
    readonly methods?: ReadonlyMap<string, GoFunc>,
  ) {}
}

/** GoBytes makes a []byte slice from bytes. */
export function goByteSlice(bytes: Uint8Array): GoSlice {
  const items: GoValue[] = new Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) items[i] = new GoInt('uint8', BigInt(bytes[i]!));
  return new GoSlice('uint8', items);
}

/**
 * TypedMap is a map whose Go type is not map[string]interface{}: a named type such as
 * chartutil.Values (underlying map[string]interface{}) or map[string]string.
 * Methods, when present, shadow keys the way Go's evalField tries methods first.
 */
export class TypedMap extends Map<string, GoValue> {
  constructor(
    readonly goType: string,
    readonly underlying: string,
    readonly elemType: string = 'interface {}',
    entries?: Iterable<readonly [string, GoValue]>,
    readonly methods?: ReadonlyMap<string, GoFunc>,
  ) {
    super(entries);
  }

  /**
   * asUnderlying is this map converted to its unnamed underlying type (Go: a chartutil.Values
   * passed as map[string]interface{}): the same storage where the type allows it.
   */
  asUnderlying(): Map<string, GoValue> {
    return this;
  }
}

/** GoMap is any Go map with string keys (both representations). */
export type GoMap = Map<string, GoValue>;

/** StructOptions are the rarer facts about a Go struct type. */
export interface StructOptions {
  /** Embedded fields (Go: anonymous struct fields): their fields and methods are promoted. */
  readonly embedded?: readonly string[];
  /**
   * String() is declared on the pointer receiver: Go calls it only where the value is
   * addressable (printing a field reached through a pointer), not for a copy passed to print.
   */
  readonly ptrStringer?: boolean;
}

/**
 * GoStruct is a struct (or a pointer to one, when ptr is true) with named fields and methods.
 * fields holds exported fields in declaration order (Go prints them in that order).
 */
export class GoStruct {
  constructor(
    readonly goType: string,
    readonly fields: ReadonlyMap<string, GoValue>,
    readonly methods: ReadonlyMap<string, GoFunc> = new Map(),
    readonly ptr = false,
    /** fmt's %v of the value when it implements fmt.Stringer or error (Go calls String()/Error()). */
    readonly stringer?: () => string,
    readonly opts: StructOptions = {},
  ) {}

  /** field finds a field by name, looking through embedded structs like Go's FieldByName; undefined when absent. */
  field(name: string): { value: GoValue } | undefined {
    if (this.fields.has(name)) return { value: this.fields.get(name) };
    for (const e of this.opts.embedded ?? []) {
      const inner = this.fields.get(e);
      if (inner instanceof GoStruct) {
        const f = inner.field(name);
        if (f !== undefined) return f;
      }
    }
    return undefined;
  }

  /** method finds a method by name, including those promoted from embedded structs. */
  method(name: string): GoFunc | undefined {
    const m = this.methods.get(name);
    if (m !== undefined) return m;
    for (const e of this.opts.embedded ?? []) {
      const inner = this.fields.get(e);
      if (inner instanceof GoStruct) {
        const f = inner.method(name);
        if (f !== undefined) return f;
      }
    }
    return undefined;
  }
}

const NIL: unique symbol = Symbol('nil');

/**
 * nilOf marks an empty map or slice as Go's nil map/slice: it prints like an empty one
 * (`map[]`, `[]`) but encodes as JSON/YAML `null`.
 */
export function nilOf<T extends Map<string, GoValue> | GoValue[] | GoSlice>(container: T): T {
  (container as unknown as Record<symbol, boolean>)[NIL] = true;
  return container;
}

/** isNilContainer reports whether v is a nil map or slice (see nilOf). */
export function isNilContainer(v: GoValue): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if ((v as unknown as Record<symbol, boolean>)[NIL] !== true) return false;
  if (v instanceof Map) return v.size === 0;
  if (Array.isArray(v)) return v.length === 0;
  return v instanceof GoSlice && v.items.length === 0;
}

/** GoTime is a time.Time: nanoseconds since the Unix epoch plus a fixed-offset location. */
export class GoTime {
  constructor(
    readonly unixNano: bigint,
    readonly locName: string = 'UTC',
    readonly offsetSec: number = 0,
  ) {}
}

/**
 * GoFunc is a Go function value with its signature. `in` lists parameter types; when
 * variadic, the last entry is the element type of the `...` parameter. The implementation
 * receives arguments already converted to the parameter types by the evaluator and throws
 * GoFuncError for a returned error or a panic (Go's safeCall treats both the same).
 */
export interface GoFunc {
  readonly name: string;
  readonly in: readonly string[];
  readonly variadic: boolean;
  /** The first result's Go type ('interface {}', 'string', 'int', …). */
  readonly out: string;
  /** Whether the function has a second `error` result. */
  readonly hasErr: boolean;
  /**
   * 'reflect' marks builtins that receive reflect.Value arguments (and, or, index, …):
   * they see undefined for invalid values and do their own checks.
   */
  readonly reflectArgs?: boolean;
  /**
   * The body. For reflect-style builtins, ifaces[i] tells whether argument i is an interface{}
   * value (Go's slice does not unwrap those).
   */
  readonly call: (args: GoValue[], ifaces?: readonly boolean[]) => GoValue;
}

/** GoFuncError is a Go error returned (or a panic raised) by a function; exec wraps it as `error calling NAME: MSG`. */
export class GoFuncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoFuncError';
  }
}

/** GoValue is any value the evaluator handles; see the file comment for the mapping. */
export type GoValue =
  | undefined
  | null
  | boolean
  | string
  | number
  | GoInt
  | GoFloat32
  | GoComplex
  | GoValue[]
  | GoSlice
  | Map<string, GoValue>
  | GoStruct
  | GoTime
  | GoFunc;

/** isGoFunc reports whether v is a GoFunc. */
export function isGoFunc(v: GoValue): v is GoFunc {
  return typeof v === 'object' && v !== null && typeof (v as GoFunc).call === 'function' && 'variadic' in v;
}

/** typeOf returns Go's reflect type string of v (`%T`), e.g. "float64", "[]interface {}", "map[string]interface {}". */
export function typeOf(v: GoValue): string {
  switch (typeof v) {
    case 'undefined':
    case 'object':
      break;
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    default:
      break;
  }
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoInt) return v.goType ?? v.kind;
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof TypedMap) return v.goType;
  if (v instanceof Map) return 'map[string]interface {}';
  if (v instanceof GoSlice) return v.goType ?? '[]' + v.elem;
  if (v instanceof GoStruct) return (v.ptr ? '*' : '') + v.goType;
  if (v instanceof GoTime) return 'time.Time';
  if (v instanceof GoFloat32) return 'float32';
  if (v instanceof GoComplex) return 'complex128';
  if (isGoFunc(v)) return funcType(v);
  return '<unknown>';
}

/** funcType prints a GoFunc's type the way reflect does: `func(string, ...interface {}) (string, error)`. */
export function funcType(f: GoFunc): string {
  const ins = f.in.map((t, i) => (f.variadic && i === f.in.length - 1 ? '...' + t : t));
  const out = f.hasErr ? ` (${f.out}, error)` : f.out ? ' ' + f.out : '';
  return `func(${ins.join(', ')})${out}`;
}

/** Kind names reflect.Kind values as Go prints them. */
export type Kind =
  | 'invalid' | 'bool' | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64' | 'complex128' | 'string' | 'slice' | 'map' | 'struct' | 'ptr' | 'func';

/** kindOf returns reflect.Kind's name for v (Sprig's kindOf): nil and no value are "invalid". */
export function kindOf(v: GoValue): Kind {
  if (v === null || v === undefined) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.kind;
  if (Array.isArray(v) || v instanceof GoSlice) return 'slice';
  if (v instanceof Map) return 'map';
  if (v instanceof GoStruct) return v.ptr ? 'ptr' : 'struct';
  if (v instanceof GoTime) return 'struct';
  if (v instanceof GoFloat32) return 'float32';
  if (v instanceof GoComplex) return 'complex128';
  return 'func';
}

/** listItems returns the elements of any Go slice (plain or typed), or undefined for a non-slice. */
export function listItems(v: GoValue): GoValue[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof GoSlice) return v.items;
  return undefined;
}

/** isMap reports whether v is a Go map (either representation). */
export function isMap(v: GoValue): v is Map<string, GoValue> {
  return v instanceof Map;
}

/**
 * isTrue is Go's template truth: false, 0, nil, an empty string/slice/map are false;
 * structs are always true. (Go: text/template isTrue.)
 */
export function isTrue(v: GoValue): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'number':
      return v !== 0;
    case 'undefined':
      return false;
  }
  if (v === null) return false;
  if (v instanceof GoInt) return v.v !== 0n;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (v instanceof GoSlice) return v.items.length > 0;
  if (v instanceof GoFloat32) return v.v !== 0;
  if (v instanceof GoComplex) return v.re !== 0 || v.im !== 0;
  return true;
}

// ---- Go strings are bytes ----

const textEncoder = new TextEncoder();

/** isAscii reports whether every UTF-16 unit of s is below 0x80. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * goBytes returns the UTF-8 bytes of a Go string: lone surrogates U+DC80..U+DCFF stand for
 * the raw bytes 0x80..0xFF that were not valid UTF-8 (surrogateescape).
 */
export function goBytes(s: string): Uint8Array {
  if (isAscii(s)) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  if (!/[\uD800-\uDFFF]/.test(s)) return textEncoder.encode(s);
  const parts: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        parts.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
        i++;
        continue;
      }
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      parts.push(c - 0xdc00);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // Go: a lone surrogate cannot be in a Go string; encode as U+FFFD like utf8.EncodeRune.
      parts.push(0xef, 0xbf, 0xbd);
    } else if (c < 0x80) {
      parts.push(c);
    } else if (c < 0x800) {
      parts.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    } else {
      parts.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
  }
  return Uint8Array.from(parts);
}

/**
 * fromGoBytes decodes bytes into a Go string value: valid UTF-8 sequences become their
 * characters, every other byte becomes the lone surrogate 0xDC00+byte (see goBytes).
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function fromGoBytes(b: Uint8Array): string {
  // Valid UTF-8 (nearly always) decodes natively; only invalid bytes need the escape loop.
  try {
    return strictUtf8.decode(b);
  } catch {
    // fall through
  }
  let out = '';
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const [cp, size] = decodeRune(b, i);
    if (size === 1 && cp === 0xfffd && !(b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd)) {
      out += String.fromCharCode(0xdc00 + c);
      i++;
    } else {
      out += String.fromCodePoint(cp);
      i += size;
    }
  }
  return out;
}

/** decodeRune is Go's utf8.DecodeRune: the rune at b[i] and its size; (0xFFFD, 1) for an invalid byte. */
export function decodeRune(b: Uint8Array, i: number): [number, number] {
  const n = b.length - i;
  if (n < 1) return [0xfffd, 0];
  const c0 = b[i]!;
  if (c0 < 0x80) return [c0, 1];
  if (c0 < 0xc2 || c0 > 0xf4) return [0xfffd, 1];
  const cont = (k: number): number => {
    const x = b[i + k];
    return x !== undefined && (x & 0xc0) === 0x80 ? x & 0x3f : -1;
  };
  if (c0 < 0xe0) {
    const c1 = cont(1);
    if (c1 < 0) return [0xfffd, 1];
    return [((c0 & 0x1f) << 6) | c1, 2];
  }
  if (c0 < 0xf0) {
    const x = b[i + 1];
    if (x === undefined) return [0xfffd, 1];
    if ((c0 === 0xe0 && x < 0xa0) || (c0 === 0xed && x > 0x9f)) return [0xfffd, 1];
    const c1 = cont(1);
    if (c1 < 0) return [0xfffd, 1];
    const c2 = cont(2);
    if (c2 < 0) return [0xfffd, 1];
    return [((c0 & 0x0f) << 12) | (c1 << 6) | c2, 3];
  }
  const x = b[i + 1];
  if (x === undefined) return [0xfffd, 1];
  if ((c0 === 0xf0 && x < 0x90) || (c0 === 0xf4 && x > 0x8f)) return [0xfffd, 1];
  const c1 = cont(1);
  if (c1 < 0) return [0xfffd, 1];
  const c2 = cont(2);
  if (c2 < 0) return [0xfffd, 1];
  const c3 = cont(3);
  if (c3 < 0) return [0xfffd, 1];
  return [((c0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, 4];
}

/** byteLen is len(s) in Go: the number of bytes. */
export function byteLen(s: string): number {
  return isAscii(s) ? s.length : goBytes(s).length;
}

/** hasEscapedBytes reports whether s holds bytes that are not valid UTF-8 (see goBytes). */
export function hasEscapedBytes(s: string): boolean {
  return /[\uDC80-\uDCFF]/.test(s) && goBytesRoundTripDiffers(s);
}

function goBytesRoundTripDiffers(s: string): boolean {
  // A lone low surrogate 0xDC80..0xDCFF (not part of a pair) is an escaped byte.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      i++;
      continue;
    }
    if (c >= 0xdc80 && c <= 0xdcff) return true;
  }
  return false;
}

/** newMap makes an empty map[string]interface{}. */
export function newMap(entries?: Iterable<readonly [string, GoValue]>): Map<string, GoValue> {
  return new Map(entries);
}

const maxInt64 = 2n ** 63n - 1n;

// Go 1.19 runtime size classes up to 32 KiB (runtime/sizeclasses.go).
const sizeClasses = [
  0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384,
  416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072,
  3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336,
  16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];

function roundUpSize(size: number): number {
  if (size < 32768) {
    for (const c of sizeClasses) if (c >= size) return c;
  }
  return Math.ceil(size / 8192) * 8192;
}

/**
 * appendCap is the capacity of a []interface{} built by appending n elements one at a time to
 * make([]interface{}, 0), as encoding/json builds arrays (Go 1.19 growslice, 16-byte elements).
 */
export function appendCap(n: number): number {
  let cap = 0;
  while (cap < n) {
    const needed = cap + 1;
    let newcap = cap;
    const doublecap = cap + cap;
    if (needed > doublecap) newcap = needed;
    else if (cap < 256) newcap = doublecap;
    else while (newcap < needed) newcap += Math.floor((newcap + 3 * 256) / 4);
    cap = roundUpSize(newcap * 16) / 16;
  }
  return cap;
}

const decodedCaps = new WeakMap<GoValue[], number>();

/** capOf is cap() of a []interface{}: its length unless it was decoded from JSON (see appendCap). */
export function capOf(list: GoValue[]): number {
  return decodedCaps.get(list) ?? list.length;
}

/**
 * jsonNumber is how the oracle's intNumbers option decodes a JSON number: an int when its
 * text (JSON.stringify's, which is what a request line holds) has no `.`, `e` or `E` and
 * strconv.ParseInt accepts it, else a float64.
 */
function jsonNumber(n: number): GoValue {
  if (!Number.isInteger(n)) return n;
  const text = JSON.stringify(n);
  if (/[.eE]/.test(text)) return n;
  const b = BigInt(text);
  return b > maxInt64 || b < -maxInt64 - 1n ? n : goInt(b);
}

/**
 * fromJSON converts parsed JSON (as from JSON.parse) into Go values the way
 * encoding/json decodes into interface{}: numbers become float64, objects map[string]interface{}.
 * With intNumbers, integral numbers become Go `int` (the oracle's `intNumbers` option); with
 * goCaps, arrays get the capacity encoding/json gives them (see appendCap).
 */
export function fromJSON(j: unknown, intNumbers = false, goCaps = false): GoValue {
  if (j === null) return null;
  switch (typeof j) {
    case 'boolean':
    case 'string':
      return j;
    case 'number':
      return intNumbers ? jsonNumber(j) : j;
    case 'object':
      if (Array.isArray(j)) {
        const list = j.map((x) => fromJSON(x, intNumbers, goCaps));
        if (goCaps) decodedCaps.set(list, appendCap(list.length));
        return list;
      }
      {
        const m = new Map<string, GoValue>();
        for (const k of Object.keys(j as object)) m.set(k, fromJSON((j as Record<string, unknown>)[k], intNumbers, goCaps));
        return m;
      }
  }
  return null;
}
