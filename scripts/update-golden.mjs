#!/usr/bin/env node
// Regenerates test/golden/<name>.jsonl from test/cases/<name>.jsonl by asking the oracle.
// Usage: node scripts/update-golden.mjs [name…]   (default: every file in test/cases)
// Each case line is a batch-protocol request; the golden line adds expect/expectError/… .
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineClient, oracleAvailable, oraclePath, projectRoot, toGolden } from './oracle.mjs';

if (!oracleAvailable()) {
  console.error(`update-golden: the oracle is not built (${oraclePath}); run ../shared/oracle/build.sh`);
  process.exit(1);
}
const casesDir = join(projectRoot, 'test/cases');
const goldenDir = join(projectRoot, 'test/golden');
const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(casesDir).filter((f) => f.endsWith('.jsonl')).map((f) => f.replace(/\.jsonl$/, ''));
const oracle = new LineClient(oraclePath, ['serve']);
for (const name of names) {
  const lines = readFileSync(join(casesDir, `${name}.jsonl`), 'utf8').split('\n').filter((l) => l.trim());
  const out = [];
  for (const [i, line] of lines.entries()) {
    let req;
    try {
      req = JSON.parse(line);
    } catch (e) {
      console.error(`test/cases/${name}.jsonl:${i + 1}: not JSON: ${e.message}`);
      process.exit(1);
    }
    if (req.id === undefined) req.id = `${name}-${i + 1}`;
    out.push(JSON.stringify(toGolden(req, await oracle.request(req))));
  }
  const file = join(goldenDir, `${name}.jsonl`);
  writeFileSync(file + '.tmp', out.join('\n') + '\n');
  renameSync(file + '.tmp', file);
  console.log(`test/golden/${name}.jsonl: ${out.length} cases`);
}
oracle.close();
