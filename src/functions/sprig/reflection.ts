/**
 * Sprig 3.2.3's reflection functions (Sprig: reflect.go) and reflect.DeepEqual, which Sprig also
 * uses in uniq, has and without.
 */
import {
  GoComplex,
  GoFloat32,
  GoInt,
  GoSlice,
  GoStruct,
  GoTime,
  isGoFunc,
  kindOf,
  typeOf,
  type GoFunc,
  type GoValue,
} from '../../template/value.js';
import { def } from '../def.js';

/** goTypeOf is fmt's %T of an interface{} value: "<nil>" for nil. */
export function goTypeOf(v: GoValue): string {
  return typeOf(v === undefined ? null : v);
}

/** goKindOf is reflect.ValueOf(v).Kind().String(): "invalid" for nil. */
export function goKindOf(v: GoValue): string {
  return kindOf(v);
}

/**
 * deepEqual is reflect.DeepEqual on two interface{} values: equal dynamic types and deeply
 * equal contents (NaN is unequal to itself; funcs are equal only when both nil).
 * Limit: podtpl has no nil slices or maps, so a nil slice equals an empty one here.
 */
export function deepEqual(a: GoValue, b: GoValue, depth = 0): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null) return a === b;
  if (depth > 10000) return false;
  if (goTypeOf(a) !== goTypeOf(b)) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a instanceof GoInt) return a.v === (b as GoInt).v;
  if (a instanceof GoFloat32) return a.v === (b as GoFloat32).v;
  if (a instanceof GoComplex) return a.re === (b as GoComplex).re && a.im === (b as GoComplex).im;
  if (Array.isArray(a) || a instanceof GoSlice) {
    const x = Array.isArray(a) ? a : a.items;
    const y = Array.isArray(b) ? b : (b as GoSlice).items;
    if (x === y) return true;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i], depth + 1)) return false;
    return true;
  }
  if (a instanceof Map) {
    const m = b as Map<string, GoValue>;
    if (a === m) return true;
    if (a.size !== m.size) return false;
    for (const [k, v] of a) {
      if (!m.has(k)) return false;
      if (!deepEqual(v, m.get(k), depth + 1)) return false;
    }
    return true;
  }
  if (a instanceof GoTime) {
    const t = b as GoTime;
    return a.unixNano === t.unixNano && a.locName === t.locName && a.offsetSec === t.offsetSec;
  }
  if (a instanceof GoStruct) {
    const s = b as GoStruct;
    if (a === s) return true;
    if (a.fields.size !== s.fields.size) return false;
    for (const [k, v] of a.fields) if (!deepEqual(v, s.fields.get(k), depth + 1)) return false;
    // Unexported state (e.g. semver.Version) shows only through the stringer.
    if (a.stringer || s.stringer) return a.stringer?.() === s.stringer?.();
    return true;
  }
  if (isGoFunc(a)) return false;
  return false;
}

/** reflectionFuncs are Sprig 3.2.3's reflection functions. */
export const reflectionFuncs: GoFunc[] = [
  def('typeOf', ['interface {}'], 'string', ([v]) => goTypeOf(v)),
  def('typeIs', ['string', 'interface {}'], 'bool', ([t, v]) => t === goTypeOf(v)),
  def('typeIsLike', ['string', 'interface {}'], 'bool', ([t, v]) => {
    const s = goTypeOf(v);
    return t === s || '*' + (t as string) === s;
  }),
  def('kindOf', ['interface {}'], 'string', ([v]) => goKindOf(v)),
  def('kindIs', ['string', 'interface {}'], 'bool', ([t, v]) => t === goKindOf(v)),
  def('deepEqual', ['interface {}', 'interface {}'], 'bool', ([a, b]) => deepEqual(a, b)),
];
