/**
 * dependencies enables and disables a chart's subcharts and imports their values, the way
 * `helm template` does before rendering (Helm: pkg/chartutil/dependencies.go,
 * ProcessDependenciesWithMerge, and pkg/action's CheckDependencies):
 *   - subcharts no dependency entry claims stay; claimed ones are copied under their alias,
 *   - `tags` then `condition` (comma list, first path resolving to a bool wins),
 *   - disabled subcharts are removed recursively,
 *   - `import-values` (string form → exports.NAME, map form {child, parent}) merged below the
 *     parent's own values.
 * It also holds the Masterminds/semver subset Helm uses for these checks.
 */
import { type GoValue, TypedMap } from '../template/value.js';
import { type ValuesTree, type Warn, coalesceTables, coalesceValues, deepCopy, istable, mergeValues } from './coalesce.js';
import { valuesPathValue, valuesTable, ErrNoValue } from './context.js';
import type { Chart, Dependency } from './metadata.js';
import { goQuote } from './strvals.js';

/** DependencyError is Helm's missing-dependency error. */
export class DependencyError extends Error {}

/**
 * checkDependencies fails like `helm template` when a Chart.yaml dependency has no loaded
 * chart of that name under charts/ (Helm: action.CheckDependencies).
 */
export function checkDependencies(c: Chart): void {
  const reqs = c.metadata.dependencies;
  if (!reqs) return;
  const missing: string[] = [];
  for (const r of reqs) {
    if (!r) continue;
    if (!c.dependencies().some((d) => d.name() === r.name)) missing.push(r.name);
  }
  if (missing.length > 0) {
    throw new DependencyError(
      'An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: ' +
        missing.join(', '),
    );
  }
}

/** processDependencies applies conditions, tags, aliases and import-values to c (mutating it). */
export function processDependencies(c: Chart, vals: ValuesTree, warn: Warn = () => {}): void {
  enableDependencies(warn, c, vals, '');
  importAllValues(warn, c, true);
}

function aliasCopy(subs: readonly Chart[], dep: Dependency): Chart | null {
  for (const s of subs) {
    if (s.name() !== dep.name || !isCompatibleRange(dep.version, s.metadata.version)) continue;
    const cp = s.shallowCopy();
    if (dep.alias !== '') cp.metadata.name = dep.alias;
    return cp;
  }
  return null;
}

function enableDependencies(warn: Warn, c: Chart, vals: ValuesTree, path: string, depth = 0): void {
  if (depth > 100) throw new DependencyError('subcharts nested deeper than 100 levels');
  const reqs = c.metadata.dependencies;
  if (reqs === null) return;
  const kept: Chart[] = [];
  for (const s of c.dependencies()) {
    const claimed = reqs.some((r) => r !== null && s.name() === r.name && isCompatibleRange(r.version, s.metadata.version));
    if (!claimed) kept.push(s);
  }
  for (const r of reqs) {
    if (!r) continue;
    const cp = aliasCopy(c.dependencies(), r);
    if (cp) kept.push(cp);
    if (r.alias !== '') r.name = r.alias;
  }
  c.setDependencies(...kept);
  for (const r of reqs) if (r) r.enabled = true;
  const cvals = coalesceValues(c, vals, warn);
  applyTags(warn, reqs, cvals);
  applyConditions(warn, reqs, cvals, path);

  const disabled = new Set<string>();
  for (const r of reqs) if (r && !r.enabled) disabled.add(r.name);
  const subs = c.dependencies().filter((s) => !disabled.has(s.metadata.name));
  const newReqs = reqs.filter((r): r is Dependency => r !== null && !disabled.has(r.name));
  for (const s of subs) enableDependencies(warn, s, cvals, path + s.metadata.name + '.', depth + 1);
  // Go: appending an empty slice to nil leaves nil.
  c.metadata.dependencies = newReqs.length ? newReqs : null;
  c.setDependencies(...subs);
}

function applyConditions(warn: Warn, reqs: readonly (Dependency | null)[], cvals: ValuesTree, path: string): void {
  for (const r of reqs) {
    if (!r) continue;
    for (const cond of r.condition.trim().split(',')) {
      if (cond === '') continue;
      let v: GoValue;
      try {
        v = valuesPathValue(cvals, path + cond);
      } catch (e) {
        if (!(e instanceof ErrNoValue)) warn(`Warning: PathValue returned error ${(e as Error).message}`);
        continue;
      }
      if (typeof v === 'boolean') {
        r.enabled = v;
        break;
      }
      warn(`Warning: Condition path '${cond}' for chart ${r.name} returned non-bool value`);
    }
  }
}

