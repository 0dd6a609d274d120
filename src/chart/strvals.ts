/**
 * strvals parses Helm's `--set` family ("a.b[0].c=value,x=y") into nested values, with
 * Helm 3.14's results, limits and error texts (Helm: pkg/strvals/parser.go and
 * literal_parser.go).
 *
 *   parseSet        --set         typed scalars: true/false (any case) → bool, null → nil,
 *                                 integers not starting with 0 → int64, else string; {a,b} → list
 *   parseSetString  --set-string  every scalar is a string
 *   parseSetJson    --set-json    each value is one JSON value (float64 numbers)
 *   parseSetFile    --set-file    each value is a file path; the value is the file's content
 *   parseSetLiteral --set-literal everything after the first '=' is one string, no escapes
 *
 * Each function applies one argument to dest (a map[string]interface{}), exactly as Helm
 * does when it parses into the merged `-f` values, and throws StrvalsError with Go's text.
 */
import { quote } from '../template/strconv.js';
import { GoInt, type GoValue, typeOf } from '../template/value.js';

/** MaxIndex is the largest list index --set accepts (Helm: strvals.MaxIndex). */
export const MaxIndex = 65536;
/** MaxNestedNameLevel is the deepest a.b.c key --set accepts (Helm: strvals.MaxNestedNameLevel). */
export const MaxNestedNameLevel = 30;

/** StrvalsError is a --set parse error; message is Go's error text (without Helm's flag prefix). */
export class StrvalsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrvalsError';
  }
}

/** GoErr is an internal Go-style error value. */
class GoErr {
  constructor(readonly msg: string) {}
}
const EOF = new GoErr('EOF');
const errNotList = new GoErr('not a list');

/** GoPanic mirrors a Go runtime panic (recovered by key() as "unable to parse key: …"). */
class GoPanic extends Error {}

type GoMapT = Map<string, GoValue>;

/** RunesValueReader turns the text of a --set-file value into the value (Helm: RunesValueReader). */
export type RunesValueReader = (text: string) => GoValue;

type Mode = 'typed' | 'string' | 'json' | 'file';

/** runeBuffer is the subset of Go's bytes.Buffer the parser uses (by code point). */
class RuneBuffer {
  private pos = 0;
  private lastSize = 0;
  constructor(private readonly s: string) {}
  /** readRune returns the next code point or undefined at EOF. */
  readRune(): string | undefined {
    if (this.pos >= this.s.length) {
      this.lastSize = 0;
      return undefined;
    }
    const cp = this.s.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(cp);
    this.pos += ch.length;
    this.lastSize = ch.length;
    return ch;
  }
  unreadRune(): void {
    this.pos -= this.lastSize;
    this.lastSize = 0;
  }
  rest(): string {
    return this.s.slice(this.pos);
  }
  next(n: number): void {
    this.pos = Math.min(this.s.length, this.pos + n);
    this.lastSize = 0;
  }
}

/** readUntil collects runes up to one in stop; '\' takes the next rune literally when escapes. */
function readUntil(buf: RuneBuffer, stop: string, escapes: boolean): [string, string, GoErr | null] {
  let out = '';
  for (;;) {
    const r = buf.readRune();
    if (r === undefined) return [out, '', EOF];
    if (stop.includes(r)) return [out, r, null];
    if (escapes && r === '\\') {
      const n = buf.readRune();
      if (n === undefined) return [out, '', EOF];
      out += n;
      continue;
    }
    out += r;
  }
}

function put(m: GoMapT, k: string, v: GoValue): void {
  if (k !== '') m.set(k, v);
}

/** goTypeName is the dynamic type Go names in an interface-conversion panic. */
function goTypeName(v: GoValue): string {
  return v === null || v === undefined ? 'nil' : typeOf(v);
}

function assertList(v: GoValue): GoValue[] {
  if (Array.isArray(v)) return v;
  throw new GoPanic(`interface conversion: interface {} is ${goTypeName(v)}, not []interface {}`);
}

function assertMap(v: GoValue): GoMapT {
  if (v instanceof Map && typeOf(v) === 'map[string]interface {}') return v;
  throw new GoPanic(`interface conversion: interface {} is ${goTypeName(v)}, not map[string]interface {}`);
}

