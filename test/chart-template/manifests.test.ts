// releaseutil as `helm template` uses it: document splitting, SimpleHead decoding, kind order,
// hooks, framing, --show-only globs. Expected values come from the oracle's CLI
// (`gotpl-oracle render --chart test/chart-template/fixtures/kinds-hooks`) and Helm's rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ManifestError,
  ShowOnlyError,
  decodeHead,
  goPathMatch,
  goTrimSpace,
  showOnly,
  sortManifests,
  splitManifests,
  templateOutput,
} from '../../src/chart/manifests.js';

describe('splitManifests', () => {
  const cases: { name: string; input: string; want: string[] }[] = [
    { name: 'one doc', input: 'a: 1\n', want: ['a: 1'] },
    { name: 'leading separator', input: '---\na: 1\n---\nb: 2\n', want: ['a: 1', 'b: 2'] },
    { name: 'separator with trailing spaces', input: 'a: 1\n---   \nb: 2', want: ['a: 1', 'b: 2'] },
    { name: 'empty pieces dropped', input: '---\na: 1\n---\n\n', want: ['a: 1'] },
    // Oracle-checked: the second `---` stays in the document (it has no newline left before it).
    { name: 'double leading separator', input: '---\n---\na: 1\n---\n', want: ['---\na: 1'] },
    // Go: the first separator's \s* eats the newline the second one needs.
    { name: 'back-to-back separators keep the second', input: 'a: 1\n---\n\n---\nb: 2', want: ['a: 1', '---\nb: 2'] },
    { name: 'separator glued to text', input: 'a: 1\n---b: 2', want: ['a: 1', 'b: 2'] },
    { name: 'indented dashes are not a separator', input: 'a: |\n  x\n  ---\n  y', want: ['a: |\n  x\n  ---\n  y'] },
    { name: 'whitespace only', input: ' \n\t\n', want: [] },
    { name: 'vertical tab after the separator is trimmed by TrimSpace', input: 'a: 1\n---\vb', want: ['a: 1', 'b'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(splitManifests(c.input)).toEqual(c.want);
    });
  }
});

describe('goTrimSpace', () => {
  it('trims Go spaces but keeps U+FEFF', () => {
    expect(goTrimSpace('\u0085 a \u00a0')).toBe('a');
    expect(goTrimSpace('\ufeffa')).toBe('\ufeffa');
  });
});

