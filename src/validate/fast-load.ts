// fast-load.ts: a fast reader for the YAML that Helm renders for a pod (block maps and sequences, plain,
// quoted and block scalars, one-line flow collections, comments, `---` documents), typed the PyYAML way.
// It gives up (returns undefined) on anything else — anchors, tags, multi-line plain or quoted scalars,
// complex keys, tabs, syntax errors — and validatePod then uses load.ts (the `yaml` package), which also
// gives positions. The two must agree on every value; test/validate/fast-load.test.ts checks that.
import { constructPlain, Dict, isIntegralFloat, plainKey, pyKeyString } from './pyyaml.js';
import { MAX_DEPTH, MAX_NODES } from './load.js';

class Bail extends Error {}

/** KEY_INDICATOR marks the ASCII characters that cannot start a plain key we handle. */
const KEY_INDICATOR = new Uint8Array(128);
for (const ch of '?&*!|>%@`[]{},#') KEY_INDICATOR[ch.charCodeAt(0)] = 1;
const bail = (): never => {
  throw new Bail();
};

type Obj = Record<string, unknown>;

/** fastLoad returns the PyYAML-typed value of every document, or undefined when the text needs the full parser. */
export function fastLoad(text: string): unknown[] | undefined {
  if (text.includes('\r') || text.includes('\t') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return new FastParser(text.split('\n')).documents();
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

class FastParser {
  private i = 0;
  private nodes = 0;
  /** virtLine/virtInd: the line of a `- key: value` item, read as if `- ` were spaces. */
  private virtLine = -1;
  private virtInd = 0;
  /** ind[i] is line i's indentation, or -1 for a blank or comment-only line (computed once). */
  private readonly ind: Int32Array;
  constructor(private readonly lines: string[]) {
    this.ind = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      let j = 0;
      while (j < l.length && l.charCodeAt(j) === 32) j++;
      this.ind[i] = j === l.length || l.charCodeAt(j) === 35 ? -1 : j;
    }
  }

  /** documents returns the non-empty documents (empty ones are skipped, as validatePod skips them). */
  documents(): unknown[] {
    const docs: unknown[] = [];
    const { lines } = this;
    for (;;) {
      this.skipBlank();
      if (this.i >= lines.length) return docs;
      const line = lines[this.i]!;
      if (line[0] === '%') bail();
      if (isDocStart(line)) {
        if (!/^---\s*(#.*)?$/.test(line)) bail();
        this.i++;
        continue;
      }
      if (/^\.\.\.\s*(#.*)?$/.test(line)) {
        this.i++;
        continue;
      }
      const root = this.block(0, 0);
      if (root !== null) docs.push(root);
      this.skipBlank();
      if (this.i < lines.length) {
        const l = lines[this.i]!;
        if (!isDocStart(l) && !/^\.\.\.\s*(#.*)?$/.test(l)) bail();
      }
    }
  }

  /** skipBlank skips empty lines and comment lines. */
  private skipBlank(): void {
    const { ind } = this;
    while (this.i < ind.length && ind[this.i]! < 0) this.i++;
  }

  private count(depth: number): void {
    if (++this.nodes > MAX_NODES || depth > MAX_DEPTH) bail();
  }

  /** block parses the node starting at the current line, whose indent must be ≥ minIndent. */
  private block(minIndent: number, depth: number): unknown {
    this.skipBlank();
    if (this.i >= this.lines.length) return null;
    const l = this.lines[this.i]!;
    const ind = this.ind[this.i]!;
    if (ind < minIndent || isDocStart(l)) return null;
    if (l[ind] === '-' && (l.length === ind + 1 || l[ind + 1] === ' ')) return this.seq(ind, depth);
    const body = l.slice(ind);
    const c = body[0]!;
    // A node alone on its line: a flow collection (`[]`, `{}`), a quoted or block scalar, a plain scalar.
    if (c === '[' || c === '{' || ((c === '"' || c === "'") && !/^("[^"\\]*"|'[^']*')\s*:( |$)/.test(body)) || (c !== '"' && c !== "'" && findMapColon(body) < 0)) {
      this.i++;
      return this.inline(body, minIndent - 1, depth);
    }
    return this.map(ind, depth);
  }

  private seq(ind: number, depth: number): unknown[] {
    this.count(depth);
    const out: unknown[] = [];
    const { lines } = this;
    for (;;) {
      this.skipBlank();
      if (this.i >= lines.length) break;
      const l = lines[this.i]!;
      const li = this.ind[this.i]!;
      if (li < ind) break;
      if (li > ind) bail();
      if (!(l[ind] === '-' && (l.length === ind + 1 || l[ind + 1] === ' '))) break;
      let c = ind + 1;
      while (c < l.length && l.charCodeAt(c) === 32) c++;
      const rest = l.slice(c);
      if (rest === '' || rest[0] === '#') {
        this.i++;
        out.push(this.block(ind + 1, depth + 1));
      } else if (rest[0] === '-' && (rest.length === 1 || rest[1] === ' ')) {
        bail();
      } else if (findMapColon(rest) >= 0) {
        // `- key: value`: a mapping whose keys sit at column c; re-read this line as its first key.
        this.virtLine = this.i;
        this.virtInd = c;
        out.push(this.map(c, depth + 1));
      } else {
        this.i++;
        out.push(this.inline(rest, ind, depth + 1));
      }
    }
    return out;
  }

  private map(ind: number, depth: number): Obj {
    this.count(depth);
    const out = new Dict();
    const { lines } = this;
    for (;;) {
      this.skipBlank();
      if (this.i >= lines.length) break;
      const l = lines[this.i]!;
      const li = this.i === this.virtLine ? this.virtInd : this.ind[this.i]!;
      if (li < ind || isDocStart(l) || (li === 0 && /^\.\.\.\s*(#.*)?$/.test(l))) break;
      if (li > ind) bail();
      const c0 = l.charCodeAt(ind);
      if (c0 === 45 /* - */ && (l.length === ind + 1 || l.charCodeAt(ind + 1) === 32)) break;
      let key: string;
      let after: number;
      if (c0 === 34 /* " */ || c0 === 39 /* ' */) {
        const body = l.slice(ind);
        const r = quoted(body, 0);
        key = r.value;
        if (body[r.end] !== ':' || (r.end + 1 < body.length && body[r.end + 1] !== ' ')) bail();
        after = ind + r.end + 1;
      } else {
        if (c0 < 0x80 && KEY_INDICATOR[c0] === 1) bail();
        let colon = -1;
        const len = l.length;
        for (let k = ind + 1; k < len; k++) {
          const ch = l.charCodeAt(k);
          if (ch === 58 && (k + 1 === len || l.charCodeAt(k + 1) === 32)) {
            colon = k;
            break;
          }
          if (ch === 35 && l.charCodeAt(k - 1) === 32) bail();
        }
        if (colon < 0) bail();
        let end = colon;
        while (end > ind && l.charCodeAt(end - 1) === 32) end--;
        const raw = l.slice(ind, end);
        if (raw === '<<') bail();
        key = plainKey(raw);
        after = colon + 1;
      }
      while (after < l.length && l.charCodeAt(after) === 32) after++;
      const rest = after < l.length ? l.slice(after) : '';
      this.i++;
      let value: unknown;
      if (rest === '' || rest[0] === '#') {
        this.skipBlank();
        const n = this.i < lines.length ? lines[this.i]! : undefined;
        if (n !== undefined && !isDocStart(n)) {
          const ni = this.ind[this.i]!;
          if (ni > ind) value = this.block(ind + 1, depth + 1);
          else if (ni === ind && n[ind] === '-' && (n.length === ind + 1 || n[ind + 1] === ' ')) value = this.seq(ind, depth + 1);
          else value = null;
        } else value = null;
      } else value = this.inline(rest, ind, depth + 1);
      out[key] = value;
    }
    return out;
  }

  /** inline parses a value that starts on the current (already consumed) line; parentInd is its parent's indent. */
  private inline(rest: string, parentInd: number, depth: number): unknown {
    this.count(depth);
    const c = rest[0]!;
    if (c === '&' || c === '*' || c === '!' || c === '%' || c === '@' || c === '`') bail();
    if (c === '|' || c === '>') return this.blockScalar(rest, parentInd);
    if (c === '"' || c === "'") {
      const r = quoted(rest, 0);
      trailingOk(rest, r.end);
      return r.value;
    }
    if (c === '[' || c === '{') {
      const r = new FlowParser(rest, depth).parse();
      trailingOk(rest, r.end);
      return r.value;
    }
    if ((c === '-' || c === '?' || c === ':') && (rest.length === 1 || rest[1] === ' ')) bail();
    if (c === ',' || c === ']' || c === '}' || c === '#') bail();
    // Plain scalar: ends at " #"; ": " inside would be an invalid nested mapping.
    let end = rest.length;
    const h = rest.indexOf(' #');
    if (h >= 0) end = h;
    const text = rest.slice(0, end).trimEnd();
    if (findMapColon(text) >= 0) bail();
    // A more-indented non-comment line after a plain scalar continues it (multi-line plain scalar).
    this.skipBlank();
    if (this.i < this.lines.length) {
      const n = this.lines[this.i]!;
      if (this.ind[this.i]! > parentInd && !isDocStart(n)) bail();
    }
    return plainValue(text);
  }

  private blockScalar(header: string, parentInd: number): string {
    const m = /^([|>])([-+]?)\s*(#.*)?$/.exec(header);
    if (!m) bail();
    const literal = m![1] === '|';
    const chomp = m![2];
    const { lines } = this;
    // Content indent: the first non-empty line's indent.
    let blockInd = -1;
    for (let j = this.i; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.trim() === '') continue;
      blockInd = indentOf(l);
      break;
    }
    const content: string[] = [];
    if (blockInd > parentInd) {
      while (this.i < lines.length) {
        const l = lines[this.i]!;
        if (l.trim() === '') {
          if (l.length > blockInd) bail();
          content.push('');
          this.i++;
          continue;
        }
        if (indentOf(l) < blockInd) break;
        content.push(l.slice(blockInd));
        this.i++;
      }
    } else {
      // Empty block scalar: only blank lines may belong to it.
      while (this.i < lines.length && lines[this.i]!.trim() === '' && this.i < lines.length - 1) {
        if (lines[this.i]!.length > parentInd) bail();
        this.i++;
        content.push('');
      }
    }
    // A document ending without a newline leaves a last '' from split: it is not a line.
    let trailing = 0;
    while (trailing < content.length && content[content.length - 1 - trailing] === '') trailing++;
    const body = content.slice(0, content.length - trailing);
    if (this.i >= lines.length && trailing > 0) trailing--; // the final split element
    let s: string;
    if (literal) s = body.join('\n');
    else {
      s = '';
      let blank = 0;
      let started = false;
      for (const line of body) {
        if (line === '') {
          blank++;
          continue;
        }
        if (line[0] === ' ') bail(); // more-indented lines keep their breaks: leave to the full parser
        if (!started) s += '\n'.repeat(blank);
        else s += blank > 0 ? '\n'.repeat(blank) : ' ';
        s += line;
        blank = 0;
        started = true;
      }
    }
    if (body.length === 0) return chomp === '+' ? '\n'.repeat(trailing) : '';
    if (chomp === '-') return s;
    if (chomp === '+') return s + '\n' + '\n'.repeat(trailing);
    return s + '\n';
  }
}

/** plainValue is constructPlain, giving up on integral floats (index.ts checks those against the schema). */
function plainValue(text: string): unknown {
  const v = constructPlain(text);
  if (typeof v === 'number' && isIntegralFloat(text, v)) bail();
  return v;
}

function isDocStart(l: string): boolean {
  return l.startsWith('---') && (l.length === 3 || l[3] === ' ');
}

function indentOf(l: string): number {
  let j = 0;
  while (j < l.length && l.charCodeAt(j) === 32) j++;
  return j;
}

/** findMapColon finds the `:` that ends a plain key (followed by a space or the end of line), or -1. */
function findMapColon(s: string): number {
  let from = 0;
  for (;;) {
    const k = s.indexOf(':', from);
    if (k < 0) return -1;
    if (k === s.length - 1 || s[k + 1] === ' ') {
      const h = s.indexOf(' #');
      return h >= 0 && h < k ? -1 : k;
    }
    from = k + 1;
  }
}

function trailingOk(s: string, end: number): void {
  const rest = s.slice(end);
  if (rest.trim() !== '' && !/^\s+#/.test(rest)) bail();
}

/** quoted reads a single- or double-quoted scalar that closes on the same line. */
function quoted(s: string, start: number): { value: string; end: number } {
  const q = s[start];
  let out = '';
  let j = start + 1;
  if (q === "'") {
    for (;;) {
      const k = s.indexOf("'", j);
      if (k < 0) bail();
      out += s.slice(j, k);
      if (s[k + 1] === "'") {
        out += "'";
        j = k + 2;
        continue;
      }
      return { value: out, end: k + 1 };
    }
  }
  for (;;) {
    if (j >= s.length) bail();
    const ch = s[j]!;
    if (ch === '"') return { value: out, end: j + 1 };
    if (ch !== '\\') {
      out += ch;
      j++;
      continue;
    }
    const e = s[j + 1];
    j += 2;
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '\\': out += '\\'; break;
      case '"': out += '"'; break;
      case '/': out += '/'; break;
      case '0': out += '\0'; break;
      case 'r': out += '\r'; break;
      case ' ': out += ' '; break;
      case 'x':
      case 'u':
      case 'U': {
        const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = s.slice(j, j + n);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) bail();
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) bail();
        out += String.fromCodePoint(cp);
        j += n;
        break;
      }
      default:
        bail(); // rare escapes (\e, \N, \_, \L, \P, line continuation): the full parser
    }
  }
}

/** FlowParser reads a one-line flow collection: `[a, "b", {c: 1}]`, `{}`. */
class FlowParser {
  private j = 0;
  constructor(
    private readonly s: string,
    private readonly depth: number,
  ) {}

  parse(): { value: unknown; end: number } {
    const value = this.node(this.depth);
    return { value, end: this.j };
  }

  private ws(): void {
    while (this.s[this.j] === ' ') this.j++;
  }

  private node(depth: number): unknown {
    if (depth > MAX_DEPTH) bail();
    this.ws();
    const c = this.s[this.j];
    if (c === '[') {
      this.j++;
      const out: unknown[] = [];
      for (;;) {
        this.ws();
        if (this.s[this.j] === ']') {
          this.j++;
          return out;
        }
        out.push(this.node(depth + 1));
        this.ws();
        if (this.s[this.j] === ':') bail(); // implicit single-pair mapping
        if (this.s[this.j] === ',') this.j++;
        else if (this.s[this.j] !== ']') bail();
      }
    }
    if (c === '{') {
      this.j++;
      const out = new Dict();
      for (;;) {
        this.ws();
        if (this.s[this.j] === '}') {
          this.j++;
          return out;
        }
        const k = this.node(depth + 1);
        if (typeof k === 'object' && k !== null) bail();
        this.ws();
        if (this.s[this.j] !== ':') bail();
        this.j++;
        if (this.s[this.j] !== ' ') bail();
        this.ws();
        const v = this.s[this.j] === ',' || this.s[this.j] === '}' ? null : this.node(depth + 1);
        out[pyKeyString(k)] = v;
        this.ws();
        if (this.s[this.j] === ',') this.j++;
        else if (this.s[this.j] !== '}') bail();
      }
    }
    if (c === '"' || c === "'") {
      const r = quoted(this.s, this.j);
      this.j = r.end;
      return r.value;
    }
    if (c === undefined || '&*!|>%@`#,]}?'.includes(c)) bail();
    if (c === '-' && this.s[this.j + 1] === ' ') bail();
    // Plain scalar in flow context: up to , ] } or ": ".
    const start = this.j;
    while (this.j < this.s.length) {
      const ch = this.s[this.j]!;
      if (ch === ',' || ch === ']' || ch === '}' || ch === '[' || ch === '{') break;
      if (ch === ':' && (this.s[this.j + 1] === ' ' || this.s[this.j + 1] === undefined || ',]}'.includes(this.s[this.j + 1]!))) break;
      if (ch === '#' && this.s[this.j - 1] === ' ') bail();
      this.j++;
    }
    const text = this.s.slice(start, this.j).trimEnd();
    return plainValue(text);
  }
}
