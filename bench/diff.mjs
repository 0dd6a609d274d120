// bench/diff.mjs: `podtpl diff` over 1,000 deployments (generated values files) against two platform
// configs: the current one without a podTemplate (the chart default applies), the proposed one with a
// podTemplate (the built-in default plus one label and one env var). Goal: total wall time < 2 s.
// Run after `npm run build`:
//   node bench/diff.mjs [--deployments 1000] [--output simple] [--dist DIR]
// Prints: the whole CLI run as a child process (wall time, what a user waits for), then an in-process
// breakdown (render both sides / compare + format) so a regression can be placed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const count = Number(arg('--deployments', '1000'));
const output = arg('--output', 'simple');
const dist = resolve(arg('--dist', join(root, 'dist')));

// ---- inputs
const work = mkdtempSync(join(tmpdir(), 'podtpl-bench-diff-'));
const depDir = join(work, 'deployments');
mkdirSync(depDir);
const executors = ['KubernetesExecutor', 'CeleryKubernetesExecutor'];
for (let i = 0; i < count; i++) {
  let y = `airflow:\n  executor: ${executors[i % 2]}\n`;
  if (i % 3 === 0) y += `  dags:\n    gitSync:\n      enabled: true\n      repo: https://git.example.com/team-${i}/dags.git\n      branch: main\n      sshKeySecret: git-${i}\n`;
  if (i % 4 === 1) y += `  nodeSelector:\n    pool: pool-${i % 7}\n  tolerations:\n  - key: pool-${i % 7}\n    operator: Exists\n    effect: NoSchedule\n`;
  if (i % 5 === 2) y += `  env:\n  - name: AIRFLOW__CORE__PARALLELISM\n    value: "${16 + (i % 64)}"\n  - name: AIRFLOW_CONN_WAREHOUSE\n    value: postgres://etl:pw${i}@warehouse:5432/dw\n`;
  if (i % 6 === 3) y += `  labels:\n    team: team-${i % 11}\n  airflowPodAnnotations:\n    cost-center: cc-${i % 13}\n`;
  if (i % 7 === 4) y += `  workers:\n    resources:\n      limits:\n        cpu: "${1 + (i % 4)}"\n        memory: ${2 + (i % 6)}Gi\n`;
  writeFileSync(join(depDir, `deployment-${String(i).padStart(4, '0')}.yaml`), y);
}
const platform = (podTemplate) => {
  let y = 'global:\n  baseDomain: example.com\nastronomer:\n  houston:\n    config:\n      deployments:\n        helm:\n          airflow:\n            images:\n              airflow:\n                repository: quay.io/astronomer/astro-runtime\n';
  if (podTemplate !== undefined) y += '            podTemplate: |\n' + podTemplate.split('\n').map((l) => (l ? '              ' + l : l)).join('\n') + '\n';
  return y;
};
const builtin = readFileSync(join(root, 'chart-templates/pod-template.yaml'), 'utf8');
const edited = builtin
  .replace('    component: worker\n', '    component: worker\n    cost-center: platform\n')
  .replace('- name: AIRFLOW__CORE__EXECUTOR', '- name: PODTPL_BENCH\n          value: "1"\n        - name: AIRFLOW__CORE__EXECUTOR');
if (edited === builtin) throw new Error('bench: could not edit the built-in template (anchors moved?)');
const current = join(work, 'config-current.yaml');
const proposed = join(work, 'config-proposed.yaml');
writeFileSync(current, platform(undefined));
writeFileSync(proposed, platform(edited));

// ---- the CLI as a user runs it
const cliArgs = ['diff', '--current', current, '--proposed', proposed, '--deployments', depDir, '-o', output, '--detailed-exitcode'];
const t0 = process.hrtime.bigint();
const run = spawnSync(process.execPath, [join(dist, 'src/cli/main.js'), ...cliArgs], { encoding: 'utf8', maxBuffer: 1 << 30 });
const wall = Number(process.hrtime.bigint() - t0) / 1e6;
const plan = (run.stdout ?? '').trim().split('\n').pop();
console.log(`podtpl diff, ${count} deployments, -o ${output}: ${wall.toFixed(0)} ms wall (exit ${run.status}; ${plan})`);
if (run.status !== 2) console.log('unexpected exit code; stderr:\n' + (run.stderr ?? '').slice(0, 2000));

// ---- in-process breakdown
const { podRenderer, prepareSide, readSide } = await import(join(dist, 'src/diff/sides.js'));
const { readDeploymentsDir, runDiff } = await import(join(dist, 'src/diff/deployments.js'));
const { formatReport } = await import(join(dist, 'src/diff/format.js'));
const t1 = performance.now();
const renderer = podRenderer();
const sides = [readSide(current, 'auto', undefined), readSide(proposed, 'auto', undefined)].map((s, i) =>
  prepareSide(s, i ? 'proposed' : 'current', renderer),
);
const deps = readDeploymentsDir(depDir).map((f) => ({ name: f.name, releaseName: f.name, namespace: 'default', valuesFiles: [{ name: f.path, text: f.text }] }));
const t2 = performance.now();
let renderMs = 0;
const timed = (side) => ({
  ...side,
  render: (d) => {
    const s = performance.now();
    try {
      return side.render(d);
    } finally {
      renderMs += performance.now() - s;
    }
  },
});
const report = runDiff({ current: timed(sides[0]), proposed: timed(sides[1]), deployments: deps });
const t3 = performance.now();
const text = formatReport(report, output, {});
const t4 = performance.now();
console.log(
  `in-process: setup ${(t2 - t1).toFixed(0)} ms, render ${renderMs.toFixed(0)} ms (${(renderMs / (2 * count)).toFixed(2)} ms per side), ` +
    `compare ${(t3 - t2 - renderMs).toFixed(0)} ms, format ${(t4 - t3).toFixed(0)} ms (${text.length} bytes); ` +
    `summary ${JSON.stringify(report.summary)}`,
);
if (process.env.KEEP) console.log(work); else rmSync(work, { recursive: true, force: true });
