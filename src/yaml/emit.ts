/**
 * toYaml: sigs.k8s.io/yaml.Marshal, byte for byte. That is encoding/json.Marshal, then
 * go-yaml v2 decodes the JSON text into interface{} (numbers get int/uint/float types by
 * go-yaml's resolver), then go-yaml v2's encoder and emitter write it out.
 *
 * The emitter is our own port of the parts of gopkg.in/yaml.v2's emitterc.go that
 * block-style output of plain data reaches (analyze_scalar, select_scalar_style,
 * write_plain/single/double/literal, write_indent, block/flow collections): the `yaml`
 * package's stringify cannot reproduce go-yaml's quoting, folding at best_width 80,
 * indentless sequences and key order, so none of it is used here.
 */
import type { GoValue } from '../template/value.js';
import { JsonError, YamlError } from './errors.js';
import { formatFloat } from './float.js';
import { marshalJson } from './json.js';
import { resolvePlain } from './resolve.js';

// ---------------------------------------------------------------- the node tree

/** YNode is a decoded go-yaml value: what yaml.Unmarshal(json, &interface{}) gives. */
export type YNode =
  | { readonly k: 'str'; readonly s: string }
  | { readonly k: 'plain'; readonly s: string } // int, uint, float, bool, null: emitted plain
  | { readonly k: 'seq'; readonly items: YNode[] }
  | { readonly k: 'map'; readonly pairs: [string, YNode][] };

const maxDepth = 10000;

/**
 * decodeJsonForYaml parses valid JSON text (from marshalJson) the way go-yaml v2 reads it:
 * strings stay strings, numbers resolve to int/uint/float and print as go-yaml prints them.
 */
export function decodeJsonForYaml(src: string): YNode {
  let i = 0;
  const ws = (): void => {
    while (i < src.length && (src[i] === ' ' || src[i] === '\n' || src[i] === '\t' || src[i] === '\r')) i++;
  };
  const str = (): string => {
    i++;
    let out = '';
    let start = i;
    for (;;) {
      const c = src[i];
      if (c === '"') {
        out += rawSegment(src.slice(start, i));
        i++;
        return out;
      }
      if (c === '\\') {
        out += rawSegment(src.slice(start, i));
        const e = src[i + 1];
        i += 2;
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u':
            out += String.fromCharCode(parseInt(src.slice(i, i + 4), 16));
            i += 4;
            break;
          default:
            out += e;
        }
        start = i;
        continue;
      }
      i++;
    }
  };
  const val = (depth: number): YNode => {
    if (depth > maxDepth) throw new YamlError('yaml: exceeded max depth of 10000');
    ws();
    const c = src[i];
    if (c === '{') {
      i++;
      ws();
      const pairs: [string, YNode][] = [];
      if (src[i] === '}') {
        i++;
        return { k: 'map', pairs };
      }
      for (;;) {
        ws();
        const keyStart = i;
        const key = str();
        // Go: a raw NEL is a line break, and an implicit key cannot span lines.
        if (src.slice(keyStart, i).includes('\u0085')) {
          throw new YamlError("yaml: line 1: could not find expected ':'");
        }
        ws();
        i++; // ':'
        pairs.push([key, val(depth + 1)]);
        ws();
        if (src[i++] === '}') break;
      }
      return { k: 'map', pairs };
    }
    if (c === '[') {
      i++;
      ws();
      const items: YNode[] = [];
      if (src[i] === ']') {
        i++;
        return { k: 'seq', items };
      }
      for (;;) {
        items.push(val(depth + 1));
        ws();
        if (src[i++] === ']') break;
      }
      return { k: 'seq', items };
    }
    if (c === '"') return { k: 'str', s: str() };
    const m = /true|false|null|[-+0-9.eE]+/y;
    m.lastIndex = i;
    const lit = m.exec(src)![0];
    i += lit.length;
    return { k: 'plain', s: plainNumberText(lit) };
  };
  return val(0);
}

