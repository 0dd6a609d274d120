/**
 * Sprig 3.2.3's string functions (Sprig: strings.go, functions.go), with the helpers they call in
 * Go's strings package, Masterminds/goutils 1.1.1 and huandu/xstrings 1.4.0 (Helm's pin).
 * Go strings are bytes: functions that index bytes (substr, trunc, initials, nospace, wrap,
 * abbrev) work on goBytes and may cut a multibyte character, as Go does.
 */
import {
  GoFuncError,
  GoSlice,
  TypedMap,
  byteLen,
  fromGoBytes,
  goBytes,
  isAscii,
  type GoFunc,
  type GoInt,
  type GoValue,
} from '../../template/value.js';
import { compareGoStrings, formatValue } from '../../template/fmt.js';
import { def } from '../def.js';
import {
  fromRunes,
  goQuote,
  isLetter,
  isLower,
  isNumber,
  isPunct,
  isSpace,
  isTitle,
  isUpper,
  mapRunes,
  runeError,
  runes,
  strslice,
  strval,
  toLower,
  toTitle,
  toUpper,
} from './cast.js';

/** maxStringBytes bounds the strings podtpl builds (repeat, indent, wrap…); Go has no such limit. */
export const maxStringBytes = 64 << 20;

const n = (v: GoValue): number => Number((v as GoInt).v);
const big = (v: GoValue): bigint => (v as GoInt).v;
const str = (v: GoValue): string => v as string;

/** sliceError is Go's runtime panic for a bad s[a:b] on a string of length len. */
function sliceError(a: number | null, b: number | null, len: number): GoFuncError {
  if (a === null) return new GoFuncError(`runtime error: slice bounds out of range [:${b}]` + (b !== null && b < 0 ? '' : ` with length ${len}`));
  if (b === null) return new GoFuncError(`runtime error: slice bounds out of range [${a}:${len}]`);
  return new GoFuncError(`runtime error: slice bounds out of range [${a}:${b}]`);
}

/** byteSlice is s[a:b] on a Go string (b undefined: to the end), with Go's panics. */
export function byteSlice(s: string, a: number | undefined, b: number | undefined): string {
  const ascii = isAscii(s);
  const bytes = ascii ? undefined : goBytes(s);
  const len = bytes ? bytes.length : s.length;
  if (b !== undefined && (b < 0 || b > len)) throw sliceError(null, b, len);
  const lo = a ?? 0;
  const hi = b ?? len;
  if (lo < 0 || lo > hi) throw b === undefined ? sliceError(lo, null, len) : sliceError(lo, hi, len);
  return bytes ? fromGoBytes(bytes.subarray(lo, hi)) : s.slice(lo, hi);
}


// ---- strings package ----

/** trimSpace is strings.TrimSpace. */
export function trimSpace(s: string): string {
  const rs = Array.from(s);
  let i = 0;
  let j = rs.length;
  while (i < j && isSpace(rs[i]!.codePointAt(0)!)) i++;
  while (j > i && isSpace(rs[j - 1]!.codePointAt(0)!)) j--;
  return rs.slice(i, j).join('');
}

/** trimCutset is strings.Trim(s, cutset). */
export function trimCutset(s: string, cutset: string): string {
  if (s === '' || cutset === '') return s;
  const set = new Set(runes(cutset));
  const rs = Array.from(s);
  const r = (c: string): number => {
    const cp = c.codePointAt(0)!;
    return cp >= 0xd800 && cp <= 0xdfff ? runeError : cp;
  };
  let i = 0;
  let j = rs.length;
  while (i < j && set.has(r(rs[i]!))) i++;
  while (j > i && set.has(r(rs[j - 1]!))) j--;
  return rs.slice(i, j).join('');
}

/** repeat is strings.Repeat with a podtpl size guard. */
export function repeat(s: string, count: bigint): string {
  if (count < 0n) throw new GoFuncError('strings: negative Repeat count');
  if (s === '' || count === 0n) return '';
  if (BigInt(byteLen(s)) * count > BigInt(maxStringBytes)) {
    throw new GoFuncError(`strings: Repeat result too large (podtpl limit ${maxStringBytes} bytes)`);
  }
  return s.repeat(Number(count));
}

