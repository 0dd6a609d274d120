/**
 * TOML as Helm writes and reads it: BurntSushi/toml 1.3.2 (Helm's pin).
 *
 *   toToml(v)      toml.NewEncoder(&buf).Encode(v)             (encode.go)
 *   fromToml(text) toml.Unmarshal(text, &map[string]interface{}) (lex.go, parse.go, decode.go)
 *
 * The encoder walks Go values the way encode.go walks reflect values: keys whose values
 * are not tables first, then sub-tables and arrays of tables, each group sorted by Go's
 * byte order; nil values are skipped; an array holding nil is an error.
 *
 * Deliberate differences from the oracle (Debian's toml 1.2.0), following Helm's 1.3.2:
 * a value that is not a map or struct encodes bare (`toToml (list 1 2)` → `[1, 2]`); the
 * decoder skips a UTF-8 BOM and trims whitespace after a line-ending backslash across
 * blank lines.
 */
import { GoFuncError, GoInt, GoFloat32, GoComplex, GoSlice, GoStruct, GoTime, isGoFunc, isNilContainer, type GoValue } from '../template/value.js';
import type { TomlDate } from 'smol-toml';
import { lazyRequire } from '../functions/lazy-require.js';

const smolToml = lazyRequire<typeof import('smol-toml')>('smol-toml');
import { formatFloat } from './float.js';
import { compareGoStrings } from '../template/fmt.js';
import { formatRFC3339Nano } from './json.js';

/** TomlError is an error returned by the TOML encoder or decoder; message is Go's err.Error(). */
export class TomlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TomlError';
  }
}

const errArrayNilElement = 'toml: cannot encode array with nil element';
const errNoKey = 'toml: top-level values must be Go maps or structs';

/** maxEncodeDepth bounds the nesting the encoder follows (Go's stack would grow to 1 GB). */
const maxEncodeDepth = 2000;

// ---------------------------------------------------------------- types (type_toml.go)

/** TomlType is tomlType: the TOML type of a Go value, or null when it has none (nil). */
type TomlType = 'Integer' | 'Float' | 'Datetime' | 'String' | 'Bool' | 'Array' | 'Hash' | 'ArrayHash' | null;

const typeIsTable = (t: TomlType): boolean => t === 'Hash' || t === 'ArrayHash';

/**
 * textMarshalers names the Go struct types in podtpl's value model that implement
 * encoding.TextMarshaler; the encoder writes their text (their String()) quoted.
 */
const textMarshalers = new Set(['semver.Version']);

function isMarshaler(v: GoValue): boolean {
  return v instanceof GoTime || (v instanceof GoStruct && textMarshalers.has(v.goType));
}

/** isNil is encode.go's isNil: a nil interface, map, pointer or slice. */
function isNil(v: GoValue): boolean {
  return v === null || v === undefined || isNilContainer(v);
}

/** goKind is reflect.Kind's name for the values the encoder rejects. */
function goKind(v: GoValue): string {
  if (v instanceof GoComplex) return 'complex128';
  if (isGoFunc(v)) return 'func';
  return 'invalid';
}

// ---------------------------------------------------------------- keys (meta.go)

const isBareKeyChar = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;

/** maybeQuoted is Key.maybeQuoted: a bare key, or a basic string when any character is not bare. */
function maybeQuoted(k: string): string {
  if (k === '') return '""';
  for (let i = 0; i < k.length; i++) {
    if (!isBareKeyChar(k.charCodeAt(i))) return '"' + quoteReplace(k) + '"';
  }
  return k;
}

/** keyString is Key.String(): the parts, each maybe quoted, joined by dots. */
function keyString(key: readonly string[]): string {
  return key.map(maybeQuoted).join('.');
}

/** quoteReplace is encode.go's dblQuotedReplacer. */
function quoteReplace(s: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x7f) continue;
    out += s.slice(start, i);
    start = i + 1;
    switch (c) {
      case 0x22: out += '\\"'; break;
      case 0x5c: out += '\\\\'; break;
      case 0x08: out += '\\b'; break;
      case 0x09: out += '\\t'; break;
      case 0x0a: out += '\\n'; break;
      case 0x0c: out += '\\f'; break;
      case 0x0d: out += '\\r'; break;
      default: out += '\\u' + c.toString(16).padStart(4, '0');
    }
  }
  return out + s.slice(start);
}

