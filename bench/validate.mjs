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
let n = 0;
const start = process.hrtime.bigint();
const end = start + BigInt(seconds * 1e9);
let now = start;
while (now < end) {
  for (let i = 0; i < 100; i++) validatePod(text, { strict });
  n += 100;
  now = process.hrtime.bigint();
}
const perSec = n / (Number(now - start) / 1e9);
const kubeconformPerCore = 7500 / 4;
console.log(
  `validatePod${strict ? ' --strict' : ''}: ${Math.round(perSec).toLocaleString('en-US')} pods/s on one core ` +
    `(${text.length} bytes, ${text.split('\n').length} lines); kubeconform ≈ ${kubeconformPerCore.toLocaleString('en-US')}/s per core → ×${(perSec / kubeconformPerCore).toFixed(1)}`,
);
