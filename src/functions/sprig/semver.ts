/**
 * Sprig 3.2.3's semver functions (Sprig: semver.go) over a port of Masterminds/semver v3.2.1
 * (Helm's pin; version.go, constraints.go). Helm's chart checks (kubeVersion, dependency
 * version ranges: src/chart/dependencies.ts, --kube-version: src/chart/context.ts) use it too. 3.2.1 differs from the oracle's 3.2.0 in
 * rewriteRange: a hyphen range is rewritten with a trailing space, so `1.2 - 1.4.5 <1.4` parses.
 */
import { GoFuncError, GoInt, GoStruct, type GoFunc, type GoValue } from '../../template/value.js';
import { NumError, parseUint } from '../../template/strconv.js';
import { def } from '../def.js';
import { structJsonMarshalers } from '../../yaml/json.js';

/** Version is semver.Version's state. */
export interface Version {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
  metadata: string;
  original: string;
}

const semVerRe = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const num = /^[0-9]*$/;
const allowed = /^[0-9A-Za-z-]*$/;

function seg(s: string): bigint {
  try {
    return parseUint(s, 10, 64);
  } catch (e) {
    if (e instanceof NumError) throw new GoFuncError(`Error parsing version segment: ${e.message}`);
    throw e;
  }
}

function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (num.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new GoFuncError('Version segment starts with 0');
    } else if (!allowed.test(part)) throw new GoFuncError('Invalid Prerelease string');
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split('.')) if (!allowed.test(part)) throw new GoFuncError('Invalid Metadata string');
}

/** newVersion is semver.NewVersion; throws GoFuncError with its error text. */
export function newVersion(v: string): Version {
  const m = semVerRe.exec(v);
  if (!m) throw new GoFuncError('Invalid Semantic Version');
  const sv: Version = { major: seg(m[1]!), minor: 0n, patch: 0n, pre: m[5] ?? '', metadata: m[8] ?? '', original: v };
  if (m[2]) sv.minor = seg(m[2].slice(1));
  if (m[3]) sv.patch = seg(m[3].slice(1));
  if (sv.pre !== '') validatePrerelease(sv.pre);
  if (sv.metadata !== '') validateMetadata(sv.metadata);
  return sv;
}

/** versionString is Version.String. */
export function versionString(v: Version): string {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.pre !== '') s += '-' + v.pre;
  if (v.metadata !== '') s += '+' + v.metadata;
  return s;
}

