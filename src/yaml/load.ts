/**
 * Values in: sigs.k8s.io/yaml.Unmarshal as Helm uses it. go-yaml v2 parses the first
 * document (parser.ts/scanner.ts: go-yaml's own state machines, so syntax errors carry
 * go-yaml's exact text and line), decodes it into interface{} (decode.go: YAML 1.1
 * scalars, merge keys, aliases with the excessive-aliasing guard), sigs converts keys to
 * strings (ints, floats as 'g'/32-bit, bools), encoding/json marshals that (NaN fails)
 * and decodes it again (every number becomes float64, a float -0 stays -0, nesting
 * beyond 10,000 fails).
 *
 * go-yaml composes a node tree, then decodes it; StreamDecoder gets the same result
 * straight from the events (only anchored nodes, merge sequences and complex keys are
 * composed), which halves the work on big files. Everything is iterative (explicit
 * stacks), so a document nested to go-yaml's 10,000-level limit cannot overflow the
 * JavaScript stack.
 */
import { compareGoStrings } from '../template/fmt.js';
import { quote } from '../template/strconv.js';
import { type GoValue, fromGoBytes, goBytes } from '../template/value.js';
import { YamlError } from './errors.js';
import { formatFloat } from './float.js';
import { EventType, Parser, type YamlEvent } from './parser.js';
import { type Resolved, ResolveError, longTags, resolve } from './resolve.js';
import type { Mark } from './scanner.js';
import { YamlSyntaxError } from './scanner.js';

/** LoadTarget is the Go type sigs.k8s.io/yaml decodes into. */
export type LoadTarget = 'interface' | 'map' | 'slice';

/**
 * yamlUnmarshal is sigs.k8s.io/yaml.Unmarshal(text, &target). Throws YamlError with
 * sigs's message (`error converting YAML to JSON: yaml: line 3: …`,
 * `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal …`).
 */
export function yamlUnmarshal(text: string, target: LoadTarget = 'interface', file?: string): GoValue {
  let v: GoValue;
  try {
    const c = new Composer(inputBytes(text));
    const d = new Decoder();
    v = new StreamDecoder(c, d).decodeFirst();
    if (d.maxStack > maxJsonDepth) checkJsonDepth(v, file);
  } catch (e) {
    if (e instanceof GoYamlError) {
      throw new YamlError('error converting YAML to JSON: ' + e.message, file, e.line, e.column);
    }
    throw e;
  }
  if (target === 'interface') return v;
  const want = target === 'map' ? 'map[string]interface {}' : '[]interface {}';
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
  const out: GoValue[] = [];
  try {
    const c = new Composer(inputBytes(text));
    c.init();
    while (c.peek() === EventType.DOCUMENT_START) {
      const doc = c.document();
      out.push(new Decoder().decodeRoot(doc));
    }
  } catch (e) {
    if (e instanceof GoYamlError) throw new YamlError('error converting YAML to JSON: ' + e.message, undefined, e.line, e.column);
    throw e;
  }
  return out;
}

/** inputBytes is the Go byte string of text (escaped invalid bytes restored, see goBytes). */
function inputBytes(text: string): Uint8Array {
  return /[\uD800-\uDFFF]/.test(text) ? goBytes(text) : Buffer.from(text, 'utf8');
}

// ---------------------------------------------------------------- errors

/** GoYamlError is a failure inside yaml.Unmarshal or sigs's conversion: message is Go's err.Error(). */
class GoYamlError extends Error {
  constructor(
    message: string,
    readonly line = 0,
    readonly column = 0,
  ) {
    super(message);
  }
}

/** ComposeError is a failure while reading the node tree (syntax, unknown anchor): it wins over decode errors. */
class ComposeError extends GoYamlError {}

/** failf is yaml.v2's failf: a `yaml: ` error. */
function failf(msg: string): never {
  throw new GoYamlError('yaml: ' + msg);
}

// ---------------------------------------------------------------- node tree (decode.go parser)

const enum Kind {
  Document = 1,
  Mapping = 2,
  Sequence = 4,
  Scalar = 8,
  Alias = 16,
}

/** YNode is decode.go's node. */
interface YNode {
  kind: Kind;
  tag: string;
  value: string;
  implicit: boolean;
  children: YNode[];
  alias: YNode | undefined;
}

