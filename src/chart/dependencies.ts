/**
 * dependencies enables and disables a chart's subcharts and imports their values, the way
 * `helm template` does before rendering (Helm: pkg/chartutil/dependencies.go,
 * ProcessDependenciesWithMerge, and pkg/action's CheckDependencies):
 *   - subcharts no dependency entry claims stay; claimed ones are copied under their alias,
 *   - `tags` then `condition` (comma list, first path resolving to a bool wins),
 *   - disabled subcharts are removed recursively,
 *   - `import-values` (string form → exports.NAME, map form {child, parent}) merged below the
 *     parent's own values.
 * Version ranges are checked with src/functions/sprig/semver.ts (Helm uses the same
 * Masterminds/semver for Sprig and for charts).
 */
import { GoFuncError, type GoValue, TypedMap } from '../template/value.js';
import { type Version, constraintsCheck, newConstraint, newVersion } from '../functions/sprig/semver.js';
import { type ValuesTree, type Warn, coalesceTables, coalesceValues, deepCopy, istable, mergeValues } from './coalesce.js';
import { valuesPathValue, valuesTable, ErrNoValue } from './context.js';
import type { Chart, Dependency } from './metadata.js';

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

// ---- version checks over Masterminds/semver (src/functions/sprig/semver.ts) ----

/** parseVersion is semver.NewVersion, or null when v is not a version (Helm: chart metadata Validate). */
export function parseVersion(v: string): Version | null {
  try {
    return newVersion(v);
  } catch (e) {
    if (e instanceof GoFuncError) return null;
    throw e;
  }
}

/** isCompatibleRange reports whether ver parses and satisfies constraint (Helm: chartutil.IsCompatibleRange). */
export function isCompatibleRange(constraint: string, ver: string): boolean {
  try {
    const v = newVersion(ver);
    return constraintsCheck(newConstraint(constraint), v);
  } catch (e) {
    if (e instanceof GoFuncError) return false;
    throw e;
  }
}
