// Rendering speed-ups that must not change a byte: the chart processed once and reused
// (PodChart), coalescing that copies only what it keeps, the platform config parsed once, and
// `podtpl diff` rendering on worker threads. Each case compares the fast path with a path that
// has no shortcut (a fresh chart, --threads 0) on inputs chosen to log warnings and to fail.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { coalesceValues } from '../../src/chart/coalesce.js';
import { Chart, emptyMetadata } from '../../src/chart/metadata.js';
import { prerender } from '../../src/diff/parallel.js';
import { podRenderer, prepareSide, type DeploymentInput } from '../../src/diff/sides.js';
import { builtinChart } from '../../src/pod/builtin.js';
import { openPodChart, renderWorkerPod, type PodChart } from '../../src/pod/render.js';
import { loadValuesYaml } from '../../src/yaml/load.js';
import { marshalJson } from '../../src/yaml/json.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

/** Deployment values that log coalescing warnings, fail, or render normally. */
const values: string[] = [
  'airflow:\n  executor: KubernetesExecutor\n',
  'airflow:\n  workers:\n    resources: 3\n',
  'airflow:\n  images: null\n',
  'airflow:\n  global: 3\n',
  'global:\n  foo: {a: 1}\nairflow:\n  global:\n    foo: 2\n',
  'airflow: 5\n',
  'airflow:\n  executor: CeleryExecutor\n',
  'airflow:\n  podTemplate: "{{ .Values.nope.x }}"\n',
  'airflow:\n  podTemplate: "{{ $_ := set .Values \\"mutated\\" 1 }}{{ $_ := unset .Values \\"images\\" }}{{ toYaml .Values.labels }}"\n',
  'airflow:\n  labels: {team: a}\n  airflowPodAnnotations:\n    a: {b: c}\n',
  'not: [valid',
  'airflow:\n  dags:\n    gitSync:\n      enabled: true\n      repo: https://example.com/r.git\n      sshKeySecret: k\n',
];

const deployment = (text: string, i: number): DeploymentInput => ({
  name: `d${i}`,
  releaseName: `d${i}`,
  namespace: 'default',
  valuesFiles: [{ name: `d${i}.yaml`, text }],
});

function renderAll(chart: () => PodChart | undefined, order: number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const i of order) {
    try {
      const r = renderWorkerPod({ chart: chart(), valuesFiles: [{ name: `d${i}.yaml`, text: values[i]! }], releaseName: `d${i}` });
      out.set(i, JSON.stringify([r.podYaml, r.warnings, r.source]));
    } catch (e) {
      out.set(i, `error: ${(e as Error).message}`);
    }
  }
  return out;
}

describe('a chart processed once and reused', () => {
  it('renders each deployment as after any other first render, in any order', () => {
    const warm = 0;
    const forward = [warm, ...values.keys()];
    const backward = [warm, ...[...values.keys()].reverse()];
    // Shared chart (reused after the first render) against a fresh one per render, warmed up the same way.
    const fresh = (): Map<number, string> => {
      const out = new Map<number, string>();
      for (const i of values.keys()) {
        let c: PodChart | undefined;
        const chart = (): PodChart => (c ??= builtinPodChart());
        renderAll(chart, [warm]);
        out.set(i, renderAll(chart, [i]).get(i)!);
      }
      return out;
    };
    const shared = builtinPodChart();
    const a = renderAll(() => shared, forward);
    const shared2 = builtinPodChart();
    const b = renderAll(() => shared2, backward);
    const want = fresh();
    for (const i of values.keys()) {
      expect(a.get(i), `deployment ${i}`).toBe(want.get(i));
      expect(b.get(i), `deployment ${i} (reverse order)`).toBe(want.get(i));
    }
    // A template's `set`/`unset` on .Values never reaches the next render.
    expect(a.get(8)).not.toContain('error');
    expect(renderAll(() => shared, [0]).get(0)).toBe(want.get(0));
  });
});

/** builtinPodChart opens a new PodChart over the built-in chart written out as a directory (PodChart.builtin() is one per process). */
function builtinPodChart(): PodChart {
  chartDir ??= writeBuiltinChart();
  return openPodChart(chartDir);
}

let chartDir: string | undefined;

