// The invalid-pod table (cases.ts): each pod gives exactly its expected errors, at the expected line.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFindings, validatePod } from '../../src/validate/index.js';
import { cases, pod, warningCases } from './cases.js';

describe('invalid pods', () => {
  it('has at least 60 invalid pods', () => expect(cases.filter((c) => c.want.length > 0).length).toBeGreaterThanOrEqual(60));
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const got = validatePod(c.yaml, { strict: c.strict, kubeVersion: c.kubeVersion })
      .filter((f) => f.severity === 'error')
      .map((f) => [f.rule, f.path, f.message, f.line]);
    expect(got).toEqual(c.want);
  });
});

describe('Airflow warnings', () => {
  it.each(warningCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const got = validatePod(c.yaml).map((f) => [f.severity, f.rule, f.path, f.line]);
    expect(got).toEqual(c.want.map(([rule, path, line]) => ['warning', rule, path, line]));
  });
});

describe('valid pods', () => {
  const dir = new URL('./fixtures/', import.meta.url);
  // fixtures/corpus/: the corpus charts' worker pods rendered by the oracle (gen-corpus-fixtures.mjs).
  const files = [
    ...readdirSync(dir).filter((f) => f.endsWith('.yaml')),
    ...readdirSync(new URL('corpus/', dir)).map((f) => 'corpus/' + f),
  ];
  it.each(files)('%s has no error in any version, strict', (f) => {
    const text = readFileSync(new URL(f, dir), 'utf8');
    for (const kubeVersion of ['1.31', '1.32', '1.33', '1.34', '1.35'])
      expect(validatePod(text, { kubeVersion, strict: true }).filter((x) => x.severity === 'error')).toEqual([]);
  });
  it('the realistic worker pod gives no finding at all', () => {
    expect(validatePod(readFileSync(new URL('worker-pod.yaml', dir), 'utf8'), { strict: true })).toEqual([]);
  });
});

describe('positions, options and output', () => {
  it('points at the column of a scalar, the key of an unknown field', () => {
    const f = validatePod(pod('imagePullPolicy: always\nfoo: 1'), { strict: true, file: 'p.yaml' }).filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.line, x.column, x.file])).toEqual([
      [9, 24, 'p.yaml'],
      [10, 7, 'p.yaml'],
    ]);
  });
  it('formats text and json', () => {
    const f = validatePod(pod('', 'restartPolicy: Nope'), { file: 'p.yaml' }).filter((x) => x.severity === 'error');
    expect(formatFindings(f, 'text')).toContain('p.yaml:9:18 spec.restartPolicy: Unsupported value: "Nope"');
    expect(JSON.parse(formatFindings(f, 'json'))[0]).toMatchObject({ rule: 'enum', line: 9, column: 18 });
  });
  it('accepts v-prefixed and patch versions, rejects unsupported ones', () => {
    expect(validatePod(pod(), { kubeVersion: 'v1.33.2' })).toBeInstanceOf(Array);
    expect(() => validatePod(pod(), { kubeVersion: '1.20' })).toThrow(/unsupported Kubernetes version/);
  });
  it('treats __proto__ and constructor as ordinary keys', () => {
    const f = validatePod(pod('', 'nodeSelector:\n  constructor: y\n  hasOwnProperty: z\n  toString: w'), { strict: true });
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    const h = validatePod(pod('', 'nodeSelector:\n  __proto__: x'), { strict: true }).filter((x) => x.severity === 'error');
    expect(h.map((x) => [x.rule, x.line])).toEqual([['label', 10]]); // an invalid label key, nothing more
    const g = validatePod(pod('__proto__:\n  polluted: true'), { strict: true });
    expect(g.map((x) => x.path)).toContain('spec.containers[0].__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('reports absurd nesting cleanly', () => {
    let deep = '';
    for (let i = 0; i < 3000; i++) deep += ' '.repeat(i) + 'k:\n';
    for (const text of [deep, 'a: ' + '['.repeat(5000) + ']'.repeat(5000)]) {
      const f = validatePod(text);
      expect(f[0]).toMatchObject({ severity: 'error', rule: 'yaml' });
    }
  });
  it('survives an alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const f = validatePod(bomb.join('\n') + '\n');
    expect(f[0]?.rule).toMatch(/yaml|kind/);
  });
});