function setIndex(list: GoValue[], i: number, v: GoValue): [GoValue[], GoErr | null] {
  if (i < 0) return [list, new GoErr(`negative ${i} index not allowed`)];
  if (i > MaxIndex) return [list, new GoErr(`index of ${i} is greater than maximum supported index of ${MaxIndex}`)];
  if (list.length <= i) {
    const grown: GoValue[] = list.slice();
    while (grown.length <= i) grown.push(null);
    list = grown;
  }
  list[i] = v;
  return [list, null];
}

/** atoi is Go's strconv.Atoi with its error texts. */
export function atoi(s: string): [number, GoErr | null] {
  const fn = 'Atoi';
  if (!/^[+-]?[0-9]+$/.test(s)) return [0, new GoErr(`strconv.${fn}: parsing ${goQuote(s)}: invalid syntax`)];
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) {
    return [0, new GoErr(`strconv.${fn}: parsing ${goQuote(s)}: value out of range`)];
  }
  // Indexes above MaxIndex are rejected later; keep the sign and magnitude.
  return [n > 1n << 52n ? Number.MAX_SAFE_INTEGER : n < -(1n << 52n) ? -Number.MAX_SAFE_INTEGER : Number(n), null];
}

function index(buf: RuneBuffer, escapes: boolean): [number, GoErr | null] {
  const [rs, , err] = readUntil(buf, ']', escapes);
  if (err) return [0, err];
  return atoi(rs);
}

/** equalFoldAscii is strings.EqualFold for the ASCII words it is used with (plus ſ ~ s, K ~ k). */
function equalFold(s: string, word: string): boolean {
  const folded = s.replace(/\u017f/g, 's').replace(/\u212a/g, 'k');
  return folded.length === word.length && folded.toLowerCase() === word && /^[\x00-\x7f]*$/.test(folded);
}

/** typedScalar is Helm's typedVal for --set: bool, nil, int64 or string. */
function typedScalar(s: string): GoValue {
  if (equalFold(s, 'true')) return true;
  if (equalFold(s, 'false')) return false;
  if (equalFold(s, 'null')) return null;
  if (s === '0') return new GoInt('int64', 0n);
  if (s !== '' && s[0] !== '0' && /^[+-]?[0-9]+$/.test(s)) {
    const n = BigInt(s);
    if (n <= 9223372036854775807n && n >= -9223372036854775808n) return new GoInt('int64', n);
  }
  return s;
}

class Parser {
  constructor(
    readonly buf: RuneBuffer,
    readonly mode: Mode,
    readonly reader?: RunesValueReader,
  ) {}

  run(dest: GoMapT): void {
    for (;;) {
      const err = this.key(dest, 0);
      if (err === null) continue;
      if (err === EOF) return;
      throw new StrvalsError(err.msg);
    }
  }

  scalar(rs: string): GoValue {
    if (this.mode === 'string') return rs;
    return typedScalar(rs);
  }

  /** value turns the text after '=' into the value (reads the file in --set-file mode). */
  value(rs: string): GoValue {
    if (this.mode === 'file' && this.reader) return this.reader(rs);
    return this.scalar(rs);
  }

  blank(): [boolean, GoErr | null] {
    for (;;) {
      const r = this.buf.readRune();
      if (r === undefined) return [true, null];
      if (r === ',') return [true, null];
      if (!isGoSpace(r)) {
        this.buf.unreadRune();
        return [false, null];
      }
    }
  }

  jsonValue(): [GoValue, GoErr | null] {
    const res = decodeJSONValue(this.buf.rest());
    if ('err' in res) return [null, new GoErr(res.err)];
    this.buf.next(res.consumed);
    const [, err] = this.blank();
    return [res.value, err];
  }

  braceList(): [GoValue[], GoErr | null] {
    const r = this.buf.readRune();
    if (r === undefined) return [[], EOF];
    if (r !== '{') {
      this.buf.unreadRune();
      return [[], errNotList];
    }
    const list: GoValue[] = [];
    for (;;) {
      const [rs, last, err] = readUntil(this.buf, ',}', true);
      if (err) return [list, err === EOF ? new GoErr("list must terminate with '}'") : err];
      if (last === '}') {
        const n = this.buf.readRune();
        if (n !== undefined && n !== ',') this.buf.unreadRune();
        list.push(this.scalar(rs));
        return [list, null];
      }
      list.push(this.scalar(rs));
    }
  }

