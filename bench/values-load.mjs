#!/usr/bin/env node
// Values loading speed: podtpl's loadValuesYaml (go-yaml v2 port + sigs JSON round trip)
// against the oracle (Go: sigs.k8s.io/yaml.Unmarshal inside a helm-mode request).
//   node bench/values-load.mjs [--mb 10] [--keys 100000] [--dist DIR]
// Generated inputs: a nested values file of about --mb MB (maps, lists, strings, numbers,
// booleans, block scalars) and one flat map of --keys keys. Prints MB/s for both sides.
// The oracle's `repeat` re-executes the template on values parsed once, so its load time
// is measured as wall time of the request minus that of a tiny request (same process).
// Never run as a test; nothing asserts on time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LineClient, oracleAvailable, oraclePath, projectRoot } from '../scripts/oracle.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : def;
};
const mb = Number(opt('--mb', '10'));
const keys = Number(opt('--keys', '100000'));
const dist = opt('--dist', join(projectRoot, 'dist'));
const loadPath = join(dist, 'src/yaml/load.js');
if (!existsSync(loadPath)) {
  console.error(`values-load: ${loadPath} not found; run npm run build (or pass --dist)`);
  process.exit(1);
}
const { loadValuesYaml } = await import(new URL(`file://${loadPath}`).href);

/** nestedValues makes a values-like document of about `bytes` bytes. */
function nestedValues(bytes) {
  const parts = [];
  let n = 0;
  let i = 0;
  while (n < bytes) {
    const s =
      `component${i}:\n` +
      `  enabled: ${i % 2 === 0 ? 'true' : 'no'}\n` +
      `  replicas: ${i % 7}\n` +
      `  image:\n    repository: quay.io/example/image-${i}\n    tag: "1.${i}.0"\n    pullPolicy: IfNotPresent\n` +
      `  resources:\n    limits: {cpu: ${i % 4}00m, memory: ${i % 8 + 1}Gi}\n    requests: {cpu: 100m, memory: 128Mi}\n` +
      `  env:\n    - name: VAR_${i}\n      value: "value number ${i}"\n    - name: RATIO\n      value: ${i / 8}\n` +
      `  labels: [a, b, 'c d', ${i}]\n` +
      `  script: |\n    #!/bin/sh\n    echo "starting ${i}"\n    exec run --port=${8000 + (i % 1000)}\n` +
      `  annotations:\n    example.com/note: a plain scalar with several words in it, number ${i}\n`;
    parts.push(s);
    n += s.length;
    i++;
  }
  return parts.join('');
}

/** flatMap makes one map of `n` keys. */
function flatMap(n) {
  const parts = ['flat:\n'];
  for (let i = 0; i < n; i++) parts.push(`  key${i}: value${i}\n`);
  return parts.join('');
}

function timePodtpl(text, runs = 3) {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    loadValuesYaml(text);
    const dt = Number(process.hrtime.bigint() - t0) / 1e6;
    if (dt < best) best = dt;
  }
  return best;
}

async function timeOracle(client, text, runs = 3) {
  const tiny = { id: 't', mode: 'helm', templates: { t: '{{ len .Values }}' }, valuesYaml: 'a: 1\n' };
  const big = { id: 'b', mode: 'helm', templates: { t: '{{ len .Values }}' }, valuesYaml: text };
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    let t0 = process.hrtime.bigint();
    await client.request(tiny);
    const base = Number(process.hrtime.bigint() - t0) / 1e6;
    t0 = process.hrtime.bigint();
    const res = await client.request(big);
    const dt = Number(process.hrtime.bigint() - t0) / 1e6 - base;
    if (res.error) throw new Error('oracle: ' + res.error);
    if (dt < best) best = dt;
  }
  return best;
}

const inputs = [
  [`nested values, ${mb} MB`, nestedValues(mb * 1024 * 1024)],
  [`flat map, ${keys} keys`, flatMap(keys)],
];
const client = oracleAvailable() ? new LineClient(oraclePath, ['serve']) : null;
console.log('input'.padEnd(28), 'MB'.padStart(7), 'podtpl ms'.padStart(10), 'MB/s'.padStart(8), 'oracle ms'.padStart(10), 'MB/s'.padStart(8), 'ratio'.padStart(7));
for (const [name, text] of inputs) {
  const size = Buffer.byteLength(text) / 1024 / 1024;
  const p = timePodtpl(text);
  const o = client ? await timeOracle(client, text) : NaN;
  console.log(
    name.padEnd(28),
    size.toFixed(2).padStart(7),
    p.toFixed(0).padStart(10),
    (size / (p / 1000)).toFixed(1).padStart(8),
    o.toFixed(0).padStart(10),
    (size / (o / 1000)).toFixed(1).padStart(8),
    (p / o).toFixed(2).padStart(7),
  );
}
client?.close();
