#!/usr/bin/env node
// Benchmark of `podtpl template` on the full airflow-1.17.3-astro chart (92 templates), never
// run as a test. Build first (npm run build), then:
//   node bench/template.mjs [--runs N] [--repeat M] [--chart DIR] [-f values.yaml]… [--dist DIR]
// Prints, in one run on the same machine:
//   (1) wall time of the CLI, process start to exit, median of N runs:
//       `node dist/src/cli/main.js template CHART` vs `gotpl-oracle render --chart CHART`
//       (both print the framed `helm template` output; outputs are checked to agree by shape);
//   (2) in-process time per render, median of M renders after warm-up: podtpl's helmTemplate
//       (load + values + parse + execute + sort) vs the oracle's chart mode with `repeat`
//       (its ns_per_render: load excluded, parse + execute included).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineClient, oracleAvailable, oraclePath, projectRoot } from '../scripts/oracle.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : def;
};
const runs = Number(opt('--runs', '7'));
const repeat = Number(opt('--repeat', '20'));
const chart = resolve(projectRoot, opt('--chart', '../shared/corpus/charts/airflow-1.17.3-astro'));
const valuesFiles = args.flatMap((a, i) => (a === '-f' && args[i + 1] ? [resolve(args[i + 1])] : []));
const distDir = resolve(projectRoot, opt('--dist', 'dist'));
const cli = join(distDir, 'src/cli/main.js');
if (!existsSync(cli)) {
  console.error('bench/template: build first (npm run build)');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x) => `${x.toFixed(1)} ms`;
const shape = (t) => t.replace(/(checksum\/[\w.-]+: )[0-9a-f]{64}/g, '$1<sha256>').replace(/"[A-Za-z0-9+/]{8,}={0,2}"/g, '"<base64>"');

function wall(cmd, argv) {
  const times = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, argv, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
    out = r.stdout;
  }
  return { median: median(times), min: Math.min(...times), out };
}

const fArgs = valuesFiles.flatMap((f) => ['-f', f]);
console.log(`chart: ${chart}${valuesFiles.length ? ` with ${valuesFiles.join(', ')}` : ''}`);
console.log(`(1) CLI wall time, median of ${runs} runs`);
const ours = wall(process.execPath, [cli, 'template', chart, ...fArgs]);
console.log(`  podtpl template            ${ms(ours.median)}  (min ${ms(ours.min)})  ${ours.out.length} bytes`);
if (oracleAvailable()) {
  const theirs = wall(oraclePath, ['render', '--chart', chart, ...fArgs]);
  console.log(`  gotpl-oracle render --chart ${ms(theirs.median)}  (min ${ms(theirs.min)})  ratio ${(ours.median / theirs.median).toFixed(1)}x`);
  console.log(`  outputs agree by shape: ${shape(ours.out) === shape(theirs.out)}`);
} else {
  console.log(`  (oracle not built at ${oraclePath})`);
}

console.log(`(2) in-process, median of ${repeat} renders after 3 warm-up renders`);
const { helmTemplate, templateText } = await import(new URL(`file://${join(distDir, 'src/chart/helm-template.js')}`).href);
const once = () => templateText(helmTemplate({ chart, valuesFiles }));
for (let i = 0; i < 3; i++) once();
const times = [];
for (let i = 0; i < repeat; i++) {
  const t0 = performance.now();
  once();
  times.push(performance.now() - t0);
}
const inproc = median(times);
console.log(`  podtpl helmTemplate (load+values+parse+exec+sort) ${ms(inproc)}`);
if (oracleAvailable()) {
  const oracle = new LineClient(oraclePath, ['serve']);
  const { readFileSync } = await import('node:fs');
  const req = { id: 'bench', chartDir: chart, repeat };
  if (valuesFiles.length) req.valuesYaml = valuesFiles.map((f) => readFileSync(f, 'utf8'));
  const res = await oracle.request(req);
  oracle.close();
  if (res.error) console.log(`  oracle: ${res.error}`);
  else {
    const o = res.ns_per_render / 1e6;
    console.log(`  oracle chart mode (parse+exec per render)         ${ms(o)}  ratio ${(inproc / o).toFixed(1)}x`);
  }
}