  rest(): [string, GoErr | null] {
    const [rs, , err] = readUntil(this.buf, ',', true);
    return [rs, err];
  }

  key(data: GoMapT, level: number): GoErr | null {
    try {
      return this.keyInner(data, level);
    } catch (e) {
      if (e instanceof GoPanic) return new GoErr(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyInner(data: GoMapT, level: number): GoErr | null {
    const [name, last, rerr] = readUntil(this.buf, '=[,.', true);
    if (rerr) {
      if (name.length === 0) return rerr;
      return new GoErr(`key ${goQuote(name)} has no value`);
    }
    switch (last) {
      case '[': {
        const [i, ierr] = index(this.buf, true);
        if (ierr) return new GoErr(`error parsing index: ${ierr.msg}`);
        let list: GoValue[] = [];
        if (data.has(name)) list = assertList(data.get(name));
        const [nl, err] = this.item(list, i, level);
        put(data, name, nl);
        return err;
      }
      case '=': {
        if (this.mode === 'json') {
          const [empty, berr] = this.blank();
          if (berr) return berr;
          if (empty) {
            put(data, name, null);
            return null;
          }
          const [v, err] = this.jsonValue();
          if (v !== null || err === null) put(data, name, v);
          return err;
        }
        const [list, err] = this.braceList();
        if (err === null) {
          put(data, name, list);
          return null;
        }
        if (err === EOF) {
          put(data, name, '');
          return err;
        }
        if (err === errNotList) {
          const [rs, e2] = this.rest();
          if (e2 && e2 !== EOF) return e2;
          put(data, name, this.value(rs));
          return null;
        }
        return err;
      }
      case ',':
        put(data, name, '');
        return new GoErr(`key ${goQuote(name)} has no value (cannot end with ,)`);
      default: {
        // '.'
        level++;
        if (level > MaxNestedNameLevel) {
          return new GoErr(`value name nested level is greater than maximum supported nested level of ${MaxNestedNameLevel}`);
        }
        let inner: GoMapT = new Map();
        if (data.has(name)) inner = assertMap(data.get(name));
        const err = this.key(inner, level);
        if (err === null && inner.size === 0) return new GoErr(`key map ${goQuote(name)} has no value`);
        if (inner.size !== 0) put(data, name, inner);
        return err;
      }
    }
  }

  item(list: GoValue[], i: number, level: number): [GoValue[], GoErr | null] {
    if (i < 0) return [list, new GoErr(`negative ${i} index not allowed`)];
    const [k, last, err] = readUntil(this.buf, '[.=', true);
    if (k.length > 0) return [list, new GoErr(`unexpected data at end of array index: ${goQuote(k)}`)];
    if (err) return [list, err];
    switch (last) {
      case '=': {
        if (this.mode === 'json') {
          const [empty, berr] = this.blank();
          if (berr) return [list, berr];
          if (empty) return setIndex(list, i, null);
          const res = decodeJSONValue(this.buf.rest());
          if ('err' in res) return [list, new GoErr(res.err)];
          const [nl, serr] = setIndex(list, i, res.value);
          if (serr) return [nl, serr];
          this.buf.next(res.consumed);
          const [, e3] = this.blank();
          return [nl, e3];
        }
        const [vl, verr] = this.braceList();
        if (verr === null) return setIndex(list, i, vl);
        if (verr === EOF) return setIndex(list, i, '');
        if (verr === errNotList) {
          const [rs, e2] = this.rest();
          if (e2 && e2 !== EOF) return [list, e2];
          return setIndex(list, i, this.value(rs));
        }
        return [list, verr];
      }
      case '[': {
        const [j, ierr] = index(this.buf, true);
        if (ierr) return [list, new GoErr(`error parsing index: ${ierr.msg}`)];
        let sub: GoValue[] = [];
        if (list.length > i && list[i] !== null) sub = assertList(list[i]);
        const [ns, serr] = this.item(sub, j, level);
        if (serr) return [list, serr];
        return setIndex(list, i, ns);
      }
      default: {
        // '.'
        let inner: GoMapT = new Map();
        if (list.length > i) {
          const cur = list[i];
          if (cur instanceof Map && typeOf(cur) === 'map[string]interface {}') inner = cur;
          else list[i] = inner;
        }
        const kerr = this.key(inner, level);
        if (kerr) return [list, kerr];
        return setIndex(list, i, inner);
      }
    }
  }
}

class LiteralParser {
  constructor(readonly buf: RuneBuffer) {}

  run(dest: GoMapT): void {
    for (;;) {
      const err = this.key(dest, 0);
      if (err === null) continue;
      if (err === EOF) return;
      throw new StrvalsError(err.msg);
    }
  }

  all(): string {
    return readUntil(this.buf, '', false)[0];
  }

  key(data: GoMapT, level: number): GoErr | null {
    try {
      return this.keyInner(data, level);
    } catch (e) {
      if (e instanceof GoPanic) return new GoErr(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyInner(data: GoMapT, level: number): GoErr | null {
    const [name, last, rerr] = readUntil(this.buf, '=[.', false);
    if (rerr) {
      if (name.length === 0) return rerr;
      return new GoErr(`key ${goQuote(name)} has no value`);
    }
    switch (last) {
      case '=':
        put(data, name, this.all());
        return null;
      case '.': {
        level++;
        if (level > MaxNestedNameLevel) {
          return new GoErr(`value name nested level is greater than maximum supported nested level of ${MaxNestedNameLevel}`);
        }
        let inner: GoMapT = new Map();
        if (data.has(name)) inner = assertMap(data.get(name));
        const err = this.key(inner, level);
        if (err === null && inner.size === 0) return new GoErr(`key map ${goQuote(name)} has no value`);
        if (inner.size !== 0) put(data, name, inner);
        return err;
      }
      default: {
        const [i, ierr] = index(this.buf, false);
        if (ierr) return new GoErr(`error parsing index: ${ierr.msg}`);
        let list: GoValue[] = [];
        if (data.has(name)) list = assertList(data.get(name));
        const [nl, err] = this.item(list, i, level);
        put(data, name, nl);
        return err;
      }
    }
  }

  item(list: GoValue[], i: number, level: number): [GoValue[], GoErr | null] {
    if (i < 0) return [list, new GoErr(`negative ${i} index not allowed`)];
    const [k, last, err] = readUntil(this.buf, '[.=', false);
    if (k.length > 0) return [list, new GoErr(`unexpected data at end of array index: ${goQuote(k)}`)];
    if (err) return [list, err];
    switch (last) {
      case '=':
        return setIndex(list, i, this.all());
      case '.': {
        let inner: GoMapT = new Map();
        if (list.length > i) {
          const cur = list[i];
          if (cur instanceof Map && typeOf(cur) === 'map[string]interface {}') inner = cur;
          else list[i] = inner;
        }
        const kerr = this.key(inner, level);
        if (kerr) return [list, kerr];
        return setIndex(list, i, inner);
      }
      default: {
        const [j, ierr] = index(this.buf, false);
        if (ierr) return [list, new GoErr(`error parsing index: ${ierr.msg}`)];
        let sub: GoValue[] = [];
        if (list.length > i && list[i] !== null) sub = assertList(list[i]);
        const [ns, serr] = this.item(sub, j, level);
        if (serr) return [list, serr];
        return setIndex(list, i, ns);
      }
    }
  }
}

/** parseSet applies one --set argument to dest (Helm: strvals.ParseInto). */
export function parseSet(s: string, dest: GoMapT): void {
  new Parser(new RuneBuffer(s), 'typed').run(dest);
}

/** parseSetString applies one --set-string argument to dest (Helm: strvals.ParseIntoString). */
export function parseSetString(s: string, dest: GoMapT): void {
  new Parser(new RuneBuffer(s), 'string').run(dest);
}

/** parseSetJson applies one --set-json argument to dest (Helm: strvals.ParseJSON). */
export function parseSetJson(s: string, dest: GoMapT): void {
  new Parser(new RuneBuffer(s), 'json').run(dest);
}

/** parseSetFile applies one --set-file argument to dest; reader returns a file's content (Helm: strvals.ParseIntoFile). */
export function parseSetFile(s: string, dest: GoMapT, reader: RunesValueReader): void {
  new Parser(new RuneBuffer(s), 'file', reader).run(dest);
}

/** parseSetLiteral applies one --set-literal argument to dest (Helm: strvals.ParseLiteralInto). */
export function parseSetLiteral(s: string, dest: GoMapT): void {
  new LiteralParser(new RuneBuffer(s)).run(dest);
}

/** SetOptions lists the --set family flags in the order the user gave them, per flag. */
export interface SetOptions {
  setJson?: readonly string[];
  set?: readonly string[];
  setString?: readonly string[];
  setFile?: readonly string[];
  setLiteral?: readonly string[];
  /** Reads a --set-file path (required when setFile is non-empty). */
  readFile?: RunesValueReader;
}

/**
 * applySets applies the --set family to base in Helm's order (set-json, set, set-string,
 * set-file, set-literal) and throws StrvalsError with Helm's CLI message
 * (`failed parsing --set data: …`; --set-json's message carries the argument, not the cause).
 * Helm: pkg/cli/values/options.go MergeValues.
 */
export function applySets(base: GoMapT, o: SetOptions): void {
  for (const s of o.setJson ?? []) {
    try {
      parseSetJson(s, base);
    } catch (e) {
      if (e instanceof StrvalsError) throw new StrvalsError(`failed parsing --set-json data ${s}`);
      throw e;
    }
  }
  const steps: [readonly string[] | undefined, string, (s: string, d: GoMapT) => void][] = [
    [o.set, '--set', parseSet],
    [o.setString, '--set-string', parseSetString],
    [o.setFile, '--set-file', (s, d) => parseSetFile(s, d, o.readFile ?? ((p) => p))],
    [o.setLiteral, '--set-literal', parseSetLiteral],
  ];
  for (const [list, flag, fn] of steps) {
    for (const s of list ?? []) {
      try {
        fn(s, base);
      } catch (e) {
        if (e instanceof StrvalsError) throw new StrvalsError(`failed parsing ${flag} data: ${e.message}`);
        throw e;
      }
    }
  }
}

/** goQuote is Go's strconv.Quote (%q of a string). */
export function goQuote(s: string): string {
  return quote(s);
}

// ---- one JSON value, the way encoding/json's Decoder reads it ----

/** quoteChar formats a byte the way encoding/json's scanner does in errors. */
function quoteChar(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return '\'"\'';
  let c = ch.codePointAt(0)!;
  if (c >= 0x80) {
    // The scanner reports the first UTF-8 byte, printed as the rune with that value.
    if (c >= 0xdc80 && c <= 0xdcff) c = c - 0xdc00;
    else if (c < 0x800) c = 0xc0 | (c >> 6);
    else if (c < 0x10000) c = 0xe0 | (c >> 12);
    else c = 0xf0 | (c >> 18);
  }
  const q = goQuote(String.fromCodePoint(c));
  return "'" + q.slice(1, -1) + "'";
}

const maxJSONDepth = 10000;

/**
 * decodeJSONValue reads one JSON value from the start of s like json.Decoder.Decode into
 * an interface{}: it returns the value and how many UTF-16 units it consumed, or Go's error
 * text ("invalid character 'x' looking for beginning of value", "unexpected EOF").
 */
export function decodeJSONValue(s: string): { value: GoValue; consumed: number } | { err: string } {
  let i = 0;
  const n = s.length;
  const isWS = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const bad = (ctx: string): { err: string } => ({ err: `invalid character ${quoteChar(String.fromCodePoint(s.codePointAt(i)!))} ${ctx}` });
  const eof = { err: 'unexpected EOF' };
  while (i < n && isWS(s[i])) i++;
  if (i >= n) return { err: 'EOF' };
  const start = i;
  // Scan with an explicit stack of containers: 'o' object, 'a' array.
  const stack: ('ok' | 'ov' | 'a')[] = [];
  for (;;) {
    // Expect a value at i.
    while (i < n && isWS(s[i])) i++;
    if (i >= n) return eof;
    const c = s[i]!;
    let empty = false;
    if (c === '{' || c === '[') {
      if (stack.length >= maxJSONDepth) return { err: 'exceeded max depth' };
      i++;
      while (i < n && isWS(s[i])) i++;
      if (i >= n) return eof;
      if (c === '{') {
        if (s[i] === '}') {
          i++;
          empty = true;
        } else if (s[i] !== '"') {
          return bad('looking for beginning of object key string');
        } else {
          stack.push('ok');
          continue;
        }
      } else if (s[i] === ']') {
        i++;
        empty = true;
      } else {
        stack.push('a');
        continue;
      }
    } else if (c === '"') {
      const r = scanString();
      if (r) return r;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const r = scanNumber();
      if (r) return r;
    } else if (c === 't' || c === 'f' || c === 'n') {
      const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
      for (let k = 1; k < word.length; k++) {
        i++;
        if (i >= n) return eof;
        if (s[i] !== word[k]) return bad(`in literal ${word} (expecting '${word[k]}')`);
      }
      i++;
    } else {
      return bad('looking for beginning of value');
    }
    void empty;
    // After a value: close containers or continue.
    for (;;) {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        const text = s.slice(start, i);
        return { value: toGo(text), consumed: i };
      }
      while (i < n && isWS(s[i])) i++;
      if (i >= n) return eof;
      const d = s[i]!;
      if (top === 'ok') {
        if (d !== ':') return bad('after object key');
        i++;
        stack[stack.length - 1] = 'ov';
        break;
      }
      if (top === 'ov') {
        if (d === ',') {
          i++;
          while (i < n && isWS(s[i])) i++;
          if (i >= n) return eof;
          if (s[i] !== '"') return bad('looking for beginning of object key string');
          stack[stack.length - 1] = 'ok';
          break;
        }
        if (d === '}') {
          i++;
          stack.pop();
          continue;
        }
        return bad('after object key:value pair');
      }
      // array
      if (d === ',') {
        i++;
        break;
      }
      if (d === ']') {
        i++;
        stack.pop();
        continue;
      }
      return bad('after array element');
    }
  }

  function scanString(): { err: string } | null {
    i++;
    for (;;) {
      if (i >= n) return eof;
      const c = s[i]!;
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        i++;
        if (i >= n) return eof;
        const e = s[i]!;
        if ('"\\/bfnrt'.includes(e)) {
          i++;
          continue;
        }
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) {
            if (i >= n) return eof;
            if (!/[0-9a-fA-F]/.test(s[i]!)) return bad('in \\u hexadecimal character escape');
          }
          continue;
        }
        return bad('in string escape code');
      }
      if (c < ' ') return bad('in string literal');
      i++;
    }
  }

  function scanNumber(): { err: string } | null {
    if (s[i] === '-') {
      i++;
      if (i >= n) return eof;
      if (!(s[i]! >= '0' && s[i]! <= '9')) return bad('in numeric literal');
    }
    if (s[i] === '0') i++;
    else while (i < n && s[i]! >= '0' && s[i]! <= '9') i++;
    if (s[i] === '.') {
      i++;
      if (i >= n) return eof;
      if (!(s[i]! >= '0' && s[i]! <= '9')) return bad('after decimal point in numeric literal');
      while (i < n && s[i]! >= '0' && s[i]! <= '9') i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (i >= n) return eof;
      if (!(s[i]! >= '0' && s[i]! <= '9')) return bad('in exponent of numeric literal');
      while (i < n && s[i]! >= '0' && s[i]! <= '9') i++;
    }
    return null;
  }

  function toGo(text: string): GoValue {
    return fromParsedJSON(JSON.parse(text));
  }
}

function fromParsedJSON(j: unknown): GoValue {
  if (j === null) return null;
  switch (typeof j) {
    case 'boolean':
      return j;
    case 'string':
      // Go replaces an unpaired surrogate escape with U+FFFD.
      return j.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    case 'number':
      if (!Number.isFinite(j)) throw new GoPanic('json: number out of range');
      return j;
    case 'object': {
      if (Array.isArray(j)) return j.map(fromParsedJSON);
      const m = new Map<string, GoValue>();
      for (const k of Object.keys(j as object)) m.set(fromParsedJSON(k) as string, fromParsedJSON((j as Record<string, unknown>)[k]));
      return m;
    }
  }
  return null;
}

/** isGoSpace is unicode.IsSpace. */
export function isGoSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \x85\xA0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch);
}
