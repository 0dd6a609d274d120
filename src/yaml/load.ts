/**
 * Values in: sigs.k8s.io/yaml.Unmarshal as Helm uses it. go-yaml v2 decodes the first
 * document into interface{} (YAML 1.1 scalars, merge keys, aliases with go-yaml's
 * excessive-aliasing guard), sigs converts keys to strings (ints, floats as 'g'/32-bit,
 * bools), encoding/json marshals that (NaN fails, timestamps stay strings) and decodes
 * it again (every number becomes float64).
 *
 * Parsing uses the `yaml` package's composer with the failsafe schema (every scalar a
 * string, its style and tag kept); typing is ours (resolve.ts). Syntax errors are mapped
 * onto go-yaml's messages by heuristics (see goYamlSyntaxError): the common cases match,
 * rarer ones keep go-yaml's wording but may differ in the `line N:` part.
 */
import {
  type Document,
  type Node as YNodeAst,
  type YAMLError as PkgYamlError,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  Scalar,
} from 'yaml';
import { type GoValue, fromGoBytes } from '../template/value.js';
import { YamlError } from './errors.js';
import { formatFloat } from './float.js';
import { resolvePlain } from './resolve.js';

const maxDepth = 10000;

/** A decoded go-yaml value before the JSON round trip. Keys stay typed until stringified. */
type Raw =
  | { k: 'scalar'; v: null | boolean | string | number | bigint; unsigned?: boolean; float?: boolean }
  | { k: 'seq'; items: Raw[] }
  | { k: 'map'; entries: Map<string, Raw>; order: string[] }
  | { k: 'badkey'; msg: string };

/** LoadTarget is the Go type sigs.k8s.io/yaml decodes into. */
export type LoadTarget = 'interface' | 'map' | 'slice';

/**
 * yamlUnmarshal is sigs.k8s.io/yaml.Unmarshal(text, &target). Throws YamlError with
 * sigs's message (`error converting YAML to JSON: yaml: line 3: …`,
 * `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal …`).
 */