// Go: yaml_parser_update_buffer accepts only these code points (JSON escapes the C0 controls).
const notAllowedInYaml = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/**
 * rawSegment is an unescaped stretch of a JSON string as go-yaml's double-quoted scalar
 * scanner sees it: control characters are an error, and a raw NEL (U+0085, a YAML 1.1
 * line break that JSON does not escape) folds like any line break: one break becomes a
 * space, n breaks become n-1 newlines, blanks around them vanish.
 */
function rawSegment(s: string): string {
  if (notAllowedInYaml.test(s)) throw new YamlError('yaml: control characters are not allowed');
  if (!s.includes('\u0085')) return s;
  return s.replace(/ *\u0085[ \u0085]*/g, (m) => {
    const k = m.split('\u0085').length - 1;
    return k === 1 ? ' ' : '\n'.repeat(k - 1);
  });
}

/** plainNumberText is how go-yaml re-emits a plain JSON literal after resolving it. */
function plainNumberText(lit: string): string {
  const r = resolvePlain(lit);
  switch (r.tag) {
    case 'int':
      return typeof r.value === 'bigint' ? r.value.toString() : String(r.value);
    case 'float': {
      const f = r.value as number;
      if (f === Infinity) return '.inf';
      if (f === -Infinity) return '-.inf';
      if (Number.isNaN(f)) return '.nan';
      return formatFloat(f, 'g', 64);
    }
    default:
      return lit;
  }
}

// ---------------------------------------------------------------- key order (sorter.go)

const letterRe = /\p{L}/u;
const digitRe = /\p{Nd}/u;

/** goYamlKeyLess is yaml.v2's keyList.Less for two string keys. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a, (ch) => ch.codePointAt(0)!);
  const br = Array.from(b, (ch) => ch.codePointAt(0)!);
  const isLetter = (c: number): boolean => (c < 0x80 ? (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a : letterRe.test(String.fromCodePoint(c)));
  const isDigit = (c: number): boolean => (c < 0x80 ? c >= 0x30 && c <= 0x39 : digitRe.test(String.fromCodePoint(c)));
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i]!;
    const y = br[i]!;
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    // Go: int64 arithmetic; BigInt keeps the wrap-around of very long digit runs exact.
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

/** sortYamlKeys sorts pairs in place with go-yaml's key order (Go's sort.Sort is not stable; keys are unique). */
function sortYamlKeys(pairs: [string, YNode][]): void {
  pairs.sort((p, q) => (goYamlKeyLess(p[0], q[0]) ? -1 : goYamlKeyLess(q[0], p[0]) ? 1 : 0));
}

// ---------------------------------------------------------------- the emitter (emitterc.go)

type Style = 'plain' | 'single' | 'double' | 'literal';

interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

// Character classes of yamlprivateh.go over code points (yaml.v3's emitter, yaml3.ts, uses them too).

