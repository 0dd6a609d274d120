/**
 * toYamlPretty: later Helm's toYamlPretty, gopkg.in/yaml.v3's Encoder with SetIndent(2)
 * writing Go values directly (no JSON round trip, unlike toYaml), trailing newline trimmed,
 * "" on an encoder error.
 *
 * The encoder part follows yaml.v3's encode.go (marshal, stringv with v3's YAML 1.2 resolver
 * plus quoting of YAML 1.1 booleans and base-60 floats, structs as lowercased field names,
 * invalid UTF-8 as !!binary) and sorter.go (v3's key order); the emitter is a port of the
 * parts of yaml.v3's emitterc.go that block output of plain data reaches. It differs from
 * yaml.v2's (emit.ts) in: sequences are indented under their key, no folding of long lines
 * (best_width is unlimited), tabs forbid plain and single-quoted style, write_indent no
 * longer sets `indention`, a literal block does not start with an extra break.
 */
import {
  GoComplex,
  GoFuncError,
  GoFloat32,
  GoInt,
  GoSlice,
  GoStruct,
  GoTime,
  goBytes,
  hasEscapedBytes,
  isGoFunc,
  typeOf,
  type GoValue,
} from '../template/value.js';
import { isBase60Float, isBlankz, isBreak, isPrintable, utf8Len } from './emit.js';
import { formatFloat } from './float.js';
import { base64Std, formatRFC3339Nano } from './json.js';

// ---------------------------------------------------------------- the node tree

type Style = 'plain' | 'single' | 'double' | 'literal';

/** Y3Node is what the encoder hands the emitter: scalars with a requested style, collections. */
type Y3Node =
  | { readonly k: 'scalar'; readonly s: string; readonly style: Style; readonly binary?: boolean }
  | { readonly k: 'seq'; readonly items: Y3Node[] }
  | { readonly k: 'map'; readonly pairs: [Y3Node, Y3Node][] };

/** Yaml3Panic is a yaml.v3 encoder failure that Go raises as a panic (text/template reports it as a call error). */
export class Yaml3Panic extends GoFuncError {}

const maxDepth = 10000;

// ---------------------------------------------------------------- resolve.go (v3)

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const v3Special = new Set([
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

/** goParseFloatOk reports whether Go's strconv.ParseFloat accepts s (decimal forms; hex and inf/nan too). */
function goParseFloatOk(s: string): boolean {
  if (/^[-+]?(inf|infinity|nan)$/i.test(s)) return true;
  if (/^[-+]?([0-9](_?[0-9])*(\.([0-9](_?[0-9])*)?)?|\.[0-9](_?[0-9])*)([eE][-+]?[0-9]+)?$/.test(s)) return !s.includes('_');
  return /^[-+]?0[xX](_?[0-9a-fA-F])*(\.[0-9a-fA-F]*)?[pP][-+]?[0-9]+$/.test(s) && /[0-9a-fA-F]/.test(s.slice(2));
}

/** goParseIntBase0 reports whether strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) accepts s. */
function goParseIntOk(s: string): boolean {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2]!;
  let v: bigint;
  if (/^0[oO]/.test(body)) v = BigInt('0o' + body.slice(2));
  else if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
  else v = BigInt(body);
  if (m[1] === '-') return v <= 2n ** 63n;
  return v < 2n ** 64n && (m[1] === '' || v < 2n ** 63n);
}

const daysIn = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** parseTimestamp reports whether v3's parseTimestamp accepts s (its four time.Parse layouts). */
function isTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && !leap ? 28 : daysIn[mo - 1]!)) return false;
  if (m[4] === undefined) return true;
  if (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 59) return false;
  if (m[4] === ' ') return m[8] === undefined;
  if (m[8] === undefined) return false;
  if (m[8] !== 'Z' && (Number(m[8].slice(1, 3)) > 23 || Number(m[8].slice(4)) > 59)) return false;
  return true;
}

/** resolvesToStr is `resolve("", s)` giving !!str in yaml.v3. */
function resolvesToStr(s: string): boolean {
  if (v3Special.has(s)) return false;
  const c = s.charCodeAt(0);
  if (c === 0x2e) return !goParseFloatOk(s); // '.'
  if (!(c === 0x2b || c === 0x2d || (c >= 0x30 && c <= 0x39))) return true;
  if (isTimestamp(s)) return false;
  const plain = s.replaceAll('_', '');
  if (goParseIntOk(plain)) return false;
  if (yamlStyleFloat.test(plain) && goParseFloatOk(plain)) return false;
  if (/^-?0b[01]+$/.test(plain) || /^-?0o[0-7]+$/.test(plain)) return false;
  return true;
}