export function yamlUnmarshal(text: string, target: LoadTarget = 'interface', file?: string): GoValue {
  const raw = decodeFirstDocument(text, file);
  let v: GoValue;
  try {
    v = toJsonValue(raw, 0);
  } catch (e) {
    if (e instanceof ConvertError) throw new YamlError('error converting YAML to JSON: ' + e.message, file);
    throw e;
  }
  if (target === 'interface') return v;
  const want = target === 'map' ? 'map[string]interface {}' : '[]interface {}';
  // sigs.k8s.io/yaml: a null document leaves the map or slice as it was (empty, not nil).
  if (v === null) return target === 'map' ? new Map() : [];
  const ok = target === 'map' ? v instanceof Map : Array.isArray(v);
  if (!ok) {
    const what = v instanceof Map ? 'object' : Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number';
    throw new YamlError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${what} into Go value of type ${want}`,
      file,
    );
  }
  return v;
}

/**
 * loadValuesYaml reads a values file as Helm does (chartutil.ReadValues): a map; an empty
 * document gives an empty map. Errors are YamlError with sigs's message (Helm prefixes
 * `failed to parse FILE: `).
 */
export function loadValuesYaml(text: string, file?: string): GoValue {
  return yamlUnmarshal(text, 'map', file);
}

/** fromYaml is Helm's fromYaml: a map; on error the map holds key "Error" = err.Error(). */
export function fromYaml(text: string): Map<string, GoValue> {
  try {
    return yamlUnmarshal(text, 'map') as Map<string, GoValue>;
  } catch (e) {
    if (e instanceof YamlError) return new Map([['Error', e.message]]);
    throw e;
  }
}

/** fromYamlArray is Helm's fromYamlArray: a list; on error a list holding only err.Error(). */
export function fromYamlArray(text: string): GoValue[] {
  try {
    return yamlUnmarshal(text, 'slice') as GoValue[];
  } catch (e) {
    if (e instanceof YamlError) return [e.message];
    throw e;
  }
}

/** loadYamlDocuments decodes every document of a stream (each like yamlUnmarshal into interface{}). */
export function loadYamlDocuments(text: string): GoValue[] {
  const docs = parseAllDocuments(text, parseOptions);
  const list = Array.isArray(docs) ? docs : [];
  return list.map((d) => {
    if (d.errors.length) throw syntaxError(text, d.errors[0]!, undefined);
    return toJsonValue(new Decoder().decode(d.contents as YNodeAst | null, 0), 0);
  });
}

// ---------------------------------------------------------------- decoding (decode.go)

const parseOptions = {
  schema: 'failsafe',
  version: '1.1',
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  strict: false,
  keepSourceTokens: false,
} as const;

class ConvertError extends Error {}

function decodeFirstDocument(text: string, file: string | undefined): Raw | null {
  const depthErr = checkDepth(text);
  if (depthErr) throw new YamlError('error converting YAML to JSON: ' + depthErr, file);
  const docs = parseAllDocuments(text, parseOptions);
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (!doc) {
    // An empty stream; or only errors outside documents.
    const errs = (docs as unknown as { errors?: PkgYamlError[] }).errors;
    if (errs && errs.length) throw syntaxError(text, errs[0]!, file);
    return null;
  }
  if (doc.errors.length) throw syntaxError(text, doc.errors[0]!, file);
  try {
    return new Decoder().decode(doc.contents as YNodeAst | null, 0);
  } catch (e) {
    if (e instanceof ConvertError) throw new YamlError('error converting YAML to JSON: ' + e.message, file);
    throw e;
  }
}

/** Decoder mirrors yaml.v2's decoder: alias accounting, merge keys, typed keys. */
class Decoder {
  decodeCount = 0;
  aliasCount = 0;
  aliasDepth = 0;
  active = new Set<YNodeAst>();

  /** Go: decode.go allowedAliasRatio. */
  private allowedAliasRatio(n: number): number {
    if (n <= 400000) return 0.99;
    if (n >= 4000000) return 0.1;
    return 0.99 - 0.89 * ((n - 400000) / 3600000);
  }

  decode(n: YNodeAst | null | undefined, depth: number): Raw {
    return this.decodeNode(n, depth);
  }


  node(n: YNodeAst, depth: number): Raw {
    if (isAlias(n)) {
      const target = this.anchors.get(n.source);
      if (!target) throw new ConvertError(`yaml: unknown anchor '${n.source}' referenced`);
      if (this.active.has(target)) throw new ConvertError(`yaml: anchor '${n.source}' value contains itself`);
      this.active.add(target);
      this.aliasDepth++;
      try {
        return this.decodeNode(target, depth + 1);
      } finally {
        this.aliasDepth--;
        this.active.delete(target);
      }
    }
    if (n.anchor) this.anchors.set(n.anchor, n);
    if (isScalar(n)) return this.scalar(n);
    if (isSeq(n)) {
      const items: Raw[] = [];
      for (const it of n.items) items.push(this.decodeNode(it as YNodeAst | null, depth + 1));
      return { k: 'seq', items };
    }
    if (isMap(n)) {
      const out: Raw & { k: 'map' } = { k: 'map', entries: new Map(), order: [] };
      this.mapping(n.items as { key: unknown; value: unknown }[], out, depth);
      return out;
    }
    return { k: 'scalar', v: null };
  }

  anchors = new Map<string, YNodeAst>();

  decodeNode(n: YNodeAst | null | undefined, depth: number): Raw {
    if (depth > maxDepth) throw new ConvertError('yaml: exceeded max depth of 10000');
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > this.allowedAliasRatio(this.decodeCount)
    ) {
      throw new ConvertError('yaml: document contains excessive aliasing');
    }
    if (n === null || n === undefined) return { k: 'scalar', v: null };
    return this.node(n, depth);
  }

  mapping(items: { key: unknown; value: unknown }[], out: Raw & { k: 'map' }, depth: number): void {
    for (const pair of items) {
      const kn = pair.key as YNodeAst | null;
      if (kn && isScalar(kn) && kn.value === '<<' && kn.type === Scalar.PLAIN && !kn.tag) {
        this.merge(pair.value as YNodeAst | null, out, depth);
        continue;
      }
      const key = this.decodeNode(kn, depth + 1);
      const ks = keyString(key);
      const val = this.decodeNode(pair.value as YNodeAst | null, depth + 1);
      if (typeof ks !== 'string') {
        set(out, ks.key, { k: 'badkey', msg: ks.msg(val) });
        continue;
      }
      set(out, ks, val);
    }
  }

  /** merge is decoder.merge: a map, or a sequence of maps applied last to first. */
  merge(n: YNodeAst | null, out: Raw & { k: 'map' }, depth: number): void {
    const fail = (): never => {
      throw new ConvertError('yaml: map merge requires map or sequence of maps as the value');
    };
    let target = n;
    if (target && isAlias(target)) target = this.anchors.get(target.source) ?? null;
    if (target && isMap(target)) {
      const v = this.decodeNode(n, depth + 1);
      if (v.k !== 'map') fail();
      mergeInto(out, v as Raw & { k: 'map' });
      return;
    }
    if (target && isSeq(target)) {
      const items = target.items as (YNodeAst | null)[];
      for (let i = items.length - 1; i >= 0; i--) {
        let it = items[i] ?? null;
        if (it && isAlias(it)) it = this.anchors.get(it.source) ?? null;
        if (!it || !isMap(it)) fail();
        const v = this.decodeNode(items[i], depth + 1);
        if (v.k !== 'map') fail();
        mergeInto(out, v as Raw & { k: 'map' });
      }
      return;
    }
    fail();
  }

  scalar(n: Scalar): Raw {
    const value = String(n.value ?? '');
    const tag = n.tag;
    const plain = n.type === Scalar.PLAIN;
    if (!tag || tag === '!') {
      if (!plain || tag === '!') return { k: 'scalar', v: value };
      return resolvedRaw(value);
    }
    const short = tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice(18) : tag;
    switch (short) {
      case '!!str':
        return { k: 'scalar', v: value };
      case '!!binary': {
        const clean = value.replace(/[\s]/g, '');
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
          throw new ConvertError('yaml: !!binary value contains invalid base64 data');
        }
        return { k: 'scalar', v: fromGoBytes(Uint8Array.from(Buffer.from(clean, 'base64'))) };
      }
      case '!!int':
      case '!!float':
      case '!!bool':
      case '!!null':
      case '!!timestamp': {
        const r = resolvePlain(value);
        const rtag = r.tag === 'timestamp' ? 'str' : r.tag === 'merge' ? 'str' : r.tag;
        const want = short.slice(2);
        if (want === 'timestamp' && r.tag === 'timestamp') return { k: 'scalar', v: value };
        if (rtag === want) return resolvedRaw(value);
        if (want === 'float' && rtag === 'int') {
          const iv = r.value as number | bigint;
          return { k: 'scalar', v: Number(iv), float: true };
        }
        throw new ConvertError(`yaml: cannot decode !!${rtag} \`${value}\` as a ${short}`);
      }
      default:
        // Unknown tags: go-yaml keeps the text.
        return { k: 'scalar', v: value };
    }
  }
}

