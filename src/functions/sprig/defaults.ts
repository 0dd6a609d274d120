/**
 * Sprig 3.2.3's default/flow helpers (Sprig: defaults.go): default, empty, coalesce, all, any,
 * ternary and the JSON wrappers. Sprig decides the error behaviour: toJson/toPrettyJson give ""
 * on error, toRawJson panics, fromJson gives nil, the must* variants return the error.
 */
import {
  GoComplex,
  GoFloat32,
  GoFuncError,
  GoInt,
  GoSlice,
  GoStruct,
  GoTime,
  type GoFunc,
  type GoValue,
} from '../../template/value.js';
import { def } from '../def.js';
import { JsonError } from '../../yaml/errors.js';
import { fromJson, toJson, toPrettyJson, toRawJson } from '../../yaml/json.js';

/** empty is Sprig's empty: nil, zero numbers, false, and empty strings/lists/maps; structs never. */
export function empty(v: GoValue): boolean {
  if (v === null || v === undefined) return true;
  switch (typeof v) {
    case 'string':
      return v.length === 0;
    case 'boolean':
      return !v;
    case 'number':
      return v === 0;
  }
  if (v instanceof GoInt) return v.v === 0n;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof GoSlice) return v.items.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (v instanceof GoFloat32) return v.v === 0;
  if (v instanceof GoComplex) return v.re === 0 && v.im === 0;
  // Sprig: a struct is never empty; a non-nil pointer or func is not nil.
  if (v instanceof GoStruct || v instanceof GoTime) return false;
  return false;
}

/** swallow runs f and returns fallback when it throws a JSON error (Sprig ignores the error). */
function swallow<T extends GoValue>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof JsonError) return fallback;
    throw e;
  }
}

/** goErr runs f and turns a JSON error into the GoFuncError the template reports. */
function goErr<T extends GoValue>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof JsonError) throw new GoFuncError(e.message);
    throw e;
  }
}

/** defaultsFuncs are Sprig 3.2.3's defaults functions. */
export const defaultsFuncs: GoFunc[] = [
  def(
    'default',
    ['interface {}', 'interface {}'],
    'interface {}',
    ([d, ...given]) => {
      // Sprig: empty(given) tests the variadic slice itself, then its first element.
      if (given.length === 0 || empty(given[0])) return d ?? null;
      return given[0] ?? null;
    },
    { variadic: true },
  ),
  def('empty', ['interface {}'], 'bool', ([v]) => empty(v)),
  def(
    'coalesce',
    ['interface {}'],
    'interface {}',
    (vs) => {
      for (const v of vs) if (!empty(v)) return v ?? null;
      return null;
    },
    { variadic: true },
  ),
  def('all', ['interface {}'], 'bool', (vs) => vs.every((v) => !empty(v)), { variadic: true }),
  def('any', ['interface {}'], 'bool', (vs) => vs.some((v) => !empty(v)), { variadic: true }),
  def('ternary', ['interface {}', 'interface {}', 'bool'], 'interface {}', ([vt, vf, c]) => (c ? vt : vf) ?? null),
  def('toJson', ['interface {}'], 'string', ([v]) => swallow(() => toJson(v ?? null), '')),
  def('mustToJson', ['interface {}'], 'string', ([v]) => goErr(() => toJson(v ?? null)), { err: true }),
  def('toPrettyJson', ['interface {}'], 'string', ([v]) => swallow(() => toPrettyJson(v ?? null), '')),
  def('mustToPrettyJson', ['interface {}'], 'string', ([v]) => goErr(() => toPrettyJson(v ?? null)), { err: true }),
  // Sprig: toRawJson panics with the error, which the template reports like a returned error.
  def('toRawJson', ['interface {}'], 'string', ([v]) => goErr(() => toRawJson(v ?? null))),
  def('mustToRawJson', ['interface {}'], 'string', ([v]) => goErr(() => toRawJson(v ?? null)), { err: true }),
  def('fromJson', ['string'], 'interface {}', ([s]) => swallow(() => fromJson(s as string), null)),
  def('mustFromJson', ['string'], 'interface {}', ([s]) => goErr(() => fromJson(s as string)), { err: true }),
];
