// Go: text/template/funcs.go — the builtin functions. Arguments typed reflect.Value arrive
// as GoValues where undefined is an invalid reflect.Value and null a nil interface.
import { def } from '../functions/def.js';
import { compareGoStrings, sprint, sprintf, sprintln } from './fmt.js';
import { isPrint } from './strconv.js';
import {
  GoComplex,
  GoFloat32,
  GoFuncError,
  GoInt,
  GoSlice,
  GoStruct,
  TypedMap,
  byteLen,
  capOf,
  fromGoBytes,
  goBytes,
  isGoFunc,
  isTrue,
  isUnsignedKind,
  kindOf,
  typeOf,
  wrapInt,
  type GoFunc,
  type GoValue,
  type IntKind,
} from './value.js';

const RV = 'reflect.Value';

function fail(msg: string): never {
  throw new GoFuncError(msg);
}

/** indirectInterface turns a nil interface into an invalid value (Go: indirectInterface). */
function indirectInterface(v: GoValue): GoValue {
  return v === null ? undefined : v;
}

/** truth is Go's truth of a reflect.Value argument. */
function truth(v: GoValue): boolean {
  return isTrue(v);
}

/** reflectTypeOf is reflect.Value.Type(): it panics on an invalid value, as Go's does. */
function reflectTypeOf(v: GoValue): string {
  if (v === undefined) fail('reflect: call of reflect.Value.Type on zero Value');
  return v === null ? 'interface {}' : typeOf(v);
}

// ---- index, slice, len ----

function indexArg(index: GoValue, cap: number): number {
  let x: bigint;
  if (index instanceof GoInt) {
    x = index.v;
  } else if (index === undefined) {
    fail('cannot index slice/array with nil');
  } else {
    fail(`cannot index slice/array with type ${typeOf(index)}`);
  }
  if (x < 0n || x > BigInt(cap)) fail(`index out of range: ${x}`);
  return Number(x);
}

/** prepareArg converts value for a parameter of argType (Go: prepareArg). */
function prepareArg(value: GoValue, argType: string): GoValue {
  if (value === undefined) {
    if (!canBeNilType(argType)) fail(`value is nil; should be of type ${argType}`);
    return null;
  }
  const t = value === null ? 'interface {}' : typeOf(value);
  if (t === argType || argType === 'interface {}') return value;
  if (value instanceof TypedMap && value.underlying === argType) return value;
  if (value instanceof GoInt && isIntLikeType(argType)) return wrapInt(argType as IntKind, value.v);
  fail(`value has type ${t}; should be ${argType}`);
}

function canBeNilType(t: string): boolean {
  return t === 'interface {}' || t.startsWith('[]') || t.startsWith('map[') || t.startsWith('*') || t.startsWith('func(');
}

function isIntLikeType(t: string): boolean {
  return /^u?int(8|16|32|64|ptr)?$/.test(t);
}

function index(args: GoValue[]): GoValue {
  let item = indirectInterface(args[0]);
  if (item === undefined) fail('index of untyped nil');
  for (let i = 1; i < args.length; i++) {
    const idx = indirectInterface(args[i]);
    if (item === null) fail('index of nil pointer');
    if (typeof item === 'string') {
      const bytes = goBytes(item);
      const x = indexArg(idx, bytes.length);
      if (x === bytes.length) fail('reflect: string index out of range');
      item = new GoInt('uint8', BigInt(bytes[x]!));
    } else if (Array.isArray(item) || item instanceof GoSlice) {
      const items: GoValue[] = Array.isArray(item) ? item : item.items;
      const x = indexArg(idx, items.length);
      if (x === items.length) fail('reflect: slice index out of range');
      item = items[x];
    } else if (item instanceof Map) {
      const key = prepareArg(idx, 'string');
      const x = item.get(key as string);
      if (x !== undefined) item = x;
      else item = item instanceof TypedMap && item.elemType !== 'interface {}' ? zeroOfType(item.elemType) : null;
    } else {
      fail(`can't index item of type ${typeOf(item)}`);
    }
  }
  return item;
}