function newNode(kind: Kind, e: YamlEvent): YNode {
  return {
    kind,
    tag: e.tag,
    value: e.value,
    implicit: e.implicit,
    children: kind === Kind.Scalar || kind === Kind.Alias ? noChildren : [],
    alias: undefined,
  };
}
const noChildren: YNode[] = [];

const eventNames: Record<number, string> = {
  [EventType.NO_EVENT]: 'none',
  [EventType.STREAM_START]: 'stream start',
  [EventType.STREAM_END]: 'stream end',
  [EventType.DOCUMENT_START]: 'document start',
  [EventType.DOCUMENT_END]: 'document end',
  [EventType.ALIAS]: 'alias',
  [EventType.SCALAR]: 'scalar',
  [EventType.SEQUENCE_START]: 'sequence start',
  [EventType.SEQUENCE_END]: 'sequence end',
  [EventType.MAPPING_START]: 'mapping start',
  [EventType.MAPPING_END]: 'mapping end',
};

/** Composer is decode.go's parser type: events into a node tree, anchors resolved on the way. */
class Composer {
  private p: Parser;
  private event: YamlEvent | undefined;
  /** The document's anchors (decode.go doc.anchors): the latest node of each name. */
  anchors = new Map<string, YNode>();
  private doneInit = false;

  constructor(input: Uint8Array) {
    this.p = new Parser(input);
  }

  private next(): YamlEvent {
    try {
      const e = this.p.parse();
      if (!e) return { typ: EventType.NO_EVENT } as YamlEvent;
      return e;
    } catch (err) {
      if (err instanceof YamlSyntaxError) {
        const m: Mark | undefined = err.problemMark ?? err.contextMark;
        throw new ComposeError('yaml: ' + err.goMessage(), m ? m.line + 1 : 0, m ? m.column + 1 : 0);
      }
      throw err;
    }
  }

  /** peek returns the type of the next event without consuming it. */
  peek(): EventType {
    if (!this.event) this.event = this.next();
    return this.event.typ;
  }

  /** take consumes the next event. */
  take(): YamlEvent {
    const e = this.event ?? this.next();
    this.event = undefined;
    return e;
  }

  expect(t: EventType): YamlEvent {
    const e = this.event ?? this.next();
    if (e.typ === EventType.STREAM_END) throw new ComposeError('yaml: attempted to go past the end of stream; corrupted value?');
    if (e.typ !== t) throw new ComposeError(`yaml: expected ${eventNames[t]} event but got ${eventNames[e.typ]}`);
    this.event = undefined;
    return e;
  }

  init(): void {
    if (this.doneInit) return;
    this.expect(EventType.STREAM_START);
    this.doneInit = true;
  }

  document(): YNode {
    const start = this.expect(EventType.DOCUMENT_START);
    const n = newNode(Kind.Document, start);
    this.anchors = new Map();
    n.children = [this.node()];
    this.expect(EventType.DOCUMENT_END);
    return n;
  }

  /** alias resolves an alias event (decode.go parser.alias): unknown anchors fail. */
  alias(e: YamlEvent): YNode {
    const n = newNode(Kind.Alias, e);
    n.value = e.anchor;
    n.tag = '';
    n.alias = this.anchors.get(e.anchor);
    if (!n.alias) throw new ComposeError(`yaml: unknown anchor '${e.anchor}' referenced`);
    return n;
  }

  /** node composes one node and its children, iteratively (first: an event already taken). */
  node(first?: YamlEvent): YNode {
    const stack: YNode[] = [];
    for (;;) {
      const e = first ?? this.take();
      first = undefined;
      let n: YNode;
      switch (e.typ) {
        case EventType.SCALAR:
          n = newNode(Kind.Scalar, e);
          if (e.anchor) this.anchors.set(e.anchor, n);
          break;
        case EventType.ALIAS:
          n = this.alias(e);
          break;
        case EventType.SEQUENCE_START:
        case EventType.MAPPING_START:
          n = newNode(e.typ === EventType.SEQUENCE_START ? Kind.Sequence : Kind.Mapping, e);
          if (e.anchor) this.anchors.set(e.anchor, n);
          if (stack.length) stack[stack.length - 1]!.children.push(n);
          stack.push(n);
          continue;
        case EventType.SEQUENCE_END:
        case EventType.MAPPING_END: {
          const done = stack.pop()!;
          if (stack.length === 0) return done;
          continue;
        }
        default:
          throw new ComposeError('yaml: attempted to parse unknown event: ' + eventNames[e.typ]);
      }
      if (stack.length === 0) return n;
      stack[stack.length - 1]!.children.push(n);
    }
  }
}

