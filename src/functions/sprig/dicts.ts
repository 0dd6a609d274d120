/**
 * Sprig 3.2.3's dict functions (Sprig: dict.go) with imdario/mergo's Merge/MergeWithOverwrite
 * semantics for maps of interface{} (mergo 0.3.13, Helm's pin; merge.go deepMerge).
 */
import {
  GoFuncError,
  GoSlice,
  GoStruct,
  GoTime,
  TypedMap,
  isGoFunc,
  kindOf,
  type GoFunc,
  type GoValue, isNilContainer, nilOf } from '../../template/value.js';
import { def } from '../def.js';
import { strval } from './cast.js';
import { goTypeOf } from './reflection.js';

type GoMap = Map<string, GoValue>;

/** maxDepth bounds recursion over nested values (Go would overflow its stack on a cycle). */
export const maxDepth = 10000;

const asMap = (v: GoValue): GoMap | null => (v instanceof Map ? v : null);

/** interfaceConversion is Go's panic text for a failed x.(T) on an interface{}. */
export function interfaceConversion(v: GoValue, want: string): GoFuncError {
  const t = v === null || v === undefined ? 'nil' : goTypeOf(v);
  return new GoFuncError(`interface conversion: interface {} is ${t}, not ${want}`);
}

/** mergoIsEmpty is mergo's isEmptyValue on an interface{} map element. */
export function mergoIsEmpty(v: GoValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.length === 0;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'number') return v === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof GoSlice) return v.items.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (v instanceof GoStruct || v instanceof GoTime || isGoFunc(v)) return false;
  const k = kindOf(v);
  if (k === 'float32' || k.startsWith('int') || k.startsWith('uint')) return Number((v as { v: bigint | number }).v) === 0;
  return false;
}

/**
 * mergeMaps is mergo's deepMerge of two maps (dst is mutated in place, nested maps too).
 * Mergo quirks kept: a nil src value is skipped unless overwriting; a non-empty dst value is
 * never replaced by a map or slice, even when overwriting; an empty dst map is merged into and
 * then replaced by the src map.
 */
export function mergeMaps(dst: GoMap, src: GoMap, overwrite: boolean, depth = 0): void {
  if (depth > maxDepth) throw new GoFuncError('merge: values nested too deeply');
  for (const [key, s] of [...src]) {
    const hasDst = dst.has(key);
    const d = dst.get(key);
    if (s === null || s === undefined) {
      if (overwrite) dst.set(key, null);
      continue;
    }
    const sKind = kindOf(s);
    if (sKind === 'map') {
      if (d instanceof Map) mergeMaps(d, s as GoMap, overwrite, depth + 1);
    } else if (sKind === 'slice') {
      // Mergo: the condition looks at the enclosing maps, not at the elements.
      if (overwrite || dst.size === 0) dst.set(key, s);
      else if (!hasDst || d === null || d === undefined) dst.set(key, Array.isArray(s) ? [] : new GoSlice((s as GoSlice).elem, []));
      else dst.set(key, d);
    }
    if (hasDst && !mergoIsEmpty(d) && (sKind === 'map' || sKind === 'slice')) continue;
    if (overwrite || !hasDst || mergoIsEmpty(d)) dst.set(key, s);
  }
}

function mergeAll(dst: GoValue, srcs: GoValue[], overwrite: boolean): GoMap {
  // Mergo: a nil destination map is replaced by a new one before merging.
  const out = asMap(dst) ?? new Map<string, GoValue>();
  for (const s of srcs) {
    const m = asMap(s);
    if (m) mergeMaps(out, m, overwrite);
  }
  return out;
}

/** deepCopyValue is copystructure.Copy for template values: maps and slices are copied recursively. */
export function deepCopyValue(v: GoValue, depth = 0): GoValue {
  if (depth > maxDepth) throw new GoFuncError('deepCopy: values nested too deeply');
  // copystructure: a nil map or slice copies as nil.
  if (isNilContainer(v)) return Array.isArray(v) ? nilOf([]) : v instanceof GoSlice ? nilOf(new GoSlice(v.elem, [])) : nilOf(new Map());
  if (v === undefined || v === null) return v ?? null;
  if (Array.isArray(v)) return v.map((x) => deepCopyValue(x, depth + 1));
  if (v instanceof GoSlice) return new GoSlice(v.elem, v.items.map((x) => deepCopyValue(x, depth + 1)));
  if (v instanceof TypedMap) {
    const m = new TypedMap(v.goType, v.underlying, v.elemType, undefined, v.methods);
    for (const [k, x] of v) m.set(k, deepCopyValue(x, depth + 1));
    return m;
  }
  if (v instanceof Map) {
    const m = new Map<string, GoValue>();
    for (const [k, x] of v) m.set(k, deepCopyValue(x, depth + 1));
    return m;
  }
  return v;
}

