// Small charts written to a temp dir, loaded by podtpl and by the oracle's chart mode:
// .helmignore, metadata validation, dependencies (alias, condition, tags, import-values,
// globals, missing), archives. Values are compared before any template runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChart } from '../../src/chart/load.js';
import { ChartError, buildUserValues, prepareRender } from '../../src/chart/render-input.js';
import { askOracle, canonJson, haveOracle, oracleJson } from './oracle.js';

const root = mkdtempSync(join(tmpdir(), 'podtpl-chart-'));
const noRender = 'podtpl-no-render';
const filesTpl = '{{ range $k, $v := .Files }}{{ $k }}\n{{ end }}';

function write(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

const chartYaml = (name: string, extra = '') => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${extra}`;

interface Fixture {
  name: string;
  files: Record<string, string>;
  /** Subchart directories packed as charts/<name>.tgz. */
  tgz?: Record<string, Record<string, string>>;
  set?: string[];
  /** Known difference outside src/chart (reason). */
  skip?: string;
  /** Compare the root's .Files names (the oracle renders them). */
  listFiles?: boolean;
}

const sub = (name: string, values = 'x: 1', extra = '') => ({
  [`charts/${name}/Chart.yaml`]: chartYaml(name, extra),
  [`charts/${name}/values.yaml`]: values,
});

const fixtures: Fixture[] = [
  {
    name: 'helmignore',
    listFiles: true,
    files: {
      'Chart.yaml': chartYaml('ign'),
      '.helmignore': '# comment\n*.bak\n/top.txt\ndocs/\n!keep.bak\nsub/*.tmp\n[ab].md\n',
      'a.md': '', 'c.md': '', 'x.bak': '', 'keep.bak': '', 'top.txt': '', 'dir/top.txt': '', 'docs/d.txt': '',
      'sub/x.tmp': '', 'sub/y.txt': '', 'templates/.hidden': '', 'templates/t.yaml': 'x', 'files/f.txt': 'f',
    },
  },
  { name: 'helmignore double star', files: { 'Chart.yaml': chartYaml('ign'), '.helmignore': 'a/**/b\n' } },
  { name: 'missing Chart.yaml', files: { 'values.yaml': 'a: 1' } },
  { name: 'no version', files: { 'Chart.yaml': 'apiVersion: v2\nname: x\n' } },
  { name: 'bad version', files: { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: one\n' } },
  { name: 'float version', files: { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1.10\n', 'values.yaml': 'a: 1' } },
  { name: 'bad name', files: { 'Chart.yaml': 'apiVersion: v2\nname: a/b\nversion: 1.0.0\n' } },
  { name: 'bad type', files: { 'Chart.yaml': chartYaml('x', 'type: plugin\n') } },
  { name: 'library', files: { 'Chart.yaml': chartYaml('x', 'type: library\n') } },
  { name: 'v1 default', files: { 'Chart.yaml': 'name: x\nversion: 1.0.0\n', 'values.yaml': 'a: 1' } },
  { name: 'type error', files: { 'Chart.yaml': chartYaml('x', 'maintainers: nobody\n') } },
  { name: 'null maintainer', files: { 'Chart.yaml': chartYaml('x', 'maintainers:\n  - null\n') } },
  { name: 'broken yaml', skip: 'src/yaml/load.ts says "did not find expected \',\' or \']\'", go-yaml "did not find expected node content"', files: { 'Chart.yaml': chartYaml('x', 'a: [\n') } },
  { name: 'broken values', files: { 'Chart.yaml': chartYaml('x'), 'values.yaml': 'a: b: c' } },
  { name: 'values list', files: { 'Chart.yaml': chartYaml('x'), 'values.yaml': '- 1' } },
  { name: 'bad alias', files: { 'Chart.yaml': chartYaml('x', 'dependencies:\n  - name: s\n    alias: "a b"\n') } },
  { name: 'dup dependency', files: { 'Chart.yaml': chartYaml('x', 'dependencies:\n  - name: s\n  - name: s\n') } },
  {
    name: 'missing dependency',
    files: { 'Chart.yaml': chartYaml('x', 'dependencies:\n  - name: s\n    version: 0.1.0\n  - name: t\n') },
  },
  {
    name: 'globals and subchart values',
    files: {
      'Chart.yaml': chartYaml('p', 'dependencies:\n  - name: s\n    version: 0.1.0\n'),
      'values.yaml': 'global: {g: 1, t: {a: 1}}\ns: {x: 2, y: {z: 1}}\n',
      ...sub('s', 'x: 1\ny: {w: 2}\nglobal: {g: 0, h: 2, t: {b: 2}}\n'),
    },
  },
  {
    name: 'condition and tags',
    set: ['tags.front=false'],
    files: {
      'Chart.yaml': chartYaml(
        'p',
        'dependencies:\n  - name: a\n    version: ~0.1.0\n    condition: a.enabled,global.a\n  - name: b\n    version: ">=0.1.0"\n    tags: [front]\n  - name: c\n    version: 0.1.0\n    condition: c.on\n',
      ),
      'values.yaml': 'a: {enabled: false}\nc: {on: "yes"}\n',
      ...sub('a'),
      ...sub('b'),
      ...sub('c'),
    },
  },
  {
    name: 'alias',
    files: {
      'Chart.yaml': chartYaml('p', 'dependencies:\n  - name: s\n    version: 0.1.0\n    alias: one\n  - name: s\n    version: 0.1.0\n    alias: two\n'),
      'values.yaml': 'one: {x: 10}\n',
      ...sub('s'),
    },
  },
  {
    name: 'import-values',
    files: {
      'Chart.yaml': chartYaml(
        'p',
        'dependencies:\n  - name: s\n    version: 0.1.0\n    import-values:\n      - data\n      - child: deep.inner\n        parent: imported.here\n      - missing\n',
      ),
      'values.yaml': 'own: 1\nimported: {here: {k: parent}}\n',
      ...sub('s', 'exports: {data: {e1: 1, own: 2}}\ndeep: {inner: {k: child, k2: child2}}\n'),
    },
  },
  {
    name: 'type mismatch',
    set: ['s=5'],
    files: { 'Chart.yaml': chartYaml('p', 'dependencies:\n  - name: s\n    version: 0.1.0\n'), ...sub('s') },
  },
  {
    name: 'clash warnings',
    set: ['a=1', 'b.c=2'],
    files: { 'Chart.yaml': chartYaml('p'), 'values.yaml': 'a: {x: 1}\nb: 3\n' },
  },
  {
    name: 'tgz subchart',
    files: { 'Chart.yaml': chartYaml('p', 'dependencies:\n  - name: z\n    version: 0.1.0\n'), 'values.yaml': 'z: {x: 5}\n' },
    tgz: { z: { 'Chart.yaml': chartYaml('z'), 'values.yaml': 'x: 1\ny: 2\n', 'templates/t.yaml': 'a' } },
  },
  { name: 'kubeVersion', files: { 'Chart.yaml': chartYaml('p', 'kubeVersion: ">=1.25.0-0"\n') } },
];

function build(f: Fixture): string {
  const dir = join(root, f.name.replace(/\W+/g, '-'));
  write(dir, f.files);
  for (const [n, files] of Object.entries(f.tgz ?? {})) {
    const src = join(root, 'tgzsrc-' + n + '-' + f.name.replace(/\W+/g, '-'));
    write(join(src, n), files);
    mkdirSync(join(dir, 'charts'), { recursive: true });
    execFileSync('tar', ['czf', join(dir, 'charts', n + '-0.1.0.tgz'), '-C', src, n]);
  }
  return dir;
}

describe.runIf(haveOracle)('chart fixtures vs oracle', () => {
  const dirs = fixtures.map(build);
  const reqs = fixtures.flatMap((f, i) => [
    { id: i, chartDir: dirs[i], returnValues: true, render: [noRender], set: f.set },
    ...(f.listFiles ? [{ id: i + ':files', chartDir: dirs[i], set: f.set }] : []),
  ]);
  const answers = askOracle(reqs);
  for (const [i, f] of fixtures.entries()) {
    (f.skip ? it.skip : it)(f.name, () => {
      const want = answers[reqs.findIndex((r) => r.id === i)]!;
      const warnings = new Set<string>();
      let got: { values?: string; error?: string; kind?: string; files?: string[] } = {};
      try {
        const chart = loadChart(dirs[i]!, { warn: (m) => warnings.add(m) });
        got.files = chart.files.map((x) => x.name).sort();
        const input = prepareRender(chart, buildUserValues({ sets: { set: f.set } }), { warn: (m) => warnings.add(m) });
        got.values = canonJson(input.values);
      } catch (e) {
        got = { error: (e as Error).message, kind: e instanceof ChartError ? e.kind : 'chart' };
      }
      if (want.errorKind !== 'exec') {
        expect(got.error).toBe(want.helmError ?? want.error);
        expect(got.kind).toBe(want.errorKind);
        return;
      }
      expect(got.error).toBeUndefined();
      expect(got.values).toBe(oracleJson(want.chartValues));
      expect([...warnings].sort()).toEqual(want.warnings ?? []);
      if (f.listFiles) {
        const list = answers[reqs.findIndex((r) => r.id === i + ':files')]!;
        const tpl = Object.keys(list.outputs)[0]!;
        expect(got.files!.join('\n') + '\n').toBe(list.outputs[tpl]);
      }
    });
  }
});