// ---------------------------------------------------------------- decoding (decode.go decoder)

/** Pending wraps the generator that decodes a collection; the driver runs it. */
class Pending {
  constructor(readonly g: Generator<Pending, GoValue, GoValue>) {}
}

/** SigsBadKey marks a map entry sigs cannot convert (reported after decoding, as sigs does). */
class SigsBadKey {
  constructor(
    readonly msg: () => string,
    /** The entry's value (for %#v of an enclosing map). */
    readonly v: GoValue,
  ) {}
}

/** NonFinite marks a NaN/±Inf float that json.Marshal will reject. */
class NonFinite {
  constructor(readonly v: number) {}
}

const notGo = (x: SigsBadKey | NonFinite): GoValue => x as unknown as GoValue;

/** Go: decode.go allowedAliasRatio. */
function allowedAliasRatio(n: number): number {
  if (n <= 400000) return 0.99;
  if (n >= 4000000) return 0.1;
  return 0.99 - 0.89 * ((n - 400000) / 3600000);
}

function isMerge(n: YNode): boolean {
  return n.kind === Kind.Scalar && n.value === '<<' && (n.implicit || n.tag === longTags.merge);
}

function failWantMap(): never {
  failf('map merge requires map or sequence of maps as the value');
}

/** ScalarLike is what decoding a scalar needs (a scalar node or its event). */
interface ScalarLike {
  tag: string;
  value: string;
  implicit: boolean;
}

/** A decoded key: its sigs string, or the error sigs gives for it. */
type KeyRes = string | { internal: string; msg: (v: string) => string };