/** isPrintable is go-yaml's is_printable for a code point. */
export const isPrintable = (c: number): boolean =>
  c === 0x0a ||
  (c >= 0x20 && c <= 0x7e) ||
  (c >= 0xa0 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
/** isBreak is go-yaml's is_break: CR, LF, NEL, LS, PS. */
export const isBreak = (c: number | undefined): boolean =>
  c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
/** isBlank is go-yaml's is_blank: space or tab. */
export const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
/** isBlankz is go-yaml's is_blankz: blank, break or the end of the value. */
export const isBlankz = (c: number | undefined): boolean => c === undefined || c === 0 || isBlank(c) || isBreak(c);

/** analyzeScalar is yaml_emitter_analyze_scalar over the code points of a value. */
function analyzeScalar(v: readonly number[]): ScalarAnalysis {
  if (v.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (
    v.length >= 3 &&
    ((v[0] === 0x2d && v[1] === 0x2d && v[2] === 0x2d) || (v[0] === 0x2e && v[1] === 0x2e && v[2] === 0x2e))
  ) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  const n = v.length;
  for (let i = 0; i < n; i++) {
    const c = v[i]!;
    const followedByWhitespace = i + 1 >= n || isBlank(v[i + 1]);
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
    if (!isPrintable(c)) specialCharacters = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i + 1 === n) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
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
  const a: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
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
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

/** utf8Len is the UTF-8 length in bytes of a scalar given as code points. */
export function utf8Len(cps: readonly number[]): number {
  let n = 0;
  for (const c of cps) n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  return n;
}

const hexUpper = '0123456789ABCDEF';

/** Emitter is the yaml_emitter_t state that block output uses (best_indent 2, best_width 80, unicode on). */
class Emitter {
  out: string[] = [];
  column = 0;
  indent = -1;
  indents: number[] = [];
  whitespace = true;
  indention = true;
  openEnded = false;
  flowLevel = 0;
  rootContext = false;
  sequenceContext = false;
  mappingContext = false;
  simpleKeyContext = false;
  readonly bestIndent = 2;
  readonly bestWidth = 80;

  put(s: string): void {
    this.out.push(s);
    this.column++;
  }
  putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }
  /** write copies one character (code point c). */
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
    }
  }
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? this.bestIndent : 0;
    } else if (!indentless) {
      this.indent += this.bestIndent;
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
    this.indention = true;
  }
  writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of ind) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  // -- nodes

  emitNode(node: YNode, root: boolean, sequence: boolean, mapping: boolean, simpleKey: boolean): void {
    this.rootContext = root;
    this.sequenceContext = sequence;
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    switch (node.k) {
      case 'str':
        this.emitScalar(node.s, node.s.includes('\n') ? 'literal' : canUsePlain(node.s) ? 'plain' : 'double');
        return;
      case 'plain':
        this.emitScalar(node.s, 'plain');
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

  emitScalar(value: string, requested: Style): void {
    const v = Array.from(value, (ch) => ch.codePointAt(0)!);
    const a = analyzeScalar(v);
    // yaml_emitter_select_scalar_style
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) style = 'single';
      if (v.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    switch (style) {
      case 'plain':
        this.writePlain(v, allowBreaks);
        break;
      case 'single':
        this.writeSingleQuoted(v, allowBreaks);
        break;
      case 'double':
        this.writeDoubleQuoted(v, allowBreaks);
        break;
      case 'literal':
        this.writeLiteral(v);
        break;
    }
    this.popIndent();
  }

  emitFlowSequence(items: YNode[]): void {
    this.writeIndicator('[', true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    items.forEach((it, i) => {
      if (i > 0) this.writeIndicator(',', false, false, false);
      if (this.column > this.bestWidth) this.writeIndent();
      this.emitNode(it, false, true, false, false);
    });
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(']', false, false, false);
  }

  emitFlowMapping(pairs: [string, YNode][]): void {
    this.writeIndicator('{', true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    pairs.forEach(([k, val], i) => {
      if (i > 0) this.writeIndicator(',', false, false, false);
      if (this.column > this.bestWidth) this.writeIndent();
      const key: YNode = { k: 'str', s: k };
      if (isSimpleKey(key)) {
        this.emitNode(key, false, false, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, false);
        this.emitNode(key, false, false, true, false);
        if (this.column > this.bestWidth) this.writeIndent();
        this.writeIndicator(':', true, false, false);
      }
      this.emitNode(val, false, false, true, false);
    });
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator('}', false, false, false);
  }

  emitBlockSequence(items: YNode[]): void {
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const it of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(it, false, true, false, false);
    }
    this.popIndent();
  }

  emitBlockMapping(pairs: [string, YNode][]): void {
    this.increaseIndent(false, false);
    for (const [k, val] of pairs) {
      this.writeIndent();
      const key: YNode = { k: 'str', s: k };
      if (isSimpleKey(key)) {
        this.emitNode(key, false, false, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(key, false, false, true, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(val, false, false, true, false);
    }
    this.popIndent();
  }

  // -- scalar writers

  writePlain(v: readonly number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && v[i + 1] !== 0x20) {
          this.writeIndent();
        } else {
          this.write(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
    if (this.rootContext) this.openEnded = true;
  }

  writeSingleQuoted(v: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < v.length - 1 && v[i + 1] !== 0x20) {
          this.writeIndent();
        } else {
          this.write(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDoubleQuoted(v: readonly number[], allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    // Go: is_bom(value, i) looks at the value's first bytes whatever i is, so a value that
    // starts with U+FEFF has every character escaped.
    const bom = v[0] === 0xfeff;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
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
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > this.bestWidth && i > 0 && i < v.length - 1) {
          this.writeIndent();
          if (v[i + 1] === 0x20) this.put('\\');
        } else {
          this.write(c);
        }
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeBlockScalarHints(v: readonly number[]): void {
    if (v[0] === 0x20 || isBreak(v[0])) this.writeIndicator(String(this.bestIndent), false, false, false);
    this.openEnded = false;
    let chomp = '';
    if (v.length === 0) {
      chomp = '-';
    } else {
      let i = v.length - 1;
      if (!isBreak(v[i])) {
        chomp = '-';
      } else if (i === 0) {
        chomp = '+';
        this.openEnded = true;
      } else {
        i--;
        if (isBreak(v[i])) {
          chomp = '+';
          this.openEnded = true;
        }
      }
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
  }

  writeLiteral(v: readonly number[]): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(v);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < v.length; i++) {
      const c = v[i]!;
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
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

/** canUsePlain is the encoder's test: a string may be plain only if it resolves to !!str (and is no base-60 float). */
function canUsePlain(s: string): boolean {
  return resolvePlain(s).tag === 'str' && !isBase60Float(s);
}

const base60float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** isBase60Float is yaml.v2's isBase60Float: YAML 1.1 sexagesimal numbers are quoted on output. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s.charCodeAt(0);
  if (!(c === 0x2b || c === 0x2d || (c >= 0x30 && c <= 0x39))) return false;
  if (!s.includes(':')) return false;
  return base60float.test(s);
}

/** isSimpleKey is yaml_emitter_check_simple_key for a string key: one line, at most 128 bytes. */
function isSimpleKey(key: YNode): boolean {
  if (key.k !== 'str') return true;
  const v = Array.from(key.s, (ch) => ch.codePointAt(0)!);
  if (analyzeScalar(v).multiline) return false;
  return utf8Len(v) <= 128;
}

/** emitYaml writes a decoded go-yaml tree as one document (yaml.v2 Marshal). */
export function emitYaml(root: YNode): string {
  const e = new Emitter();
  // Document start is implicit; the root node; document end writes an indent.
  e.emitNode(root, true, false, false, false);
  e.writeIndent();
  return e.out.join('');
}

/**
 * toYaml is sigs.k8s.io/yaml.Marshal(v): JSON, then go-yaml v2. Throws YamlError with
 * sigs's message (`error marshaling into JSON: json: unsupported value: NaN`).
 */
export function toYaml(v: GoValue): string {
  let j: string;
  try {
    j = marshalJson(v);
  } catch (e) {
    if (e instanceof JsonError) throw new YamlError('error marshaling into JSON: ' + e.message);
    throw e;
  }
  let tree: YNode;
  try {
    tree = decodeJsonForYaml(j);
  } catch (e) {
    if (e instanceof YamlError) throw new YamlError('error converting JSON to YAML: ' + e.message);
    throw e;
  }
  sortTree(tree);
  return emitYaml(tree);
}

function sortTree(n: YNode): void {
  // Iterative: trees can be 10,000 levels deep.
  const stack: YNode[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.k === 'map') {
      sortYamlKeys(x.pairs);
      for (const p of x.pairs) stack.push(p[1]);
    } else if (x.k === 'seq') {
      for (const it of x.items) stack.push(it);
    }
  }
}

/** helmToYaml is Helm's toYaml: Marshal, "" on error, one trailing newline trimmed. */
export function helmToYaml(v: GoValue): string {
  try {
    const s = toYaml(v);
    return s.endsWith('\n') ? s.slice(0, -1) : s;
  } catch (e) {
    if (e instanceof YamlError) return '';
    throw e;
  }
}