// ---------------------------------------------------------------- the encoder (encode.go)

/** structFields lists a struct's fields in encode order with embedded structs flattened (addFields). */
function structFields(s: GoStruct): { name: string; value: GoValue; top: number }[] {
  const out: { name: string; value: GoValue; top: number }[] = [];
  const embedded = new Set(s.opts.embedded ?? []);
  let i = 0;
  for (const [name, value] of s.fields) {
    if (embedded.has(name) && value instanceof GoStruct && !value.ptr) {
      for (const f of structFields(value)) out.push({ name: f.name, value: f.value, top: i });
    } else if (embedded.has(name) && value instanceof GoStruct) {
      // Go: an embedded *T is dereferenced by eindirect and flattened too.
      for (const f of structFields(value)) out.push({ name: f.name, value: f.value, top: i });
    } else if (!(embedded.has(name) && value === null)) {
      out.push({ name, value, top: i });
    }
    i++;
  }
  return out;
}

/**
 * structFieldIsNil treats an empty slice or map held in a struct field as nil: podtpl's
 * chart objects do not yet mark nil slices (chart.Metadata's Sources, Annotations, …),
 * and Helm's are nil unless Chart.yaml lists an empty one.
 */
function structFieldIsNil(v: GoValue): boolean {
  if (isNil(v)) return true;
  if (v instanceof GoSlice) return v.items.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false;
}

class Encoder {
  private readonly out: string[] = [];
  private hasWritten = false;
  private readonly indent = '  ';

  result(): string {
    return this.out.join('');
  }

  private wf(s: string): void {
    this.out.push(s);
    this.hasWritten = true;
  }

  private newline(): void {
    if (this.hasWritten) this.wf('\n');
  }

  private indentStr(key: readonly string[]): string {
    return this.indent.repeat(Math.max(0, key.length - 1));
  }

  /** tomlTypeOfGo is the TOML type of v (nil for nil); it rejects unsupported kinds. */
  tomlTypeOfGo(v: GoValue, depth: number): TomlType {
    if (isNil(v)) return null;
    if (depth > maxEncodeDepth) throw new TomlError('toml: value nested too deeply');
    if (v instanceof GoTime) return 'Datetime';
    if (v instanceof GoStruct) return isMarshaler(v) ? 'String' : 'Hash';
    switch (typeof v) {
      case 'boolean':
        return 'Bool';
      case 'number':
        return 'Float';
      case 'string':
        return 'String';
    }
    if (v instanceof GoInt) return 'Integer';
    if (v instanceof GoFloat32) return 'Float';
    if (Array.isArray(v) || v instanceof GoSlice) return this.isTableArray(v, depth) ? 'ArrayHash' : 'Array';
    if (v instanceof Map) return 'Hash';
    throw new TomlError('unsupported type: ' + goKind(v));
  }

  /** isTableArray reports whether every element is a table; a nil element is an error. */
  private isTableArray(arr: GoValue[] | GoSlice, depth: number): boolean {
    const items = Array.isArray(arr) ? arr : arr.items;
    if (items.length === 0) return false;
    let ret = true;
    for (const it of items) {
      const tt = this.tomlTypeOfGo(it, depth + 1);
      if (tt === null) throw new TomlError(errArrayNilElement);
      if (ret && tt !== 'Hash') ret = false;
    }
    return ret;
  }

  encode(key: string[], v: GoValue): void {
    if (key.length > maxEncodeDepth) throw new TomlError('toml: value nested too deeply');
    if (isMarshaler(v)) {
      this.writeKeyValue(key, v, false);
      return;
    }
    if (v === null || v === undefined) return;
    switch (typeof v) {
      case 'boolean':
      case 'number':
      case 'string':
        this.writeKeyValue(key, v, false);
        return;
    }
    if (v instanceof GoInt || v instanceof GoFloat32) {
      this.writeKeyValue(key, v, false);
    } else if (Array.isArray(v) || v instanceof GoSlice) {
      if (this.tomlTypeOfGo(v, key.length) === 'ArrayHash') this.eArrayOfTables(key, v);
      else this.writeKeyValue(key, v, false);
    } else if (v instanceof Map) {
      if (isNilContainer(v)) return;
      this.eTable(key, v);
    } else if (v instanceof GoStruct) {
      this.eTable(key, v);
    } else {
      throw new TomlError(`unsupported type for key '${keyString(key)}': ${goKind(v)}`);
    }
  }