class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private active = new Set<YNode>();
  private badKeys = 0;
  private nonFinite = 0;
  /** The deepest decoding stack seen: a bound on the JSON nesting depth. */
  maxStack = 0;

  /** decodeRoot decodes a document (or node) and applies sigs's JSON round trip checks. */
  decodeRoot(n: YNode): GoValue {
    return this.finish(this.run(this.unmarshal(n, null)));
  }

  /** finish applies sigs's conversion checks (bad keys, then NaN/Inf) to a decoded value. */
  finish(v: GoValue): GoValue {
    if (this.badKeys) findSentinel(v, SigsBadKey);
    if (this.nonFinite) findSentinel(v, NonFinite);
    return v;
  }

  /** Nesting depth of the caller when it runs a subtree (for the JSON depth bound). */
  baseDepth = 0;

  /** decodeNode decodes a composed subtree into interface{} (or, merging, into out). */
  decodeNode(n: YNode, out: Map<string, GoValue> | null, depth: number): GoValue {
    this.baseDepth = depth;
    return this.run(this.unmarshal(n, out));
  }

  /** mergeNode is decoder.merge of a composed value into out. */
  mergeNode(n: YNode, out: Map<string, GoValue>, depth: number): void {
    this.baseDepth = depth;
    this.run(new Pending(this.merge(n, out)));
  }

  /** keyNode is a mapping key through decoding and sigs's conversion (a composed node). */
  keyNode(kn: YNode, depth: number): KeyRes {
    if (kn.kind === Kind.Scalar) {
      this.count();
      return this.keyOf(kn);
    }
    if (kn.kind === Kind.Alias && kn.alias!.kind === Kind.Scalar) {
      this.count();
      this.aliasDepth++;
      this.count();
      this.aliasDepth--;
      return this.keyOf(kn.alias!);
    }
    this.decodeNode(kn, null, depth);
    failf(`invalid map key: ${this.sharpNode(kn)}`);
  }

  /** badKey stores an entry sigs will reject (reported after decoding). */
  badKey(m: Map<string, GoValue>, key: Exclude<KeyRes, string>, vn: () => string, v: GoValue): void {
    this.badKeys++;
    m.set(key.internal, notGo(new SigsBadKey(() => key.msg(vn()), v)));
  }

  private run(r: GoValue | Pending): GoValue {
    if (!(r instanceof Pending)) {
      if (this.baseDepth > this.maxStack) this.maxStack = this.baseDepth;
      return r;
    }
    const stack: Generator<Pending, GoValue, GoValue>[] = [r.g];
    let send: GoValue = null;
    while (stack.length) {
      const it = stack[stack.length - 1]!.next(send);
      if (it.done) {
        stack.pop();
        send = it.value;
      } else {
        stack.push(it.value.g);
        if (this.baseDepth + stack.length > this.maxStack) this.maxStack = this.baseDepth + stack.length;
        send = null;
      }
    }
    return send;
  }

  /** count is decoder.unmarshal's accounting (decodeCount, aliasCount, the aliasing ratio guard). */
  count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      failf('document contains excessive aliasing');
    }
  }

  /** unmarshal is decoder.unmarshal into an interface{} (or, for merges, into the map out). */
  private unmarshal(n: YNode, out: Map<string, GoValue> | null): GoValue | Pending {
    this.count();
    switch (n.kind) {
      case Kind.Scalar:
        return this.scalar(n);
      case Kind.Mapping:
        return new Pending(this.mapping(n, out));
      case Kind.Sequence:
        return new Pending(this.sequence(n));
      case Kind.Alias:
        return new Pending(this.alias(n, out));
      case Kind.Document:
        return n.children.length === 1 ? this.unmarshal(n.children[0]!, out) : null;
    }
  }

  private *alias(n: YNode, out: Map<string, GoValue> | null): Generator<Pending, GoValue, GoValue> {
    if (this.active.has(n)) failf(`anchor '${n.value}' value contains itself`);
    this.active.add(n);
    this.aliasDepth++;
    const r = this.unmarshal(n.alias!, out);
    const v = r instanceof Pending ? yield r : r;
    this.aliasDepth--;
    this.active.delete(n);
    return v;
  }

  private *sequence(n: YNode): Generator<Pending, GoValue, GoValue> {
    const out: GoValue[] = [];
    for (const c of n.children) {
      const r = this.unmarshal(c, null);
      out.push(r instanceof Pending ? yield r : r);
    }
    return out;
  }

  private *mapping(n: YNode, into: Map<string, GoValue> | null): Generator<Pending, GoValue, GoValue> {
    const m = into ?? new Map<string, GoValue>();
    const ch = n.children;
    for (let i = 0; i + 1 < ch.length; i += 2) {
      const kn = ch[i]!;
      const vn = ch[i + 1]!;
      if (isMerge(kn)) {
        yield new Pending(this.merge(vn, m));
        continue;
      }
      let key: KeyRes;
      if (kn.kind === Kind.Scalar) {
        this.count();
        key = this.keyOf(kn);
      } else if (kn.kind === Kind.Alias && kn.alias!.kind === Kind.Scalar) {
        this.count();
        this.aliasDepth++;
        this.count();
        this.aliasDepth--;
        key = this.keyOf(kn.alias!);
      } else {
        const r = this.unmarshal(kn, null);
        const kv = r instanceof Pending ? yield r : r;
        if (kv instanceof Map || Array.isArray(kv)) failf(`invalid map key: ${this.sharpNode(kn)}`);
        key = typeof kv === 'string' ? kv : String(kv);
      }
      const vr = this.unmarshal(vn, null);
      const v = vr instanceof Pending ? yield vr : vr;
      if (typeof key === 'string') {
        m.set(key, v);
      } else {
        this.badKeys++;
        const k = key;
        m.set(key.internal, notGo(new SigsBadKey(() => k.msg(this.sharpNode(vn)), v)));
      }
    }
    return m;
  }

  /** merge is decoder.merge: a map, an alias of one, or a sequence of them applied last to first. */
  private *merge(n: YNode, out: Map<string, GoValue>): Generator<Pending, GoValue, GoValue> {
    switch (n.kind) {
      case Kind.Mapping: {
        const r = this.unmarshal(n, out);
        if (r instanceof Pending) yield r;
        return null;
      }
      case Kind.Alias: {
        if (n.alias && n.alias.kind !== Kind.Mapping) failWantMap();
        const r = this.unmarshal(n, out);
        if (r instanceof Pending) yield r;
        return null;
      }
      case Kind.Sequence:
        for (let i = n.children.length - 1; i >= 0; i--) {
          const ni = n.children[i]!;
          if (ni.kind === Kind.Alias) {
            if (ni.alias && ni.alias.kind !== Kind.Mapping) failWantMap();
          } else if (ni.kind !== Kind.Mapping) {
            failWantMap();
          }
          const r = this.unmarshal(ni, out);
          if (r instanceof Pending) yield r;
        }
        return null;
      default:
        failWantMap();
    }
  }

  /**
   * sharpNode formats go-yaml's decoded value of n as fmt's %#v (%+#v) does:
   * map[interface {}]interface {}{…} with fmt's key order, []interface {}{…}, uint64 in hex.
   * Used only in rare error texts; bounded in depth.
   */
  sharpNode(n: YNode, top = true): string {
    type Ent = { ks: string; rank: number; sortKey: number | bigint | string; v: YNode };
    const scalarOf = (x: YNode): { s: string; rank: number; sortKey: number | bigint | string } => {
      if (x.tag === '' && !x.implicit) return { s: quote(x.value), rank: 5, sortKey: x.value };
      let r: Resolved;
      try {
        r = x.tag === longTags.binary ? { tag: 'str', value: x.value } : resolve(x.tag, x.value);
      } catch {
        r = { tag: 'str', value: x.value };
      }
      switch (r.tag) {
        case 'null':
          return { s: 'interface {}(nil)', rank: 0, sortKey: 0 };
        case 'bool':
          return { s: String(r.value), rank: 1, sortKey: r.value ? 1 : 0 };
        case 'int':
          if (r.unsigned) return { s: '0x' + BigInt(r.value).toString(16), rank: 3, sortKey: BigInt(r.value) };
          return { s: String(r.value), rank: 2, sortKey: r.value };
        case 'float':
          return { s: formatFloat(r.value, 'g'), rank: 4, sortKey: r.value };
        default:
          return { s: quote(x.value), rank: 5, sortKey: x.value };
      }
    };
    const rec = (x0: YNode, depth: number, isTop: boolean): string => {
      if (depth > 100) return '…';
      const x = x0.kind === Kind.Alias ? x0.alias! : x0;
      if (x.kind === Kind.Sequence) return '[]interface {}{' + x.children.map((c) => rec(c, depth + 1, false)).join(', ') + '}';
      if (x.kind === Kind.Mapping) {
        const m = new Map<string, Ent>();
        const addMap = (mn: YNode, d: number): void => {
          if (d > 100) return;
          for (let i = 0; i + 1 < mn.children.length; i += 2) {
            const k = mn.children[i]!;
            const v = mn.children[i + 1]!;
            if (isMerge(k)) {
              const t = v.kind === Kind.Alias ? v.alias! : v;
              if (t.kind === Kind.Mapping) addMap(t, d + 1);
              else if (t.kind === Kind.Sequence) {
                for (let j = t.children.length - 1; j >= 0; j--) {
                  const e = t.children[j]!;
                  addMap(e.kind === Kind.Alias ? e.alias! : e, d + 1);
                }
              }
              continue;
            }
            const kk = k.kind === Kind.Alias ? k.alias! : k;
            const sc = kk.kind === Kind.Scalar ? scalarOf(kk) : { s: rec(kk, depth + 1, false), rank: 6, sortKey: '' };
            m.set(sc.rank + ':' + sc.s, { ks: sc.s, rank: sc.rank, sortKey: sc.sortKey, v });
          }
        };
        addMap(x, depth);
        const entries = [...m.values()].sort((a, b) => {
          if (a.rank !== b.rank) return a.rank - b.rank;
          return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
        });
        return 'map[interface {}]interface {}{' + entries.map((e) => e.ks + ':' + rec(e.v, depth + 1, false)).join(', ') + '}';
      }
      const sc = scalarOf(x);
      return sc.rank === 0 && isTop ? '<nil>' : sc.s;
    };
    return rec(n, 0, top);
  }

  /** resolveNode is decoder.scalar's typing: resolve(tag, value) with go-yaml's failf. */
  private resolveNode(n: ScalarLike): Resolved {
    try {
      return resolve(n.tag, n.value);
    } catch (e) {
      if (e instanceof ResolveError) failf(e.message);
      throw e;
    }
  }

  /** scalar is decoder.scalar into interface{}, then the JSON round trip of the value. */
  scalar(n: ScalarLike): GoValue {
    if (n.tag === '' && !n.implicit) return n.value;
    if (n.tag === '') {
      // Fast path: text go-yaml's resolve table gives no hint for is a string.
      const c = n.value.charCodeAt(0);
      if (
        c > 0x7e ||
        (c >= 0x61 && !(c === 0x79 || c === 0x6e || c === 0x74 || c === 0x66 || c === 0x6f || c === 0x7e)) ||
        (c >= 0x41 && c <= 0x5a && !(c === 0x59 || c === 0x4e || c === 0x54 || c === 0x46 || c === 0x4f))
      ) {
        return n.value;
      }
    }
    if (n.tag === longTags.binary) return sanitizeUtf8(fromGoBytes(decodeBinary(n.value)));
    if (n.tag === '' && decimalInt.test(n.value)) return Number(n.value);
    const r = this.resolveNode(n);
    switch (r.tag) {
      case 'null':
        return null;
      case 'bool':
        return r.value;
      case 'int':
        return Number(r.value);
      case 'float':
        if (!Number.isFinite(r.value)) {
          this.nonFinite++;
          return notGo(new NonFinite(r.value));
        }
        return r.value;
      case 'timestamp':
        return n.value;
      default:
        return r.value as string;
    }
  }

  /** keyOf is a scalar key through decoder.scalar and sigs's key conversion. */
  keyOf(n: ScalarLike): KeyRes {
    if (n.tag === '' && !n.implicit) return n.value;
    if (n.tag === longTags.binary) return sanitizeUtf8(fromGoBytes(decodeBinary(n.value)));
    const r = this.resolveNode(n);
    switch (r.tag) {
      case 'null':
        return { internal: '\u0000nil', msg: (v) => `Unsupported map key of type: %!s(<nil>), key: <nil>, value: ${v}` };
      case 'bool':
        return r.value ? 'true' : 'false';
      case 'int':
        if (r.unsigned) {
          const u = BigInt(r.value);
          return {
            internal: '\u0000uint:' + u.toString(),
            msg: (v) => `Unsupported map key of type: uint64, key: 0x${u.toString(16)}, value: ${v}`,
          };
        }
        return String(r.value);
      case 'float': {
        const s = formatFloat(Math.fround(r.value), 'g', 32);
        return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
      }
      case 'timestamp':
        return n.value;
      default:
        return r.value as string;
    }
  }
}