/** goSplit is strings.SplitN(s, sep, n) (n < 0: all; n == 0: nil). */
export function goSplit(s: string, sep: string, n = -1): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const rs = Array.from(s);
    if (n < 0 || n >= rs.length) return rs;
    return [...rs.slice(0, n - 1), rs.slice(n - 1).join('')];
  }
  const all = s.split(sep);
  if (n < 0 || all.length <= n) return all;
  return [...all.slice(0, n - 1), all.slice(n - 1).join(sep)];
}

function isSeparator(r: number): boolean {
  if (r <= 0x7f) {
    if ((r >= 0x30 && r <= 0x39) || (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || r === 0x5f) return false;
    return true;
  }
  if (isLetter(r) || /^\p{Nd}$/u.test(String.fromCodePoint(r))) return false;
  return isSpace(r);
}

/** title is strings.Title: the first letter of each word to title case. */
export function title(s: string): string {
  let prev = 0x20;
  return mapRunes(s, (r) => {
    const out = isSeparator(prev) ? toTitle(r) : r;
    prev = r;
    return out;
  });
}

/** upper is strings.ToUpper. */
export function upper(s: string): string {
  return isAscii(s) ? s.toUpperCase() : mapRunes(s, toUpper);
}

/** lower is strings.ToLower. */
export function lower(s: string): string {
  return isAscii(s) ? s.toLowerCase() : mapRunes(s, toLower);
}

// ---- goutils ----

/** latin1 writes each byte as the rune of the same number (goutils' `rune(str[i])` quirk). */
function latin1(bytes: number[]): string {
  return String.fromCharCode(...bytes);
}

/** initials is goutils.Initials: byte-wise, so a multibyte letter yields its first byte as a Latin-1 rune. */
export function initials(s: string): string {
  if (s === '') return s;
  const b = goBytes(s);
  const out: number[] = [];
  let lastWasGap = true;
  for (const c of b) {
    if (isSpace(c)) lastWasGap = true;
    else if (lastWasGap) {
      out.push(c);
      lastWasGap = false;
    }
  }
  return latin1(out);
}

/** deleteWhiteSpace is goutils.DeleteWhiteSpace (byte-wise, like initials). */
export function deleteWhiteSpace(s: string): string {
  if (s === '') return s;
  const b = goBytes(s);
  const out: number[] = [];
  for (const c of b) if (!isSpace(c)) out.push(c);
  if (out.length === b.length) return s;
  let r = '';
  for (let i = 0; i < out.length; i += 8192) r += latin1(out.slice(i, i + 8192));
  return r;
}

/** uncapitalize is goutils.Uncapitalize. */
export function uncapitalize(s: string): string {
  if (s === '') return s;
  const rs = runes(s);
  let next = true;
  for (let i = 0; i < rs.length; i++) {
    const ch = rs[i]!;
    if (isSpace(ch)) next = true;
    else if (next) {
      rs[i] = toLower(ch);
      next = false;
    }
  }
  return fromRunes(rs);
}

/** swapCase is goutils.SwapCase. */
export function swapCase(s: string): string {
  if (s === '') return s;
  const rs = runes(s);
  let ws = true;
  for (let i = 0; i < rs.length; i++) {
    const ch = rs[i]!;
    if (isUpper(ch) || isTitle(ch)) {
      rs[i] = toLower(ch);
      ws = false;
    } else if (isLower(ch)) {
      rs[i] = ws ? toTitle(ch) : toUpper(ch);
      ws = false;
    } else {
      ws = isSpace(ch);
    }
  }
  return fromRunes(rs);
}

/** abbreviateFull is goutils.AbbreviateFull; errors give "" (Sprig ignores them). */
export function abbreviateFull(s: string, offset: number, maxWidth: number): string {
  if (s === '') return '';
  if (maxWidth < 4) return '';
  const b = goBytes(s);
  const len = b.length;
  if (len <= maxWidth) return s;
  if (offset > len) offset = len;
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  const marker = '...';
  if (offset <= 4) return fromGoBytes(b.subarray(0, maxWidth - 3)) + marker;
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) return marker + abbreviateFull(fromGoBytes(b.subarray(offset)), 0, maxWidth - 3);
  return marker + fromGoBytes(b.subarray(len - (maxWidth - 3)));
}

