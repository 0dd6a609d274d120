/**
 * A Go regexp.Regexp over the re2js engine (an RE2 port: linear time, RE2 syntax). Go's
 * byte-offset semantics are kept by matching the UTF-8 bytes of the subject; FindAll, Split,
 * ReplaceAll and Expand follow Go 1.19's regexp.go so empty matches, `$name` expansion and
 * limits behave exactly as in Go.
 */
import type { Matcher, RE2JS } from 're2js';
import { lazyRequire } from '../lazy-require.js';

const re2js = lazyRequire<typeof import('re2js')>('re2js');
import { decodeRune, fromGoBytes, goBytes } from '../../template/value.js';

/** RegexpSyntaxError is regexp/syntax.Error: `error parsing regexp: CODE: `EXPR“. */
export class RegexpSyntaxError extends Error {}

const cache = new Map<string, GoRegexp>();
const maxCache = 256;

/** GoRegexp is a compiled Go regexp. */
export class GoRegexp {
  private constructor(
    readonly expr: string,
    private readonly re: RE2JS,
    /** subexpNames[i] is the name of group i ('' when unnamed); index 0 is the whole match. */
    readonly subexpNames: string[],
  ) {}

  /** compile is regexp.Compile; it throws RegexpSyntaxError with Go's text. */
  static compile(expr: string): GoRegexp {
    const hit = cache.get(expr);
    if (hit) return hit;
    // Go 1.19 (the oracle's Go) has no `(?<name>…)`; re2js accepts it.
    const lt = findUnescaped(expr, '(?<');
    if (lt >= 0) throw new RegexpSyntaxError('error parsing regexp: invalid or unsupported Perl syntax: `(?<`');
    const [src, renamed] = renameDuplicateGroups(expr);
    let re: RE2JS;
    try {
      re = re2js().RE2JS.compile(src);
    } catch (e) {
      if (e instanceof re2js().RE2JSSyntaxException) throw new RegexpSyntaxError(e.message);
      throw new RegexpSyntaxError(`error parsing regexp: ${(e as Error).message}`);
    }
    const n = re.groupCount();
    const names: string[] = new Array<string>(n + 1).fill('');
    const named = (re.re2() as unknown as { namedGroups: Record<string, number> }).namedGroups ?? {};
    for (const [k, i] of Object.entries(named)) names[i] = renamed.get(k) ?? k;
    const r = new GoRegexp(expr, re, names);
    if (cache.size >= maxCache) cache.clear();
    cache.set(expr, r);
    return r;
  }

  /** numSubexp is Regexp.NumSubexp. */
  get numSubexp(): number {
    return this.subexpNames.length - 1;
  }

  private matcher(b: Uint8Array): Matcher {
    return this.re.matcher(re2js().MatcherInput.utf8(b));
  }

  /** doExecute finds the leftmost match at or after byte pos: [start, end, group starts/ends…] or null. */
  private exec(m: Matcher, pos: number, ncap: number): number[] | null {
    if (!m.find(pos)) return null;
    const out = [m.start(), m.end()];
    for (let g = 1; g < ncap; g++) out.push(m.start(g), m.end(g));
    return out;
  }

  /** matchString is Regexp.MatchString. */
  matchString(s: string): boolean {
    return this.matcher(goBytes(s)).find(0);
  }

  /** allMatches is Go's allMatches: up to n matches (n < 0: all), empty matches right after a match skipped. */
  allMatches(b: Uint8Array, n: number, ncap: number, deliver: (m: number[]) => void): void {
    if (n < 0) n = b.length + 1;
    const m = this.matcher(b);
    const end = b.length;
    for (let pos = 0, i = 0, prevMatchEnd = -1; i < n && pos <= end; ) {
      const matches = this.exec(m, pos, ncap);
      if (!matches) break;
      let accept = true;
      if (matches[1] === pos) {
        if (matches[0] === prevMatchEnd) accept = false;
        const width = pos < end ? decodeRune(b, pos)[1] : 0;
        pos = width > 0 ? pos + width : end + 1;
      } else {
        pos = matches[1]!;
      }
      prevMatchEnd = matches[1]!;
      if (accept) {
        deliver(matches);
        i++;
      }
    }
  }