/** Frame is an open collection while streaming: a sequence, or a map (with its pending key). */
interface Frame {
  seq: GoValue[] | null;
  map: Map<string, GoValue> | null;
  /** The decoded key waiting for its value (maps). */
  key: KeyRes | undefined;
  /** The next node is the value of a `<<` merge key. */
  merge: boolean;
  /** This mapping is a merge value: its entries go into the parent's map. */
  into: boolean;
}

function isMergeEvent(e: YamlEvent): boolean {
  return e.value === '<<' && (e.implicit || e.tag === longTags.merge);
}

/**
 * StreamDecoder decodes the first document straight from the parser's events without
 * building the whole node tree (go-yaml composes the document, then decodes it; the
 * result and the accounting are the same because both walk the document in order).
 * Anchored nodes, merge sequences, complex keys and values of keys sigs rejects are
 * composed and decoded through Decoder, as go-yaml does. A decode error is held until
 * the document has been read: go-yaml reports syntax errors (found while composing) first.
 */
class StreamDecoder {
  private held: GoYamlError | undefined;

  constructor(
    private c: Composer,
    private d: Decoder,
  ) {}

  /** decodeFirst is yaml.Unmarshal's parse + decode of the first document (null when empty). */
  decodeFirst(): GoValue {
    const c = this.c;
    c.init();
    if (c.peek() === EventType.STREAM_END) return null;
    c.expect(EventType.DOCUMENT_START);
    c.anchors = new Map();
    this.guard(() => this.d.count()); // the document node
    const v = this.held ? this.skip([]) : this.node();
    c.expect(EventType.DOCUMENT_END);
    if (this.held) throw this.held;
    return this.d.finish(v);
  }