const oldBools = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF']);

/** encodeBase64 is v3's encodeBase64: standard base64 in lines of 70, each ending in \n when longer. */
function encodeBase64(bytes: Uint8Array): string {
  const b = base64Std(bytes);
  const lines = Math.floor(b.length / 70) + 1;
  if (lines <= 1) return b;
  let out = '';
  for (let i = 0; i < b.length; i += 70) out += b.slice(i, i + 70) + '\n';
  return out;
}

// ---------------------------------------------------------------- encode.go (v3)

/** stringNode is encoder.stringv. */
function stringNode(s: string): Y3Node {
  if (hasEscapedBytes(s)) {
    const b = encodeBase64(goBytes(s));
    return { k: 'scalar', s: b, style: b.includes('\n') ? 'literal' : 'plain', binary: true };
  }
  const canUsePlain = resolvesToStr(s) && !isBase60Float(s) && !oldBools.has(s);
  const style: Style = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  return { k: 'scalar', s, style };
}

const plain = (s: string): Y3Node => ({ k: 'scalar', s, style: 'plain' });

function floatText(f: number, bits: 32 | 64): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  return formatFloat(f, 'g', bits);
}

/** textMarshalers names struct types of the value model that implement encoding.TextMarshaler. */
const textMarshalers = new Set(['semver.Version']);

/** lowerFieldName is v3's default key for a field: strings.ToLower(field.Name). */
function lowerFieldName(n: string): string {
  return n.toLowerCase();
}

function encodeNode(v: GoValue, depth: number): Y3Node {
  if (depth > maxDepth) throw new Yaml3Panic('yaml: value nested too deeply');
  if (v === null || v === undefined) return plain('null');
  switch (typeof v) {
    case 'boolean':
      return plain(v ? 'true' : 'false');
    case 'number':
      return plain(floatText(v, 64));
    case 'string':
      return stringNode(v);
  }
  if (v instanceof GoInt) return plain(v.v.toString());
  if (v instanceof GoFloat32) return plain(floatText(v.v, 32));
  if (v instanceof GoTime) return plain(formatRFC3339Nano(v));
  if (Array.isArray(v) || v instanceof GoSlice) {
    const items = Array.isArray(v) ? v : v.items;
    return { k: 'seq', items: items.map((x) => encodeNode(x, depth + 1)) };
  }
  if (v instanceof Map) {
    const keys = [...v.keys()].sort((a, b) => (yaml3KeyLess(a, b) ? -1 : yaml3KeyLess(b, a) ? 1 : 0));
    return { k: 'map', pairs: keys.map((k) => [stringNode(k), encodeNode(v.get(k), depth + 1)]) };
  }
  if (v instanceof GoStruct) {
    if (textMarshalers.has(v.goType)) return stringNode(v.stringer ? v.stringer() : '');
    const pairs: [Y3Node, Y3Node][] = [];
    for (const [name, fv] of v.fields) pairs.push([stringNode(lowerFieldName(name)), encodeNode(fv, depth + 1)]);
    return { k: 'map', pairs };
  }
  if (v instanceof GoComplex || isGoFunc(v)) throw new Yaml3Panic('cannot marshal type: ' + typeOf(v));
  throw new Yaml3Panic('cannot marshal type: ' + typeOf(v));
}

// ---------------------------------------------------------------- sorter.go (v3)

const letterRe = /\p{L}/u;
const digitRe = /\p{Nd}/u;

/** yaml3KeyLess is yaml.v3's keyList.Less for two string keys. */
export function yaml3KeyLess(a: string, b: string): boolean {
  const ar = Array.from(a, (ch) => ch.codePointAt(0)!);
  const br = Array.from(b, (ch) => ch.codePointAt(0)!);
  const isLetter = (c: number): boolean => (c < 0x80 ? (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a : letterRe.test(String.fromCodePoint(c)));
  const isDigit = (c: number): boolean => (c < 0x80 ? c >= 0x30 && c <= 0x39 : digitRe.test(String.fromCodePoint(c)));
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) {
      digits = isDigit(x);
      continue;
    }
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    // Go (v3): after a digit, a letter sorts after a non-letter; otherwise before.
    if (al || bl) return digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (x === 0x30 || y === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]! - 0x30));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]! - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

// ---------------------------------------------------------------- emitterc.go (v3)

interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}