/** wrapCustom is goutils.WrapCustom (byte-wise). */
export function wrapCustom(s: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (s === '') return '';
  if (newLine === '') newLine = '\n';
  if (wrapLength < 1) wrapLength = 1;
  const b = goBytes(s);
  const nl = goBytes(newLine);
  const len = b.length;
  let offset = 0;
  const out: Uint8Array[] = [];
  let size = 0;
  const push = (x: Uint8Array): void => {
    size += x.length;
    if (size > maxStringBytes) throw new GoFuncError(`wrap: result too large (podtpl limit ${maxStringBytes} bytes)`);
    out.push(x);
  };
  const lastSpace = (from: number, to: number): number => {
    for (let i = Math.min(to, len) - 1; i >= from; i--) if (b[i] === 0x20) return i - from;
    return -1;
  };
  while (len - offset > wrapLength) {
    if (b[offset] === 0x20) {
      offset++;
      continue;
    }
    const end = wrapLength + offset + 1;
    let spaceToWrapAt = lastSpace(offset, end) + offset;
    if (spaceToWrapAt >= offset) {
      push(b.subarray(offset, spaceToWrapAt));
      push(nl);
      offset = spaceToWrapAt + 1;
    } else if (wrapLongWords) {
      push(b.subarray(offset, wrapLength + offset));
      push(nl);
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const idx = b.indexOf(0x20, e);
      if (idx === -1) {
        push(b.subarray(offset));
        offset = len;
      } else {
        spaceToWrapAt = idx;
        push(b.subarray(offset, spaceToWrapAt));
        push(nl);
        offset = spaceToWrapAt + 1;
      }
    }
  }
  push(b.subarray(offset));
  const all = new Uint8Array(size);
  let p = 0;
  for (const x of out) {
    all.set(x, p);
    p += x.length;
  }
  return fromGoBytes(all);
}

// ---- xstrings 1.4.0 ----

interface Tok {
  r: number;
  src: string;
}

function toks(s: string): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    const src = String.fromCodePoint(cp);
    if (cp > 0xffff) i++;
    out.push({ r: cp >= 0xd800 && cp <= 0xdfff ? runeError : cp, src });
  }
  return out;
}

function isConnector(r: number): boolean {
  return r === 0x2d || r === 0x5f || isSpace(r);
}

/** isAlphabet is xstrings' letter-but-not-CJK test. */
function isAlphabet(r: number): boolean {
  if (!isLetter(r)) return false;
  if (r < 0x3400) return true;
  if (r >= 0x4e00 && r <= 0x9fcc) return false;
  if (r >= 0x3400 && r <= 0x4d85) return false;
  if (r >= 0x20000 && r <= 0x2b81d) return false;
  return true;
}

/** toCamelCase is xstrings 1.4.0's ToCamelCase (Helm's pin; 1.3.3 also lower-cased the rest of each word). */
export function toCamelCase(s: string): string {
  if (s === '') return '';
  const t = toks(s);
  let i = 0;
  let out = '';
  let r0 = 0;
  let r1 = 0;
  let size = 0;
  while (i < t.length) {
    r0 = t[i]!.r;
    size = 1;
    i++;
    if (!isConnector(r0)) {
      r0 = toUpper(r0);
      break;
    }
    out += String.fromCodePoint(r0);
  }
  if (i >= t.length) {
    if (size !== 0) out += String.fromCodePoint(r0);
    return out;
  }
  while (i < t.length) {
    r1 = r0;
    r0 = t[i]!.r;
    i++;
    if (isConnector(r0) && isConnector(r1)) {
      out += String.fromCodePoint(r1);
      continue;
    }
    if (isConnector(r1)) r0 = toUpper(r0);
    else out += String.fromCodePoint(r1);
  }
  return out + String.fromCodePoint(r0);
}

const enum W {
  invalid,
  number,
  upperCase,
  alphabet,
  connector,
  punct,
  other,
}

/** nextValidRune skips invalid runes; returns the rune (prev when none) and the tokens consumed. */
function nextValidRune(t: Tok[], pos: number, prev: number): [number, number] {
  let size = 0;
  while (pos + size < t.length) {
    const r = t[pos + size]!.r;
    size++;
    if (r !== runeError) return [r, size];
  }
  return [prev, size];
}

interface Word {
  wt: W;
  start: number;
  end: number;
}

