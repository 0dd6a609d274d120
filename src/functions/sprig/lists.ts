/**
 * Sprig 3.2.3's list functions (Sprig: list.go). They take interface{} and accept any slice
 * through reflection ([]interface{} and typed slices alike); a nil list panics in
 * reflect.TypeOf(nil).Kind() with a nil pointer dereference. The non-must variants panic with
 * the must variant's error, which the template reports with the same text.
 */
import { GoFuncError, GoSlice, type GoFunc, type GoValue, nilOf } from '../../template/value.js';
import { def } from '../def.js';
import { listOf, nilDeref, toInt } from './cast.js';
import { empty } from './defaults.js';
import { deepEqual, goKindOf } from './reflection.js';

const I = 'interface {}';
const L = '[]interface {}';

/** reflectList returns the list's items, or throws Sprig's error `<prefix> <kind>` (nil: Go's nil dereference panic). */
function reflectList(v: GoValue, prefix: string): GoValue[] {
  if (v === null || v === undefined) throw new GoFuncError(nilDeref);
  const items = listOf(v);
  if (!items) throw new GoFuncError(`${prefix} ${goKindOf(v)}`);
  return items;
}

/** nilIfEmpty applies f to a non-empty list; an empty one gives Go's nil slice. */
function nilIfEmpty(items: GoValue[], f: (xs: GoValue[]) => GoValue[]): GoValue[] {
  return items.length === 0 ? nilOf([]) : f(items);
}

function inList(haystack: readonly GoValue[], needle: GoValue): boolean {
  return haystack.some((h) => deepEqual(needle, h));
}

/** chunk is Sprig's mustChunk, including Go's makeslice panic for a zero size. */
function chunk(size: bigint, list: GoValue): GoSlice {
  const items = reflectList(list, 'Cannot chunk type');
  const l = items.length;
  const sz = Number(size);
  // Go: int(math.Floor(float64(l-1)/float64(size)) + 1); a division by zero gives ±Inf/NaN → MinInt64.
  const q = Math.floor((l - 1) / sz) + 1;
  const cs = Number.isFinite(q) ? q : -1;
  if (cs < 0) throw new GoFuncError('runtime error: makeslice: len out of range');
  const out: GoValue[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = sz;
    if (i === cs - 1) {
      clen = Math.floor(l % sz);
      if (clen === 0) clen = sz;
    }
    if (clen < 0) throw new GoFuncError('runtime error: makeslice: len out of range');
    const c: GoValue[] = [];
    for (let j = 0; j < clen; j++) {
      const ix = i * sz + j;
      if (ix >= l) throw new GoFuncError(`reflect: slice index out of range`);
      c.push(items[ix]!);
    }
    out.push(c);
  }
  return new GoSlice('[]interface {}', out);
}

/** sliceList is Sprig's mustSlice: list[start:end] keeping the slice's type; an empty list gives nil. */
function sliceList(list: GoValue, indices: GoValue[]): GoValue {
  if (list === null || list === undefined) throw new GoFuncError(nilDeref);
  const items = listOf(list);
  if (!items) throw new GoFuncError(`list should be type of slice or array but ${goKindOf(list)}`);
  const l = items.length;
  if (l === 0) return null;
  const start = indices.length > 0 ? toInt(indices[0] ?? null) : 0n;
  const end = indices.length < 2 ? BigInt(l) : toInt(indices[1] ?? null);
  if (start < 0n || end < start || end > BigInt(l)) {
    throw new GoFuncError('reflect.Value.Slice: slice index out of bounds');
  }
  const part = items.slice(Number(start), Number(end));
  return list instanceof GoSlice ? new GoSlice(list.elem, part) : part;
}

function mustAndPlain(
  name: string,
  ins: string[],
  out: string,
  body: (args: GoValue[]) => GoValue,
  variadic = false,
): GoFunc[] {
  const must = 'must' + name[0]!.toUpperCase() + name.slice(1);
  return [def(name, ins, out, body, { variadic }), def(must, ins, out, body, { variadic, err: true })];
}

/** listsFuncs are Sprig 3.2.3's lists functions. */
export const listsFuncs: GoFunc[] = [
  def('list', [I], L, (v) => v.map((x) => x ?? null), { variadic: true }),
  def('tuple', [I], L, (v) => v.map((x) => x ?? null), { variadic: true }),
  ...mustAndPlain('push', [I, I], L, ([l, v]) => [...reflectList(l, 'Cannot push on type'), v ?? null]),
  def('append', [I, I], L, ([l, v]) => [...reflectList(l, 'Cannot push on type'), v ?? null]),
  def('mustAppend', [I, I], L, ([l, v]) => [...reflectList(l, 'Cannot push on type'), v ?? null], { err: true }),
  ...mustAndPlain('prepend', [I, I], L, ([l, v]) => [v ?? null, ...reflectList(l, 'Cannot prepend on type')]),
  ...mustAndPlain('chunk', ['int', I], '[][]interface {}', ([s, l]) => chunk((s as { v: bigint }).v, l)),
  ...mustAndPlain('last', [I], I, ([l]) => {
    const items = reflectList(l, 'Cannot find last on type');
    return items.length === 0 ? null : (items[items.length - 1] ?? null);
  }),
  ...mustAndPlain('first', [I], I, ([l]) => {
    const items = reflectList(l, 'Cannot find first on type');
    return items.length === 0 ? null : (items[0] ?? null);
  }),
  // Sprig: rest/initial of an empty list return a nil []interface{}.
  // Sprig: an empty list gives a nil []interface{} (toJson prints null).
  ...mustAndPlain('rest', [I], L, ([l]) => nilIfEmpty(reflectList(l, 'Cannot find rest on type'), (xs) => xs.slice(1))),
  ...mustAndPlain('initial', [I], L, ([l]) => nilIfEmpty(reflectList(l, 'Cannot find initial on type'), (xs) => xs.slice(0, -1))),
  ...mustAndPlain('reverse', [I], L, ([l]) => [...reflectList(l, 'Cannot find reverse on type')].reverse()),
  ...mustAndPlain('compact', [I], L, ([l]) => reflectList(l, 'Cannot compact on type').filter((x) => !empty(x))),
  ...mustAndPlain('uniq', [I], L, ([l]) => {
    const dest: GoValue[] = [];
    for (const x of reflectList(l, 'Cannot find uniq on type')) if (!inList(dest, x)) dest.push(x);
    return dest;
  }),
  ...mustAndPlain(
    'without',
    [I, I],
    L,
    ([l, ...omit]) => reflectList(l, 'Cannot find without on type').filter((x) => !inList(omit, x)),
    true,
  ),
  ...mustAndPlain('has', [I, I], 'bool', ([needle, hay]) => {
    if (hay === null || hay === undefined) return false;
    return inList(reflectList(hay, 'Cannot find has on type'), needle ?? null);
  }),
  ...mustAndPlain('slice', [I, I], I, ([l, ...idx]) => sliceList(l ?? null, idx), true),
  def(
    'concat',
    [I],
    I,
    (lists) => {
      const res: GoValue[] = [];
      for (const l of lists) {
        if (l === null || l === undefined) throw new GoFuncError(nilDeref);
        const items = listOf(l);
        if (!items) throw new GoFuncError(`Cannot concat type ${goKindOf(l)} as list`);
        res.push(...items);
      }
      // Sprig: `var res []interface{}` stays nil when nothing is appended.
      return res.length === 0 ? nilOf(res) : res;
    },
    { variadic: true },
  ),
];
