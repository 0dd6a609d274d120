// Every case under test/golden/*.jsonl (requests with the oracle's answers, made by
// scripts/update-golden.mjs) must give the oracle's output or error text through podtpl.
// Cases that do not pass yet are listed with a reason in test/golden-known-failures.json;
// such a case runs as it.fails, so it turns the run red the day it starts passing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCase, readCases, readKnownFailures } from './golden-cases.js';

const dir = join(import.meta.dirname, 'golden');
const known = readKnownFailures(join(import.meta.dirname, 'golden-known-failures.json'));

for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
  describe(file, () => {
    for (const c of readCases(join(dir, file))) {
      const id = String(c.id);
      if (known[id] !== undefined) {
        it.fails(`${id} (known: ${known[id]})`, () => {
          expect(checkCase(c)).toBeNull();
        });
      } else {
        it(id, () => {
          expect(checkCase(c)).toBeNull();
        });
      }
    }
  });
}
