#!/usr/bin/env node
// Regenerates the chart goldens from the oracle (run from the project root when the oracle is
// built): node test/chart-template/gen-goldens.mjs
//
//  1. test/cases/chart-render-<group>.jsonl: batch requests in chart mode (every corpus chart
//     with its defaults and with each values file of test/fixtures/values, plus the bad charts
//     of test/chart-template/fixtures), each with `shape`: the templates whose output differs
//     between two oracle runs (generated secrets and their checksums), compared by shape.
//     Then scripts/update-golden.mjs writes test/golden/chart-render-<group>.jsonl.
//  2. test/chart-template/golden/framed.jsonl: the same renders through the oracle's CLI
//     (`gotpl-oracle render --chart DIR -f …`), i.e. `helm template`'s framed stdout, stderr
//     and exit code, for test/chart-template/framed.test.ts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineClient, oracleAvailable, oraclePath, projectRoot } from '../../scripts/oracle.mjs';

if (!oracleAvailable()) {
  console.error(`gen-goldens: the oracle is not built (${oraclePath})`);
  process.exit(1);
}

const corpus = '../shared/corpus/charts';
const fixtures = 'test/chart-template/fixtures';
const valuesDir = join(projectRoot, 'test/fixtures/values');
const valuesFiles = readdirSync(valuesDir).filter((f) => f.endsWith('.yaml')).sort();
const read = (f) => readFileSync(join(valuesDir, f), 'utf8');
/** wrap puts an Apache-chart values file under the Astronomer chart's `airflow:` key. */
const wrap = (text) => 'airflow:\n' + text.split('\n').map((l) => (l === '' ? l : '  ' + l)).join('\n');

/** groups: name → list of {id, chart, values: [{name, text}], flags?} */
const groups = {
  defaults: [
    ...['airflow-1.17.3-astro', 'airflow-1.2.0-podtemplate', 'astronomer-airflow-1.0.0-rc1', 'astronomer-airflow-1.17.20'].map((c) => ({
      id: `chart-render-default-${c}`,
      chart: `${corpus}/${c}`,
      values: [],
    })),
    { id: 'chart-render-default-kinds-hooks', chart: `${fixtures}/kinds-hooks`, values: [] },
    {
      id: 'chart-render-kinds-hooks-release',
      chart: `${fixtures}/kinds-hooks`,
      values: [],
      release: { name: 'prod', namespace: 'airflow', isUpgrade: true },
      set: ['child.enabled=false', 'empty=true'],
    },
  ],
  airflow: valuesFiles
    .filter((f) => f.startsWith('airflow-'))
    .map((f) => ({ id: `chart-render-airflow-${f.replace(/\.yaml$/, '')}`, chart: `${corpus}/airflow-1.17.3-astro`, values: [{ name: f, text: read(f) }] })),
  astronomer: [
    ...valuesFiles
      .filter((f) => f.startsWith('airflow-'))
      .map((f) => ({
        id: `chart-render-astronomer-${f.replace(/\.yaml$/, '')}`,
        chart: `${corpus}/astronomer-airflow-1.17.20`,
        values: [{ name: f, text: wrap(read(f)) }],
      })),
    ...valuesFiles
      .filter((f) => f.startsWith('astro-'))
      .map((f) => ({ id: `chart-render-astronomer-${f.replace(/\.yaml$/, '')}`, chart: `${corpus}/astronomer-airflow-1.17.20`, values: [{ name: f, text: read(f) }] })),
    {
      id: 'chart-render-astronomer-stacked',
      chart: `${corpus}/astronomer-airflow-1.17.20`,
      values: ['astro-platform-ingress.yaml', 'astro-dag-deploy.yaml'].map((f) => ({ name: f, text: read(f) })),
      set: ['airflow.workers.replicas=4', 'airflow.executor=CeleryKubernetesExecutor'],
    },
  ],
  legacy: ['airflow-kubernetes-executor.yaml', 'airflow-pod-template.yaml', 'airflow-gitsync-https.yaml', 'airflow-node-placement.yaml'].flatMap((f) => [
    { id: `chart-render-legacy-1.2.0-${f.replace(/\.yaml$/, '')}`, chart: `${corpus}/airflow-1.2.0-podtemplate`, values: [{ name: f, text: read(f) }], skipSchema: true },
    { id: `chart-render-legacy-rc1-${f.replace(/\.yaml$/, '')}`, chart: `${corpus}/astronomer-airflow-1.0.0-rc1`, values: [{ name: f, text: wrap(read(f)) }], skipSchema: true },
  ]),
  errors: [
    ...['no-chart-yaml', 'broken-chart-yaml', 'broken-values-yaml', 'library-root', 'missing-dependency', 'subchart-parse-error', 'subchart-exec-error', 'bad-manifest-yaml'].map((d) => ({
      id: `chart-render-error-${d}`,
      chart: `${fixtures}/${d}`,
      values: [],
    })),
    { id: 'chart-render-error-required-value', chart: `${corpus}/airflow-1.17.3-astro`, values: [], set: ['redis.passwordSecretName=x'] },
    { id: 'chart-render-error-values-not-a-map', chart: `${fixtures}/kinds-hooks`, values: [{ name: 'list.yaml', text: '- a\n- b\n' }] },
    { id: 'chart-render-error-bad-set', chart: `${fixtures}/kinds-hooks`, values: [], set: ['a.b[x]=1'] },
    { id: 'chart-render-error-bad-values-file', chart: `${corpus}/airflow-1.17.3-astro`, values: [{ name: 'bad.yaml', text: 'executor: [KubernetesExecutor\n' }] },
    { id: 'chart-render-error-kube-version', chart: `${fixtures}/kube-constraint`, values: [] },
    { id: 'chart-render-kube-version-ok', chart: `${fixtures}/kube-constraint`, values: [], kubeVersion: '1.29.3' },
  ],
};

