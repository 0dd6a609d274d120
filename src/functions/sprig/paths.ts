/**
 * Sprig 3.2.3's path functions (Sprig: functions.go): Go's path package (base, dir, clean, ext,
 * isAbs) and path/filepath with Linux semantics (osBase…, identical to path on Linux), plus
 * urlParse and urlJoin (Sprig: url.go) over a port of Go's net/url.
 */
import { GoFuncError, fromGoBytes, goBytes, type GoFunc, type GoValue } from '../../template/value.js';
import { quote } from '../../template/strconv.js';
import { def } from '../def.js';
import { nilDeref } from './cast.js';
import { goKindOf } from './reflection.js';

/** clean is path.Clean: the shortest equivalent path by lexical processing. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const out = (rooted ? '/' : '') + parts.join('/');
  return out === '' ? '.' : out;
}

/** base is path.Base: the last element, trailing slashes removed; "" gives ".", all slashes "/". */
export function base(p: string): string {
  if (p === '') return '.';
  while (p.length > 0 && p[p.length - 1] === '/') p = p.slice(0, -1);
  const i = p.lastIndexOf('/');
  if (i >= 0) p = p.slice(i + 1);
  return p === '' ? '/' : p;
}

/** dir is path.Dir: everything but the last element, cleaned. */
export function dir(p: string): string {
  const i = p.lastIndexOf('/');
  return clean(p.slice(0, i + 1));
}

/** ext is path.Ext: the suffix from the final dot of the last element. */
export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

/** isAbs is path.IsAbs. */
export function isAbs(p: string): boolean {
  return p.length > 0 && p[0] === '/';
}

const s1 = (f: (s: string) => string) => ([s]: unknown[]) => f(s as string);

/** pathsFuncs are Sprig 3.2.3's paths functions. */
export const pathsFuncs: GoFunc[] = [
  def('base', ['string'], 'string', s1(base)),
  def('dir', ['string'], 'string', s1(dir)),
  def('clean', ['string'], 'string', s1(clean)),
  def('ext', ['string'], 'string', s1(ext)),
  def('isAbs', ['string'], 'bool', ([s]) => isAbs(s as string)),
  // Go: path/filepath on Linux behaves exactly like path for these.
  def('osBase', ['string'], 'string', s1(base)),
  def('osClean', ['string'], 'string', s1(clean)),
  def('osDir', ['string'], 'string', s1(dir)),
  def('osExt', ['string'], 'string', s1(ext)),
  def('osIsAbs', ['string'], 'bool', ([s]) => isAbs(s as string)),
  def('urlParse', ['string'], 'map[string]interface {}', ([v]) => urlParse(v as string)),
  def('urlJoin', ['map[string]interface {}'], 'string', ([d]) => urlJoin(d instanceof Map ? d : null)),
];

// ---- net/url (Go 1.19) ----

const enum Enc {
  path = 1,
  pathSegment,
  host,
  zone,
  userPassword,
  queryComponent,
  fragment,
}

/** URLError is a net/url parse error; message is the text Go's error prints. */
class URLError extends Error {}

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const unhex = (c: number): number => (c <= 57 ? c - 48 : c >= 97 ? c - 87 : c - 55);
const upperhex = '0123456789ABCDEF';

function shouldEscape(c: number, mode: Enc): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return false;
  const ch = String.fromCharCode(c);
  if ((mode === Enc.host || mode === Enc.zone) && "!$&'()*+,;=:[]<>\"".includes(ch)) return false;
  if ('-_.~'.includes(ch)) return false;
  if ('$&+,/:;=?@'.includes(ch)) {
    switch (mode) {
      case Enc.path:
        return ch === '?';
      case Enc.pathSegment:
        return ch === '/' || ch === ';' || ch === ',' || ch === '?';
      case Enc.userPassword:
        return ch === '@' || ch === '/' || ch === '?' || ch === ':';
      case Enc.queryComponent:
        return true;
      case Enc.fragment:
        return false;
    }
  }
  if (mode === Enc.fragment && '!()*'.includes(ch)) return false;
  return true;
}

