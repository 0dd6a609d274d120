/**
 * coalesce lays user values over a chart's defaults and those of its subcharts with
 * Helm 3.14's rules (Helm: pkg/chartutil/coalesce.go):
 *   - a user `null` deletes the chart's key (CoalesceValues; MergeValues keeps nulls),
 *   - tables merge recursively, the higher-priority side wins for scalars and lists,
 *   - a scalar/table clash keeps the higher-priority side and logs a warning,
 *   - `global` is copied into every subchart (the parent's globals win),
 *   - a subchart's key that is not a table fails with `type mismatch on NAME: %t`.
 * Warnings go to a Printf-like sink with Helm's texts (without the `coalesce.go:NNN:` prefix).
 */
import { formatValue, sprintf } from '../template/fmt.js';
import { quote } from '../template/strconv.js';
import { type GoValue, TypedMap } from '../template/value.js';
import type { Chart } from './metadata.js';

/** GlobalKey is the values key copied into every subchart. */
export const GlobalKey = 'global';

/** Warn receives one warning message Helm would log. */
export type Warn = (msg: string) => void;

/** ValuesTree is a map[string]interface{} of values. */
export type ValuesTree = Map<string, GoValue>;

/** CoalesceError is a values error such as `type mismatch on NAME: …`. */
export class CoalesceError extends Error {}

const maxDepth = 2000;

/** istable reports whether v is a map[string]interface{} (not a named map type). */
export function istable(v: GoValue): v is ValuesTree {
  return v instanceof Map && !(v instanceof TypedMap);
}

function joinKey(a: string, b: string): string {
  return a === '' ? b : a + '.' + b;
}

/** deepCopy copies maps and []interface{} lists of a values tree (Helm uses copystructure). */
export function deepCopy(v: GoValue, depth = 0): GoValue {
  if (depth > maxDepth) throw new CoalesceError(`values nested deeper than ${maxDepth} levels`);
  if (v instanceof Map) {
    const m = v instanceof TypedMap ? new TypedMap(v.goType, v.underlying, v.elemType, undefined, v.methods) : new Map<string, GoValue>();
    for (const [k, x] of v) m.set(k, deepCopy(x, depth + 1));
    return m;
  }
  if (Array.isArray(v)) return v.map((x) => deepCopy(x, depth + 1));
  return v;
}

function copyTree(m: ValuesTree | null | undefined): ValuesTree {
  if (!m) return new Map();
  return deepCopy(m) as ValuesTree;
}

/** coalesceValues lays vals over the chart's defaults and all its subcharts' (nulls delete keys); vals is not modified. */
export function coalesceValues(c: Chart, vals: ValuesTree | null, warn: Warn = () => {}): ValuesTree {
  return coalesceRoot(c, vals, false, warn);
}

/** mergeValues is coalesceValues but keeps nulls (Helm: chartutil.MergeValues). */
export function mergeValues(c: Chart, vals: ValuesTree | null, warn: Warn = () => {}): ValuesTree {
  return coalesceRoot(c, vals, true, warn);
}

function coalesceRoot(c: Chart, vals: ValuesTree | null, merge: boolean, warn: Warn): ValuesTree {
  const dest = copyTree(vals);
  return coalesceChart(warn, c, dest, '', merge);
}

function coalesceChart(warn: Warn, c: Chart, dest: ValuesTree, prefix: string, merge: boolean): ValuesTree {
  coalesceChartValues(warn, c, dest, prefix, merge);
  return coalesceSubcharts(warn, c, dest, prefix, merge);
}

function coalesceSubcharts(warn: Warn, c: Chart, dest: ValuesTree, prefix: string, merge: boolean): ValuesTree {
  for (const sub of c.dependencies()) {
    const name = sub.name();
    if (!dest.has(name)) {
      dest.set(name, new Map());
    } else {
      const cur = dest.get(name)!;
      if (!istable(cur)) throw new CoalesceError(`type mismatch on ${name}: ${formatVerb('t', cur)}`);
    }
    const subVals = dest.get(name) as ValuesTree;
    const subPrefix = joinKey(prefix, c.metadata.name);
    copyGlobals(warn, subVals, dest, subPrefix);
    dest.set(name, coalesceChart(warn, sub, subVals, subPrefix, merge));
  }
  return dest;
}

