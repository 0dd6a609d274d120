// 2,000 random values trees through helmToYaml, compared with the oracle's `toYaml .Values`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromJSON } from '../../src/template/value.js';
import { helmToYaml } from '../../src/yaml/emit.js';
import { genValue, rng } from './gen.js';

const oracle = process.env.ORACLE ?? fileURLToPath(new URL('../../../shared/oracle/bin/gotpl-oracle', import.meta.url));

describe('toYaml property', () => {
  it.skipIf(!existsSync(oracle))('matches the oracle on 2000 random trees', () => {
    const r = rng(20240601);
    const vals = Array.from({ length: 2000 }, () => ({ v: genValue(r) }));
    const reqs = vals.map((v, i) => JSON.stringify({ id: i, mode: 'helm', templates: { t: '{{ toYaml .Values }}' }, values: v }));
    const out = spawnSync(oracle, { input: reqs.join('\n') + '\n', maxBuffer: 1 << 30 }).stdout.toString().trim().split('\n');
    const bad: string[] = [];
    vals.forEach((v, i) => {
      const want = (JSON.parse(out[i]!) as { outputs: { t: string } }).outputs.t;
      const got = helmToYaml(fromJSON(v));
      if (got !== want) bad.push(JSON.stringify(v));
    });
    expect(bad.slice(0, 3)).toEqual([]);
  }, 120_000);
});
