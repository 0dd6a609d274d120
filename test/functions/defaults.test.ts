// Sprig default/empty/coalesce/ternary/JSON wrappers and flow functions; expectations from the oracle.
import { describe, expect, it } from 'vitest';
import { GoStruct, goInt, type GoValue } from '../../src/template/value.js';
import { defaultsFuncs } from '../../src/functions/sprig/defaults.js';
import { flowFuncs } from '../../src/functions/sprig/flow.js';

const all = [...defaultsFuncs, ...flowFuncs];
const call = (name: string, ...args: GoValue[]) => all.find((x) => x.name === name)!.call(args);

describe('sprig defaults', () => {
  it('empty', () => {
    for (const v of ['', 0, goInt(0), null, false, [], new Map()]) expect(call('empty', v)).toBe(true);
    for (const v of ['a', 1, goInt(1), true, [goInt(0)], new GoStruct('x', new Map())]) expect(call('empty', v)).toBe(false);
  });
  it('default/coalesce/ternary', () => {
    expect(call('default', 'd')).toBe('d');
    expect(call('default', 'd', 0)).toBe('d');
    expect(call('default', 'd', 'a', 'b')).toBe('a');
    expect(call('coalesce', goInt(0), '', null, 'x')).toBe('x');
    expect(call('coalesce')).toBeNull();
    expect(call('ternary', 'y', 'n', false)).toBe('n');
  });
  it('JSON wrappers: non-must variants swallow errors, toRawJson panics', () => {
    expect(call('toJson', '<a&b>')).toBe('"\\u003ca\\u0026b\\u003e"');
    expect(call('toRawJson', '<a&b>')).toBe('"<a&b>"');
    expect(call('toJson', NaN)).toBe('');
    expect(() => call('toRawJson', NaN)).toThrow('json: unsupported value: NaN');
    expect(call('fromJson', 'bad')).toBeNull();
    expect(() => call('mustFromJson', 'bad')).toThrow('invalid character');
  });
  it('fail; env and expandenv never read the environment (deliberate difference from Sprig)', () => {
    expect(() => call('fail', 'boom')).toThrow('boom');
    expect(call('env', 'HOME')).toBe('');
    expect(call('expandenv', 'x $HOME ${PATH} $$ $ ${} ${x')).toBe('x    $  x');
  });
});
