// The pod matrix (test/golden/pod-matrix.jsonl, made by test/pod/make-cases.mjs and the
// oracle): every podTemplate revision × the deployment values files, rendered by the corpus
// charts. Two checks per case:
//  1. `render --chart` (renderWorkerPod with the corpus chart) gives the oracle's ConfigMap
//     byte for byte, or the same error (raw and Helm's message);
//  2. for the 1.17.20 chart, the built-in chart (chart-templates/ + values/) gives the same
//     pod_template_file.yaml, or fails inside the same template line with the same message.
// The revision goes in through a platform config (Houston's deployments.helm section), the
// deployment through -f, as a user would run it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPodTemplate } from '../../src/pod/extract.js';
import { PodChart, PodError, renderWorkerPod, tplFailure, type InputFile } from '../../src/pod/render.js';
import { readCases } from '../golden-cases.js';

const root = join(import.meta.dirname, '../..');
const cases = readCases(join(root, 'test/golden/pod-matrix.jsonl'));
const corpusPresent = existsSync(join(root, '../shared/corpus/charts'));
// A --chart render of the real charts costs ~50-150 ms (Helm's work: coalescing ~100 KB of
// values, a `tpl` per airflow.cfg entry), so by default every error case and every third
// case goes through --chart; PODTPL_FULL_MATRIX=1 runs all of them. The built-in render
// (~10 ms) always runs on every 1.17.20 case.
const fullMatrix = process.env.PODTPL_FULL_MATRIX === '1';

/** platformConfig wraps an `airflow:` values document into a platform config.yaml. */
function platformConfig(airflowDoc: string): InputFile {
  const body = airflowDoc
    .split('\n')
    .map((l) => (l === '' ? l : '          ' + l))
    .join('\n');
  return { name: 'config.yaml', text: `astronomer:\n  houston:\n    config:\n      deployments:\n        helm:\n${body}` };
}

const charts = new Map<string, PodChart>();
function chartFor(dir: string): PodChart {
  let c = charts.get(dir);
  if (!c) charts.set(dir, (c = PodChart.open(join(root, dir))));
  return c;
}

type Outcome = { pod?: string; configMap?: string; error?: PodError };
function run(f: () => { podYaml: string; configMap: string }): Outcome {
  try {
    const r = f();
    return { pod: r.podYaml, configMap: r.configMap };
  } catch (e) {
    if (e instanceof PodError) return { error: e };
    throw e;
  }
}

describe.runIf(corpusPresent)('pod matrix', () => {
  it(`renders ${cases.length} cases like the oracle`, { timeout: 600_000 }, () => {
    const failures: string[] = [];
    let builtinChecked = 0;
    for (const c of cases) {
      const id = String(c.id);
      const docs = c.valuesYaml as string[];
      const hasRev = docs.length === 2;
      const deployment: InputFile = { name: id.split(':')[3] + '.yaml', text: docs[docs.length - 1]! };
      const rel = c.release as { name?: string; namespace?: string } | undefined;
      const opts = {
        platformConfig: hasRev ? platformConfig(docs[0]!) : undefined,
        valuesFiles: [deployment],
        releaseName: rel?.name,
        namespace: rel?.namespace,
      };
      const cmName = c.render![0]!;
      const wantCM = c.expect?.[cmName];
      const wantPod = wantCM === undefined ? undefined : extractPodTemplate(wantCM, cmName);
      // 1. --chart
      const index = cases.indexOf(c);
      const chartCase = fullMatrix || c.expectError !== undefined || index % 3 === 0;
      const got = !chartCase ? undefined : run(() => renderWorkerPod({ ...opts, chart: chartFor(c.chartDir!) }));
      if (!got) {
        // skipped (see fullMatrix)
      } else if (c.expectError !== undefined) {
        const want = c.expectHelmError ?? c.expectError;
        if (got.error?.helmError !== want) failures.push(`${id} --chart: want error ${want.slice(-200)}\n got ${got.error ? got.error.helmError ?? got.error.message : 'no error'}`);
      } else if (wantPod === undefined) {
        if (!got.error || !/no worker pod template/.test(got.error.message)) failures.push(`${id} --chart: want "no worker pod template", got ${got.error?.message ?? 'a pod'}`);
      } else if (got.configMap !== wantCM) {
        failures.push(`${id} --chart: ConfigMap differs\n${firstDiff(wantCM!, got.configMap ?? got.error?.message ?? '')}`);
      } else if (got.pod !== wantPod) failures.push(`${id} --chart: extracted pod differs`);
      // 2. built-in (same templates and defaults as the 1.17.20 chart)
      if (!id.startsWith('pod:1.17.20:')) continue;
      builtinChecked++;
      const b = run(() => renderWorkerPod(opts));
      if (c.expectError !== undefined) {
        const want = tplFailure(c.expectError);
        const gotF = b.error?.helmError ? tplFailure(b.error.helmError) : undefined;
        if (!want || !gotF || want.message !== gotF.message || want.line !== gotF.line) {
          failures.push(`${id} built-in: want tpl failure ${JSON.stringify(want)}\n got ${b.error?.message ?? 'no error'}`);
        }
      } else if (wantPod === undefined) {
        if (!b.error || !/no worker pod template/.test(b.error.message)) failures.push(`${id} built-in: want "no worker pod template", got ${b.error?.message ?? 'a pod'}`);
      } else if (b.pod !== wantPod) {
        failures.push(`${id} built-in: pod differs\n${firstDiff(wantPod, b.pod ?? b.error?.message ?? '')}`);
      }
    }
    expect(builtinChecked).toBeGreaterThan(400);
    expect(failures.slice(0, 8).join('\n\n')).toBe('');
    expect(failures.length).toBe(0);
  });
});

function firstDiff(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `  line ${i + 1}:\n  want ${JSON.stringify(a[i])}\n  got  ${JSON.stringify(b[i])}`;
  }
  return '  (same lines)';
}