function zeroOfType(t: string): GoValue {
  if (t === 'string') return '';
  if (t === 'bool') return false;
  if (t === 'float64') return 0;
  if (isIntLikeType(t)) return wrapInt(t as IntKind, 0n);
  return null;
}

function slice(args: GoValue[], ifaces?: readonly boolean[]): GoValue {
  const item = indirectInterface(args[0]);
  if (item === undefined) fail('slice of untyped nil');
  const indexes = args.slice(1);
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let cap: number;
  let len: number;
  let bytes: Uint8Array | undefined;
  if (typeof item === 'string') {
    if (indexes.length === 3) fail('cannot 3-index slice a string');
    bytes = goBytes(item);
    cap = len = bytes.length;
  } else if (Array.isArray(item) || item instanceof GoSlice) {
    len = Array.isArray(item) ? item.length : item.items.length;
    cap = Array.isArray(item) ? capOf(item) : len;
  } else {
    fail(`can't slice item of type ${item === null ? 'interface {}' : typeOf(item)}`);
  }
  const idx = [0, len, 0];
  for (let i = 0; i < indexes.length; i++) {
    // Go: slice's indexes are not unwrapped, so an interface{} index is the wrong type.
    if (ifaces?.[i + 1] === true) fail('cannot index slice/array with type interface {}');
    idx[i] = indexArg(indexes[i], cap);
  }
  if (idx[0]! > idx[1]!) fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) fail(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes !== undefined) return fromGoBytes(bytes.subarray(idx[0], idx[1]));
  if (Array.isArray(item)) {
    // Past the length, up to the capacity, Go's backing array holds zero values (nil).
    const out = item.slice(idx[0], idx[1]);
    while (out.length < idx[1]! - idx[0]!) out.push(null);
    return out;
  }
  return new GoSlice((item as GoSlice).elem, (item as GoSlice).items.slice(idx[0], idx[1]));
}

function length(args: GoValue[]): GoValue {
  const item = args[0];
  if (item === null) fail('len of nil pointer');
  if (typeof item === 'string') return wrapInt('int', BigInt(byteLen(item)));
  if (Array.isArray(item)) return wrapInt('int', BigInt(item.length));
  if (item instanceof GoSlice) return wrapInt('int', BigInt(item.items.length));
  if (item instanceof Map) return wrapInt('int', BigInt(item.size));
  fail(`len of type ${reflectTypeOf(item)}`);
}

// ---- call ----

function call(args: GoValue[]): GoValue {
  const fn = indirectInterface(args[0]);
  if (fn === undefined) fail('call of nil');
  if (!isGoFunc(fn)) fail(`non-function of type ${typeOf(fn)}`);
  const rest = args.slice(1);
  const numIn = fn.in.length;
  if (fn.variadic) {
    if (rest.length < numIn - 1) fail(`wrong number of args: got ${rest.length} want at least ${numIn - 1}`);
  } else if (rest.length !== numIn) {
    fail(`wrong number of args: got ${rest.length} want ${numIn}`);
  }
  const argv = rest.map((a, i) => {
    const argType = !fn.variadic || i < numIn - 1 ? fn.in[i]! : fn.in[numIn - 1]!;
    try {
      return prepareArg(indirectInterface(a), argType);
    } catch (e) {
      if (e instanceof GoFuncError) fail(`arg ${i}: ${e.message}`);
      throw e;
    }
  });
  return fn.call(argv);
}

// ---- comparison ----

type BasicKind = 'invalid' | 'bool' | 'complex' | 'int' | 'float' | 'string' | 'uint';

function basicKind(v: GoValue): BasicKind {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float';
  }
  if (v instanceof GoInt) return isUnsignedKind(v.kind) ? 'uint' : 'int';
  if (v instanceof GoFloat32) return 'float';
  if (v instanceof GoComplex) return 'complex';
  return 'invalid';
}

const errBadComparisonType = 'invalid type for comparison';
const errBadComparison = 'incompatible types for comparison';

function floatOf(v: GoValue): number {
  return v instanceof GoFloat32 ? v.v : (v as number);
}

function isNilValue(v: GoValue): boolean {
  return v === undefined || v === null;
}