  /** guard runs a decoding step; a decode error is held (syntax errors pass through). */
  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      if (e instanceof ComposeError || !(e instanceof GoYamlError)) throw e;
      this.held ??= e;
    }
  }

  /** skip reads the rest of the node (open frames given) for syntax and anchor errors only. */
  private skip(stack: unknown[]): GoValue {
    const c = this.c;
    let depth = stack.length;
    for (;;) {
      const e = c.take();
      switch (e.typ) {
        case EventType.SEQUENCE_START:
        case EventType.MAPPING_START:
          if (e.anchor) c.anchors.set(e.anchor, newNode(e.typ === EventType.SEQUENCE_START ? Kind.Sequence : Kind.Mapping, e));
          depth++;
          continue;
        case EventType.SEQUENCE_END:
        case EventType.MAPPING_END:
          depth--;
          break;
        case EventType.SCALAR:
          if (e.anchor) c.anchors.set(e.anchor, newNode(Kind.Scalar, e));
          break;
        case EventType.ALIAS:
          c.alias(e);
          break;
        default:
          throw new ComposeError('yaml: attempted to parse unknown event: ' + eventNames[e.typ]);
      }
      if (depth === 0) return null;
    }
  }

  private node(): GoValue {
    const c = this.c;
    const d = this.d;
    const stack: Frame[] = [];
    let root: GoValue = null;
    let done = false;
    const deliver = (v: GoValue): void => {
      const top = stack[stack.length - 1];
      if (!top) {
        root = v;
        done = true;
      } else if (top.seq) {
        top.seq.push(v);
      } else {
        const k = top.key!;
        top.key = undefined;
        if (typeof k === 'string') top.map!.set(k, v);
      }
    };
    const push = (f: Frame): void => {
      stack.push(f);
      if (stack.length > d.maxStack) d.maxStack = stack.length;
    };
    const newFrame = (typ: EventType, into: Map<string, GoValue> | null): Frame => ({
      seq: typ === EventType.SEQUENCE_START ? [] : null,
      map: typ === EventType.MAPPING_START ? (into ?? new Map()) : null,
      key: undefined,
      merge: false,
      into: into !== null,
    });
    while (!done) {
      // After a decode error only the syntax matters: read the rest of the root node.
      if (this.held) return stack.length ? this.skip(stack) : null;
      const e = c.take();
      const top = stack[stack.length - 1];
      const t = e.typ;
      if (t === EventType.SEQUENCE_END || t === EventType.MAPPING_END) {
        const f = stack.pop()!;
        if (f.into) stack[stack.length - 1]!.merge = false;
        else deliver(f.seq ?? f.map);
        continue;
      }
      if (t !== EventType.SCALAR && t !== EventType.ALIAS && t !== EventType.SEQUENCE_START && t !== EventType.MAPPING_START) {
        throw new ComposeError('yaml: attempted to parse unknown event: ' + eventNames[t]);
      }
      const depth = stack.length;
      if (top?.map && top.key === undefined && !top.merge) {
        // A mapping key.
        if (t === EventType.SCALAR) {
          if (e.anchor) c.anchors.set(e.anchor, newNode(Kind.Scalar, e));
          if (isMergeEvent(e)) {
            top.merge = true;
            continue;
          }
          this.guard(() => {
            d.count();
            top.key = d.keyOf(e);
          });
        } else {
          const n = t === EventType.ALIAS ? c.alias(e) : c.node(e);
          this.guard(() => {
            top.key = d.keyNode(n, depth);
          });
        }
        continue;
      }
      if (top?.map && top.merge) {
        // The value of a merge key: decoder.merge.
        const into = top.map;
        if (t === EventType.MAPPING_START && !e.anchor) {
          const f = newFrame(t, into);
          push(f);
          this.guard(() => d.count());
          continue;
        }
        if (t === EventType.SCALAR) {
          if (e.anchor) c.anchors.set(e.anchor, newNode(Kind.Scalar, e));
          this.guard(() => failWantMap());
          continue;
        }
        const n = t === EventType.ALIAS ? c.alias(e) : c.node(e);
        this.guard(() => d.mergeNode(n, into, depth));
        top.merge = false;
        continue;
      }
      if (top?.map && typeof top.key !== 'string') {
        // The value of a key sigs rejects: composed, for the error text.
        const k = top.key!;
        top.key = undefined;
        const n = t === EventType.ALIAS ? c.alias(e) : c.node(e);
        const m = top.map;
        this.guard(() => d.badKey(m, k, () => d.sharpNode(n), d.decodeNode(n, null, depth)));
        continue;
      }
      // A value: the document's node, a sequence item, or a mapping value.
      switch (t) {
        case EventType.SCALAR: {
          if (e.anchor) c.anchors.set(e.anchor, newNode(Kind.Scalar, e));
          let v: GoValue = null;
          this.guard(() => {
            d.count();
            v = d.scalar(e);
          });
          if (!this.held) deliver(v);
          break;
        }
        case EventType.ALIAS: {
          const n = c.alias(e);
          let v: GoValue = null;
          this.guard(() => {
            v = d.decodeNode(n, null, depth);
          });
          if (!this.held) deliver(v);
          break;
        }
        default: {
          if (e.anchor) {
            const n = c.node(e);
            let v: GoValue = null;
            this.guard(() => {
              v = d.decodeNode(n, null, depth);
            });
            if (!this.held) deliver(v);
          } else {
            push(newFrame(t, null));
            this.guard(() => d.count());
          }
        }
      }
    }
    return root;
  }
}

