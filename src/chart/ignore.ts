/**
 * ignore evaluates .helmignore files the way Helm 3's loader does: one shell glob
 * (Go's path/filepath.Match) per line, '#' comments, '!' negation, a trailing '/' for
 * directories only, a leading '/' anchoring at the chart root, patterns without '/' matched
 * against the base name, '**' rejected. Helm: pkg/ignore/rules.go.
 */

/** IgnoreFileName is the name of the ignore file in a chart directory. */
export const IgnoreFileName = '.helmignore';

/** IgnoreError is a bad .helmignore line, with Go's text. */
export class IgnoreError extends Error {}

interface Rule {
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
  /** Match the whole relative path (true) or only its base name. */
  whole: boolean;
}

/** Rules is an ordered list of .helmignore rules. */
export class Rules {
  private rules: Rule[] = [];

  /** parse reads rules, one per line (a UTF-8 BOM at the start is skipped). */
  static parse(text: string): Rules {
    const r = new Rules();
    if (text.startsWith('\uFEFF')) text = text.slice(1);
    // Go's bufio.Scanner splits on \n and drops a trailing \r.
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) r.add(line.endsWith('\r') ? line.slice(0, -1) : line);
    return r;
  }

  /** addDefaults adds Helm's built-in rule: dotfiles inside templates/. */
  addDefaults(): void {
    this.add('templates/.?*');
  }

  private add(line: string): void {
    line = line.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.includes('**')) throw new IgnoreError('double-star (**) syntax is not supported');
    if (compileMatch(line) === null) throw new IgnoreError('syntax error in pattern');
    let negate = false;
    let dirOnly = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    }
    if (line.endsWith('/')) {
      dirOnly = true;
      line = line.slice(0, -1);
    }
    let whole = false;
    if (line.startsWith('/')) {
      whole = true;
      line = line.slice(1);
    } else if (line.includes('/')) {
      whole = true;
    }
    const re = compileMatch(line);
    if (re === null) throw new IgnoreError('syntax error in pattern');
    this.rules.push({ re, negate, dirOnly, whole });
  }

  /**
   * ignore reports whether the chart-relative slash path p is ignored. Rules are tried in
   * order; a negated rule that does not match ignores the path (Helm's semantics).
   */
  ignore(p: string, isDir: boolean): boolean {
    if (p === '' || p === '.' || p === './') return false;
    for (const r of this.rules) {
      const target = r.whole ? p : baseName(p);
      const m = r.re.test(target);
      if (r.negate) {
        if (r.dirOnly && !isDir) return true;
        if (!m) return true;
        continue;
      }
      if (r.dirOnly && !isDir) continue;
      if (m) return true;
    }
    return false;
  }
}

function baseName(p: string): string {
  p = p.replace(/\/+$/, '');
  if (p === '') return '/';
  return p.slice(p.lastIndexOf('/') + 1);
}

/**
 * compileMatch turns a Go filepath.Match pattern into a RegExp, or null for a malformed
 * pattern (Go's ErrBadPattern): * and ? never match '/' (a [...] class may), classes with
 * ranges and ^ negation, '\' escapes.
 */
export function compileMatch(pattern: string): RegExp | null {
  const esc = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  let out = '';
  let i = 0;
  const n = pattern.length;
  while (i < n) {
    const c = pattern[i]!;
    i++;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      if (i >= n) return null;
      out += esc(pattern[i]!);
      i++;
    } else if (c === '[') {
      let neg = false;
      if (pattern[i] === '^') {
        neg = true;
        i++;
      }
      let cls = '';
      let first = true;
      let closed = false;
      while (i < n) {
        if (pattern[i] === ']' && !first) {
          closed = true;
          i++;
          break;
        }
        first = false;
        let lo = pattern[i]!;
        if (lo === '\\') {
          i++;
          if (i >= n) return null;
          lo = pattern[i]!;
        } else if (lo === '-' || lo === ']') {
          return null;
        }
        i++;
        if (pattern[i] === '-') {
          i++;
          let hi = pattern[i];
          if (hi === undefined) return null;
          if (hi === '\\') {
            i++;
            hi = pattern[i];
            if (hi === undefined) return null;
          } else if (hi === '-' || hi === ']') return null;
          i++;
          if (hi < lo) return null;
          cls += esc(lo) + '-' + esc(hi);
        } else cls += esc(lo);
      }
      if (!closed) return null;
      out += neg ? `[^${cls}]` : `[${cls}]`;
    } else out += esc(c);
  }
  return new RegExp('^' + out + '$', 's');
}
