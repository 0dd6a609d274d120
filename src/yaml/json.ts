/**
 * encoding/json for Go values: Marshal (toJson, toPrettyJson, toRawJson) and
 * Unmarshal into interface{} (fromJson), with Go's output bytes and error texts.
 * Go: encoding/json/encode.go, decode.go, scanner.go, indent.go (Go 1.19).
 */
import {
  GoComplex,
  GoFloat32,
  GoInt,
  GoSlice,
  GoStruct,
  GoTime,
  type GoValue,
  goBytes,
  isGoFunc,
  typeOf,
  isNilContainer,
  nilOf,
} from '../template/value.js';
import { compareGoStrings } from '../template/fmt.js';
import { JsonError } from './errors.js';
import { formatFloat } from './float.js';

// src/chart/manifests.ts sorts file names with it from here.
export { compareGoStrings };

// ---------------------------------------------------------------- Marshal

/** JsonField is one member of a struct's JSON object, in output order. */
export type JsonField = readonly [name: string, value: GoValue];

/**
 * structJsonFields maps a GoStruct's goType to the function that lists its JSON members
 * (Go's `json:"name,omitempty"` tags, embedded-struct flattening). Without an entry a
 * struct marshals every field under its Go name, in declaration order, as Go does for
 * untagged structs. Whoever builds a tagged struct (e.g. `.Chart`) registers it here.
 */
export const structJsonFields = new Map<string, (s: GoStruct) => JsonField[]>();

/**
 * structJsonMarshalers maps a GoStruct's goType to its json.Marshaler: the Go value its
 * MarshalJSON encodes instead of the struct (semver.Version marshals as its string).
 */
export const structJsonMarshalers = new Map<string, (s: GoStruct) => GoValue>();

/** MarshalOptions are encoding/json's encoder settings. */
export interface MarshalOptions {
  /** Escape <, >, & as \u003c… (json.Marshal: true; Encoder.SetEscapeHTML(false): false). */
  escapeHTML?: boolean;
}

const hex = '0123456789abcdef';
const maxMarshalDepth = 10000;

/** quoteJsonString is encodeState.string: s as a JSON string literal. */
export function quoteJsonString(s: string, escapeHTML = true): string {
  let out = '"';
  let start = 0;
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && !(escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) {
        i++;
        continue;
      }
      out += s.slice(start, i);
      switch (c) {
        case 0x5c:
          out += '\\\\';
          break;
        case 0x22:
          out += '\\"';
          break;
        case 0x0a:
          out += '\\n';
          break;
        case 0x0d:
          out += '\\r';
          break;
        case 0x09:
          out += '\\t';
          break;
        default:
          // Go 1.19: \b and \f are written as \u0008 and \u000c too.
          out += '\\u00' + hex[c >> 4] + hex[c & 0xf];
      }
      i++;
      start = i;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is one valid rune; a lone surrogate is an invalid byte → \ufffd.
      if (c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i += 2;
          continue;
        }
      }
      out += s.slice(start, i) + '\\ufffd';
      i++;
      start = i;
      continue;
    }
    if (c === 0x2028 || c === 0x2029) {
      out += s.slice(start, i) + (c === 0x2028 ? '\\u2028' : '\\u2029');
      i++;
      start = i;
      continue;
    }
    i++;
  }
  return out + s.slice(start) + '"';
}

