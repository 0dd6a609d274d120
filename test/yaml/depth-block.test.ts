// Block-style nesting at go-yaml's depth limit (10000). These values files are ~50 MB each
// (indentation grows with depth), too large to store as golden requests, so they are generated
// here; the expectations are the oracle's recorded answers for exactly these texts.
import { describe, expect, it } from 'vitest';
import { handleRequest } from '../../src/batch/handle.js';

/** blockMap is `a:` nested n levels deep, one space more each level, with a leaf `b`. */
function blockMap(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ' '.repeat(i) + 'a:\n';
  return s + ' '.repeat(n) + 'b';
}

/** blockSeq is `-` nested n levels deep. */
function blockSeq(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ' '.repeat(i) + '-\n';
  return s;
}

const depthError = 'error converting YAML to JSON: yaml: line 10001: exceeded max depth of 10000';

const cases: { name: string; yaml: () => string; want?: string; wantError?: string }[] = [
  { name: 'map 9999 deep', yaml: () => blockMap(9999), want: '59997' },
  { name: 'map 10000 deep', yaml: () => blockMap(10000), want: '60003' },
  { name: 'map 10001 deep', yaml: () => blockMap(10001), wantError: depthError },
  { name: 'sequence 10001 deep', yaml: () => blockSeq(10001), wantError: depthError },
  { name: 'sequence 9999 deep under a key', yaml: () => 'a:\n' + blockSeq(9999), want: '20008' },
];

describe('block-style nesting at the depth limit', () => {
  for (const c of cases) {
    it(c.name, () => {
      const res = handleRequest({ id: c.name, mode: 'helm', templates: { t: '{{ len (toJson .Values) }}' }, valuesYaml: c.yaml() });
      if (c.wantError !== undefined) {
        expect(res.error).toBe(c.wantError);
        expect(res.helmError).toBe('failed to parse values.yaml: ' + c.wantError);
      } else {
        expect(res.error).toBeNull();
        expect(res.outputs['t']).toBe(c.want);
      }
    });
  }
});
