// fast-load.ts must give exactly the values load.ts (the `yaml` package + PyYAML typing) gives, or give up.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastLoad } from '../../src/validate/fast-load.js';
import { loadYaml } from '../../src/validate/load.js';
import { cases, warningCases } from './cases.js';

const snippets: [string, string][] = [
  ['block scalars', 'a: |\n  x\n  y\nb: |-\n  x\n\nc: >\n  folded\n  text\n\n  para\nd: |+\n  keep\n\ne: 1\n'],
  ['block scalar at end without newline', 'a: |\n  x'],
  ['keep at end', 'a: |+\n  x\n\n'],
  ['folded strip', 'a: >-\n  one\n  two\n'],
  ['quoted', `a: "x\\ty\\u00e9\\"q"\nb: 'it''s'\n"c d": 1\n'e': "#not a comment" # comment\n`],
  ['flow', 'a: [1, "two", three, {k: v, n: 1e+06}]\nb: {}\nc: []\nd: [ ]\n'],
  ['types', 'a: 0777\nb: 1e+06\nc: on\nd: ~\ne:\nf: 1_000\ng: 2024-01-02\nh: .inf\ni: 1:30\n'],
  ['bool keys', 'on: 1\nyes: 2\n1: 3\nnull: 4\n'],
  ['compact seq', 'a:\n- x\n- y: 1\n  z: 2\nb: 1\n'],
  ['nested seqs', 'a:\n  - - x\n    - y\n'],
  ['comments everywhere', '# top\na: 1 # one\n# mid\nb:\n  # inner\n  c: 2\n'],
  ['documents', '---\na: 1\n...\n---\nb: 2\n---\n'],
  ['anchors', 'a: &x 1\nb: *x\n'],
  ['multi-line plain', 'a: one\n  two\n'],
  ['multi-line quoted', 'a: "one\n  two"\n'],
  ['tag', 'a: !!str 1\n'],
  ['tabs', 'a:\tb\n'],
  ['colon in value', 'a: http://x:80/y\nb: a:b\n'],
  ['hash without space', 'a: x#y\n'],
  ['empty value then seq', 'a:\nb:\n  - 1\n'],
  ['value on next line', 'a:\n  plain\nb:\n  "quoted"\nc:\n  [1]\n'],
  ['seq of scalars with comments', 'a:\n  - x # c\n  - "y" # c\n'],
  ['proto keys', '__proto__: 1\nconstructor: 2\n'],
  ['crlf', 'a: 1\r\nb: 2\r\n'],
  ['indicator values', 'a: -1\nb: -x\nc: :x\nd: ?x\n'],
  ['syntax error', 'a: 1\n b: 2\n'],
  ['duplicate keys', 'a: 1\na: 2\n'],
  ['merge key', 'a: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n'],
];

function inputs(): [string, string][] {
  const fx = new URL('./fixtures/', import.meta.url);
  const files = [...readdirSync(fx).filter((f) => f.endsWith('.yaml')), ...readdirSync(new URL('corpus/', fx)).map((f) => 'corpus/' + f)];
  return [
    ...snippets,
    ...cases.map((c): [string, string] => ['case: ' + c.name, c.yaml]),
    ...warningCases.map((c): [string, string] => ['warning case: ' + c.name, c.yaml]),
    ...files.map((f): [string, string] => ['fixture: ' + f, readFileSync(new URL(f, fx), 'utf8')]),
  ];
}

describe('fastLoad agrees with loadYaml', () => {
  it.each(inputs())('%s', (_, text) => {
    const fast = fastLoad(text);
    if (fast === undefined) return; // gave up: validatePod uses loadYaml
    const slow = loadYaml(text);
    expect(slow.docs.flatMap((d) => d.errors)).toEqual([]);
    expect(fast).toEqual(slow.docs.map((d) => d.value).filter((v) => v !== null && v !== undefined));
  });
  it('reads every fixture without giving up', () => {
    const fx = new URL('./fixtures/', import.meta.url);
    const files = [...readdirSync(fx).filter((f) => f.endsWith('.yaml')), ...readdirSync(new URL('corpus/', fx)).map((f) => 'corpus/' + f)];
    expect(files.filter((f) => fastLoad(readFileSync(new URL(f, fx), 'utf8')) === undefined)).toEqual([]);
  });
  it('gives up on what it does not handle', () => {
    for (const name of ['anchors', 'multi-line plain', 'multi-line quoted', 'tag', 'tabs', 'crlf', 'syntax error', 'merge key'])
      expect(fastLoad(snippets.find(([n]) => n === name)![1]), name).toBeUndefined();
  });
});