function eq(args: GoValue[]): GoValue {
  const arg1 = indirectInterface(args[0]);
  if (args.length < 2) fail('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (let i = 1; i < args.length; i++) {
    const arg = indirectInterface(args[i]);
    const k2 = basicKind(arg);
    let t = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint') {
        t = (arg1 as GoInt).v >= 0n && (arg1 as GoInt).v === (arg as GoInt).v;
      } else if (k1 === 'uint' && k2 === 'int') {
        t = (arg as GoInt).v >= 0n && (arg1 as GoInt).v === (arg as GoInt).v;
      } else if (arg1 !== undefined && arg !== undefined) {
        fail(errBadComparison);
      }
    } else {
      switch (k1) {
        case 'bool':
        case 'string':
          t = arg1 === arg;
          break;
        case 'float':
          t = floatOf(arg1) === floatOf(arg);
          break;
        case 'int':
        case 'uint':
          t = (arg1 as GoInt).v === (arg as GoInt).v;
          break;
        case 'complex':
          t = (arg1 as GoComplex).re === (arg as GoComplex).re && (arg1 as GoComplex).im === (arg as GoComplex).im;
          break;
        default: {
          const ka = arg1 === undefined ? 'invalid' : kindOf(arg1);
          const kb = arg === undefined ? 'invalid' : kindOf(arg);
          if (ka !== kb && ka !== 'invalid' && kb !== 'invalid') {
            fail(sprintf('non-comparable types %s: %v, %s: %v', [arg1, typeOf(arg1), typeOf(arg), arg]));
          }
          if (isNilValue(arg1) || isNilValue(arg)) {
            t = isNilValue(arg) === isNilValue(arg1);
          } else {
            if (!comparable(arg)) fail(sprintf('non-comparable type %s: %v', [arg, typeOf(arg)]));
            t = goEqual(arg1, arg);
          }
        }
      }
    }
    if (t) return true;
  }
  return false;
}

/** comparable reports whether Go's == works on v's type (maps, slices and funcs do not). */
function comparable(v: GoValue): boolean {
  if (Array.isArray(v) || v instanceof GoSlice || v instanceof Map || isGoFunc(v)) return false;
  if (v instanceof GoStruct) {
    if (v.ptr) return true;
    for (const f of v.fields.values()) if (f !== null && !comparable(f)) return false;
  }
  return true;
}

/** goEqual is Go's == on comparable values of the same kind (structs compare field by field, pointers by identity). */
function goEqual(a: GoValue, b: GoValue): boolean {
  if (a instanceof GoStruct && b instanceof GoStruct) {
    if (a.ptr || b.ptr) return a === b;
    if (a.goType !== b.goType) return false;
    for (const [k, v] of a.fields) if (!goEqual(v, b.fields.get(k))) return false;
    return true;
  }
  if (a instanceof GoInt && b instanceof GoInt) return a.kind === b.kind && a.v === b.v;
  return a === b;
}

function ne(args: GoValue[]): GoValue {
  return !eq(args);
}

function lessThan(a: GoValue, b: GoValue): boolean {
  const arg1 = indirectInterface(a);
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') fail(errBadComparisonType);
  const arg2 = indirectInterface(b);
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') fail(errBadComparisonType);
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint') return (arg1 as GoInt).v < 0n || (arg1 as GoInt).v < (arg2 as GoInt).v;
    if (k1 === 'uint' && k2 === 'int') return (arg2 as GoInt).v >= 0n && (arg1 as GoInt).v < (arg2 as GoInt).v;
    fail(errBadComparison);
  }
  switch (k1) {
    case 'bool':
    case 'complex':
      fail(errBadComparisonType);
    case 'float':
      return floatOf(arg1) < floatOf(arg2);
    case 'int':
    case 'uint':
      return (arg1 as GoInt).v < (arg2 as GoInt).v;
    default:
      return compareGoStrings(arg1 as string, arg2 as string) < 0;
  }
}

function lt(args: GoValue[]): GoValue {
  return lessThan(args[0], args[1]);
}