function applyTags(warn: Warn, reqs: readonly (Dependency | null)[], cvals: ValuesTree): void {
  let tags: Map<string, GoValue>;
  try {
    tags = valuesTable(cvals, 'tags');
  } catch {
    return;
  }
  for (const r of reqs) {
    if (!r) continue;
    let anyTrue = false;
    let anyFalse = false;
    for (const t of r.tags ?? []) {
      if (!tags.has(t)) continue;
      const v = tags.get(t);
      if (typeof v !== 'boolean') {
        warn(`Warning: Tag '${t}' for chart ${r.name} returned non-bool value`);
        continue;
      }
      if (v) anyTrue = true;
      else anyFalse = true;
    }
    r.enabled = !(!anyTrue && anyFalse);
  }
}

function nestUnder(p: string, data: ValuesTree): ValuesTree {
  if (p === '.') return data;
  const keys = p.split('.');
  let cur = data;
  for (let i = keys.length - 1; i >= 0; i--) cur = new Map([[keys[i]!, cur]]);
  return cur;
}

function importAllValues(warn: Warn, c: Chart, merge: boolean, depth = 0): void {
  if (depth > 100) throw new DependencyError('subcharts nested deeper than 100 levels');
  for (const s of c.dependencies()) importAllValues(warn, s, merge, depth + 1);
  importValues(warn, c, merge);
}

/** stringMap makes a Go map[string]string. */
function stringMap(entries: [string, string][]): TypedMap {
  return new TypedMap('map[string]string', 'map[string]string', 'string', entries);
}

function importValues(warn: Warn, c: Chart, merge: boolean): void {
  const deps = c.metadata.dependencies;
  if (deps === null) return;
  const cvals = merge ? mergeValues(c, null, warn) : coalesceValues(c, null, warn);
  const combine = (dst: ValuesTree, src: ValuesTree): ValuesTree => coalesceTables(warn, dst, src, '', merge);
  let imported: ValuesTree = new Map();
  for (const r of deps) {
    if (!r) continue;
    const rewritten: GoValue[] = [];
    for (const item of r.importValues ?? []) {
      if (item instanceof Map) {
        const child = item.get('child');
        const parent = item.get('parent');
        const cs = typeof child === 'string' ? child : '';
        const ps = typeof parent === 'string' ? parent : '';
        rewritten.push(stringMap([['child', cs], ['parent', ps]]));
        let t: Map<string, GoValue>;
        try {
          t = valuesTable(cvals, r.name + '.' + cs);
        } catch (e) {
          warn(`Warning: ImportValues missing table from chart ${r.name}: ${(e as Error).message}`);
          continue;
        }
        imported = combine(imported, nestUnder(ps, new Map(t)));
      } else if (typeof item === 'string') {
        const child = 'exports.' + item;
        rewritten.push(stringMap([['child', child], ['parent', '.']]));
        let t: Map<string, GoValue>;
        try {
          t = valuesTable(cvals, r.name + '.' + child);
        } catch (e) {
          warn(`Warning: ImportValues missing table: ${(e as Error).message}`);
          continue;
        }
        imported = combine(imported, new Map(t));
      }
    }
    r.importValues = rewritten;
  }
  c.values = merge ? combine(deepCopy(cvals) as ValuesTree, imported) : combine(dropNils(cvals), imported);
}

function dropNils(m: ValuesTree): ValuesTree {
  const out = deepCopy(m) as ValuesTree;
  const walk = (t: ValuesTree): void => {
    for (const [k, v] of t) {
      if (v === null) t.delete(k);
      else if (istable(v)) walk(v);
    }
  };
  walk(out);
  return out;
}

// ---- Masterminds/semver v3 (the parts Helm's chart handling uses) ----

/** SemVersion is a parsed semantic version (Masterminds/semver Version). */
export interface SemVersion {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
  metadata: string;
  original: string;
}

const semVerRe = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const maxUint64 = (1n << 64n) - 1n;

/** parseVersionErr is semver.NewVersion: the version, or Go's error text. */
export function parseVersionErr(v: string): SemVersion | string {
  const m = semVerRe.exec(v);
  if (!m) return 'Invalid Semantic Version';
  const seg = (s: string): bigint | string => {
    const n = BigInt(s);
    if (n > maxUint64) return `Error parsing version segment: strconv.ParseUint: parsing ${goQuote(s)}: value out of range`;
    return n;
  };
  const major = seg(m[1]!);
  if (typeof major === 'string') return major;
  const minor = m[2] ? seg(m[2].slice(1)) : 0n;
  if (typeof minor === 'string') return minor;
  const patch = m[3] ? seg(m[3].slice(1)) : 0n;
  if (typeof patch === 'string') return patch;
  const pre = m[5] ?? '';
  const metadata = m[8] ?? '';
  if (pre !== '') {
    for (const p of pre.split('.')) {
      if (/^[0-9]+$/.test(p)) {
        if (p.length > 1 && p[0] === '0') return 'Version segment starts with 0';
      } else if (!/^[0-9A-Za-z-]*$/.test(p)) return 'Invalid Prerelease string';
    }
  }
  if (metadata !== '') {
    for (const p of metadata.split('.')) if (!/^[0-9A-Za-z-]*$/.test(p)) return 'Invalid Metadata string';
  }
  return { major, minor, patch, pre, metadata, original: v };
}

