// bench/validate.mjs: worker pods validated per second on one core (one Node thread), with a realistic
// Airflow worker pod (test/validate/fixtures/worker-pod.yaml). Run after `npm run build`:
//   node bench/validate.mjs [--seconds 5] [--strict]
// kubeconform's published figure is about 7,500 resources/s on 4 cores (~1,875 per core); the goal is 10× per core.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { validatePod } = await import(join(root, 'dist/src/validate/index.js'));
const text = readFileSync(join(root, 'test/validate/fixtures/worker-pod.yaml'), 'utf8');
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1]) || 3;
const strict = args.includes('--strict');

const errors = validatePod(text, { strict }).filter((f) => f.severity === 'error');
if (errors.length) throw new Error('the benchmark pod is not valid: ' + JSON.stringify(errors));
for (let i = 0; i < 500; i++) validatePod(text, { strict }); // warm up the JIT
// Throughput per CPU-second of this (single-threaded) process, so that other processes sharing the
// machine do not lower the figure; wall-clock throughput is printed beside it.
let n = 0;
const start = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const end = start + BigInt(seconds * 1e9);
let now = start;
while (now < end) {
  for (let i = 0; i < 100; i++) validatePod(text, { strict });
  n += 100;
  now = process.hrtime.bigint();
}
const cpu = process.cpuUsage(cpu0);
const perCpuSec = n / ((cpu.user + cpu.system) / 1e6);
const perWallSec = n / (Number(now - start) / 1e9);
const kubeconformPerCore = 7500 / 4;
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log(
  `validatePod${strict ? ' --strict' : ''}: ${fmt(perCpuSec)} pods per CPU-second on one core (${fmt(perWallSec)}/s wall clock; ` +
    `${text.length} bytes, ${text.split('\n').length} lines); kubeconform ≈ ${fmt(kubeconformPerCore)}/s per core → ×${(perCpuSec / kubeconformPerCore).toFixed(1)}`,
);