function nextWord(t: Tok[], pos: number): Word {
  if (pos >= t.length) return { wt: W.invalid, start: pos, end: pos };
  const str = pos;
  let offset = 0;
  let remaining = pos;
  const rem = (): number => t.length - remaining;
  let [r, size] = nextValidRune(t, remaining, runeError);
  offset += size;
  let wt: W;
  if (r === runeError) return { wt: W.invalid, start: str, end: str + offset };
  if (isConnector(r)) {
    wt = W.connector;
    remaining += size;
    while (rem() > 0) {
      [r, size] = nextValidRune(t, remaining, r);
      if (!isConnector(r)) break;
      offset += size;
      remaining += size;
    }
  } else if (isPunct(r)) {
    wt = W.punct;
    remaining += size;
    while (rem() > 0) {
      [r, size] = nextValidRune(t, remaining, r);
      if (!isPunct(r)) break;
      offset += size;
      remaining += size;
    }
  } else if (isUpper(r)) {
    wt = W.upperCase;
    remaining += size;
    if (rem() > 0) {
      [r, size] = nextValidRune(t, remaining, r);
      if (isUpper(r)) {
        let prevSize = size;
        offset += size;
        remaining += size;
        while (rem() > 0) {
          [r, size] = nextValidRune(t, remaining, r);
          if (!isUpper(r)) break;
          prevSize = size;
          offset += size;
          remaining += size;
        }
        if (rem() > 0 && isAlphabet(r)) {
          offset -= prevSize;
          remaining = str + offset;
        }
      } else if (isAlphabet(r)) {
        offset += size;
        remaining += size;
        while (rem() > 0) {
          [r, size] = nextValidRune(t, remaining, r);
          if (!isAlphabet(r) || isUpper(r)) break;
          offset += size;
          remaining += size;
        }
      }
    }
  } else if (isAlphabet(r)) {
    wt = W.alphabet;
    remaining += size;
    while (rem() > 0) {
      [r, size] = nextValidRune(t, remaining, r);
      if (!isAlphabet(r) || isUpper(r)) break;
      offset += size;
      remaining += size;
    }
  } else if (isNumber(r)) {
    wt = W.number;
    remaining += size;
    while (rem() > 0) {
      [r, size] = nextValidRune(t, remaining, r);
      if (!isNumber(r)) break;
      offset += size;
      remaining += size;
    }
  } else {
    wt = W.other;
    remaining += size;
    while (rem() > 0) {
      [r, size] = nextValidRune(t, remaining, r);
      if (size === 0 || isConnector(r) || isAlphabet(r) || isNumber(r) || isPunct(r)) break;
      offset += size;
      remaining += size;
    }
  }
  return { wt, start: str, end: str + offset };
}

function camelCaseToLowerCase(s: string, connector: number): string {
  if (s === '') return '';
  const t = toks(s);
  let out = '';
  const conn = String.fromCodePoint(connector);
  const lowerWord = (wt: W, w: Word): void => {
    if (wt !== W.upperCase && wt !== W.connector) {
      for (let i = w.start; i < w.end; i++) out += t[i]!.src;
      return;
    }
    for (let i = w.start; i < w.end; i++) {
      const r = t[i]!.r;
      if (isConnector(r)) out += conn;
      else if (isUpper(r)) out += String.fromCodePoint(toLower(r));
      else out += String.fromCodePoint(r);
    }
  };
  let w = nextWord(t, 0);
  let wt = w.wt;
  while (w.end < t.length) {
    if (wt !== W.connector) lowerWord(wt, w);
    const prev = wt;
    const last = w;
    w = nextWord(t, w.end);
    wt = w.wt;
    switch (prev) {
      case W.number:
        while (wt === W.alphabet || wt === W.number) {
          lowerWord(wt, w);
          w = nextWord(t, w.end);
          wt = w.wt;
        }
        if (wt !== W.invalid && wt !== W.punct && wt !== W.connector) out += conn;
        break;
      case W.connector:
        lowerWord(prev, last);
        break;
      case W.punct:
        break;
      default: {
        if (wt !== W.number) {
          if (wt !== W.connector && wt !== W.punct) out += conn;
          break;
        }
        if (w.end >= t.length) break;
        const lastNum = w;
        w = nextWord(t, w.end);
        wt = w.wt;
        if (wt !== W.alphabet) {
          lowerWord(W.number, lastNum);
          if (wt !== W.connector && wt !== W.punct) out += conn;
          break;
        }
        out += conn;
        lowerWord(W.number, lastNum);
        while (wt === W.alphabet || wt === W.number) {
          lowerWord(wt, w);
          w = nextWord(t, w.end);
          wt = w.wt;
        }
        if (wt !== W.invalid && wt !== W.connector && wt !== W.punct) out += conn;
      }
    }
  }
  lowerWord(wt, w);
  return out;
}

