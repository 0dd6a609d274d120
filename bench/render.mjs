#!/usr/bin/env node
// Cold start of `podtpl render` (built-in chart, default values) against Node's own start-up
// (`node -e 0`), on this machine: medians of N runs each, interleaved so that machine noise
// hits both alike. Goal: podtpl within 60 ms of Node. Run `npm run build` first.
// Usage: node bench/render.mjs [runs=21]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/src/cli/main.js');
if (!existsSync(cli)) {
  console.error('bench/render: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const runs = Number(process.argv[2] ?? 21);

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

time(['-e', '0']);
time([cli, 'render']); // warm the file cache
const node = [];
const podtpl = [];
for (let i = 0; i < runs; i++) {
  node.push(time(['-e', '0']));
  podtpl.push(time([cli, 'render']));
}
const mn = median(node);
const mp = median(podtpl);
console.log(`node -e 0             median ${mn.toFixed(1)} ms (${runs} runs)`);
console.log(`podtpl render (cold)  median ${mp.toFixed(1)} ms (${runs} runs)`);
console.log(`difference            ${(mp - mn).toFixed(1)} ms (goal: within 60 ms)`);
