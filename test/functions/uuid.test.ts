// Random functions: checked by their properties (the oracle's output is random too).
import { describe, expect, it } from 'vitest';
import { GoFuncError, goInt } from '../../src/template/value.js';
import { uuidFuncs } from '../../src/functions/sprig/uuid.js';

const funcs = new Map(uuidFuncs.map((f) => [f.name, f]));
const call = (name: string, n: number) => funcs.get(name)!.call([goInt(n)]) as string;

describe('uuid and random strings', () => {
  it('uuidv4 is a lowercase version-4 UUID', () => {
    expect(funcs.get('uuidv4')!.call([])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  const table: [string, RegExp][] = [
    ['randAlphaNum', /^[A-Za-z0-9]*$/],
    ['randAlpha', /^[A-Za-z]*$/],
    ['randNumeric', /^[0-9]*$/],
    ['randAscii', /^[\x20-\x7e]*$/],
  ];
  for (const [name, re] of table) {
    it(`${name} draws from its alphabet with the asked length`, () => {
      expect(call(name, 0)).toBe('');
      // goutils: a negative count is an error that Sprig drops.
      expect(call(name, -5)).toBe('');
      const s = call(name, 500);
      expect(s).toHaveLength(500);
      expect(s).toMatch(re);
    });
    it(`${name} refuses absurd lengths cleanly`, () => {
      expect(() => call(name, 1e12)).toThrow(GoFuncError);
    });
  }
});