  /** eElement writes a value that can be an array element or the right side of `k = v`. */
  private eElement(v: GoValue, depth: number): void {
    if (depth > maxEncodeDepth) throw new TomlError('toml: value nested too deeply');
    if (v instanceof GoTime) {
      this.wf(formatTomlTime(v));
      return;
    }
    if (v instanceof GoStruct && isMarshaler(v)) {
      this.writeQuoted(v.stringer ? v.stringer() : '');
      return;
    }
    switch (typeof v) {
      case 'string':
        this.writeQuoted(v);
        return;
      case 'boolean':
        this.wf(v ? 'true' : 'false');
        return;
      case 'number':
        this.wf(formatTomlFloat(v, 64));
        return;
    }
    if (v instanceof GoInt) this.wf(v.v.toString());
    else if (v instanceof GoFloat32) this.wf(formatTomlFloat(v.v, 32));
    else if (Array.isArray(v) || v instanceof GoSlice) this.eArrayOrSliceElement(Array.isArray(v) ? v : v.items, depth);
    else if (v instanceof GoStruct) this.eStruct([], v, true, depth);
    else if (v instanceof Map) this.eMap([], v, true, depth);
    // Go: a nil interface reaching eElement calls Interface() on a zero reflect.Value.
    else if (v === null || v === undefined) throw new GoFuncError('reflect: call of reflect.Value.Interface on zero Value');
    else throw new TomlError('unexpected type: ' + goKind(v));
  }

  private writeQuoted(s: string): void {
    this.wf('"' + quoteReplace(s) + '"');
  }

  private eArrayOrSliceElement(items: GoValue[], depth: number): void {
    this.wf('[');
    for (let i = 0; i < items.length; i++) {
      this.eElement(items[i], depth + 1);
      if (i !== items.length - 1) this.wf(', ');
    }
    this.wf(']');
  }

  private eArrayOfTables(key: string[], arr: GoValue[] | GoSlice): void {
    if (key.length === 0) throw new TomlError(errNoKey);
    for (const it of Array.isArray(arr) ? arr : arr.items) {
      if (isNil(it)) continue;
      this.newline();
      this.wf(`${this.indentStr(key)}[[${keyString(key)}]]`);
      this.newline();
      this.eMapOrStruct(key, it, false, key.length);
    }
  }

  private eTable(key: string[], v: Map<string, GoValue> | GoStruct): void {
    // Go: an extra newline between top-level tables (none before the first output).
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.wf(`${this.indentStr(key)}[${keyString(key)}]`);
      this.newline();
    }
    this.eMapOrStruct(key, v, false, key.length);
  }

  private eMapOrStruct(key: string[], v: GoValue, inline: boolean, depth: number): void {
    if (v instanceof Map) this.eMap(key, v, inline, depth);
    else if (v instanceof GoStruct) this.eStruct(key, v, inline, depth);
    else throw new Error('eTable: unhandled reflect.Value Kind');
  }

  private eMap(key: string[], m: Map<string, GoValue>, inline: boolean, depth: number): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const [k, val] of m) {
      if (typeIsTable(this.tomlTypeOfGo(val, depth + 1))) sub.push(k);
      else direct.push(k);
    }
    const writeMapKeys = (keys: string[], trailC: boolean): void => {
      keys.sort(compareGoStrings);
      keys.forEach((k, i) => {
        const val = m.get(k);
        if (isNil(val)) return;
        if (inline) {
          this.writeKeyValue([k], val, true, depth + 1);
          // Go: the comma test ignores skipped nil values, so `{a = 1, }` can happen.
          if (trailC || i !== keys.length - 1) this.wf(', ');
        } else {
          this.encode([...key, k], val);
        }
      });
    };
    if (inline) this.wf('{');
    writeMapKeys(direct, sub.length > 0);
    writeMapKeys(sub, false);
    if (inline) this.wf('}');
  }

  private eStruct(key: string[], s: GoStruct, inline: boolean, depth: number): void {
    const fields = structFields(s);
    const direct: typeof fields = [];
    const sub: typeof fields = [];
    for (const f of fields) {
      if (typeIsTable(this.tomlTypeOfGo(f.value, depth + 1))) sub.push(f);
      else direct.push(f);
    }
    const total = direct.length + sub.length;
    const writeFields = (fs: typeof fields): void => {
      for (const f of fs) {
        if (structFieldIsNil(f.value)) continue;
        if (inline) {
          this.writeKeyValue([f.name], f.value, true, depth + 1);
          // Go: compares the top-level field index with the number of (flattened) fields.
          if (f.top !== total - 1) this.wf(', ');
        } else {
          this.encode([...key, f.name], f.value);
        }
      }
    };
    if (inline) this.wf('{');
    writeFields(direct);
    writeFields(sub);
    if (inline) this.wf('}');
  }

  /** writeKeyValue writes `key = value`; with no key (a bare top-level value) just the value. */
  writeKeyValue(key: string[], v: GoValue, inline: boolean, depth = key.length): void {
    if (key.length === 0) {
      this.eElement(v, depth);
      return;
    }
    this.wf(`${this.indentStr(key)}${maybeQuoted(key[key.length - 1]!)} = `);
    this.eElement(v, depth);
    if (!inline) this.newline();
  }
}

