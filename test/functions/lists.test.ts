// Sprig list functions called directly; expectations from the oracle (mode "sprig").
import { describe, expect, it } from 'vitest';
import { GoSlice, goInt, type GoValue } from '../../src/template/value.js';
import { listsFuncs } from '../../src/functions/sprig/lists.js';

const call = (name: string, ...args: GoValue[]) => listsFuncs.find((x) => x.name === name)!.call(args);
const nilDeref = 'runtime error: invalid memory address or nil pointer dereference';

describe('sprig lists', () => {
  it('first/last/rest/initial', () => {
    expect(call('first', [goInt(1), goInt(2)])).toEqual(goInt(1));
    expect(call('first', [])).toBeNull();
    expect(() => call('first', null)).toThrow(nilDeref);
    expect(() => call('first', 'abc')).toThrow('Cannot find first on type string');
    expect(call('last', new GoSlice('string', ['a', 'b']))).toBe('b');
    expect(call('rest', [goInt(1), goInt(2)])).toEqual([goInt(2)]);
    expect(call('initial', [goInt(1), goInt(2)])).toEqual([goInt(1)]);
  });
  it('uniq/has/without use DeepEqual (int 1 != float64 1)', () => {
    expect(call('uniq', [goInt(1), 1, '1', goInt(1)])).toEqual([goInt(1), 1, '1']);
    expect(call('has', 2, [goInt(2)])).toBe(false);
    expect(call('has', goInt(1), null)).toBe(false);
    expect(call('without', [goInt(1), goInt(2), goInt(3), goInt(2)], goInt(2))).toEqual([goInt(1), goInt(3)]);
  });
  it('chunk and its makeslice panic', () => {
    const c = call('chunk', goInt(2), [goInt(1), goInt(2), goInt(3)]) as GoSlice;
    expect(c.items).toEqual([[goInt(1), goInt(2)], [goInt(3)]]);
    expect(() => call('chunk', goInt(0), [goInt(1)])).toThrow('runtime error: makeslice: len out of range');
  });
  it('slice keeps the slice type and panics out of bounds', () => {
    expect(call('slice', new GoSlice('string', ['a', 'b', 'c']), goInt(1))).toEqual(new GoSlice('string', ['b', 'c']));
    expect(call('slice', [], goInt(1))).toBeNull();
    expect(() => call('slice', [goInt(1)], goInt(2), goInt(1))).toThrow('reflect.Value.Slice: slice index out of bounds');
  });
  it('concat, compact, push', () => {
    expect(() => call('concat', [goInt(1)], goInt(2))).toThrow('Cannot concat type int as list');
    expect(call('compact', [goInt(0), '', null, false, goInt(1), [], new Map()])).toEqual([goInt(1)]);
    expect(() => call('push', new Map(), goInt(1))).toThrow('Cannot push on type map');
  });
});
