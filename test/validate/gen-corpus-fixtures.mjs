#!/usr/bin/env node
// gen-corpus-fixtures.mjs: renders the worker pod template of the corpus charts (../shared/corpus) with the
// oracle (Helm 3.14.4 behaviour) and writes each rendered pod_template_file.yaml into fixtures/corpus/.
// cases.test.ts then requires every one of them to validate without error. Run from the repository root:
//   node test/validate/gen-corpus-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const corpus = '../shared/corpus';
const oracle = '../shared/oracle/bin/gotpl-oracle';
const out = 'test/validate/fixtures/corpus';
const tmp = mkdtempSync(join(tmpdir(), 'podtpl-corpus-'));

function render(chart, name, extra = []) {
  let text;
  try {
    text = execFileSync(oracle, ['render', '--chart', join(corpus, 'charts', chart), ...extra], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // Some podTemplate revisions need named templates this chart version lacks: Helm fails too.
    console.log('skip', name + ':', String(e.stderr).split('\n')[0].replace(/.*(template "[^"]+" not defined).*/, '$1').slice(0, 120));
    return;
  }
  for (const d of parseAllDocuments(text)) {
    const o = d.toJS();
    const pod = o?.kind === 'ConfigMap' ? o.data?.['pod_template_file.yaml'] : undefined;
    if (pod) {
      writeFileSync(join(out, name + '.yaml'), pod);
      console.log('wrote', name);
      return;
    }
  }
  throw new Error('no pod_template_file.yaml in ' + name);
}

render('airflow-1.17.3-astro', 'airflow-1.17.3-astro', ['--set', 'executor=KubernetesExecutor']);
render('airflow-1.2.0-podtemplate', 'airflow-1.2.0', ['--set', 'executor=KubernetesExecutor', '--skip-dependency-check']);
render('astronomer-airflow-1.0.0-rc1', 'astronomer-airflow-1.0.0-rc1', ['--set', 'airflow.executor=KubernetesExecutor', '--skip-dependency-check']);
render('astronomer-airflow-1.17.20', 'astronomer-airflow-1.17.20', ['--set', 'airflow.executor=KubernetesExecutor']);
for (const f of readdirSync(join(corpus, 'podTemplate-history')).sort()) {
  const values = join(tmp, f);
  writeFileSync(values, 'airflow:\n' + readFileSync(join(corpus, 'podTemplate-history', f), 'utf8'));
  render('astronomer-airflow-1.17.20', f.replace(/^values-podTemplate-/, 'history-').replace(/\.yaml$/, ''), [
    '--set',
    'airflow.executor=KubernetesExecutor',
    '-f',
    values,
  ]);
}
