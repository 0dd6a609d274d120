#!/usr/bin/env node
// Writes test/cases/pod-matrix.jsonl: every podTemplate revision of
// ../shared/corpus/podTemplate-history (plus "default": no podTemplate, the chart's own)
// crossed with every deployment values file of test/fixtures/deployments, rendered by the
// corpus charts in chart mode (the Airflow subchart's ConfigMap only). The older chart
// (astronomer-airflow 1.0.0-rc1 with Airflow chart 1.2.0) gets every revision with a subset
// of the deployments. Then run `node scripts/update-golden.mjs pod-matrix` for the oracle's
// answers. The revision is given as the first values document, as Houston's platform
// defaults are merged under the deployment's values.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = '../shared/corpus';
const histDir = join(root, corpus, 'podTemplate-history');
const depDir = join(root, 'test/fixtures/deployments');
const revs = readdirSync(histDir).filter((f) => f.endsWith('.yaml')).sort();
const deps = readdirSync(depDir).filter((f) => f.endsWith('.yaml')).sort();
const charts = [
  { short: '1.17.20', dir: `${corpus}/charts/astronomer-airflow-1.17.20`, deps },
  { short: '1.0.0-rc1', dir: `${corpus}/charts/astronomer-airflow-1.0.0-rc1`, deps: deps.filter((_, i) => i % 4 === 0) },
];
const cm = 'airflow/charts/airflow/templates/configmaps/configmap.yaml';
const lines = [];
for (const c of charts) {
  for (const rev of ['default', ...revs]) {
    const revName = rev === 'default' ? 'default' : rev.replace(/^values-podTemplate-/, '').replace(/\.yaml$/, '');
    for (const d of c.deps) {
      const valuesYaml = [];
      if (rev !== 'default') valuesYaml.push('airflow:\n' + readFileSync(join(histDir, rev), 'utf8'));
      valuesYaml.push(readFileSync(join(depDir, d), 'utf8'));
      lines.push(JSON.stringify({ id: `pod:${c.short}:${revName}:${d.replace(/\.yaml$/, '')}`, chartDir: c.dir, valuesYaml, render: [cm] }));
    }
  }
}
// Release names: the default revision with a few deployments under other release names (the
// naming helpers: airflow.fullname, useStandardNaming, 63-character truncation).
const releases = [
  { name: 'sidereal-star-1234', namespace: 'astronomer-sidereal-star-1234' },
  { name: 'airflow-prod', namespace: 'data' },
  { name: 'a-very-long-release-name-that-goes-past-the-dns-label-limit-of-63-chars', namespace: 'x' },
];
for (const [i, rel] of releases.entries()) {
  for (const d of ['02-gitsync-ssh-knownhosts.yaml', '09-logs-persistence.yaml', '32-standard-naming.yaml', '37-kitchen-sink.yaml']) {
    let dep = readFileSync(join(depDir, d), 'utf8');
    if (d.startsWith('32-') && i > 0) dep = 'airflow:\n  useStandardNaming: true\n';
    lines.push(JSON.stringify({ id: `pod:1.17.20:release-${i + 1}:${d.replace(/\.yaml$/, '')}`, chartDir: charts[0].dir, valuesYaml: [dep], render: [cm], release: rel }));
  }
}
writeFileSync(join(root, 'test/cases/pod-matrix.jsonl'), lines.join('\n') + '\n');
console.log(`test/cases/pod-matrix.jsonl: ${lines.length} cases`);