function batchRequest(c) {
  const req = { id: c.id, mode: 'helm', chartDir: c.chart };
  if (c.values.length) req.valuesYaml = c.values.map((v) => v.text);
  if (c.set) req.set = c.set;
  if (c.release) req.release = c.release;
  if (c.kubeVersion) req.capabilities = { kubeVersion: c.kubeVersion };
  return req;
}

/** shapeOf masks random tokens (the same rule as test/golden-cases.ts). */
function shapeOf(text) {
  return text.replace(/(checksum\/[\w.-]+: )[0-9a-f]{64}/g, '$1<sha256>').replace(/"[A-Za-z0-9+/]{8,}={0,2}"/g, '"<base64>"');
}
const sha256 = (s) => createHash('sha256').update(s).digest('hex');
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oracle = new LineClient(oraclePath, ['serve']);
const tmp = mkdtempSync(join(tmpdir(), 'podtpl-gen-'));
const framed = [];
try {
  for (const [group, list] of Object.entries(groups)) {
    const lines = [];
    for (const c of list) {
      const req = batchRequest(c);
      const a = await oracle.request(req);
      const b = await oracle.request(req);
      const random = Object.keys(a.outputs ?? {}).filter((n) => a.outputs[n] !== b.outputs?.[n]).sort();
      if (random.length) req.shape = `^(?:${random.map(escapeRe).join('|')})$`;
      lines.push(JSON.stringify(req));
      // The framed CLI output.
      const args = ['render', '--chart', c.chart];
      c.values.forEach((v, i) => {
        const p = join(tmp, `${i}-${v.name}`);
        writeFileSync(p, v.text);
        args.push('-f', p);
      });
      for (const s of c.set ?? []) args.push('--set', s);
      if (c.release?.name) args.push('--release-name', c.release.name);
      if (c.release?.namespace) args.push('--namespace', c.release.namespace);
      if (c.release?.isUpgrade) args.push('--is-upgrade');
      if (c.kubeVersion) args.push('--kube-version', c.kubeVersion);
      const r = spawnSync(oraclePath, args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
      framed.push(
        JSON.stringify({
          id: c.id,
          chart: c.chart,
          values: c.values,
          set: c.set,
          release: c.release,
          kubeVersion: c.kubeVersion,
          skipSchemaValidation: c.skipSchema === true || undefined,
          random,
          exit: r.status,
          // Large outputs are kept as the sha256 of their shape (random tokens masked, as
          // test/golden-cases.ts shapeOf); their per-template text is in test/golden.
          ...(r.stdout.length < 20000 ? { stdout: r.stdout } : { stdoutShapeSha256: sha256(shapeOf(r.stdout)) }),
          // Paths of temporary values files are not part of any expected text.
          stderr: r.stderr.replaceAll(tmp + '/', ''),
        }),
      );
    }
    const file = join(projectRoot, `test/cases/chart-render-${group}.jsonl`);
    writeFileSync(file + '.tmp', lines.join('\n') + '\n');
    renameSync(file + '.tmp', file);
    console.log(`test/cases/chart-render-${group}.jsonl: ${lines.length} cases`);
  }
} finally {
  oracle.close();
  rmSync(tmp, { recursive: true, force: true });
}
mkdirSync(join(projectRoot, 'test/chart-template/golden'), { recursive: true });
const framedFile = join(projectRoot, 'test/chart-template/golden/framed.jsonl');
writeFileSync(framedFile + '.tmp', framed.join('\n') + '\n');
renameSync(framedFile + '.tmp', framedFile);
console.log(`test/chart-template/golden/framed.jsonl: ${framed.length} cases`);
// 3. test/chart-template/golden/manifest-fuzz.jsonl: random files of YAML-ish pieces (document
//    separators, kinds, hook annotations, comments, odd whitespace, broken YAML) rendered by the
//    oracle's CLI as a one-template-per-file chart: releaseutil's splitting, decoding, sorting
//    and framing, or its `YAML parse error`. The files hold no template actions, so each renders
//    as itself.
{
  const good = ['---', '--- ', '---\t', '\n', '\n', '  ', 'kind: Pod', 'kind: Service', 'kind: Zed', 'kind: Alpha', 'Kind: Namespace',
    'KIND: Deployment', 'apiVersion: v1', 'metadata:\n  name: x', 'metadata:\n  annotations:\n    helm.sh/hook: pre-install',
    'metadata:\n  annotations:\n    helm.sh/hook: test, post-install', 'metadata:\n  annotations:\n    helm.sh/hook: bogus',
    'metadata: ~', 'metadata:\n  annotations: {a: 1}', '# c', 'x: ---', 'kind: 5', 'kind: CronJob', 'kind: Job',
    'kind: Secret\nmetadata:\n  annotations:\n    "helm.sh/hook": "pre-delete"', 'metadata:\n  annotations:\n    helm.sh/hook:'];
  const bad = ['a: [1', '- a', '...', '\t', '\r\n', 'kind: [a]', '\u00a0', 'metadata: 3'];
  let seed = 20240611;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >>> 16) % n;
  };
  const dir = mkdtempSync(join(tmpdir(), 'podtpl-fuzz-'));
  const lines = [];
  try {
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: fz\nversion: 0.1.0\n');
    for (let it = 0; it < 300; it++) {
      rmSync(join(dir, 'templates'), { recursive: true, force: true });
      mkdirSync(join(dir, 'templates'));
      const files = {};
      const n = 1 + rnd(3);
      for (let f = 0; f < n; f++) {
        let t = '';
        const k = 1 + rnd(12);
        for (let i = 0; i < k; i++) t += (rnd(12) ? good[rnd(good.length)] : bad[rnd(bad.length)]) + (rnd(8) ? '\n' : '');
        writeFileSync(join(dir, 'templates', `f${f}.yaml`), t);
        files[`fz/templates/f${f}.yaml`] = t;
      }
      const r = spawnSync(oraclePath, ['render', '--chart', dir], { encoding: 'utf8' });
      lines.push(JSON.stringify({ id: `manifest-fuzz-${it}`, files, exit: r.status, stdout: r.stdout, stderr: r.stderr }));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const f = join(projectRoot, 'test/chart-template/golden/manifest-fuzz.jsonl');
  writeFileSync(f + '.tmp', lines.join('\n') + '\n');
  renameSync(f + '.tmp', f);
  console.log(`test/chart-template/golden/manifest-fuzz.jsonl: ${lines.length} cases`);
}
const r = spawnSync(process.execPath, ['scripts/update-golden.mjs', ...Object.keys(groups).map((g) => `chart-render-${g}`)], {
  cwd: projectRoot,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
