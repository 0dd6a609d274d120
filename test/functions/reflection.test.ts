// Sprig reflection functions; expectations from the oracle (mode "sprig").
import { describe, expect, it } from 'vitest';
import { GoSlice, goInt, type GoValue } from '../../src/template/value.js';
import { reflectionFuncs } from '../../src/functions/sprig/reflection.js';

const call = (name: string, ...args: GoValue[]) => reflectionFuncs.find((x) => x.name === name)!.call(args);

describe('sprig reflection', () => {
  it('typeOf/kindOf', () => {
    expect(call('typeOf', null)).toBe('<nil>');
    expect(call('typeOf', goInt(1))).toBe('int');
    expect(call('typeOf', new GoSlice('string', []))).toBe('[]string');
    expect(call('kindOf', null)).toBe('invalid');
    expect(call('kindOf', [])).toBe('slice');
    expect(call('typeIsLike', 'float64', 1.5)).toBe(true);
  });
  it('deepEqual', () => {
    expect(call('deepEqual', goInt(1), 1)).toBe(false);
    expect(call('deepEqual', [goInt(1)], [goInt(1)])).toBe(true);
    expect(call('deepEqual', new GoSlice('string', ['a']), ['a'])).toBe(false);
    expect(call('deepEqual', NaN, NaN)).toBe(false);
    expect(call('deepEqual', null, null)).toBe(true);
  });
});
