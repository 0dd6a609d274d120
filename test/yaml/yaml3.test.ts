// toYamlPretty (yaml.v3, indent 2): direct tables and 1,000 random values trees vs the oracle.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GoComplex, fromJSON, goInt, type GoValue } from '../../src/template/value.js';
import { toYamlPretty, yaml3KeyLess } from '../../src/yaml/yaml3.js';
import { genValue, rng } from './gen.js';

const oracle = process.env.ORACLE ?? fileURLToPath(new URL('../../../shared/oracle/bin/gotpl-oracle', import.meta.url));

describe('toYamlPretty', () => {
  // Expected values taken from the oracle (yaml.v3 3.0.1).
  const cases: { name: string; input: GoValue; want: string }[] = [
    { name: 'indented sequences', input: fromJSON({ a: [1, 2, { b: 'c', d: ['x'] }] }), want: 'a:\n  - 1\n  - 2\n  - b: c\n    d:\n      - x' },
    { name: 'empty collections', input: fromJSON({ e: {}, f: [] }), want: 'e: {}\nf: []' },
    { name: 'YAML 1.1 bools quoted', input: fromJSON({ h: 'yes', i: 'on' }), want: 'h: "yes"\ni: "on"' },
    { name: 'numbers as strings quoted', input: fromJSON({ j: '0o17', k: '1e3', s: '012' }), want: 'j: "0o17"\nk: "1e3"\ns: "012"' },
    { name: 'merge key plain', input: fromJSON({ a: '<<' }), want: 'a: <<' },
    { name: 'float formatting', input: fromJSON({ p: 1000000 }), want: 'p: 1e+06' },
    { name: 'literal block', input: fromJSON({ q: 'line1\nline2\n' }), want: 'q: |\n  line1\n  line2' },
    { name: 'no folding', input: fromJSON({ r: 'aaaa '.repeat(30) + 'end' }), want: 'r: ' + 'aaaa '.repeat(30) + 'end' },
    { name: 'nested lists', input: fromJSON([[1, 2], []]), want: '- - 1\n  - 2\n- []' },
    { name: 'int scalar', input: goInt(3), want: '3' },
    { name: 'null', input: null, want: 'null' },
    { name: 'dash quoted', input: fromJSON({ x: '-' }), want: "x: '-'" },
  ];
  for (const c of cases) it(c.name, () => expect(toYamlPretty(c.input)).toBe(c.want));
  it('complex panics', () => {
    expect(() => toYamlPretty(new Map([['a', new GoComplex(1, 1)]]))).toThrow('cannot marshal type: complex128');
  });
  it('key order: digit runs compare as numbers', () => {
    expect(yaml3KeyLess('a2', 'a10')).toBe(true);
  });
});

describe('toYamlPretty property', () => {
  it.skipIf(!existsSync(oracle))('matches the oracle on 1000 random trees', () => {
    const r = rng(3303);
    const vals = Array.from({ length: 1000 }, () => ({ v: genValue(r) }));
    const reqs = vals.map((v, i) => JSON.stringify({ id: i, mode: 'helm', templates: { t: '{{ toYamlPretty .Values }}' }, values: v }));
    const out = spawnSync(oracle, { input: reqs.join('\n') + '\n', maxBuffer: 1 << 30 }).stdout.toString().trim().split('\n');
    const bad: string[] = [];
    vals.forEach((v, i) => {
      const want = (JSON.parse(out[i]!) as { outputs: { t: string } }).outputs.t;
      const got = toYamlPretty(fromJSON(JSON.parse(JSON.stringify(v))));
      if (got !== want) bad.push(JSON.stringify({ v, want, got }));
    });
    expect(bad.slice(0, 3)).toEqual([]);
  }, 120_000);
});