function resolvedRaw(value: string): Raw {
  const r = resolvePlain(value);
  switch (r.tag) {
    case 'bool':
    case 'null':
      return { k: 'scalar', v: r.value };
    case 'int':
      return { k: 'scalar', v: r.value, unsigned: r.unsigned };
    case 'float':
      return { k: 'scalar', v: r.value, float: true };
    default:
      // str, timestamps (strings in interface{}), merge text.
      return { k: 'scalar', v: value };
  }
}

function set(m: Raw & { k: 'map' }, key: string, v: Raw): void {
  if (!m.entries.has(key)) m.order.push(key);
  m.entries.set(key, v);
}

function mergeInto(out: Raw & { k: 'map' }, src: Raw & { k: 'map' }): void {
  for (const k of src.order) set(out, k, src.entries.get(k)!);
}

/**
 * keyString is sigs's key conversion: strings, ints (Itoa), floats ('g', 32-bit), bools;
 * other key types are an error (reported when the map is converted).
 */
function keyString(k: Raw): string | { key: string; msg: (v: Raw) => string } {
  if (k.k === 'scalar') {
    const v = k.v;
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'bigint' || (typeof v === 'number' && !k.float)) {
      if (k.unsigned) {
        const key = '\u0000uint:' + String(v);
        return { key, msg: (val) => `Unsupported map key of type: uint64, key: 0x${BigInt(v).toString(16)}, value: ${goSharpV(val)}` };
      }
      return String(v);
    }
    if (typeof v === 'number') {
      const s = formatFloat(Math.fround(v), 'g', 32);
      return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
    }
    return { key: '\u0000nil', msg: (val) => `Unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSharpV(val)}` };
  }
  return {
    key: '\u0000complex',
    msg: () => 'yaml: invalid map key',
  };
}