function unescape(str: string, mode: Enc): string {
  const s = goBytes(str);
  let n = 0;
  let hasPlus = false;
  const sub = (a: number, b: number): string => fromGoBytes(s.subarray(a, b));
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === 37) {
      n++;
      if (i + 2 >= s.length || !isHex(s[i + 1]!) || !isHex(s[i + 2]!)) {
        throw new URLError('invalid URL escape ' + quote(sub(i, Math.min(i + 3, s.length))));
      }
      if (mode === Enc.host && unhex(s[i + 1]!) < 8 && sub(i, i + 3) !== '%25') {
        throw new URLError('invalid URL escape ' + quote(sub(i, i + 3)));
      }
      if (mode === Enc.zone) {
        const v = (unhex(s[i + 1]!) << 4) | unhex(s[i + 2]!);
        if (sub(i, i + 3) !== '%25' && v !== 32 && shouldEscape(v, Enc.host)) {
          throw new URLError('invalid URL escape ' + quote(sub(i, i + 3)));
        }
      }
      i += 3;
    } else if (c === 43) {
      hasPlus = mode === Enc.queryComponent;
      i++;
    } else {
      if ((mode === Enc.host || mode === Enc.zone) && c < 0x80 && shouldEscape(c, mode)) {
        throw new URLError('invalid character ' + quote(sub(i, i + 1)) + ' in host name');
      }
      i++;
    }
  }
  if (n === 0 && !hasPlus) return str;
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === 37) {
      out.push((unhex(s[i + 1]!) << 4) | unhex(s[i + 2]!));
      i += 2;
    } else if (c === 43) out.push(mode === Enc.queryComponent ? 32 : 43);
    else out.push(c);
  }
  return fromGoBytes(Uint8Array.from(out));
}

function escape(str: string, mode: Enc): string {
  const s = goBytes(str);
  let out = '';
  let changed = false;
  for (const c of s) {
    if (c === 32 && mode === Enc.queryComponent) {
      out += '+';
      changed = true;
    } else if (shouldEscape(c, mode)) {
      out += '%' + upperhex[c >> 4] + upperhex[c & 15];
      changed = true;
    } else out += String.fromCharCode(c);
  }
  return changed ? out : str;
}

interface Userinfo {
  username: string;
  password: string;
  passwordSet: boolean;
}

interface URL {
  scheme: string;
  opaque: string;
  user: Userinfo | null;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

function newURL(): URL {
  return {
    scheme: '', opaque: '', user: null, host: '', path: '', rawPath: '', omitHost: false,
    forceQuery: false, rawQuery: '', fragment: '', rawFragment: '',
  };
}

function userString(u: Userinfo): string {
  let s = escape(u.username, Enc.userPassword);
  if (u.passwordSet) s += ':' + escape(u.password, Enc.userPassword);
  return s;
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c === '+' || c === '-' || c === '.') {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new URLError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  for (const b of port.slice(1)) if (b < '0' || b > '9') return false;
  return true;
}

function parseHost(host: string): string {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new URLError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${quote(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) {
      return unescape(host.slice(0, zone), Enc.host) + unescape(host.slice(zone, i), Enc.zone) + unescape(host.slice(i), Enc.host);
    }
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1) {
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new URLError(`invalid port ${quote(colonPort)} after host`);
    }
  }
  return unescape(host, Enc.host);
}

function validUserinfo(s: string): boolean {
  for (const r of s) {
    if ((r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')) continue;
    if ("-._:~!$&'()*+,;=%@".includes(r)) continue;
    return false;
  }
  return true;
}

function parseAuthority(authority: string): [Userinfo | null, string] {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1));
  if (i < 0) return [null, host];
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new URLError('net/url: invalid userinfo');
  if (!userinfo.includes(':')) return [{ username: unescape(userinfo, Enc.userPassword), password: '', passwordSet: false }, host];
  const c = userinfo.indexOf(':');
  return [
    {
      username: unescape(userinfo.slice(0, c), Enc.userPassword),
      password: unescape(userinfo.slice(c + 1), Enc.userPassword),
      passwordSet: true,
    },
    host,
  ];
}

function setPath(u: URL, p: string): void {
  u.path = unescape(p, Enc.path);
  u.rawPath = escape(u.path, Enc.path) === p ? '' : p;
}

function validEncoded(s: string, mode: Enc): boolean {
  for (const c of goBytes(s)) {
    if ("!$&'()*+,;=:@[]%".includes(String.fromCharCode(c))) continue;
    if (shouldEscape(c, mode)) return false;
  }
  return true;
}

function escapedPath(u: URL): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath, Enc.path)) {
    try {
      if (unescape(u.rawPath, Enc.path) === u.path) return u.rawPath;
    } catch {
      // fall through
    }
  }
  if (u.path === '*') return '*';
  return escape(u.path, Enc.path);
}

function escapedFragment(u: URL): string {
  if (u.rawFragment !== '' && validEncoded(u.rawFragment, Enc.fragment)) {
    try {
      if (unescape(u.rawFragment, Enc.fragment) === u.fragment) return u.rawFragment;
    } catch {
      // fall through
    }
  }
  return escape(u.fragment, Enc.fragment);
}