function cmpSeg(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const isNum = (x: string): boolean => /^[0-9]+$/.test(x) && BigInt(x) < 1n << 64n;
  const on = isNum(o);
  const sn = isNum(s);
  if (!on && !sn) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(v: string, o: string): number {
  const sp = v.split('.');
  const op = o.split('.');
  const l = Math.max(sp.length, op.length);
  for (let i = 0; i < l; i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** compareVersions is Version.Compare. */
export function compareVersions(v: Version, o: Version): number {
  const d = cmpSeg(v.major, o.major) || cmpSeg(v.minor, o.minor) || cmpSeg(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.pre === '' && o.pre === '') return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  return comparePrerelease(v.pre, o.pre);
}

// ---- constraints ----

const ws = '[\\t\\n\\f\\r ]';
const cv =
  'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const ops = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const constraintRe = new RegExp(`^${ws}*(${ops})${ws}*(${cv})${ws}*$`);
const rangeRe = new RegExp(`${ws}*(${cv})${ws}+-${ws}+(${cv})${ws}*`, 'g');
const findRe = new RegExp(`(${ops})${ws}*(${cv})`, 'g');
const validRe = new RegExp(`^(${ws}*(${ops})${ws}*(${cv})${ws}*)((?:${ws}+|,${ws}*)(${ops})${ws}*(${cv})${ws}*)*$`);

/** Constraint is one semver constraint (`>= 1.2`); newConstraint returns OR groups of AND lists of them. */
export interface Constraint {
  con: Version;
  orig: string;
  origfunc: string;
  minorDirty: boolean;
  dirty: boolean;
  patchDirty: boolean;
}

const isX = (x: string): boolean => x === 'x' || x === '*' || x === 'X';

function parseConstraint(c: string): Constraint {
  if (c.length > 0) {
    const m = constraintRe.exec(c);
    if (!m) throw new GoFuncError(`improper constraint: ${c}`);
    const [, op = '', orig = '', m3 = '', m4 = '', m5 = '', m6 = ''] = m;
    let ver = orig;
    let minorDirty = false;
    let patchDirty = false;
    let dirty = false;
    if (isX(m3) || m3 === '') {
      ver = `0.0.0${m6}`;
      dirty = true;
    } else if (isX(m4.replace(/^\./, '')) || m4 === '') {
      minorDirty = true;
      dirty = true;
      ver = `${m3}.0.0${m6}`;
    } else if (isX(m5.replace(/^\./, '')) || m5 === '') {
      dirty = true;
      patchDirty = true;
      ver = `${m3}${m4}.0${m6}`;
    }
    let con: Version;
    try {
      con = newVersion(ver);
    } catch {
      throw new GoFuncError('constraint Parser Error');
    }
    return { con, orig, origfunc: op, minorDirty, dirty, patchDirty };
  }
  return { con: newVersion('0.0.0'), orig: c, origfunc: '', minorDirty: false, patchDirty: false, dirty: true };
}

function rewriteRange(i: string): string {
  const ms = [...i.matchAll(rangeRe)];
  let o = i;
  for (const m of ms) {
    // Semver 3.2.1: the rewrite ends in a space (3.2.0 had none).
    o = o.replace(m[0], `>= ${m[1]}, <= ${m[11]} `);
  }
  return o;
}

/** newConstraint is semver.NewConstraint: OR groups of AND constraints. */
export function newConstraint(c: string): Constraint[][] {
  c = rewriteRange(c);
  return c.split('||').map((v) => {
    if (!validRe.test(v)) throw new GoFuncError(`improper constraint: ${v}`);
    let cs = [...v.matchAll(findRe)].map((m) => m[0]);
    if (cs.length === 0) cs = [v];
    return cs.map(parseConstraint);
  });
}

const lt = (v: Version, o: Version): boolean => compareVersions(v, o) < 0;

function tilde(v: Version, c: Constraint): boolean {
  if (v.pre !== '' && c.con.pre === '') return false;
  if (lt(v, c.con)) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  if (v.minor !== c.con.minor && !c.minorDirty) return false;
  return true;
}

function check(v: Version, c: Constraint): boolean {
  const preBlocked = v.pre !== '' && c.con.pre === '';
  switch (c.origfunc) {
    case '':
    case '=':
      if (preBlocked) return false;
      if (c.dirty) return tilde(v, c);
      return compareVersions(v, c.con) === 0;
    case '!=':
      if (c.dirty) {
        if (preBlocked) return false;
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.pre !== '' || c.con.pre !== '') return comparePrerelease(v.pre, c.con.pre) !== 0;
          return false;
        }
      }
      return compareVersions(v, c.con) !== 0;
    case '>':
      if (preBlocked) return false;
      if (!c.dirty) return compareVersions(v, c.con) === 1;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return compareVersions(v, c.con) === 1;
    case '<':
      if (preBlocked) return false;
      return compareVersions(v, c.con) < 0;
    case '>=':
    case '=>':
      if (preBlocked) return false;
      return compareVersions(v, c.con) >= 0;
    case '<=':
    case '=<':
      if (preBlocked) return false;
      if (!c.dirty) return compareVersions(v, c.con) <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      if (preBlocked) return false;
      if (lt(v, c.con)) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (c.con.major === 0n && v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (c.con.minor === 0n && v.minor > 0n) return false;
      return c.con.patch === v.patch;
  }
  return false;
}

/** constraintsCheck is Constraints.Check: does v satisfy every constraint of some OR group. */
export function constraintsCheck(cs: readonly (readonly Constraint[])[], v: Version): boolean {
  return cs.some((and) => and.every((c) => check(v, c)));
}

/** semverCompare is Sprig's semverCompare: does version satisfy constraint. */
export function semverCompare(constraint: string, version: string): boolean {
  const cs = newConstraint(constraint);
  const v = newVersion(version);
  return constraintsCheck(cs, v);
}

const versionType = 'semver.Version';

// Masterminds: Version implements json.Marshaler as its String() (toJson, toYaml print "1.2.3").
structJsonMarshalers.set(versionType, (s) => (s.stringer ? s.stringer() : ''));

/** versionValue wraps v as a Go *semver.Version (ptr) or semver.Version with its methods. */
export function versionValue(v: Version, ptr = true): GoStruct {
  const self = (x: GoValue): Version => {
    const s = x instanceof GoStruct ? versionState.get(x) : undefined;
    if (!s) throw new GoFuncError('runtime error: invalid memory address or nil pointer dereference');
    return s;
  };
  const P = '*' + versionType;
  const u64 = (n: bigint): GoInt => new GoInt('uint64', n);
  const methods = new Map<string, GoFunc>([
    ['Major', def('Major', [], 'uint64', () => u64(v.major))],
    ['Minor', def('Minor', [], 'uint64', () => u64(v.minor))],
    ['Patch', def('Patch', [], 'uint64', () => u64(v.patch))],
    ['Prerelease', def('Prerelease', [], 'string', () => v.pre)],
    ['Metadata', def('Metadata', [], 'string', () => v.metadata)],
    ['String', def('String', [], 'string', () => versionString(v))],
    ['IncMajor', def('IncMajor', [], versionType, () => versionValue(inc(v, 'major'), false))],
    ['IncMinor', def('IncMinor', [], versionType, () => versionValue(inc(v, 'minor'), false))],
    ['IncPatch', def('IncPatch', [], versionType, () => versionValue(inc(v, 'patch'), false))],
  ]);
  if (ptr) {
    methods.set('Original', def('Original', [], 'string', () => v.original));
    methods.set('Compare', def('Compare', [P], 'int', ([o]) => new GoInt('int', BigInt(compareVersions(v, self(o ?? null))))));
    methods.set('LessThan', def('LessThan', [P], 'bool', ([o]) => compareVersions(v, self(o ?? null)) < 0));
    methods.set('GreaterThan', def('GreaterThan', [P], 'bool', ([o]) => compareVersions(v, self(o ?? null)) > 0));
    methods.set('Equal', def('Equal', [P], 'bool', ([o]) => compareVersions(v, self(o ?? null)) === 0));
  }
  const s = new GoStruct(versionType, new Map(), methods, ptr, () => versionString(v));
  versionState.set(s, v);
  return s;
}

const versionState = new WeakMap<GoStruct, Version>();

function inc(v: Version, part: 'major' | 'minor' | 'patch'): Version {
  const n: Version = { ...v, metadata: '', pre: '' };
  if (part === 'major') {
    n.major = v.major + 1n;
    n.minor = 0n;
    n.patch = 0n;
  } else if (part === 'minor') {
    n.minor = v.minor + 1n;
    n.patch = 0n;
  } else if (v.pre === '') n.patch = v.patch + 1n;
  n.major = BigInt.asUintN(64, n.major);
  n.minor = BigInt.asUintN(64, n.minor);
  n.patch = BigInt.asUintN(64, n.patch);
  n.original = (v.original.startsWith('v') ? 'v' : '') + versionString(n);
  return n;
}

/** semverFuncs are Sprig 3.2.3's semver functions. */
export const semverFuncs: GoFunc[] = [
  def('semver', ['string'], '*semver.Version', ([s]) => versionValue(newVersion(s as string)), { err: true }),
  def('semverCompare', ['string', 'string'], 'bool', ([c, v]) => semverCompare(c as string, v as string), { err: true }),
];