/** toSnakeCase is xstrings.ToSnakeCase. */
export function toSnakeCase(s: string): string {
  return camelCaseToLowerCase(s, 0x5f);
}

/** toKebabCase is xstrings.ToKebabCase. */
export function toKebabCase(s: string): string {
  return camelCaseToLowerCase(s, 0x2d);
}

/** shuffle is xstrings.Shuffle: a random permutation of the runes. */
export function shuffle(s: string): string {
  if (s === '') return s;
  const rs = runes(s);
  for (let i = rs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    if (i !== j) [rs[i], rs[j]] = [rs[j]!, rs[i]!];
  }
  return fromRunes(rs);
}

// ---- Sprig ----

/** indent is Sprig's indent: pad every line, including after "\r\n" (only "\n" splits lines). */
export function indent(spaces: bigint, v: string): string {
  const pad = repeat(' ', spaces < 0n ? 0n : spaces);
  if (spaces < 0n) throw new GoFuncError('strings: negative Repeat count');
  const lines = v.split('\n').length;
  if ((byteLen(pad) + 1) * lines + byteLen(v) > maxStringBytes) {
    throw new GoFuncError(`indent: result too large (podtpl limit ${maxStringBytes} bytes)`);
  }
  return pad + v.split('\n').join('\n' + pad);
}

function splitMap(parts: string[]): TypedMap {
  const m = new TypedMap('map[string]string', 'map[string]string', 'string');
  parts.forEach((p, i) => m.set('_' + i, p));
  return m;
}

/** sortAlpha is Sprig's sortAlpha: lists through strslice, sorted byte-wise; anything else a one-element list. */
export function sortAlpha(list: GoValue): GoSlice {
  if (Array.isArray(list) || list instanceof GoSlice) {
    return new GoSlice('string', [...strslice(list)].sort(compareGoStrings));
  }
  return new GoSlice('string', [strval(list)]);
}

