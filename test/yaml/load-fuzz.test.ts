// Random YAML documents (fragment soup, and structured documents with anchors, aliases and
// merges) through loadValuesYaml, compared with the oracle's `toJson .Values` or error text.
// Skipped without the oracle. Known nondeterminism in Go: when a document has two map keys
// sigs rejects, Go's random map order picks which one is reported (none are generated here).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { YamlError } from '../../src/yaml/errors.js';
import { marshalJson } from '../../src/yaml/json.js';
import { loadValuesYaml } from '../../src/yaml/load.js';
import { rng } from './gen.js';

const oracle = process.env.ORACLE ?? fileURLToPath(new URL('../../../shared/oracle/bin/gotpl-oracle', import.meta.url));

const frags = [
  'a', 'b', 'key', ':', ': ', ' ', '  ', '\n', '\n  ', '\n    ', '- ', '-', '[', ']', '{', '}', ',', ', ', '"', "'", '"x"', "'y'",
  '#', ' #c', '&a ', '*a', '!!str ', '!!int ', '! ', '?', '? ', '|', '|-', '>', '>+', '\t', '1', '0x1F', '1.5', '.inf', 'null', 'yes',
  '---', '...', '\n---\n', '%YAML 1.1', '<<: ', '\\', '\\n', '\\x', '\\u00e9', 'é', '\r\n', '\u0085', '\ufeff', '\u0001', '0', '-0.0',
  'on', '2001-01-01', 'x y', '@', '`', '%', '&', '*', '!',
];

function soup(r: () => number): string {
  let s = '';
  const n = 1 + Math.floor(r() * 14);
  for (let j = 0; j < n; j++) s += frags[Math.floor(r() * frags.length)]!;
  return s;
}

function structured(r: () => number): string {
  const pick = <T>(x: readonly T[]): T => x[Math.floor(r() * x.length)]!;
  const scal = ['a', 'b c', '1', '-0.0', '0x1F', '~', 'yes', '"q\\n"', "'s''t'", '2001-01-01', 'é', '1e3', '0777', '-1.5', '""'];
  const anchors: string[] = [];
  const mapAnchors: string[] = [];
  let an = 0;
  const flow = (d: number): string => {
    const x = r();
    if (d < 3 && x < 0.3) return '[' + Array.from({ length: Math.floor(r() * 4) }, () => flow(d + 1)).join(', ') + ']';
    if (d < 3 && x < 0.6) {
      return '{' + Array.from({ length: Math.floor(r() * 4) }, (_, i) => pick(['k', 'a', 'k' + i, '1', 'y']) + ': ' + flow(d + 1)).join(', ') + '}';
    }
    if (anchors.length && x < 0.7) return '*' + pick(anchors);
    return pick(scal);
  };
  const gen = (d: number, ind: number): { block: boolean; map?: boolean; text: string } => {
    const sp = ' '.repeat(ind);
    const x = r();
    if (d < 4 && x < 0.35) {
      let s = '';
      for (let i = 0, n = 1 + Math.floor(r() * 4); i < n; i++) {
        if (mapAnchors.length && r() < 0.15) {
          s += `${sp}<<: ${r() < 0.5 ? '*' + pick(mapAnchors) : '[*' + pick(mapAnchors) + ', *' + pick(mapAnchors) + ']'}\n`;
          continue;
        }
        const k = pick(['k', 'key', 'a b', '"q"', '1', 'y', 'k' + i, '1.5', 'on']);
        const v = gen(d + 1, ind + 2);
        const anc = r() < 0.2 ? 'a' + an++ : '';
        s += v.block ? `${sp}${k}:${anc ? ' &' + anc : ''}\n${v.text}` : `${sp}${k}:${anc ? ' &' + anc : ''} ${v.text}\n`;
        if (anc) {
          anchors.push(anc);
          if (v.map || v.text.startsWith('{')) mapAnchors.push(anc);
        }
      }
      return { block: true, map: true, text: s };
    }
    if (d < 4 && x < 0.5) {
      let s = '';
      for (let i = 0, n = 1 + Math.floor(r() * 3); i < n; i++) {
        const v = gen(d + 1, ind + 2);
        s += v.block ? `${sp}-\n${v.text}` : `${sp}- ${v.text}\n`;
      }
      return { block: true, text: s };
    }
    return { block: false, text: x < 0.75 ? flow(0) : pick(scal) };
  };
  const s = gen(0, 0).text;
  return s.includes(':') ? s : 'x: ' + s;
}

function mine(s: string): string {
  try {
    return marshalJson(loadValuesYaml(s));
  } catch (e) {
    if (e instanceof YamlError) return 'ERR failed to parse values.yaml: ' + e.message;
    throw e;
  }
}

describe('loader vs oracle (random documents)', () => {
  for (const [name, make, seed] of [
    ['fragment soup', soup, 7],
    ['structured', structured, 11],
  ] as const) {
    it.skipIf(!existsSync(oracle))(name, () => {
      const r = rng(seed);
      const docs = Array.from({ length: 1500 }, () => make(r));
      const reqs = docs.map((s, i) => JSON.stringify({ id: i, mode: 'helm', templates: { t: '{{ toJson .Values }}' }, valuesYaml: s }));
      const out = spawnSync(oracle, { input: reqs.join('\n') + '\n', maxBuffer: 1 << 30 }).stdout.toString().trim().split('\n');
      const bad: unknown[] = [];
      docs.forEach((s, i) => {
        const o = JSON.parse(out[i]!) as { outputs: { t: string }; error: string | null; helmError?: string };
        const want = o.error == null ? o.outputs.t : 'ERR ' + o.helmError;
        const got = mine(s);
        if (got !== want) bad.push({ s, want, got });
      });
      expect(bad.slice(0, 3)).toEqual([]);
    }, 120_000);
  }
});