/** formatTomlFloat is strconv.FormatFloat(f, 'f', -1, bits) with floatAddDecimal; nan and ±inf bare. */
function formatTomlFloat(f: number, bits: 32 | 64): string {
  if (Number.isNaN(f)) return 'nan';
  if (f === Infinity) return 'inf';
  if (f === -Infinity) return '-inf';
  const s = formatFloat(f, 'f', bits);
  return s.includes('.') ? s : s + '.0';
}

/** localTimeLocations are the locations the decoder gives TOML's local date/time values (internal.Local*). */
export const localDatetime = 'datetime-local';
export const localDate = 'date-local';
export const localTime = 'time-local';

function formatTomlTime(t: GoTime): string {
  const full = formatRFC3339Nano(new GoTime(t.unixNano, 'UTC', 0));
  switch (t.locName) {
    case localDatetime:
      return full.slice(0, -1); // 2006-01-02T15:04:05.999999999
    case localDate:
      return full.slice(0, 10);
    case localTime:
      return full.slice(11, -1);
  }
  return formatRFC3339Nano(t);
}

/**
 * toToml is BurntSushi/toml's Encoder.Encode(v). Throws TomlError with Go's message, or
 * GoFuncError for what is a runtime panic in Go (`toToml nil`).
 */
export function toToml(v: GoValue): string {
  if (v === undefined || v === null) {
    // Go: Encode(nil) asks reflect for the type of a zero Value.
    throw new GoFuncError('reflect: call of reflect.Value.Type on zero Value');
  }
  const enc = new Encoder();
  enc.encode([], v);
  return enc.result();
}

/** helmToToml is Helm's toToml: the TOML text, or the error's text on failure. */
export function helmToToml(v: GoValue): string {
  try {
    return toToml(v);
  } catch (e) {
    if (e instanceof TomlError) return e.message;
    throw e;
  }
}

/** mustToToml is later Helm's mustToToml: the TOML text, or a panic (GoFuncError) on failure. */
export function mustToToml(v: GoValue): string {
  try {
    return toToml(v);
  } catch (e) {
    if (e instanceof TomlError) throw new GoFuncError(e.message);
    throw e;
  }
}

// ---------------------------------------------------------------- the decoder

/**
 * fromToml is toml.Unmarshal(text, &map[string]interface{}): integers become int64, floats
 * float64, datetimes time.Time (local ones in the decoder's local-date/time locations),
 * arrays []interface{}, arrays of tables []map[string]interface{}. Throws TomlError.
 *
 * Parsing is smol-toml's (TOML 1.0); the values are converted to Go's. Error texts are
 * smol-toml's first line prefixed like Go's (`toml: line N: …`): they do not match
 * BurntSushi's wording (a known difference).
 */