function le(args: GoValue[]): GoValue {
  return lessThan(args[0], args[1]) || (eq(args) as boolean);
}

function gt(args: GoValue[]): GoValue {
  return !(lessThan(args[0], args[1]) || (eq(args) as boolean));
}

function ge(args: GoValue[]): GoValue {
  return !lessThan(args[0], args[1]);
}

// ---- escapers ----

/** evalArgs turns the arguments of html/js/urlquery into one string (Go: evalArgs). */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

/** htmlEscapeString is Go's template.HTMLEscapeString. */
export function htmlEscapeString(s: string): string {
  if (!/['"&<>\0]/.test(s)) return s;
  return s.replace(/['"&<>\0]/g, (c) => {
    switch (c) {
      case '"':
        return '&#34;';
      case "'":
        return '&#39;';
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      default:
        return '\uFFFD';
    }
  });
}

const hexDigits = '0123456789ABCDEF';

/** jsEscapeString is Go's template.JSEscapeString. */
export function jsEscapeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      switch (c) {
        case 0x5c:
          out += '\\\\';
          continue;
        case 0x27:
          out += "\\'";
          continue;
        case 0x22:
          out += '\\"';
          continue;
        case 0x3c:
          out += '\\u003C';
          continue;
        case 0x3e:
          out += '\\u003E';
          continue;
        case 0x26:
          out += '\\u0026';
          continue;
        case 0x3d:
          out += '\\u003D';
          continue;
      }
      if (c < 0x20) out += '\\u00' + hexDigits[c >> 4] + hexDigits[c & 15];
      else out += s[i];
      continue;
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      // An invalid UTF-8 byte decodes as U+FFFD, which is printable: Go copies the byte.
      out += s[i];
      continue;
    }
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    out += isPrint(cp) ? ch : '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

/** queryEscape is Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of goBytes(s)) {
    if (
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      (b >= 0x30 && b <= 0x39) ||
      b === 0x2d ||
      b === 0x5f ||
      b === 0x2e ||
      b === 0x7e
    ) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) {
      out += '+';
    } else {
      out += '%' + hexDigits[b >> 4] + hexDigits[b & 15];
    }
  }
  return out;
}

const ERR = { err: true, reflectArgs: true } as const;

/** builtins is Go's builtin function map (Go: builtins()). */
export const builtins: ReadonlyMap<string, GoFunc> = new Map(
  [
    def('and', [RV, RV], RV, () => undefined, { variadic: true, reflectArgs: true }),
    def('call', [RV, RV], RV, call, { variadic: true, ...ERR }),
    def('html', ['interface {}'], 'string', (a) => htmlEscapeString(evalArgs(a)), { variadic: true }),
    def('index', [RV, RV], RV, index, { variadic: true, ...ERR }),
    def('slice', [RV, RV], RV, slice, { variadic: true, ...ERR }),
    def('js', ['interface {}'], 'string', (a) => jsEscapeString(evalArgs(a)), { variadic: true }),
    def('len', [RV], 'int', length, ERR),
    def('not', [RV], 'bool', (a) => !truth(a[0]), { reflectArgs: true }),
    def('or', [RV, RV], RV, () => undefined, { variadic: true, reflectArgs: true }),
    def('print', ['interface {}'], 'string', (a) => sprint(a), { variadic: true }),
    def('printf', ['string', 'interface {}'], 'string', (a) => sprintf(a[0] as string, a.slice(1)), { variadic: true }),
    def('println', ['interface {}'], 'string', (a) => sprintln(a), { variadic: true }),
    def('urlquery', ['interface {}'], 'string', (a) => queryEscape(evalArgs(a)), { variadic: true }),
    def('eq', [RV, RV], 'bool', eq, { variadic: true, ...ERR }),
    def('ge', [RV, RV], 'bool', ge, ERR),
    def('gt', [RV, RV], 'bool', gt, ERR),
    def('le', [RV, RV], 'bool', le, ERR),
    def('lt', [RV, RV], 'bool', lt, ERR),
    def('ne', [RV, RV], 'bool', ne, ERR),
  ].map((f) => [f.name, f] as const),
);