  /** findString is Regexp.FindString. */
  findString(s: string): string {
    const b = goBytes(s);
    const a = this.exec(this.matcher(b), 0, 1);
    return a ? sliceStr(b, a[0]!, a[1]!) : '';
  }

  /** findAllString is Regexp.FindAllString (null for no match, as Go's nil slice). */
  findAllString(s: string, n: number): string[] | null {
    const b = goBytes(s);
    const out: string[] = [];
    this.allMatches(b, n, 1, (m) => out.push(sliceStr(b, m[0]!, m[1]!)));
    return out.length ? out : null;
  }

  /** split is Regexp.Split. */
  split(s: string, n: number): string[] | null {
    if (n === 0) return null;
    if (this.expr.length > 0 && s.length === 0) return [''];
    const b = goBytes(s);
    const matches: number[][] = [];
    this.allMatches(b, n, 1, (m) => matches.push(m));
    const strings: string[] = [];
    let beg = 0;
    let end = 0;
    for (const match of matches) {
      if (n > 0 && strings.length >= n - 1) break;
      end = match[0]!;
      if (match[1] !== 0) strings.push(sliceStr(b, beg, end));
      beg = match[1]!;
    }
    if (end !== b.length) strings.push(sliceStr(b, beg, b.length));
    return strings;
  }

  /** replaceAllString is Regexp.ReplaceAllString: `$1`, `${name}` expanded (Go's Expand rules). */
  replaceAllString(src: string, repl: string): string {
    const tmpl = goBytes(repl);
    const n = repl.includes('$') ? 2 * (this.numSubexp + 1) : 2;
    return fromGoBytes(this.replaceAll(goBytes(src), n, (dst, m, s) => this.expand(dst, tmpl, s, m)));
  }

  /** replaceAllLiteralString is Regexp.ReplaceAllLiteralString. */
  replaceAllLiteralString(src: string, repl: string): string {
    const r = goBytes(repl);
    return fromGoBytes(this.replaceAll(goBytes(src), 2, (dst) => pushAll(dst, r)));
  }

  private replaceAll(src: Uint8Array, nmatch: number, repl: (dst: number[], m: number[], src: Uint8Array) => void): Uint8Array {
    let lastMatchEnd = 0;
    let searchPos = 0;
    const buf: number[] = [];
    const endPos = src.length;
    const ncap = Math.min(nmatch, 2 * (this.numSubexp + 1)) / 2;
    const m = this.matcher(src);
    while (searchPos <= endPos) {
      const a = this.exec(m, searchPos, ncap);
      if (!a) break;
      pushAll(buf, src.subarray(lastMatchEnd, a[0]));
      // Go: no replacement for an empty match right after the previous match.
      if (a[1]! > lastMatchEnd || a[0] === 0) repl(buf, a, src);
      lastMatchEnd = a[1]!;
      const width = searchPos < endPos ? decodeRune(src, searchPos)[1] : 0;
      if (searchPos + width > a[1]!) searchPos += width;
      else if (searchPos + 1 > a[1]!) searchPos++;
      else searchPos = a[1]!;
    }
    pushAll(buf, src.subarray(lastMatchEnd));
    return Uint8Array.from(buf);
  }

  /** expand is Go's Regexp.expand: `$$`, `$1`, `$name`, `${name}`; unknown groups expand to nothing. */
  private expand(dst: number[], template: Uint8Array, src: Uint8Array, match: number[]): void {
    let t = 0;
    while (t < template.length) {
      const i = template.indexOf(0x24, t);
      if (i < 0) break;
      pushAll(dst, template.subarray(t, i));
      t = i + 1;
      if (t < template.length && template[t] === 0x24) {
        dst.push(0x24);
        t++;
        continue;
      }
      const ex = extract(template, t);
      if (!ex) {
        dst.push(0x24);
        continue;
      }
      t = ex.rest;
      if (ex.num >= 0) {
        if (2 * ex.num + 1 < match.length && match[2 * ex.num]! >= 0) {
          pushAll(dst, src.subarray(match[2 * ex.num], match[2 * ex.num + 1]));
        }
      } else {
        for (let g = 0; g < this.subexpNames.length; g++) {
          if (ex.name === this.subexpNames[g] && 2 * g + 1 < match.length && match[2 * g]! >= 0) {
            pushAll(dst, src.subarray(match[2 * g], match[2 * g + 1]));
            break;
          }
        }
      }
    }
    pushAll(dst, template.subarray(t));
  }
}