export function fromToml(text: string): Map<string, GoValue> {
  // Helm (toml 1.3.2): a leading UTF-8 BOM is skipped.
  const src = text.startsWith('\ufeff') ? text.slice(1) : text;
  let doc: Record<string, unknown>;
  try {
    doc = smolToml().parse(src, { integersAsBigInt: true }) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof smolToml().TomlError) {
      const first = e.message.replace(/^Invalid TOML document: /, '').split('\n')[0] ?? '';
      throw new TomlError(`toml: line ${e.line}: ${first}`);
    }
    throw e;
  }
  return tomlTable(doc, 0, tableArrayPaths(src), '');
}

/**
 * tableArrayPaths lists the key paths declared with `[[…]]` headers (joined by NUL): Go
 * decodes those as []map[string]interface{}, an inline array of tables as []interface{}.
 */
function tableArrayPaths(src: string): Set<string> {
  const out = new Set<string>();
  for (const m of src.matchAll(/^[ \t]*\[\[(.*?)\]\][ \t]*(?:#.*)?$/gm)) {
    const parts: string[] = [];
    for (const p of m[1]!.matchAll(/\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|$)/g)) {
      const k = p[1]!;
      if (k.startsWith("'")) parts.push(k.slice(1, -1));
      else if (k.startsWith('"')) parts.push(JSON.parse(k) as string);
      else parts.push(k);
    }
    out.add(parts.join('\0'));
  }
  return out;
}

function tomlTable(t: Record<string, unknown>, depth: number, arrays: Set<string>, path: string): Map<string, GoValue> {
  const m = new Map<string, GoValue>();
  for (const k of Object.keys(t)) m.set(k, tomlValue(t[k], depth + 1, arrays, path === '' && depth === 0 ? k : path + '\0' + k));
  return m;
}

function tomlValue(v: unknown, depth: number, arrays: Set<string>, path: string): GoValue {
  if (depth > maxEncodeDepth) throw new TomlError('toml: document nested too deeply');
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return v;
    case 'bigint':
      return new GoInt('int64', BigInt.asIntN(64, v));
  }
  if (v instanceof smolToml().TomlDate) return tomlDate(v);
  if (Array.isArray(v)) {
    const items = v.map((x) => tomlValue(x, depth + 1, arrays, path));
    // Go: an array of tables ([[…]]) decodes as []map[string]interface{}.
    if (arrays.has(path) && v.every((x) => isPlainTable(x))) return new GoSlice('map[string]interface {}', items);
    return items;
  }
  if (isPlainTable(v)) return tomlTable(v as Record<string, unknown>, depth, arrays, path);
  return null;
}

function isPlainTable(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof smolToml().TomlDate);
}

/** tomlDate converts a smol-toml date to time.Time as BurntSushi's decoder builds it. */
function tomlDate(d: TomlDate): GoTime {
  const iso = d.toISOString();
  const nanoOf = (frac: string | undefined): bigint => BigInt(((frac ?? '') + '000000000').slice(0, 9));
  if (d.isTime()) {
    const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?/.exec(iso)!;
    const sec = BigInt(Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]));
    // Go: a local time is 0000-01-01 at that time.
    return new GoTime((sec - 62167219200n) * 1_000_000_000n + nanoOf(m[4]), localTime, 0);
  }
  if (d.isDate()) {
    const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    return new GoTime(BigInt(ms) * 1_000_000n, localDate, 0);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/i.exec(iso);
  if (!m) return new GoTime(BigInt(d.getTime()) * 1_000_000n);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const wall = BigInt(ms) * 1_000_000n + nanoOf(m[7]);
  if (d.isLocal() || m[8] === undefined) return new GoTime(wall, localDatetime, 0);
  if (m[8].toUpperCase() === 'Z') return new GoTime(wall, 'UTC', 0);
  const off = (m[8][0] === '-' ? -1 : 1) * (Number(m[8].slice(1, 3)) * 3600 + Number(m[8].slice(4)) * 60);
  return new GoTime(wall - BigInt(off) * 1_000_000_000n, off === 0 ? 'UTC' : '', off);
}

/** helmFromToml is later Helm's fromToml: the map, or a map holding "Error" on failure. */
export function helmFromToml(s: string): Map<string, GoValue> {
  try {
    return fromToml(s);
  } catch (e) {
    if (e instanceof TomlError) return new Map<string, GoValue>([['Error', e.message]]);
    throw e;
  }
}