/** copyGlobals merges src's "global" table into dest's (src wins), creating dest's if needed. */
function copyGlobals(warn: Warn, dest: ValuesTree, src: ValuesTree, prefix: string): void {
  let dg: ValuesTree;
  let sg: ValuesTree;
  if (!dest.has(GlobalKey)) dg = new Map();
  else {
    const d = dest.get(GlobalKey)!;
    if (!istable(d)) {
      warn(`warning: skipping globals because destination ${GlobalKey} is not a table.`);
      return;
    }
    dg = d;
  }
  if (!src.has(GlobalKey)) sg = new Map();
  else {
    const s = src.get(GlobalKey)!;
    if (!istable(s)) {
      warn(`warning: skipping globals because source ${GlobalKey} is not a table.`);
      return;
    }
    sg = s;
  }
  for (const [key, val] of sg) {
    if (istable(val)) {
      const shallow: ValuesTree = new Map(val);
      if (!dg.has(key)) {
        dg.set(key, shallow);
        continue;
      }
      const existing = dg.get(key)!;
      if (!istable(existing)) {
        warn(`Conflict: cannot merge map onto non-map for ${goQuoteKey(key)}. Skipping.`);
        continue;
      }
      coalesceTables(warn, shallow, existing, joinKey(prefix, key), true);
      dg.set(key, shallow);
    } else if (dg.has(key) && istable(dg.get(key)!)) {
      warn(`key ${key} is table. Skipping`);
    } else {
      dg.set(key, val);
    }
  }
  dest.set(GlobalKey, dg);
}

/**
 * coalesceChartValues lays a copy of the chart's values.yaml under v. Helm copies the whole of
 * c.Values first (copystructure) and merges the copy; we copy only the parts that land in v,
 * which gives the same tree (the rest of Helm's copy is never seen) at a fraction of the cost:
 * chart defaults are large and user values small. The depth guard still covers all of c.values.
 */
function coalesceChartValues(warn: Warn, c: Chart, v: ValuesTree, prefix: string, merge: boolean): void {
  const subPrefix = joinKey(prefix, c.metadata.name);
  const defaults = c.values;
  if (!defaults) return;
  checkDepth(defaults);
  for (const [key, val] of defaults) {
    if (!v.has(key)) {
      v.set(key, deepCopy(val));
      continue;
    }
    const cur = v.get(key)!;
    if (cur === null && !merge) {
      v.delete(key);
      continue;
    }
    if (!istable(cur)) continue;
    if (!istable(val)) {
      if (val !== null) warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
      continue;
    }
    mergeTables(warn, cur, val, joinKey(subPrefix, key), merge, 0, true);
  }
}

/** depthChecked holds values trees known to be within maxDepth (chart defaults are checked once, not per render). */
const depthChecked = new WeakSet<object>();

/** checkDepth throws deepCopy's error when m nests deeper than maxDepth. */
function checkDepth(m: ValuesTree): void {
  if (depthChecked.has(m)) return;
  const walk = (v: GoValue, depth: number): void => {
    if (depth > maxDepth) throw new CoalesceError(`values nested deeper than ${maxDepth} levels`);
    if (v instanceof Map) for (const x of v.values()) walk(x, depth + 1);
    else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
  };
  walk(m, 0);
  depthChecked.add(m);
}

/** coalesceTables merges src under dst (dst wins; a null in dst deletes unless merge). Exposed for import-values. */
export function coalesceTables(warn: Warn, dst: ValuesTree, src: ValuesTree | null, prefix: string, merge: boolean, depth = 0): ValuesTree {
  return mergeTables(warn, dst, src, prefix, merge, depth, false);
}

/** mergeTables is coalesceTables; with copySrc, what it takes from src is deep-copied (src is left shared and untouched). */
function mergeTables(warn: Warn, dst: ValuesTree, src: ValuesTree | null, prefix: string, merge: boolean, depth: number, copySrc: boolean): ValuesTree {
  if (src === null) return dst;
  if (depth > maxDepth) throw new CoalesceError(`values nested deeper than ${maxDepth} levels`);
  for (const [key, val] of src) {
    const full = joinKey(prefix, key);
    const present = dst.has(key);
    const dv = dst.get(key);
    if (present && !merge && dv === null) {
      dst.delete(key);
    } else if (!present) {
      dst.set(key, copySrc ? deepCopy(val) : val);
    } else if (istable(val)) {
      if (istable(dv!)) mergeTables(warn, dv as ValuesTree, val, full, merge, depth + 1, copySrc);
      else warn(`warning: cannot overwrite table with non table for ${full} (${formatV(val)})`);
    } else if (istable(dv!) && val !== null) {
      warn(`warning: destination for ${full} is a table. Ignoring non-table value (${formatV(val)})`);
    }
  }
  return dst;
}

/**
 * mergeUserValues merges two user value maps the way `helm -f a -f b` does: maps merge
 * recursively, anything else in b replaces a; nulls kept (Helm: values.mergeMaps).
 */
export function mergeUserValues(a: ValuesTree, b: ValuesTree): ValuesTree {
  const out: ValuesTree = new Map(a);
  for (const [k, v] of b) {
    if (istable(v)) {
      const av = out.get(k);
      if (av !== undefined && istable(av)) {
        out.set(k, mergeUserValues(av, v));
        continue;
      }
    }
    out.set(k, v);
  }
  return out;
}

// ---- Go's fmt for Helm's messages ----

function goQuoteKey(s: string): string {
  return quote(s);
}

/** formatVerb formats v with a single-verb Go format (%t or %v) for error messages. */
export function formatVerb(verb: 't' | 'v', v: GoValue): string {
  return sprintf('%' + verb, [v]);
}

/** formatV is Go's %v of a value. */
export function formatV(v: GoValue): string {
  return formatValue(v);
}