/** parseVersion is semver.NewVersion, or null when v is not a version. */
export function parseVersion(v: string): SemVersion | null {
  const r = parseVersionErr(v);
  return typeof r === 'string' ? null : r;
}

/** versionString is Version.String(): "1.2.3-pre+meta". */
export function versionString(v: SemVersion): string {
  return `${v.major}.${v.minor}.${v.patch}` + (v.pre ? '-' + v.pre : '') + (v.metadata ? '+' + v.metadata : '');
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return o !== '' ? -1 : 1;
  if (o === '') return s !== '' ? 1 : -1;
  const sn = /^[0-9]+$/.test(s);
  const on = /^[0-9]+$/.test(o);
  if (!sn && !on) return s > o ? 1 : -1;
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
export function compareVersions(v: SemVersion, o: SemVersion): number {
  const d = cmpBig(v.major, o.major) || cmpBig(v.minor, o.minor) || cmpBig(v.patch, o.patch);
  if (d !== 0) return d;
  if (v.pre === '' && o.pre === '') return 0;
  if (v.pre === '') return 1;
  if (o.pre === '') return -1;
  return comparePrerelease(v.pre, o.pre);
}

interface Constraint {
  con: SemVersion;
  op: string;
  minorDirty: boolean;
  patchDirty: boolean;
  dirty: boolean;
}

const cv = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const ops = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const sp = '[\\t\\n\\f\\r ]';
const constraintRe = new RegExp(`^${sp}*(${ops})${sp}*(${cv})${sp}*$`);
const rangeRe = new RegExp(`${sp}*(${cv})${sp}+-${sp}+(${cv})${sp}*`, 'g');
const findRe = new RegExp(`(${ops})${sp}*(${cv})`, 'g');
const validRe = new RegExp(`^(${sp}*(${ops})${sp}*(${cv})${sp}*)((?:${sp}+|,${sp}*)(${ops})${sp}*(${cv})${sp}*)*$`);

const isX = (x: string): boolean => x === 'x' || x === '*' || x === 'X';

function parseConstraint(c: string): Constraint | null {
  if (c.length === 0) {
    return { con: parseVersion('0.0.0')!, op: '', minorDirty: false, patchDirty: false, dirty: true };
  }
  const m = constraintRe.exec(c);
  if (!m) return null;
  const m3 = m[3] ?? '';
  const m4 = m[4] ?? '';
  const m5 = m[5] ?? '';
  const m6 = m[6] ?? '';
  let ver = m[2]!;
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  if (isX(m3) || m3 === '') {
    ver = '0.0.0' + m6;
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
  const con = parseVersion(ver);
  if (!con) return null;
  return { con, op: m[1]!, minorDirty, patchDirty, dirty };
}

/** parseConstraints is semver.NewConstraint (null when the text is not a constraint). */
export function parseConstraints(c: string): Constraint[][] | null {
  c = c.replace(rangeRe, (_all, a: string, ...rest: string[]) => `>= ${a}, <= ${rest[9]}`);
  const out: Constraint[][] = [];
  for (const v of c.split('||')) {
    if (!validRe.test(v)) return null;
    const found = v.match(findRe) ?? [v];
    const group: Constraint[] = [];
    for (const s of found) {
      const pc = parseConstraint(s);
      if (!pc) return null;
      group.push(pc);
    }
    out.push(group);
  }
  return out;
}

function checkOne(v: SemVersion, c: Constraint): boolean {
  const preBlocked = v.pre !== '' && c.con.pre === '';
  const lt = (): boolean => compareVersions(v, c.con) < 0;
  const tilde = (): boolean => {
    if (preBlocked || lt()) return false;
    if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
    if (v.major !== c.con.major) return false;
    if (v.minor !== c.con.minor && !c.minorDirty) return false;
    return true;
  };
  switch (c.op) {
    case '':
    case '=':
      if (preBlocked) return false;
      return c.dirty ? tilde() : compareVersions(v, c.con) === 0;
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
      return !preBlocked && lt();
    case '>=':
    case '=>':
      return !preBlocked && compareVersions(v, c.con) >= 0;
    case '<=':
    case '=<':
      if (preBlocked) return false;
      if (!c.dirty) return compareVersions(v, c.con) <= 0;
      if (v.major > c.con.major) return false;
      if (v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty) return false;
      return true;
    case '~':
    case '~>':
      return tilde();
    case '^':
      if (preBlocked || lt()) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (c.con.major === 0n && v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (c.con.minor === 0n && v.minor > 0n) return false;
      return c.con.patch === v.patch;
  }
  return false;
}

/** isCompatibleRange reports whether ver parses and satisfies constraint (Helm: chartutil.IsCompatibleRange). */
export function isCompatibleRange(constraint: string, ver: string): boolean {
  const v = parseVersion(ver);
  if (!v) return false;
  const cs = parseConstraints(constraint);
  if (!cs) return false;
  return cs.some((group) => group.every((c) => checkOne(v, c)));
}