function pushAll(dst: number[], b: Uint8Array): void {
  for (let i = 0; i < b.length; i++) dst.push(b[i]!);
}

function sliceStr(b: Uint8Array, start: number, end: number): string {
  return fromGoBytes(b.subarray(start, end));
}

const letterOrDigit = /^[\p{L}\p{Nd}_]$/u;

/** extract is Go's extract: a leading `name` or `{name}` after `$`, with its number when numeric. */
function extract(b: Uint8Array, start: number): { name: string; num: number; rest: number } | null {
  if (start >= b.length) return null;
  let p = start;
  let brace = false;
  if (b[p] === 0x7b) {
    brace = true;
    p++;
  }
  let i = p;
  while (i < b.length) {
    const [r, size] = decodeRune(b, i);
    if (!letterOrDigit.test(String.fromCodePoint(r)) || (r === 0xfffd && size === 1)) break;
    i += size;
  }
  if (i === p) return null;
  const name = fromGoBytes(b.subarray(p, i));
  if (brace) {
    if (i >= b.length || b[i] !== 0x7d) return null;
    i++;
  }
  let num = 0;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c < 0x30 || c > 0x39 || num >= 1e8) {
      num = -1;
      break;
    }
    num = num * 10 + c - 0x30;
  }
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, rest: i };
}

/** scanSyntax calls visit(i) for each index of expr outside `\\` escapes, `\\Q…\\E` and character classes. */
function scanSyntax(expr: string, visit: (i: number) => boolean): void {
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === '\\') {
      if (expr[i + 1] === 'Q') {
        const e = expr.indexOf('\\E', i + 2);
        if (e < 0) return;
        i = e + 1;
        continue;
      }
      i++;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (expr[j] === '^') j++;
      if (expr[j] === ']') j++;
      while (j < expr.length && expr[j] !== ']') {
        if (expr[j] === '\\') j++;
        else if (expr.startsWith('[:', j)) {
          const e = expr.indexOf(':]', j + 2);
          if (e >= 0) j = e + 1;
        }
        j++;
      }
      i = j;
      continue;
    }
    if (visit(i)) return;
  }
}

/** findUnescaped returns the index of needle in expr outside escapes and classes, or -1. */
function findUnescaped(expr: string, needle: string): number {
  let at = -1;
  scanSyntax(expr, (i) => {
    if (expr.startsWith(needle, i)) at = i;
    return at >= 0;
  });
  return at;
}

/**
 * renameDuplicateGroups gives repeated `(?P<name>` groups unique names (re2js rejects
 * duplicates; Go 1.19 accepts them) and returns the rewritten pattern and the real names
 * by rewritten name.
 */
function renameDuplicateGroups(expr: string): [string, Map<string, string>] {
  const seen = new Set<string>();
  const renamed = new Map<string, string>();
  const edits: [number, number, string][] = [];
  scanSyntax(expr, (i) => {
    if (!expr.startsWith('(?P<', i)) return false;
    const close = expr.indexOf('>', i + 4);
    if (close < 0) return false;
    const name = expr.slice(i + 4, close);
    if (seen.has(name)) {
      const alias = `podtplDup${renamed.size}x${name}`;
      renamed.set(alias, name);
      edits.push([i + 4, close, alias]);
    }
    seen.add(name);
    return false;
  });
  let out = expr;
  for (const [a, b, alias] of edits.reverse()) out = out.slice(0, a) + alias + out.slice(b);
  return [out, renamed];
}

/** quoteMeta is regexp.QuoteMeta: a backslash before each of `\.+*?()|[]{}^$`. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