/** A plain decimal int that is exact as a float64 (and no timestamp): the common case, typed directly. */
const decimalInt = /^-?[1-9][0-9]{0,14}$/;

/** Go: encoding/json's scanner maxNestingDepth. */
const maxJsonDepth = 10000;

/**
 * checkJsonDepth is the nesting limit of encoding/json's decoder on sigs's JSON text:
 * the first container (in json.Marshal order: map keys sorted) deeper than 10,000 fails.
 */
function checkJsonDepth(root: GoValue, file: string | undefined): void {
  const stack: GoValue[] = [root];
  const depths: number[] = [0];
  while (stack.length) {
    const v = stack.pop()!;
    const depth = depths.pop()! + 1;
    if (v instanceof Map || Array.isArray(v)) {
      if (depth > maxJsonDepth) {
        throw new YamlError(
          `error unmarshaling JSON: while decoding JSON: invalid character '${v instanceof Map ? '{' : '['}' exceeded max depth`,
          file,
        );
      }
      const items = v instanceof Map ? [...v.keys()].sort(compareGoStrings).map((k) => v.get(k)!) : v;
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push(items[i]!);
        depths.push(depth);
      }
    }
  }
}

/** decodeBinary is base64.StdEncoding.DecodeString (line breaks ignored, padding required). */
function decodeBinary(s: string): Uint8Array {
  const clean = s.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    failf('!!binary value contains invalid base64 data');
  }
  return Uint8Array.from(Buffer.from(clean, 'base64'));
}

/** findSentinel walks the decoded tree (document order) and throws the first marker of kind k. */
function findSentinel(root: GoValue, k: typeof SigsBadKey | typeof NonFinite): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v instanceof k) {
      const msg =
        v instanceof SigsBadKey
          ? v.msg()
          : 'json: unsupported value: ' + (Number.isNaN((v as NonFinite).v) ? 'NaN' : (v as NonFinite).v > 0 ? '+Inf' : '-Inf');
      throw new GoYamlError(msg);
    }
    if (v instanceof Map) {
      const vals = [...v.values()];
      for (let i = vals.length - 1; i >= 0; i--) stack.push(vals[i]);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    }
  }
}

/** sanitizeUtf8: json.Marshal writes invalid UTF-8 (escaped bytes) as U+FFFD. */
function sanitizeUtf8(s: string): string {
  if (!/[\uD800-\uDFFF]/.test(s)) return s;
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (m) => (m.length === 2 ? m : '\ufffd'));
}