describe('decodeHead', () => {
  const ok: { name: string; doc: string; kind: string; hook?: string }[] = [
    { name: 'plain', doc: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x', kind: 'Pod' },
    { name: 'case-folded key', doc: 'Kind: Service', kind: 'Service' },
    { name: 'exact key wins over folded (sorted order, last wins)', doc: 'KIND: A\nkind: B', kind: 'B' },
    { name: 'number kind becomes a string', doc: 'kind: 12', kind: '12' },
    { name: 'comment only', doc: '# nothing', kind: '' },
    { name: 'hook annotation', doc: 'kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install', kind: 'Job', hook: 'pre-install' },
    { name: 'null hook annotation is ""', doc: 'kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook:', kind: 'Job', hook: '' },
  ];
  for (const c of ok) {
    it(c.name, () => {
      const h = decodeHead(c.doc);
      expect(h.kind).toBe(c.kind);
      if (c.hook !== undefined) expect(h.metadata?.annotations?.get('helm.sh/hook')).toBe(c.hook);
    });
  }
  const bad: { name: string; doc: string; err: string }[] = [
    { name: 'syntax', doc: 'a: b: c', err: 'error converting YAML to JSON: yaml: mapping values are not allowed in this context' },
    { name: 'list', doc: '- a', err: 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type releaseutil.SimpleHead' },
    { name: 'scalar', doc: 'hello', err: 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type releaseutil.SimpleHead' },
    { name: 'kind map', doc: 'kind: {a: 1}', err: 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field SimpleHead.kind of type string' },
  ];
  for (const c of bad) {
    it(`error: ${c.name}`, () => {
      expect(() => decodeHead(c.doc)).toThrow(c.err);
    });
  }
});

describe('sortManifests and templateOutput', () => {
  it('orders kinds, drops partials and empty files, puts hooks last', () => {
    const files = new Map([
      ['c/templates/_h.tpl', 'kind: Pod'],
      ['c/templates/empty.yaml', '  \n'],
      ['c/templates/a.yaml', 'kind: Deployment\n---\nkind: Zed\n---\nkind: Namespace'],
      ['c/templates/b.yaml', 'kind: Service\n---\nkind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: test\n---\nkind: X\nmetadata:\n  annotations:\n    helm.sh/hook: nope'],
      ['c/templates/0.yaml', 'kind: Alpha'],
    ]);
    const s = sortManifests(files);
    expect(s.manifests.map((m) => m.head.kind)).toEqual(['Namespace', 'Service', 'Deployment', 'Alpha', 'Zed']);
    expect(s.hooks.map((m) => m.head.kind)).toEqual(['Job']);
    expect(templateOutput(s)).toBe(
      '---\n# Source: c/templates/a.yaml\nkind: Namespace\n---\n# Source: c/templates/b.yaml\nkind: Service\n' +
        '---\n# Source: c/templates/a.yaml\nkind: Deployment\n---\n# Source: c/templates/0.yaml\nkind: Alpha\n' +
        '---\n# Source: c/templates/a.yaml\nkind: Zed\n' +
        '---\n# Source: c/templates/b.yaml\nkind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: test\n',
    );
  });
  it('no manifests prints one newline', () => {
    expect(templateOutput(sortManifests(new Map([['c/templates/x.yaml', '\n']])))).toBe('\n');
  });
  it('names the file of a document that is not YAML', () => {
    expect(() => sortManifests(new Map([['c/templates/x.yaml', 'kind: A\n---\nk: [1']]))).toThrow(ManifestError);
    expect(() => sortManifests(new Map([['c/templates/x.yaml', 'kind: A\n---\nk: [1']]))).toThrow(/^YAML parse error on c\/templates\/x\.yaml: error converting YAML to JSON: yaml: line 1: /);
  });
});

describe('showOnly', () => {
  const framed = templateOutput(
    sortManifests(
      new Map([
        ['c/templates/a.yaml', 'kind: Service'],
        ['c/templates/sub/b.yaml', 'kind: Pod\n---\nkind: Secret'],
        ['c/charts/d/templates/e.yaml', 'kind: ConfigMap'],
      ]),
    ),
  );
  it('selects by path, in output order, per pattern', () => {
    expect(showOnly(framed, ['templates/sub/b.yaml'])).toBe(
      '---\n# Source: c/templates/sub/b.yaml\nkind: Secret\n---\n# Source: c/templates/sub/b.yaml\nkind: Pod\n',
    );
  });
  it('globs do not cross /', () => {
    expect(showOnly(framed, ['templates/*.yaml'])).toBe('---\n# Source: c/templates/a.yaml\nkind: Service\n');
    expect(showOnly(framed, ['charts/*/templates/?.yaml'])).toBe('---\n# Source: c/charts/d/templates/e.yaml\nkind: ConfigMap\n');
  });
  it('a missing template fails; one that rendered empty does not', () => {
    expect(() => showOnly(framed, ['templates/nope.yaml'])).toThrow(ShowOnlyError);
    expect(() => showOnly(framed, ['templates/nope.yaml'])).toThrow('could not find template templates/nope.yaml in chart');
    expect(showOnly(framed, ['templates/empty.yaml'], ['c/templates/empty.yaml'])).toBe('');
  });
  it('goPathMatch follows filepath.Match', () => {
    expect(goPathMatch('a/[b-c]d', 'a/cd')).toBe(true);
    expect(goPathMatch('a/[^b]d', 'a/bd')).toBe(false);
    expect(goPathMatch('a\\*', 'a*')).toBe(true);
    expect(goPathMatch('a/*', 'a/b/c')).toBe(false);
    expect(goPathMatch('[', '[')).toBe(false);
  });
});

describe('manifest fuzz (oracle goldens)', () => {
  interface FuzzCase { id: string; files: Record<string, string>; exit: number; stdout: string; stderr: string }
  const cases: FuzzCase[] = readFileSync(join(import.meta.dirname, 'golden/manifest-fuzz.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as FuzzCase);
  it(`${cases.length} random files split, sorted and framed like the oracle`, () => {
    const diffs: string[] = [];
    for (const c of cases) {
      let out = '';
      let err = '';
      try {
        out = templateOutput(sortManifests(new Map(Object.entries(c.files))));
      } catch (e) {
        err = `Error: ${(e as Error).message}\n\nUse --debug flag to render out invalid YAML\n`;
      }
      if (out !== c.stdout || err !== c.stderr || (err === '') !== (c.exit === 0)) diffs.push(`${c.id}: ${JSON.stringify(err || out).slice(0, 300)}`);
    }
    expect(diffs).toEqual([]);
  });
});