function digFromDict(dict: GoMap, d: GoValue, ks: string[], depth = 0): GoValue {
  const [k, ...ns] = ks;
  if (!dict.has(k!)) return d;
  const step = dict.get(k!) ?? null;
  if (ns.length === 0) return step;
  // Sprig: step.(map[string]interface{}) — a named map type such as chartutil.Values fails too.
  if (!(step instanceof Map) || step instanceof TypedMap) throw interfaceConversion(step, 'map[string]interface {}');
  return digFromDict(step, d, ns, depth + 1);
}

const M = 'map[string]interface {}';

/** dictsFuncs are Sprig 3.2.3's dicts functions. */
export const dictsFuncs: GoFunc[] = [
  def('get', [M, 'string'], 'interface {}', ([d, k]) => {
    const m = asMap(d);
    return m && m.has(k as string) ? (m.get(k as string) ?? null) : '';
  }),
  def('set', [M, 'string', 'interface {}'], M, ([d, k, v]) => {
    const m = asMap(d);
    if (!m) throw new GoFuncError('assignment to entry in nil map');
    m.set(k as string, v ?? null);
    return m;
  }),
  def('unset', [M, 'string'], M, ([d, k]) => {
    const m = asMap(d);
    if (!m) return new Map();
    m.delete(k as string);
    return m;
  }),
  def('hasKey', [M, 'string'], 'bool', ([d, k]) => asMap(d)?.has(k as string) ?? false),
  def(
    'pluck',
    ['string', M],
    '[]interface {}',
    ([k, ...ds]) => {
      const res: GoValue[] = [];
      for (const d of ds) {
        const m = asMap(d);
        if (m && m.has(k as string)) res.push(m.get(k as string) ?? null);
      }
      return res;
    },
    { variadic: true },
  ),
  def(
    'keys',
    [M],
    '[]string',
    (ds) => {
      const k: GoValue[] = [];
      for (const d of ds) for (const key of asMap(d)?.keys() ?? []) k.push(key);
      return new GoSlice('string', k);
    },
    { variadic: true },
  ),
  def(
    'pick',
    [M, 'string'],
    M,
    ([d, ...ks]) => {
      const m = asMap(d);
      const res = new Map<string, GoValue>();
      for (const k of ks) if (m && m.has(k as string)) res.set(k as string, m.get(k as string) ?? null);
      return res;
    },
    { variadic: true },
  ),
  def(
    'omit',
    [M, 'string'],
    M,
    ([d, ...ks]) => {
      const omit = new Set(ks as string[]);
      const res = new Map<string, GoValue>();
      for (const [k, v] of asMap(d) ?? []) if (!omit.has(k)) res.set(k, v);
      return res;
    },
    { variadic: true },
  ),
  def(
    'dict',
    ['interface {}'],
    M,
    (v) => {
      const d = new Map<string, GoValue>();
      for (let i = 0; i < v.length; i += 2) {
        const key = strval(v[i] ?? null);
        d.set(key, i + 1 >= v.length ? '' : (v[i + 1] ?? null));
      }
      return d;
    },
    { variadic: true },
  ),
  def('merge', [M, M], 'interface {}', ([d, ...s]) => mergeAll(d ?? null, s, false), { variadic: true }),
  def('mustMerge', [M, M], 'interface {}', ([d, ...s]) => mergeAll(d ?? null, s, false), { variadic: true, err: true }),
  def('mergeOverwrite', [M, M], 'interface {}', ([d, ...s]) => mergeAll(d ?? null, s, true), { variadic: true }),
  def('mustMergeOverwrite', [M, M], 'interface {}', ([d, ...s]) => mergeAll(d ?? null, s, true), {
    variadic: true,
    err: true,
  }),
  def('values', [M], '[]interface {}', ([d]) => [...(asMap(d)?.values() ?? [])]),
  def('deepCopy', ['interface {}'], 'interface {}', ([v]) => {
    // Copystructure: reflect panics on a nil interface before Sprig can wrap the error.
    if (v === null || v === undefined) throw new GoFuncError('reflect: call of reflect.Value.Type on zero Value');
    return deepCopyValue(v);
  }),
  def(
    'mustDeepCopy',
    ['interface {}'],
    'interface {}',
    ([v]) => {
      if (v === null || v === undefined) throw new GoFuncError('reflect: call of reflect.Value.Type on zero Value');
      return deepCopyValue(v);
    },
    { err: true },
  ),
  def(
    'dig',
    ['interface {}'],
    'interface {}',
    (ps) => {
      if (ps.length < 3) throw new GoFuncError('dig needs at least three arguments');
      const dict = ps[ps.length - 1] ?? null;
      if (!(dict instanceof Map) || dict instanceof TypedMap) throw interfaceConversion(dict, M);
      const def0 = ps[ps.length - 2] ?? null;
      const ks: string[] = [];
      for (let i = 0; i < ps.length - 2; i++) {
        const k = ps[i];
        if (typeof k !== 'string') throw interfaceConversion(k ?? null, 'string');
        ks.push(k);
      }
      return digFromDict(dict, def0, ks);
    },
    { variadic: true, err: true },
  ),
];