/** formatJsonFloat is floatEncoder.encode: ES6-style number text, 'e' outside [1e-6, 1e21). */
export function formatJsonFloat(f: number, bits: 32 | 64 = 64): string {
  if (!Number.isFinite(f)) throw new JsonError('json: unsupported value: ' + formatFloat(f, 'g', bits));
  const abs = Math.abs(f);
  let fmt: 'e' | 'f' = 'f';
  if (abs !== 0) {
    const a = bits === 32 ? Math.fround(abs) : abs;
    const lo = bits === 32 ? Math.fround(1e-6) : 1e-6;
    const hi = bits === 32 ? Math.fround(1e21) : 1e21;
    if (a < lo || a >= hi) fmt = 'e';
  }
  let b = formatFloat(f, fmt, bits);
  if (fmt === 'e') {
    // Go: clean up e-09 to e-9.
    const n = b.length;
    if (n >= 4 && b[n - 4] === 'e' && b[n - 3] === '-' && b[n - 2] === '0') b = b.slice(0, n - 2) + b[n - 1];
  }
  return b;
}

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64Std is base64.StdEncoding.EncodeToString. */
export function base64Std(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += b64[v >> 18]! + b64[(v >> 12) & 63]! + b64[(v >> 6) & 63]! + b64[v & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const v = bytes[i]! << 16;
    out += b64[v >> 18]! + b64[(v >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += b64[v >> 18]! + b64[(v >> 12) & 63]! + b64[(v >> 6) & 63]! + '=';
  }
  return out;
}

/** formatRFC3339Nano is time.Time.Format(time.RFC3339Nano). */
export function formatRFC3339Nano(t: GoTime): string {
  const sec = t.unixNano / 1_000_000_000n;
  let nano = t.unixNano % 1_000_000_000n;
  let s = sec;
  if (nano < 0n) {
    nano += 1_000_000_000n;
    s -= 1n;
  }
  const local = Number(s) + t.offsetSec;
  const d = new Date(local * 1000);
  const y = d.getUTCFullYear();
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  let out =
    (y < 0 ? '-' + pad(-y, 4) : pad(y, 4)) +
    '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) +
    'T' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds());
  if (nano !== 0n) out += '.' + nano.toString().padStart(9, '0').replace(/0+$/, '');
  if (t.offsetSec === 0) return out + 'Z';
  const off = Math.abs(t.offsetSec);
  return out + (t.offsetSec < 0 ? '-' : '+') + pad(Math.floor(off / 3600)) + ':' + pad(Math.floor((off % 3600) / 60));
}

function goTimeYear(t: GoTime): number {
  const sec = Number(t.unixNano / 1_000_000_000n) + t.offsetSec;
  return new Date(sec * 1000).getUTCFullYear();
}

/**
 * marshalJson is json.Marshal (or Encoder.Encode without its newline when escapeHTML is
 * false). Throws JsonError with Go's message: `json: unsupported value: NaN`,
 * `json: unsupported type: complex128`, ….
 */
export function marshalJson(v: GoValue, opts: MarshalOptions = {}): string {
  const escapeHTML = opts.escapeHTML ?? true;
  const parts: string[] = [];
  // Iterative (explicit stack) so that values nested 10,000 deep cannot overflow the JS stack.
  const stack: unknown[] = [v];
  const depths: number[] = [0];
  const pushList = (items: readonly GoValue[], depth: number): void => {
    parts.push('[');
    stack.push(closeList);
    depths.push(depth);
    for (let i = items.length - 1; i >= 0; i--) {
      stack.push(items[i]);
      depths.push(depth + 1);
      if (i > 0) {
        stack.push(comma);
        depths.push(depth);
      }
    }
  };
  const pushFields = (fields: readonly (readonly [string, GoValue])[], depth: number): void => {
    parts.push('{');
    stack.push(closeMap);
    depths.push(depth);
    for (let i = fields.length - 1; i >= 0; i--) {
      const [k, fv] = fields[i]!;
      stack.push(fv);
      depths.push(depth + 1);
      stack.push(new JsonLit((i > 0 ? ',' : '') + quoteJsonString(k, escapeHTML) + ':'));
      depths.push(depth);
    }
  };
  while (stack.length) {
    const x = stack.pop() as GoValue | JsonLit;
    const depth = depths.pop()!;
    if (x instanceof JsonLit) {
      parts.push(x.s);
      continue;
    }
    if (depth > maxMarshalDepth) {
      throw new JsonError(`json: unsupported value: encountered a cycle via ${typeOf(x)}`);
    }
    switch (typeof x) {
      case 'undefined':
        parts.push('null');
        continue;
      case 'boolean':
        parts.push(x ? 'true' : 'false');
        continue;
      case 'string':
        parts.push(quoteJsonString(x, escapeHTML));
        continue;
      case 'number':
        parts.push(formatJsonFloat(x, 64));
        continue;
    }
    if (x === null || isNilContainer(x)) {
      parts.push('null');
      continue;
    }
    if (x instanceof GoInt) {
      parts.push(x.v.toString());
      continue;
    }
    if (Array.isArray(x)) {
      pushList(x, depth);
      continue;
    }
    if (x instanceof Map) {
      const keys = [...x.keys()].sort(compareGoStrings);
      pushFields(
        keys.map((k) => [k, x.get(k)] as const),
        depth,
      );
      continue;
    }
    if (x instanceof GoSlice) {
      if (x.elem === 'uint8') {
        const bytes = Uint8Array.from(x.items, (b) => (b instanceof GoInt ? Number(b.v) & 0xff : 0));
        parts.push('"' + base64Std(bytes) + '"');
        continue;
      }
      pushList(x.items, depth);
      continue;
    }
    if (x instanceof GoFloat32) {
      parts.push(formatJsonFloat(x.v, 32));
      continue;
    }
    if (x instanceof GoTime) {
      const y = goTimeYear(x);
      if (y < 0 || y > 9999) {
        throw new JsonError(
          'json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of range [0,9999]',
        );
      }
      parts.push('"' + formatRFC3339Nano(x) + '"');
      continue;
    }
    if (x instanceof GoStruct) {
      const marshal = structJsonMarshalers.get(x.goType);
      if (marshal !== undefined) {
        stack.push(marshal(x));
        depths.push(depth);
        continue;
      }
      const custom = structJsonFields.get(x.goType);
      const fields: JsonField[] = custom ? custom(x) : [...x.fields];
      pushFields(fields, depth);
      continue;
    }
    if (x instanceof GoComplex) throw new JsonError('json: unsupported type: complex128');
    if (isGoFunc(x)) throw new JsonError('json: unsupported type: ' + typeOf(x));
    throw new JsonError('json: unsupported type: ' + typeOf(x));
  }
  return parts.join('');
}

/** JsonLit is literal JSON text queued on marshalJson's stack. */
class JsonLit {
  constructor(readonly s: string) {}
}
const comma = new JsonLit(',');
const closeList = new JsonLit(']');
const closeMap = new JsonLit('}');

/**
 * indentJson is json.Indent(dst, src, prefix, indent) over compact, valid JSON text:
 * empty arrays and objects stay `[]` / `{}`.
 */
export function indentJson(src: string, prefix = '', indent = '  '): string {
  let out = '';
  let depth = 0;
  let needIndent = false;
  let inString = false;
  const newline = (): string => '\n' + prefix + indent.repeat(depth);
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += src[++i] ?? '';
      } else if (c === '"') {
        inString = false;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (needIndent && c !== ']' && c !== '}') {
      needIndent = false;
      depth++;
      out += newline();
    }
    switch (c) {
      case '"':
        inString = true;
        out += c;
        break;
      case '{':
      case '[':
        out += c;
        needIndent = true;
        break;
      case ',':
        out += c + newline();
        break;
      case ':':
        out += ': ';
        break;
      case '}':
      case ']':
        if (needIndent) {
          needIndent = false; // empty: suppress the indent
        } else {
          depth--;
          out += newline();
        }
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** toJson is encoding/json.Marshal(v) (throws JsonError; Sprig/Helm's toJson return "" on error). */
export function toJson(v: GoValue): string {
  return marshalJson(v);
}

/** toPrettyJson is json.MarshalIndent(v, "", "  ") (throws JsonError; Sprig returns "" on error). */
export function toPrettyJson(v: GoValue): string {
  return indentJson(marshalJson(v), '', '  ');
}

/** toRawJson is Sprig's mustToRawJson: an Encoder without HTML escaping, trailing newline trimmed. */
export function toRawJson(v: GoValue): string {
  return marshalJson(v, { escapeHTML: false });
}

// ---------------------------------------------------------------- Unmarshal

const maxNestingDepth = 10000;

/** quoteChar is encoding/json's quoteChar: how a syntax error names the offending byte. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  return "'" + quoteRuneBody(c) + "'";
}

/** quoteRuneBody is strconv.Quote(string(rune(c)))[1:-1] for c < 256. */
function quoteRuneBody(c: number): string {
  switch (c) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
    case 0x5c:
      return '\\\\';
  }
  if (c < 0x20 || c === 0x7f) return '\\x' + hex[c >> 4] + hex[c & 0xf];
  if ((c >= 0x80 && c < 0xa1) || c === 0xad) return '\\u00' + hex[c >> 4] + hex[c & 0xf];
  return String.fromCharCode(c);
}

/** UnmarshalResult is Unmarshal's outcome: the value and the first saved (non-syntax) error. */
export interface UnmarshalResult {
  value: GoValue;
  err?: JsonError;
}

/**
 * checkValidJson runs encoding/json's scanner over the bytes: throws the SyntaxError
 * Unmarshal reports before decoding anything.
 */
export function checkValidJson(b: Uint8Array): void {
  // States mirror scanner.go's step functions.
  const enum P {
    ObjectKey,
    ObjectValue,
    ArrayValue,
  }
  const stack: P[] = [];
  type Step = (c: number) => void;
  let err: JsonError | undefined;
  let endTop = false;
  let pos = 0;
  const fail = (c: number, ctx: string): void => {
    err = new JsonError('invalid character ' + quoteChar(c) + ' ' + ctx, pos);
    step = () => {};
  };
  const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
  const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
  const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
  const push = (c: number, p: P, next: Step): void => {
    stack.push(p);
    if (stack.length > maxNestingDepth) {
      fail(c, 'exceeded max depth');
      return;
    }
    step = next;
  };
  const pop = (): void => {
    stack.pop();
    if (stack.length === 0) {
      step = endTopState;
      endTop = true;
    } else step = endValue;
  };
  const beginValue: Step = (c) => {
    if (isSpace(c)) return;
    switch (c) {
      case 0x7b:
        push(c, P.ObjectKey, beginStringOrEmpty);
        return;
      case 0x5b:
        push(c, P.ArrayValue, beginValueOrEmpty);
        return;
      case 0x22:
        step = inString;
        return;
      case 0x2d:
        step = neg;
        return;
      case 0x30:
        step = zero;
        return;
      case 0x74:
        step = lit('true', 1);
        return;
      case 0x66:
        step = lit('false', 1);
        return;
      case 0x6e:
        step = lit('null', 1);
        return;
    }
    if (c >= 0x31 && c <= 0x39) {
      step = one;
      return;
    }
    fail(c, 'looking for beginning of value');
  };
  const beginValueOrEmpty: Step = (c) => {
    if (isSpace(c)) return;
    if (c === 0x5d) return endValue(c);
    beginValue(c);
  };
  const beginStringOrEmpty: Step = (c) => {
    if (isSpace(c)) return;
    if (c === 0x7d) {
      stack[stack.length - 1] = P.ObjectValue;
      return endValue(c);
    }
    beginString(c);
  };
  const beginString: Step = (c) => {
    if (isSpace(c)) return;
    if (c === 0x22) {
      step = inString;
      return;
    }
    fail(c, 'looking for beginning of object key string');
  };
  const endValue: Step = (c) => {
    const n = stack.length;
    if (n === 0) {
      step = endTopState;
      endTop = true;
      return endTopState(c);
    }
    if (isSpace(c)) {
      step = endValue;
      return;
    }
    switch (stack[n - 1]) {
      case P.ObjectKey:
        if (c === 0x3a) {
          stack[n - 1] = P.ObjectValue;
          step = beginValue;
          return;
        }
        return fail(c, 'after object key');
      case P.ObjectValue:
        if (c === 0x2c) {
          stack[n - 1] = P.ObjectKey;
          step = beginString;
          return;
        }
        if (c === 0x7d) return pop();
        return fail(c, 'after object key:value pair');
      default:
        if (c === 0x2c) {
          step = beginValue;
          return;
        }
        if (c === 0x5d) return pop();
        return fail(c, 'after array element');
    }
  };
  const endTopState: Step = (c) => {
    if (!isSpace(c)) fail(c, 'after top-level value');
  };
  const inString: Step = (c) => {
    if (c === 0x22) {
      step = endValue;
      return;
    }
    if (c === 0x5c) {
      step = inStringEsc;
      return;
    }
    if (c < 0x20) fail(c, 'in string literal');
  };
  const inStringEsc: Step = (c) => {
    switch (c) {
      case 0x62:
      case 0x66:
      case 0x6e:
      case 0x72:
      case 0x74:
      case 0x5c:
      case 0x2f:
      case 0x22:
        step = inString;
        return;
      case 0x75:
        step = escU(0);
        return;
    }
    fail(c, 'in string escape code');
  };
  const escU =
    (k: number): Step =>
    (c) => {
      if (isHex(c)) {
        step = k === 3 ? inString : escU(k + 1);
        return;
      }
      fail(c, 'in \\u hexadecimal character escape');
    };
  const neg: Step = (c) => {
    if (c === 0x30) {
      step = zero;
      return;
    }
    if (c >= 0x31 && c <= 0x39) {
      step = one;
      return;
    }
    fail(c, 'in numeric literal');
  };
  const one: Step = (c) => {
    if (isDigit(c)) {
      step = one;
      return;
    }
    zero(c);
  };
  const zero: Step = (c) => {
    if (c === 0x2e) {
      step = dot;
      return;
    }
    if (c === 0x65 || c === 0x45) {
      step = stateE;
      return;
    }
    endValue(c);
  };
  const dot: Step = (c) => {
    if (isDigit(c)) {
      step = dot0;
      return;
    }
    fail(c, 'after decimal point in numeric literal');
  };
  const dot0: Step = (c) => {
    if (isDigit(c)) return;
    if (c === 0x65 || c === 0x45) {
      step = stateE;
      return;
    }
    endValue(c);
  };
  const stateE: Step = (c) => {
    if (c === 0x2b || c === 0x2d) {
      step = eSign;
      return;
    }
    eSign(c);
  };
  const eSign: Step = (c) => {
    if (isDigit(c)) {
      step = e0;
      return;
    }
    fail(c, 'in exponent of numeric literal');
  };
  const e0: Step = (c) => {
    if (isDigit(c)) return;
    endValue(c);
  };
  const lit =
    (word: string, k: number): Step =>
    (c) => {
      if (c === word.charCodeAt(k)) {
        step = k + 1 === word.length ? endValue : lit(word, k + 1);
        return;
      }
      fail(c, `in literal ${word} (expecting '${word[k]}')`);
    };
  let step: Step = beginValue;
  for (pos = 0; pos < b.length; pos++) {
    step(b[pos]!);
    if (err) throw err;
  }
  // eof
  if (endTop) return;
  step(0x20);
  if (err) throw err;
  if (endTop) return;
  throw new JsonError('unexpected end of JSON input', b.length);
}

/**
 * unmarshalJson is json.Unmarshal(text, &v) with v of type target: interface{} (default),
 * map[string]interface{} or []interface{}. Syntax errors throw; a type mismatch or a number
 * out of float64 range is reported in `err` next to the partly decoded value, as Go does.
 */
export function unmarshalJson(
  text: string,
  target: 'interface' | 'map' | 'slice' = 'interface',
): UnmarshalResult {
  const bytes = goBytes(text);
  checkValidJson(bytes);
  let saved: JsonError | undefined;
  const src = text;
  let i = 0;
  const skipWs = (): void => {
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const parseString = (): string => {
    // src[i] is '"'; the scanner has validated the literal.
    i++;
    let out = '';
    let start = i;
    for (;;) {
      const c = src.charCodeAt(i);
      if (c === 0x22) {
        out += fixSurrogates(src.slice(start, i));
        i++;
        return out;
      }
      if (c === 0x5c) {
        out += fixSurrogates(src.slice(start, i));
        const e = src[i + 1]!;
        i += 2;
        switch (e) {
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            let r = parseInt(src.slice(i, i + 4), 16);
            i += 4;
            if (r >= 0xd800 && r < 0xe000) {
              // Go: a valid pair decodes; anything else is U+FFFD.
              if (r < 0xdc00 && src[i] === '\\' && src[i + 1] === 'u') {
                const r2 = parseInt(src.slice(i + 2, i + 6), 16);
                if (r2 >= 0xdc00 && r2 < 0xe000) {
                  out += String.fromCharCode(r, r2);
                  i += 6;
                  break;
                }
              }
              r = 0xfffd;
            }
            out += String.fromCharCode(r);
            break;
          }
          default:
            out += e;
        }
        start = i;
        continue;
      }
      i++;
    }
  };
  const parseNumber = (): GoValue => {
    const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
    m.lastIndex = i;
    const r = m.exec(src)!;
    i += r[0].length;
    const f = Number(r[0]);
    if (!Number.isFinite(f)) {
      saved ??= new JsonError(`json: cannot unmarshal number ${r[0]} into Go value of type float64`);
      return null;
    }
    return f;
  };
  // An explicit stack keeps 10,000-deep input off the JS call stack.
  type Frame = { kind: 'obj'; m: Map<string, GoValue>; key: string } | { kind: 'arr'; a: GoValue[] };
  const stack: Frame[] = [];
  let result: GoValue = null;
  const parseValue = (): void => {
    for (;;) {
      skipWs();
      const c = src[i]!;
      let v: GoValue;
      let opened = false;
      if (c === '{') {
        i++;
        skipWs();
        const m = new Map<string, GoValue>();
        if (src[i] === '}') {
          i++;
          v = m;
        } else {
          const key = parseString();
          skipWs();
          i++; // ':'
          stack.push({ kind: 'obj', m, key });
          opened = true;
          v = undefined;
        }
      } else if (c === '[') {
        i++;
        skipWs();
        const a: GoValue[] = [];
        if (src[i] === ']') {
          i++;
          v = a;
        } else {
          stack.push({ kind: 'arr', a });
          opened = true;
          v = undefined;
        }
      } else if (c === '"') v = parseString();
      else if (c === 't') {
        i += 4;
        v = true;
      } else if (c === 'f') {
        i += 5;
        v = false;
      } else if (c === 'n') {
        i += 4;
        v = null;
      } else v = parseNumber();
      if (opened) continue;
      // Deliver v to the enclosing containers, closing as many as end here.
      for (;;) {
        const top = stack[stack.length - 1];
        if (!top) {
          result = v;
          return;
        }
        if (top.kind === 'obj') top.m.set(top.key, v);
        else top.a.push(v);
        skipWs();
        const d = src[i]!;
        i++;
        if (d === ',') {
          if (top.kind === 'obj') {
            skipWs();
            top.key = parseString();
            skipWs();
            i++; // ':'
          }
          break;
        }
        stack.pop();
        v = top.kind === 'obj' ? top.m : top.a;
      }
    }
  };
  parseValue();
  const res = result as GoValue; // assigned inside parseValue
  if (target !== 'interface') {
    const want = target === 'map' ? 'map[string]interface {}' : '[]interface {}';
    const isObj = res instanceof Map;
    const isArr = Array.isArray(res);
    const first = src.trimStart()[0] ?? '';
    // Go: `null` unmarshalled into a map or slice leaves it nil.
    if (res === null && !/[-0-9]/.test(first)) return { value: target === 'map' ? nilOf(new Map()) : nilOf([]), err: saved };
    if ((target === 'map' && !isObj) || (target === 'slice' && !isArr)) {
      const what = isObj ? 'object' : isArr ? 'array' : res === null ? 'number' : typeof res === 'string' ? 'string' : typeof res === 'boolean' ? 'bool' : 'number';
      // Go: a mismatched top-level value is skipped, so only the type error remains.
      const err = new JsonError(`json: cannot unmarshal ${what} into Go value of type ${want}`);
      return { value: target === 'map' ? new Map() : [], err };
    }
  }
  return { value: res, err: saved };
}

/** fixSurrogates replaces lone surrogates (invalid UTF-8 bytes in a Go string) by U+FFFD, as Go's unquote does. */
function fixSurrogates(s: string): string {
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[k]! + s[k + 1]!;
        k++;
        continue;
      }
      out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\ufffd';
    else out += s[k]!;
  }
  return out;
}

/** fromJson is encoding/json.Unmarshal into interface{} (Sprig's mustFromJson): throws JsonError. */
export function fromJson(text: string): GoValue {
  const r = unmarshalJson(text);
  if (r.err) throw r.err;
  return r.value;
}

/** helmFromJson is Helm's fromJson: a map; on error the map gets key "Error" = err.Error(). */
export function helmFromJson(text: string): Map<string, GoValue> {
  try {
    const r = unmarshalJson(text, 'map');
    // Go: unmarshalling `null` into a map leaves a nil map.
    const m = r.value as Map<string, GoValue>;
    if (r.err) m.set('Error', r.err.message);
    return m;
  } catch (e) {
    if (e instanceof JsonError) return new Map([['Error', e.message]]);
    throw e;
  }
}

/** helmFromJsonArray is Helm's fromJsonArray: a list; on error a list holding only err.Error(). */
export function helmFromJsonArray(text: string): GoValue[] {
  try {
    const r = unmarshalJson(text, 'slice');
    if (r.err) return [r.err.message];
    return r.value as GoValue[];
  } catch (e) {
    if (e instanceof JsonError) return [e.message];
    throw e;
  }
}