/** stringsFuncs are Sprig 3.2.3's strings functions. */
export const stringsFuncs: GoFunc[] = [
  def('hello', [], 'string', () => 'Hello!'),
  def('abbrev', ['int', 'string'], 'string', ([w, s]) => {
    const width = n(w);
    return width < 4 ? str(s) : abbreviateFull(str(s), 0, width);
  }),
  def('abbrevboth', ['int', 'int', 'string'], 'string', ([l, r, s]) => {
    const left = n(l);
    const right = n(r);
    if (right < 4 || (left > 0 && right < 7)) return str(s);
    return abbreviateFull(str(s), left, right);
  }),
  def('trunc', ['int', 'string'], 'string', ([cv, sv]) => {
    const c = n(cv);
    const s = str(sv);
    const len = byteLen(s);
    if (c < 0 && len + c > 0) return byteSlice(s, len + c, undefined);
    if (c >= 0 && len > c) return byteSlice(s, 0, c);
    return s;
  }),
  def('trim', ['string'], 'string', ([s]) => trimSpace(str(s))),
  def('upper', ['string'], 'string', ([s]) => upper(str(s))),
  def('lower', ['string'], 'string', ([s]) => lower(str(s))),
  def('title', ['string'], 'string', ([s]) => title(str(s))),
  def('untitle', ['string'], 'string', ([s]) => uncapitalize(str(s))),
  def('substr', ['int', 'int', 'string'], 'string', ([a, b, sv]) => {
    const start = n(a);
    const end = n(b);
    const s = str(sv);
    if (start < 0) return byteSlice(s, undefined, end);
    const len = byteLen(s);
    if (end < 0 || end > len) return byteSlice(s, start, undefined);
    return byteSlice(s, start, end);
  }),
  // Sprig: the arguments are swapped so that `"foo" | repeat 5` works.
  def('repeat', ['int', 'string'], 'string', ([c, s]) => repeat(str(s), big(c))),
  def('trimall', ['string', 'string'], 'string', ([a, b]) => trimCutset(str(b), str(a))),
  def('trimAll', ['string', 'string'], 'string', ([a, b]) => trimCutset(str(b), str(a))),
  def('trimSuffix', ['string', 'string'], 'string', ([a, b]) => {
    const s = str(b);
    return str(a) !== '' && s.endsWith(str(a)) ? s.slice(0, s.length - str(a).length) : s;
  }),
  def('trimPrefix', ['string', 'string'], 'string', ([a, b]) => {
    const s = str(b);
    return s.startsWith(str(a)) ? s.slice(str(a).length) : s;
  }),
  def('nospace', ['string'], 'string', ([s]) => deleteWhiteSpace(str(s))),
  def('initials', ['string'], 'string', ([s]) => initials(str(s))),
  def('swapcase', ['string'], 'string', ([s]) => swapCase(str(s))),
  def('shuffle', ['string'], 'string', ([s]) => shuffle(str(s))),
  def('snakecase', ['string'], 'string', ([s]) => toSnakeCase(str(s))),
  def('camelcase', ['string'], 'string', ([s]) => toCamelCase(str(s))),
  def('kebabcase', ['string'], 'string', ([s]) => toKebabCase(str(s))),
  def('wrap', ['int', 'string'], 'string', ([l, s]) => wrapCustom(str(s), n(l), '', false)),
  def('wrapWith', ['int', 'string', 'string'], 'string', ([l, sep, s]) => wrapCustom(str(s), n(l), str(sep), true)),
  // Sprig: the arguments are swapped so that `"foobar" | contains "foo"` works.
  def('contains', ['string', 'string'], 'bool', ([sub, s]) => str(s).includes(str(sub))),
  def('hasPrefix', ['string', 'string'], 'bool', ([sub, s]) => str(s).startsWith(str(sub))),
  def('hasSuffix', ['string', 'string'], 'bool', ([sub, s]) => str(s).endsWith(str(sub))),
  def(
    'quote',
    ['interface {}'],
    'string',
    (args) => args.filter((a) => a !== null && a !== undefined).map((a) => goQuote(strval(a))).join(' '),
    { variadic: true },
  ),
  def(
    'squote',
    ['interface {}'],
    'string',
    (args) => args.filter((a) => a !== null && a !== undefined).map((a) => `'${formatValue(a)}'`).join(' '),
    { variadic: true },
  ),
  def(
    'cat',
    ['interface {}'],
    'string',
    (args) => args.filter((a) => a !== null && a !== undefined).map((a) => formatValue(a)).join(' '),
    { variadic: true },
  ),
  def('indent', ['int', 'string'], 'string', ([s, v]) => indent(big(s), str(v))),
  def('nindent', ['int', 'string'], 'string', ([s, v]) => '\n' + indent(big(s), str(v))),
  def('replace', ['string', 'string', 'string'], 'string', ([o, nw, src]) => replaceAll(str(src), str(o), str(nw))),
  def('plural', ['string', 'string', 'int'], 'string', ([one, many, c]) => (big(c) === 1n ? str(one) : str(many))),
  def('toString', ['interface {}'], 'string', ([v]) => strval(v ?? null)),
  def('join', ['string', 'interface {}'], 'string', ([sep, v]) => strslice(v ?? null).join(str(sep))),
  def('sortAlpha', ['interface {}'], '[]string', ([v]) => sortAlpha(v ?? null)),
  def('split', ['string', 'string'], 'map[string]string', ([sep, s]) => splitMap(goSplit(str(s), str(sep)))),
  def('splitList', ['string', 'string'], '[]string', ([sep, s]) => new GoSlice('string', goSplit(str(s), str(sep)))),
  def('splitn', ['string', 'int', 'string'], 'map[string]string', ([sep, c, s]) => {
    const cnt = big(c);
    return splitMap(goSplit(str(s), str(sep), cnt > 1n << 31n ? -1 : Number(cnt)));
  }),
  def('toStrings', ['interface {}'], '[]string', ([v]) => new GoSlice('string', strslice(v ?? null))),
];

/** replaceAll is strings.Replace(s, old, new, -1); an empty old inserts new around every rune. */
export function replaceAll(s: string, old: string, nw: string): string {
  if (old === nw) return s;
  let out: string;
  if (old === '') {
    const rs = Array.from(s);
    out = nw + rs.join(nw) + (rs.length ? nw : '');
  } else {
    out = s.split(old).join(nw);
  }
  if (out.length > maxStringBytes) throw new GoFuncError(`replace: result too large (podtpl limit ${maxStringBytes} bytes)`);
  return out;
}