function writeBuiltinChart(): string {
  const dir = mkdtempSync(join(tmpdir(), 'podtpl-builtin-'));
  // The built-in chart in memory, written out as a chart directory with the same content.
  const c = builtinChart();
  const sub = c.dependencies()[0]!;
  const write = (p: string, text: string): void => {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  };
  write('Chart.yaml', `apiVersion: v2\nname: ${c.name()}\nversion: ${c.metadata.version}\ndependencies:\n  - name: ${sub.name()}\n    version: ${sub.metadata.version}\n`);
  write('values.yaml', marshalJson(c.values));
  write(`charts/${sub.name()}/Chart.yaml`, `apiVersion: v2\nname: ${sub.name()}\nversion: ${sub.metadata.version}\n`);
  write(`charts/${sub.name()}/values.yaml`, marshalJson(sub.values));
  write(`charts/${sub.name()}/templates/configmaps/configmap.yaml`, configMapTemplate);
  for (const t of sub.templates) if (t.name.endsWith('_helpers.tpl')) write(`charts/${sub.name()}/${t.name}`, new TextDecoder().decode(t.data));
  return dir;
}

const configMapTemplate = `{{- if or (eq .Values.executor "KubernetesExecutor") (eq .Values.executor "CeleryKubernetesExecutor") }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-config
data:
  pod_template_file.yaml: |-
{{ tpl .Values.podTemplate . | indent 4 }}
{{- end }}
`;

describe('coalescing copies what it keeps', () => {
  it('leaves the chart defaults untouched and shares nothing with them', () => {
    const chart = new Chart({ ...emptyMetadata(), name: 'c', version: '0.1.0', apiVersion: 'v2' });
    chart.values = loadValuesYaml('a: {b: {c: 1, l: [1, {x: 2}]}, d: 2}\ne: [1]\nf: {g: null}\n') as Map<string, never>;
    const before = marshalJson(chart.values);
    const user = loadValuesYaml('a: {b: {z: 3}, d: null}\nf: 5\n') as Map<string, never>;
    const got = coalesceValues(chart, user);
    expect(marshalJson(got)).toBe('{"a":{"b":{"c":1,"l":[1,{"x":2}],"z":3}},"e":[1],"f":5}');
    // Change everything reachable from the result: the defaults stay as they were.
    const scramble = (v: unknown): void => {
      if (v instanceof Map) {
        for (const [k, x] of v) {
          scramble(x);
          v.set(k, 'changed');
        }
      } else if (Array.isArray(v)) {
        v.forEach(scramble);
        v.fill('changed');
      }
    };
    scramble(got);
    expect(marshalJson(chart.values)).toBe(before);
  });
});

describe('diff renders ahead, on worker threads when it can', () => {
  const deps = Array.from({ length: 240 }, (_, i) => deployment(values[i % values.length]!, i));

  it('prerender gives runDiff the same results as rendering in order', async () => {
    const render = podRenderer();
    const side = prepareSide({ kind: 'default' }, 'current', render);
    const other = prepareSide({ kind: 'template', file: 't.yaml', text: 'metadata:\n  name: {{ .Release.Name }}\n{{ toYaml .Values.labels }}\n' }, 'proposed', render);
    const plain = podRenderer();
    const wantSides = [prepareSide({ kind: 'default' }, 'current', plain), prepareSide(other.input, 'proposed', plain)] as const;
    const got = await prerender(side, other, deps, render, { threads: 2, minDeployments: 10 });
    for (const d of deps) {
      const one = (s: { render: (d: DeploymentInput) => unknown }): string => {
        try {
          return JSON.stringify(s.render(d));
        } catch (e) {
          return `error: ${(e as Error).message}`;
        }
      };
      expect(one(got.current), d.name).toBe(one(wantSides[0]));
      if (!one(got.current).startsWith('error')) expect(one(got.proposed), d.name).toBe(one(wantSides[1]));
    }
  });

  const cli = join(root, 'dist/src/cli/main.js');
  it.runIf(existsSync(cli))('the built CLI prints the same with and without worker threads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podtpl-parallel-'));
    mkdirSync(join(dir, 'deployments'));
    deps.forEach((d) => writeFileSync(join(dir, 'deployments', `${d.name}.yaml`), d.valuesFiles[0]!.text));
    writeFileSync(join(dir, 'proposed.yaml'), 'astronomer:\n  houston:\n    config:\n      deployments:\n        helm:\n          airflow:\n            podTemplate: |\n              metadata:\n                name: {{ .Release.Name }}\n');
    const run = (threads: number): string => {
      try {
        return execFileSync(process.execPath, ['--stack-size=4000', cli, 'diff', '--proposed', join(dir, 'proposed.yaml'), '--deployments', join(dir, 'deployments'), '-o', 'json', '--threads', String(threads)], { encoding: 'utf8', maxBuffer: 1 << 28 });
      } catch (e) {
        return `exit ${(e as { status: number }).status}\n${(e as { stdout: string }).stdout}`;
      }
    };
    const seq = run(0);
    expect(seq).toContain('"summary"');
    expect(run(2)).toBe(seq);
  });
});