/** goSharpV approximates fmt's %+#v of a decoded value (used only in a rare error text). */
function goSharpV(v: Raw): string {
  if (v.k === 'scalar') {
    if (typeof v.v === 'string') return JSON.stringify(v.v);
    if (v.v === null) return '<nil>';
    return String(v.v);
  }
  return v.k === 'seq' ? '[]interface {}{…}' : 'map[interface {}]interface {}{…}';
}

/** toJsonValue is sigs's convertToJSONableObject + json.Marshal + json.Unmarshal into interface{}. */
function toJsonValue(r: Raw | null, depth: number): GoValue {
  if (r === null) return null;
  switch (r.k) {
    case 'scalar': {
      const v = r.v;
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'number') {
        if (Number.isNaN(v)) throw new ConvertError('json: unsupported value: NaN');
        if (!Number.isFinite(v)) throw new ConvertError('json: unsupported value: ' + (v > 0 ? '+Inf' : '-Inf'));
        return v === 0 ? 0 : v;
      }
      if (typeof v === 'string') return sanitizeUtf8(v);
      return v;
    }
    case 'seq':
      return r.items.map((x) => toJsonValue(x, depth + 1));
    case 'map': {
      const m = new Map<string, GoValue>();
      for (const k of r.order) {
        const val = r.entries.get(k)!;
        if (val.k === 'badkey') throw new ConvertError(val.msg);
        m.set(sanitizeUtf8(k), toJsonValue(val, depth + 1));
      }
      return m;
    }
    case 'badkey':
      throw new ConvertError(r.msg);
  }
}

/** sanitizeUtf8: json.Marshal writes invalid UTF-8 (escaped bytes) as U+FFFD. */
function sanitizeUtf8(s: string): string {
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length === 2 ? m : '\ufffd'));
}

// ---------------------------------------------------------------- errors

/** checkDepth is go-yaml's scanner limit on flow and block nesting (10,000), found before parsing. */
function checkDepth(text: string): string | undefined {
  let flow = 0;
  let line = 1;
  let inQ: string | null = null;
  const indents: number[] = [];
  let col = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      col = 0;
      atLineStart = true;
      if (inQ === "'" || inQ === '"') continue;
      continue;
    }
    if (inQ) {
      if (c === '\\' && inQ === '"') i++;
      else if (c === inQ) inQ = null;
      col++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (atLineStart && c !== ' ') {
      atLineStart = false;
      while (indents.length && indents[indents.length - 1]! >= col) indents.pop();
      indents.push(col);
    }
    if (c === '-' && (text[i + 1] === ' ') && !atLineStart && flow === 0) {
      // compact nested sequences "- - -" add one level each
      if (i > 0 && (text[i - 1] === ' ') ) indents.push(col + 1000000);
    }
    if (c === '"' || c === "'") inQ = c;
    else if (c === '[' || c === '{') {
      flow++;
      if (flow > maxDepth) return `yaml: line ${line}: exceeded max depth of ${maxDepth}`;
    } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
    if (indents.length > maxDepth) return `yaml: line ${line}: exceeded max depth of ${maxDepth}`;
    col++;
  }
  return undefined;
}

/**
 * syntaxError turns a `yaml` package error into go-yaml's message. go-yaml names a line
 * only when its mark is not on the first line: scanner errors as `line L` (1-based),
 * parser errors with the 0-based line of the offending token (yaml.v2 decode.go fail()).
 */
