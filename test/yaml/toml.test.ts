// TOML (BurntSushi/toml 1.3.2, Helm's pin): direct tables, deliberate differences from the
// oracle's Debian toml 1.2.0, and 1,000 random values trees through toToml vs the oracle.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GoInt, fromJSON, goInt, type GoValue } from '../../src/template/value.js';
import { fromToml, helmFromToml, helmToToml, mustToToml, toToml } from '../../src/yaml/toml.js';
import { genValue, rng } from './gen.js';

const oracle = process.env.ORACLE ?? fileURLToPath(new URL('../../../shared/oracle/bin/gotpl-oracle', import.meta.url));
const m = (o: Record<string, unknown>): GoValue => fromJSON(o);

describe('toToml', () => {
  const cases: { name: string; input: GoValue; want?: string; wantErr?: string }[] = [
    { name: 'float64', input: m({ a: 1 }), want: 'a = 1.0\n' },
    { name: 'sub-table after keys', input: m({ b: { c: 1 }, a: 2 }), want: 'a = 2.0\n\n[b]\n  c = 1.0\n' },
    { name: 'array of tables', input: m({ a: [{ b: 1 }, { b: 2 }] }), want: '[[a]]\n  b = 1.0\n\n[[a]]\n  b = 2.0\n' },
    { name: 'nil skipped', input: m({ a: null, b: 'x' }), want: 'b = "x"\n' },
    { name: 'inline trailing comma quirk', input: m({ a: [{ b: 1, c: null }, 1] }), want: 'a = [{b = 1.0, }, 1.0]\n' },
    { name: 'quoted keys', input: m({ 'a b': { '': 1 } }), want: '\n["a b"]\n  "" = 1.0\n'.slice(1) },
    { name: 'escapes', input: m({ a: 'q"\\\t\u0001\u007f' }), want: 'a = "q\\"\\\\\\t\\u0001\\u007f"\n' },
    { name: 'big float', input: m({ a: 1e21 }), want: 'a = 1000000000000000000000.0\n' },
    { name: 'int', input: new Map([['a', goInt(3)]]), want: 'a = 3\n' },
    { name: 'nil element', input: m({ a: [1, null] }), wantErr: 'toml: cannot encode array with nil element' },
    // Deliberate differences: Helm's toml 1.3.2 encodes a bare top-level value (Debian 1.2.0:
    // "toml: top-level values must be Go maps or structs").
    { name: '1.3.2 bare list', input: fromJSON([1, 2]), want: '[1.0, 2.0]' },
    { name: '1.3.2 bare string', input: 'str', want: '"str"' },
    { name: '1.3.2 bare int', input: goInt(1), want: '1' },
    { name: 'top-level array of tables', input: fromJSON([{ a: 1 }]), wantErr: 'toml: top-level values must be Go maps or structs' },
    // Deliberate difference (unverified against 1.3.2's exact source): no "+" before inf (Debian 1.2.0: "+inf").
    { name: '1.3.x inf', input: new Map([['a', Infinity]]), want: 'a = inf\n' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      if (c.wantErr !== undefined) {
        expect(helmToToml(c.input)).toBe(c.wantErr);
        expect(() => mustToToml(c.input)).toThrow(c.wantErr);
      } else {
        expect(toToml(c.input)).toBe(c.want);
      }
    });
  }
  it('nil is a reflect panic', () => {
    expect(() => toToml(null)).toThrow('reflect: call of reflect.Value.Type on zero Value');
  });
  it('deep nesting fails cleanly', () => {
    let v: GoValue = 1;
    for (let i = 0; i < 5000; i++) v = new Map([['a', v]]);
    expect(helmToToml(v)).toBe('toml: value nested too deeply');
  });
});

describe('fromToml', () => {
  it('types', () => {
    const r = fromToml('a = 1\nb = 1.5\nc = "x"\nd = [1]\n[[e]]\nf = 1\n');
    expect(r.get('a')).toEqual(new GoInt('int64', 1n));
    expect(r.get('b')).toBe(1.5);
    expect(toToml(r)).toBe('a = 1\nb = 1.5\nc = "x"\nd = [1]\n\n[[e]]\n  f = 1\n');
  });
  it('__proto__ is an ordinary key', () => {
    expect([...fromToml('__proto__ = 1').keys()]).toEqual(['__proto__']);
  });
  // Deliberate differences (Helm's toml 1.3.2; the oracle's Debian 1.2.0 differs).
  it('1.3.2 skips a BOM', () => {
    expect(fromToml('\ufeffa = "x"').get('a')).toBe('x');
  });
  it('1.3.2 trims whitespace after a line-ending backslash across blank lines', () => {
    expect(fromToml('a = """\\\n\n  x"""').get('a')).toBe('x');
  });
  it('errors go into "Error" (text differs from BurntSushi: known difference)', () => {
    const e = helmFromToml('a = ');
    expect(String(e.get('Error'))).toMatch(/^toml: line 1: /);
  });
});

describe('toToml property', () => {
  it.skipIf(!existsSync(oracle))('matches the oracle on 1000 random trees', () => {
    const r = rng(1313);
    const vals = Array.from({ length: 1000 }, () => ({ v: genValue(r) }));
    const reqs = vals.map((v, i) => JSON.stringify({ id: i, mode: 'helm', templates: { t: '{{ toToml .Values }}' }, values: v }));
    const out = spawnSync(oracle, { input: reqs.join('\n') + '\n', maxBuffer: 1 << 30 }).stdout.toString().trim().split('\n');
    const bad: string[] = [];
    vals.forEach((v, i) => {
      const want = (JSON.parse(out[i]!) as { outputs: { t: string } }).outputs.t;
      const got = helmToToml(fromJSON(JSON.parse(JSON.stringify(v))));
      if (got !== want) bad.push(JSON.stringify({ v, want, got }));
    });
    expect(bad.slice(0, 3)).toEqual([]);
  }, 120_000);
});
