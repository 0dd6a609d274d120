// Shared by the golden and conformance tests: run one recorded case (a batch request plus the
// oracle's expect/expectError fields) through podtpl and compare.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { handleRequest } from '../src/batch/handle.js';
import type { BatchRequest } from '../src/batch/protocol.js';
// @ts-ignore: plain ESM script without types, shared with scripts/conformance.mjs
import { shapeOf } from '../scripts/gen/compare.mjs';

export { shapeOf };

/** GoldenCase is a batch request with the oracle's recorded answer. */
export interface GoldenCase extends BatchRequest {
  expect?: Record<string, string>;
  expectBase64?: Record<string, string>;
  expectError?: string;
  expectHelmError?: string;
  expectErrorKind?: string;
  /**
   * A regular expression over template names whose output is random (generated secrets and
   * their checksums): those outputs are compared by shape, with random tokens masked.
   */
  shape?: string;
}

/** readCases reads a JSON-lines file of golden cases. */
export function readCases(file: string): GoldenCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldenCase);
}

/** checkCase runs c through podtpl and returns a description of the first difference, or null. */
export function checkCase(c: GoldenCase): string | null {
  const req: BatchRequest = { ...c };
  for (const k of ['shape', 'expect', 'expectBase64', 'expectError', 'expectHelmError', 'expectErrorKind', 'expectPartial', 'expectChartValues', 'expectWarnings']) {
    delete (req as Record<string, unknown>)[k];
  }
  const res = handleRequest(req);
  if (c.expectError !== undefined) {
    if (res.error !== c.expectError) return `error:\n  want ${JSON.stringify(c.expectError)}\n  got  ${JSON.stringify(res.error)}`;
    if (c.expectHelmError !== undefined && res.helmError !== c.expectHelmError) {
      return `helmError:\n  want ${JSON.stringify(c.expectHelmError)}\n  got  ${JSON.stringify(res.helmError)}`;
    }
    return null;
  }
  if (res.error !== null) return `unexpected error: ${res.error}`;
  const want = c.expect ?? {};
  for (const [name, text] of Object.entries(want)) {
    const b64 = c.expectBase64?.[name];
    if (b64 !== undefined) {
      const got = res.outputsBase64?.[name] ?? Buffer.from(res.outputs[name] ?? '', 'utf8').toString('base64');
      if (got !== b64) return `output ${name} (bytes):\n  want ${b64}\n  got  ${got}`;
      continue;
    }
    const random = c.shape !== undefined && new RegExp(c.shape).test(name);
    if (random && res.outputs[name] !== undefined && shapeOf(res.outputs[name]) === shapeOf(text)) continue;
    if (res.outputs[name] !== text) {
      return `output ${name}:\n  want ${JSON.stringify(text)}\n  got  ${JSON.stringify(res.outputs[name])}`;
    }
  }
  const extra = Object.keys(res.outputs).filter((n) => !(n in want));
  if (extra.length > 0) return `unexpected outputs: ${extra.join(', ')}`;
  return null;
}

/** readKnownFailures reads a `{caseId: reason}` file; missing file → empty. */
export function readKnownFailures(file: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}