function syntaxError(text: string, e: PkgYamlError, file: string | undefined): YamlError {
  const lc = new LineCounter();
  let off = 0;
  for (;;) {
    lc.addNewLine(off);
    const nl = text.indexOf('\n', off);
    if (nl < 0) break;
    off = nl + 1;
  }
  const pos = e.pos[0];
  const lineIdx = (o: number): number => lc.linePos(o).line - 1;
  const eofLine = (): number => {
    // go-yaml's stream end forces a new line unless the text ends with one.
    const n = (text.match(/\r\n|\r|\n/g) ?? []).length;
    return text.length && !/[\r\n]$/.test(text) ? n + 1 : n;
  };
  const scanner = (idx: number, msg: string, ctxIdx = 0): string =>
    idx !== 0 ? `yaml: line ${idx + 1}: ${msg}` : ctxIdx !== 0 ? `yaml: line ${ctxIdx}: ${msg}` : `yaml: ${msg}`;
  const parser = (idx: number, msg: string): string => (idx !== 0 ? `yaml: line ${idx}: ${msg}` : `yaml: ${msg}`);
  let msg: string;
  const m = e.message;
  const src = text.slice(pos);
  switch (e.code) {
    case 'MISSING_CHAR':
      if (/quote/.test(m)) {
        // The scanner's mark at the end of the text (no forced new line here).
        msg = scanner((text.match(/\r\n|\r|\n/g) ?? []).length, 'found unexpected end of stream', lineIdx(pos));
      } else if (/Flow sequence/.test(m)) {
        msg = parser(eofLine(), "did not find expected ',' or ']'");
      } else if (/Flow map/.test(m)) {
        msg = parser(eofLine(), "did not find expected ',' or '}'");
      } else {
        msg = parser(lineIdx(pos), 'did not find expected key');
      }
      break;
    case 'TAB_AS_INDENT':
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN':
      if (e.code === 'UNEXPECTED_TOKEN' && !/^[\t@`]/.test(src)) {
        const prev = text.slice(0, pos);
        msg = /^\s*-/m.test(prev.split('\n').slice(-3).join('\n')) && /^\s*- /.test(prev.split('\n').filter((l) => l.trim())[0] ?? '')
          ? parser(lineIdx(pos), "did not find expected '-' indicator")
          : parser(lineIdx(pos), 'did not find expected key');
        break;
      }
      msg = scanner(lineIdx(pos), 'found character that cannot start any token');
      break;
    case 'BLOCK_IN_FLOW': {
      const open = Math.max(text.lastIndexOf('[', pos), text.lastIndexOf('{', pos));
      const close = text[open] === '{' ? '}' : ']';
      msg = parser(lineIdx(pos), `did not find expected ',' or '${close}'`);
      break;
    }
    case 'MULTILINE_IMPLICIT_KEY':
      msg = parser(lineIdx(pos), 'did not find expected key');
      break;
    case 'BLOCK_AS_IMPLICIT_KEY': {
      if (!/Nested mappings/.test(m)) {
        msg = parser(lineIdx(pos), 'did not find expected key');
        break;
      }
      // The offending ':' is the first mapping indicator after the node start.
      const re = /:(?=[ \t\r\n]|$)/g;
      re.lastIndex = pos;
      const r = re.exec(text);
      msg = scanner(lineIdx(r ? r.index : pos), 'mapping values are not allowed in this context');
      break;
    }
    case 'BAD_DQ_ESCAPE':
      msg = scanner(lineIdx(pos), 'found unknown escape character');
      break;
    case 'BAD_INDENT':
      if (/Flow sequence/.test(m)) msg = parser(eofLine(), "did not find expected ',' or ']'");
      else if (/Flow map/.test(m)) msg = parser(eofLine(), "did not find expected ',' or '}'");
      else msg = parser(lineIdx(pos), 'did not find expected key');
      break;
    default:
      msg = parser(lineIdx(pos), 'did not find expected key');
  }
  const lp = lc.linePos(pos);
  return new YamlError('error converting YAML to JSON: ' + msg, file, lp.line, lp.col);
}