/** analyzeScalar is v3's yaml_emitter_analyze_scalar (v2's plus the tab rule). */
function analyzeScalar(v: readonly number[]): ScalarAnalysis {
  if (v.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (v.length >= 3 && ((v[0] === 0x2d && v[1] === 0x2d && v[2] === 0x2d) || (v[0] === 0x2e && v[1] === 0x2e && v[2] === 0x2e))) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const c = v[i]!;
    const followedByWhitespace = i + 1 >= n || isBlankz(v[i + 1]);
    if (i === 0) {
      switch (c) {
        case 0x23: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x26: case 0x2a:
        case 0x21: case 0x7c: case 0x3e: case 0x27: case 0x22: case 0x25: case 0x40: case 0x60:
          flowIndicators = true;
          blockIndicators = true;
          break;
        case 0x3f: case 0x3a:
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 0x2d:
          if (followedByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    } else {
      switch (c) {
        case 0x2c: case 0x3f: case 0x5b: case 0x5d: case 0x7b: case 0x7d:
          flowIndicators = true;
          break;
        case 0x3a:
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 0x23:
          if (precededByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    }
    if (c === 0x09) tabCharacters = true;
    else if (!isPrintable(c)) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i + 1 === n) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i + 1 === n) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || tabCharacters || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) a.blockAllowed = false;
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

const hexUpper = '0123456789ABCDEF';

/** Emitter3 is yaml.v3's yaml_emitter_t for block output with best_indent 2 and unlimited width. */
class Emitter3 {
  out: string[] = [];
  column = 0;
  indent = -1;
  indents: number[] = [];
  whitespace = true;
  indention = true;
  flowLevel = 0;
  simpleKeyContext = false;
  readonly bestIndent = 2;

  put(s: string): void {
    this.out.push(s);
    this.column++;
  }
  putBreak(): void {
    this.out.push('\n');
    this.column = 0;
    this.indention = true;
  }
  write(c: number): void {
    this.out.push(String.fromCodePoint(c));
    this.column++;
  }
  writeBreak(c: number): void {
    if (c === 0x0a) {
      this.putBreak();
    } else {
      this.write(c);
      this.column = 0;
      this.indention = true;
    }
  }
  increaseIndent(flow: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? this.bestIndent : 0;
    } else {
      // Go (v3): inside a sequence item +2 skips "- "; elsewhere align to best_indent; both +2 here.
      this.indent = this.bestIndent * Math.floor((this.indent + this.bestIndent) / this.bestIndent);
    }
  }
  popIndent(): void {
    this.indent = this.indents.pop()!;
  }
  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
  }
  writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of ind) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  emitNode(node: Y3Node, simpleKey: boolean): void {
    this.simpleKeyContext = simpleKey;
    switch (node.k) {
      case 'scalar':
        this.emitScalar(node);
        return;
      case 'seq':
        if (this.flowLevel > 0 || node.items.length === 0) this.emitFlowSequence(node.items);
        else this.emitBlockSequence(node.items);
        return;
      case 'map':
        if (this.flowLevel > 0 || node.pairs.length === 0) this.emitFlowMapping(node.pairs);
        else this.emitBlockMapping(node.pairs);
        return;
    }
  }

  emitScalar(node: Extract<Y3Node, { k: 'scalar' }>): void {
    const v = Array.from(node.s, (ch) => ch.codePointAt(0)!);
    const a = analyzeScalar(v);
    let style = node.style;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) style = 'single';
      if (v.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) style = 'double';
    if (node.binary) {
      // process_tag: the "!!" handle and the "binary" suffix.
      if (!this.whitespace) this.put(' ');
      this.put('!');
      this.put('!');
      this.whitespace = false;
      this.indention = false;
      for (const ch of 'binary') this.put(ch);
      this.whitespace = false;
      this.indention = false;
    }
    this.increaseIndent(true);
    switch (style) {
      case 'plain':
        this.writePlain(v);
        break;
      case 'single':
        this.writeSingleQuoted(v);
        break;
      case 'double':
        this.writeDoubleQuoted(v);
        break;
      case 'literal':
        this.writeLiteral(v);
        break;
    }
    this.popIndent();
  }

  emitFlowSequence(items: Y3Node[]): void {
    this.writeIndicator('[', true, true, false);
    this.increaseIndent(true);
    this.flowLevel++;
    items.forEach((it, i) => {
      if (i > 0) this.writeIndicator(',', false, false, false);
      this.emitNode(it, false);
    });
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(']', false, false, false);
  }

  emitFlowMapping(pairs: [Y3Node, Y3Node][]): void {
    this.writeIndicator('{', true, true, false);
    this.increaseIndent(true);
    this.flowLevel++;
    pairs.forEach(([k, val], i) => {
      if (i > 0) this.writeIndicator(',', false, false, false);
      if (isSimpleKey(k)) {
        this.emitNode(k, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, false);
        this.emitNode(k, false);
        this.writeIndicator(':', true, false, false);
      }
      this.emitNode(val, false);
    });
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator('}', false, false, false);
  }

  emitBlockSequence(items: Y3Node[]): void {
    this.increaseIndent(false);
    for (const it of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(it, false);
    }
    this.popIndent();
  }

  emitBlockMapping(pairs: [Y3Node, Y3Node][]): void {
    this.increaseIndent(false);
    for (const [k, val] of pairs) {
      this.writeIndent();
      if (isSimpleKey(k)) {
        this.emitNode(k, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(k, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(val, false);
    }
    this.popIndent();
  }

  writePlain(v: readonly number[]): void {
    if (v.length > 0 && !this.whitespace) this.put(' ');
    let breaks = false;
    for (const c of v) {
      if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
    if (v.length > 0) this.whitespace = false;
    this.indention = false;
  }

  writeSingleQuoted(v: readonly number[]): void {
    this.writeIndicator("'", true, false, false);
    let breaks = false;
    for (const c of v) {
      if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDoubleQuoted(v: readonly number[]): void {
    this.writeIndicator('"', true, false, false);
    // Go: is_bom(value, i) looks at the value's first bytes whatever i is.
    const bom = v[0] === 0xfeff;
    for (const c of v) {
      if (!isPrintable(c) || bom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        switch (c) {
          case 0x00: this.put('0'); break;
          case 0x07: this.put('a'); break;
          case 0x08: this.put('b'); break;
          case 0x09: this.put('t'); break;
          case 0x0a: this.put('n'); break;
          case 0x0b: this.put('v'); break;
          case 0x0c: this.put('f'); break;
          case 0x0d: this.put('r'); break;
          case 0x1b: this.put('e'); break;
          case 0x22: this.put('"'); break;
          case 0x5c: this.put('\\'); break;
          case 0x85: this.put('N'); break;
          case 0xa0: this.put('_'); break;
          case 0x2028: this.put('L'); break;
          case 0x2029: this.put('P'); break;
          default: {
            let w: number;
            if (c <= 0xff) {
              this.put('x');
              w = 2;
            } else if (c <= 0xffff) {
              this.put('u');
              w = 4;
            } else {
              this.put('U');
              w = 8;
            }
            for (let k = (w - 1) * 4; k >= 0; k -= 4) this.put(hexUpper[(c >> k) & 0xf]!);
          }
        }
      } else {
        this.write(c);
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeBlockScalarHints(v: readonly number[]): void {
    if (v[0] === 0x20 || isBreak(v[0])) this.writeIndicator(String(this.bestIndent), false, false, false);
    let chomp = '';
    if (v.length === 0) {
      chomp = '-';
    } else {
      let i = v.length - 1;
      if (!isBreak(v[i])) chomp = '-';
      else if (i === 0) chomp = '+';
      else {
        i--;
        if (isBreak(v[i])) chomp = '+';
      }
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  writeLiteral(v: readonly number[]): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(v);
    // Go (v3): no put_break here (process_line_comment writes nothing without a comment).
    this.whitespace = true;
    let breaks = true;
    for (const c of v) {
      if (isBreak(c)) {
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** isSimpleKey is yaml_emitter_check_simple_key for a scalar key: one line, at most 128 bytes with its tag. */
function isSimpleKey(key: Y3Node): boolean {
  if (key.k !== 'scalar') return false;
  const v = Array.from(key.s, (ch) => ch.codePointAt(0)!);
  if (analyzeScalar(v).multiline) return false;
  return utf8Len(v) + (key.binary ? 8 : 0) <= 128;
}

/**
 * marshalYaml3 is yaml.v3's Encoder (SetIndent(2)).Encode(v) output. Throws Yaml3Panic for
 * what Go reports as a panic (`cannot marshal type: complex128`).
 */
export function marshalYaml3(v: GoValue): string {
  const root = encodeNode(v, 0);
  const e = new Emitter3();
  e.emitNode(root, false);
  e.writeIndent(); // document end
  return e.out.join('');
}

/** toYamlPretty is later Helm's toYamlPretty: yaml.v3 with indent 2, one trailing newline trimmed. */
export function toYamlPretty(v: GoValue): string {
  const s = marshalYaml3(v);
  return s.endsWith('\n') ? s.slice(0, -1) : s;
}
