// Sprig dict functions called directly; expectations from the oracle (mode "sprig").
import { describe, expect, it } from 'vitest';
import { goInt, type GoValue } from '../../src/template/value.js';
import { dictsFuncs } from '../../src/functions/sprig/dicts.js';

const call = (name: string, ...args: GoValue[]) => dictsFuncs.find((x) => x.name === name)!.call(args);
const d = (...kv: GoValue[]) => call('dict', ...kv) as Map<string, GoValue>;

describe('sprig dicts', () => {
  it('dict/get/set/unset/hasKey', () => {
    expect([...d('a')]).toEqual([['a', '']]);
    expect([...d(goInt(1), goInt(2), null, goInt(3))]).toEqual([['1', goInt(2)], ['<nil>', goInt(3)]]);
    expect(call('get', d('a', goInt(1)), 'zz')).toBe('');
    expect(() => call('set', null, 'a', goInt(1))).toThrow('assignment to entry in nil map');
    expect(call('hasKey', d('a', null), 'a')).toBe(true);
    expect(d('__proto__', goInt(1)).get('__proto__')).toEqual(goInt(1));
  });
  it('merge follows mergo', () => {
    const m = (x: GoValue) => [...(x as Map<string, GoValue>)];
    expect(m(call('mergeOverwrite', d('a', 'x'), d('a', d('b', goInt(1)))))).toEqual([['a', 'x']]);
    expect(m(call('merge', d(), d('a', null)))).toEqual([]);
    expect(m(call('mergeOverwrite', d('a', goInt(1)), d('a', null)))).toEqual([['a', null]]);
    expect(m(call('merge', d('k', goInt(0)), d('k', goInt(5))))).toEqual([['k', goInt(5)]]);
    const inner = d('x', goInt(1));
    call('merge', d('a', inner), d('a', d('y', goInt(2))));
    expect([...inner.keys()]).toEqual(['x', 'y']);
  });
  it('dig', () => {
    expect(call('dig', 'a', 'b', 'd', d('a', d('b', goInt(1))))).toEqual(goInt(1));
    expect(() => call('dig', 'a', 'b', 'd', d('a', goInt(3)))).toThrow(
      'interface conversion: interface {} is int, not map[string]interface {}',
    );
    expect(() => call('dig', 'a', 'd')).toThrow('dig needs at least three arguments');
  });
  it('deepCopy copies nested maps; nil panics', () => {
    const src = d('b', d('c', goInt(2)));
    const c = call('deepCopy', src) as Map<string, GoValue>;
    (c.get('b') as Map<string, GoValue>).set('c', goInt(9));
    expect((src.get('b') as Map<string, GoValue>).get('c')).toEqual(goInt(2));
    expect(() => call('deepCopy', null)).toThrow('reflect: call of reflect.Value.Type on zero Value');
  });
});
