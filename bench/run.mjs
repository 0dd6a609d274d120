#!/usr/bin/env node
// Benchmarks (npm run bench = build + this). Never run as tests; nothing asserts on time.
//   node bench/run.mjs [--repeat N] [--only engine|yaml]
// (a) engine: ../shared/bench/deployment.tpl + data.json (go mode, output checked against
//     expected.go.txt) and ../shared/oracle/bench.jsonl (helm mode), rendered N times
//     in-process by podtpl (the batch protocol's `repeat`) and by the oracle (same field);
// (b) placeholders that run once their modules exist: toYaml of a large values file, values
//     loading. Prints one table: µs per parse+execute, µs per execute, renders/s, ratio.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineClient, oracleAvailable, oraclePath, projectRoot } from '../scripts/oracle.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : def;
};
const repeat = Number(opt('--repeat', '2000'));
const only = opt('--only', '');
const shared = resolve(projectRoot, '../shared');
const dist = (p) => join(projectRoot, 'dist/src', p);
const rows = [];
const notes = [];

async function importIf(path) {
  if (!existsSync(path)) return null;
  try {
    return await import(new URL(`file://${path}`).href);
  } catch (e) {
    notes.push(`cannot import ${path}: ${e.message}`);
    return null;
  }
}

/** timeIt runs fn n times after a warm-up and returns ns per call. */
function timeIt(fn, n) {
  for (let i = 0; i < Math.min(50, n); i++) fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  return Number(process.hrtime.bigint() - t0) / n;
}

const us = (ns) => (ns === undefined ? '–' : (ns / 1000).toFixed(1));
const perSec = (ns) => (ns === undefined ? '–' : Math.round(1e9 / ns).toLocaleString('en-US'));

const handle = (await importIf(dist('batch/handle.js')))?.handleRequest;
const oracle = oracleAvailable() ? new LineClient(oraclePath, ['serve']) : null;
if (!handle) notes.push('podtpl not built (dist/src/batch/handle.js): run `npm run build`');
if (!oracle) notes.push(`oracle not built (${oraclePath}): oracle columns empty`);

/** engineBench times one request on both sides; check(res) verifies podtpl's output. */
async function engineBench(name, req, check) {
  const row = { name };
  if (handle) {
    const once = handle({ ...req, id: `${name}-check` });
    row.ok = once.error == null ? check(once) : `error: ${String(once.error).slice(0, 80)}`;
    handle({ ...req, id: `${name}-warm`, repeat: Math.min(200, repeat) }); // JIT warm-up
    const res = handle({ ...req, id: name, repeat });
    row.podRender = res.ns_per_render;
    row.podExec = res.ns_per_exec;
  }
  if (oracle) {
    const res = await oracle.request({ ...req, id: name, repeat, timeoutMs: 0 });
    row.goRender = res.ns_per_render;
    row.goExec = res.ns_per_exec;
  }
  rows.push(row);
}

if (!only || only === 'engine') {
  // go mode: a 100-line Deployment with builtins only.
  const tpl = readFileSync(join(shared, 'bench/deployment.tpl'), 'utf8');
  const data = JSON.parse(readFileSync(join(shared, 'bench/data.json'), 'utf8'));
  const want = readFileSync(join(shared, 'bench/expected.go.txt'), 'utf8');
  await engineBench('deployment.tpl (go)', { mode: 'go', templates: { 'deployment.tpl': tpl }, data }, (res) =>
    res.outputs['deployment.tpl'] === want ? 'identical' : 'DIFFERS from expected.go.txt');
  // helm mode: the oracle's own benchmark (include, tpl, toYaml, …).
  const line = readFileSync(join(shared, 'oracle/bench.jsonl'), 'utf8').split('\n').find((l) => l.trim());
  const { repeat: _r, timeoutMs: _t, ...breq } = JSON.parse(line);
  let oracleOut = null;
  if (oracle) oracleOut = await oracle.request({ ...breq, id: 'bench-ref' });
  await engineBench('oracle bench.jsonl (helm)', breq, (res) =>
    !oracleOut ? 'rendered (no oracle to compare)' : JSON.stringify(res.outputs) === JSON.stringify(oracleOut.outputs) ? 'identical' : 'DIFFERS from the oracle');
}

if (!only || only === 'yaml') {
  // Placeholders: run when the modules exist.
  const valuesFile = join(shared, 'corpus/charts/airflow-1.17.3-astro/values.yaml');
  const load = await importIf(dist('yaml/load.js'));
  const emit = await importIf(dist('yaml/emit.js'));
  if (load?.loadValuesYaml && existsSync(valuesFile)) {
    const text = readFileSync(valuesFile, 'utf8');
    const n = Math.max(20, Math.floor(repeat / 20));
    rows.push({ name: 'load airflow values.yaml', podRender: timeIt(() => load.loadValuesYaml(text), n), ok: `${(text.length / 1024).toFixed(0)} KiB` });
    if (emit?.helmToYaml) {
      const v = load.loadValuesYaml(text);
      rows.push({ name: 'toYaml airflow values', podRender: timeIt(() => emit.helmToYaml(v), n), ok: 'podtpl only' });
    }
    if (oracle) {
      // The same through the engine on both sides: {{ toYaml .Values }}.
      await engineBench('{{ toYaml .Values }} airflow (helm)', { mode: 'helm', templates: { 'templates/t.yaml': '{{ toYaml .Values }}' }, valuesYaml: text }, () => 'rendered');
    }
  } else notes.push('values loading / toYaml benches skipped (dist/src/yaml/load.js or the corpus missing)');
}

oracle?.close();

// ---- table -----------------------------------------------------------------------------------
const head = ['benchmark', 'podtpl µs parse+exec', 'podtpl µs exec', 'podtpl renders/s', 'oracle µs parse+exec', 'oracle µs exec', 'ratio podtpl/oracle (full / exec)', 'output'];
const body = rows.map((r) => [
  r.name, us(r.podRender), us(r.podExec), perSec(r.podRender), us(r.goRender), us(r.goExec),
  r.podRender && r.goRender ? `${(r.podRender / r.goRender).toFixed(2)}× / ${r.podExec && r.goExec ? (r.podExec / r.goExec).toFixed(2) + '×' : '–'}` : '–',
  r.ok ?? '',
]);
console.log(`podtpl benchmarks (${repeat} renders per engine row, Node ${process.version})\n`);
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const b of body) console.log(`| ${b.join(' | ')} |`);
for (const n of notes) console.log(`\nnote: ${n}`);