function parse(raw: string): URL {
  if (/[\x00-\x1f\x7f]/.test(raw)) throw new URLError('net/url: invalid control character in URL');
  const u = newURL();
  if (raw === '*') {
    u.path = '*';
    return u;
  }
  let rest: string;
  [u.scheme, rest] = getScheme(raw);
  u.scheme = u.scheme.toLowerCase();
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      u.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    const seg = rest.split('/')[0]!;
    if (seg.includes(':')) throw new URLError('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    [u.user, u.host] = parseAuthority(authority);
  } else if (u.scheme !== '' && rest.startsWith('/')) {
    u.omitHost = true;
  }
  setPath(u, rest);
  return u;
}

/** parseURL is url.Parse; throws URLError with Go's `parse "URL": reason` text. */
function parseURL(raw: string): URL {
  const h = raw.indexOf('#');
  const u0 = h >= 0 ? raw.slice(0, h) : raw;
  const frag = h >= 0 ? raw.slice(h + 1) : '';
  let url: URL;
  try {
    url = parse(u0);
  } catch (e) {
    if (e instanceof URLError) throw new URLError(`parse ${quote(u0)}: ${e.message}`);
    throw e;
  }
  if (frag === '') return url;
  try {
    url.fragment = unescape(frag, Enc.fragment);
    url.rawFragment = escape(url.fragment, Enc.fragment) === frag ? '' : frag;
  } catch (e) {
    if (e instanceof URLError) throw new URLError(`parse ${quote(raw)}: ${e.message}`);
    throw e;
  }
  return url;
}

/** urlString is URL.String. */
function urlString(u: URL): string {
  let buf = '';
  if (u.scheme !== '') buf += u.scheme + ':';
  if (u.opaque !== '') buf += u.opaque;
  else {
    if (u.scheme !== '' || u.host !== '' || u.user !== null) {
      if (!(u.omitHost && u.host === '' && u.user === null)) {
        if (u.host !== '' || u.path !== '' || u.user !== null) buf += '//';
        if (u.user) buf += userString(u.user) + '@';
        if (u.host !== '') buf += escape(u.host, Enc.host);
      }
    }
    const path = escapedPath(u);
    if (path !== '' && path[0] !== '/' && u.host !== '') buf += '/';
    if (buf === '' && path.split('/')[0]!.includes(':')) buf += './';
    buf += path;
  }
  if (u.forceQuery || u.rawQuery !== '') buf += '?' + u.rawQuery;
  if (u.fragment !== '') buf += '#' + escapedFragment(u);
  return buf;
}

function hostname(host: string): string {
  let h = host;
  const colon = h.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(h.slice(colon))) h = h.slice(0, colon);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}

/** urlParse is Sprig's urlParse: url.Parse's parts as a dict; a parse error panics. */
export function urlParse(v: string): Map<string, GoValue> {
  let u: URL;
  try {
    u = parseURL(v);
  } catch (e) {
    if (e instanceof URLError) throw new GoFuncError(`unable to parse url: ${e.message}`);
    throw e;
  }
  return new Map<string, GoValue>([
    ['scheme', u.scheme],
    ['host', u.host],
    ['hostname', hostname(u.host)],
    ['path', u.path],
    ['query', u.rawQuery],
    ['opaque', u.opaque],
    ['fragment', u.fragment],
    ['userinfo', u.user ? userString(u.user) : ''],
  ]);
}

function dictGetOrEmpty(d: Map<string, GoValue> | null, key: string): string {
  if (!d || !d.has(key)) return '';
  const v = d.get(key);
  if (v === null || v === undefined) throw new GoFuncError(nilDeref);
  if (typeof v !== 'string') {
    throw new GoFuncError(`unable to parse ${key} key, must be of type string, but ${goKindOf(v)} found`);
  }
  return v;
}

/** urlJoin is Sprig's urlJoin: a url.URL built from the dict's parts, printed by URL.String. */
export function urlJoin(d: Map<string, GoValue> | null): string {
  const u = newURL();
  u.scheme = dictGetOrEmpty(d, 'scheme');
  u.host = dictGetOrEmpty(d, 'host');
  u.path = dictGetOrEmpty(d, 'path');
  u.rawQuery = dictGetOrEmpty(d, 'query');
  u.opaque = dictGetOrEmpty(d, 'opaque');
  u.fragment = dictGetOrEmpty(d, 'fragment');
  const userinfo = dictGetOrEmpty(d, 'userinfo');
  if (userinfo !== '') {
    try {
      u.user = parseURL(`proto://${userinfo}@host`).user;
    } catch (e) {
      if (e instanceof URLError) throw new GoFuncError(`unable to parse userinfo in dict: ${e.message}`);
      throw e;
    }
  }
  return urlString(u);
}
