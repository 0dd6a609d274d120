// Runs the parse-errors golden cases (answers from the Go 1.19 oracle) through our parser:
// cases the oracle rejected at parse time must fail with the same text, the others must parse.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ParseError, parse } from '../../src/template/parse.js';

const builtins = new Set(
  'and call html index slice js len not or print printf println urlquery eq ge gt le lt ne'.split(' '),
);

interface Golden {
  id: string;
  templates: Record<string, string>;
  options?: { delims?: [string, string] };
  expectError?: string;
  expectErrorKind?: string;
}

const file = fileURLToPath(new URL('../golden/parse-errors.jsonl', import.meta.url));
const cases: Golden[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Golden);

function parseError(c: Golden): string | null {
  const [left, right] = c.options?.delims ?? ['', ''];
  try {
    for (const [name, text] of Object.entries(c.templates)) parse(name, text, left, right, [builtins]);
    return null;
  } catch (e) {
    if (e instanceof ParseError) return e.message;
    throw e;
  }
}

describe('parse errors vs the oracle', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const want = c.expectErrorKind === 'parse' ? c.expectError : null;
    expect(parseError(c)).toBe(want);
  });
});
