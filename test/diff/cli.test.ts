// `podtpl diff` end to end, in-process: a table of {name, args, exit} whose stdout is compared with
// test/fixtures/diff/golden/<name>.txt.
//
// How the golden files were made: they are NOT produced by the oracle (the oracle renders templates,
// it does not diff). They were written by running this test with UPDATE_GOLDEN=1, then each file was
// read and checked by hand against the documented rules (issue 7 and docs/diff.md): change paths by
// identity (containers/env/volumes/mounts/ports by name, tolerations by key+effect, maps by key),
// secrets masked, ignored paths absent from the output and from the exit code, unified hunks with
// the requested context, the plan line's counts. Rewrite with `UPDATE_GOLDEN=1 npx vitest run test/diff`
// and review the diff of the golden files before committing.
//
// The rendered-pod cases need nothing else. The chart cases render with the corpus charts
// (../shared/corpus) and are skipped when it is absent.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerDiff } from '../../src/cli/diff.js';
import { CliError, type IO } from '../../src/cli/io.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = resolve(here, '../fixtures/diff');
const goldenDir = join(fixtures, 'golden');
const corpus = resolve(here, '../../../shared/corpus');
const chart117 = join(corpus, 'charts/astronomer-airflow-1.17.20');
const chart100 = join(corpus, 'charts/astronomer-airflow-1.0.0-rc1');
const update = process.env.UPDATE_GOLDEN === '1';

/** runDiffCli runs `podtpl diff ARGS` in-process with cwd-relative paths resolved against fixtures. */
async function runDiffCli(args: string[], io: Partial<IO> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  let code = 0;
  const program = new Command().exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerDiff(program, { stdin: new PassThrough(), stdout, stderr, isTTY: false, env: {}, ...io }, (c) => (code = c));
  const cwd = process.cwd();
  process.chdir(fixtures);
  try {
    await program.parseAsync(['diff', ...args], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) code = 2;
    else if (e instanceof CliError) {
      err += `Error: ${e.message}\n`;
      code = e.exitCode;
    } else throw e;
  } finally {
    process.chdir(cwd);
  }
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out, stderr: err };
}

function golden(name: string, got: string): void {
  const file = join(goldenDir, name + '.txt');
  if (update || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, got);
    if (!update) throw new Error(`golden ${name}.txt was missing: written, review it and rerun`);
    return;
  }
  expect(got).toBe(readFileSync(file, 'utf8'));
}

const pods = (a: string, b: string): string[] => ['--current', `pods/${a}.yaml`, '--proposed', `pods/${b}.yaml`];

interface Case {
  name: string;
  args: string[];
  exit: number;
  stderr?: string;
}

const podCases: Case[] = [
  { name: 'podtemplate-edit.diff', args: [...pods('current', 'podtemplate-edit'), '--detailed-exitcode'], exit: 2 },
  { name: 'podtemplate-edit.simple', args: [...pods('current', 'podtemplate-edit'), '-o', 'simple', '--detailed-exitcode'], exit: 2 },
  { name: 'podtemplate-edit.json', args: [...pods('current', 'podtemplate-edit'), '-o', 'json'], exit: 0 },
  { name: 'podtemplate-edit.markdown', args: [...pods('current', 'podtemplate-edit'), '-o', 'markdown'], exit: 0 },
  { name: 'podtemplate-edit.context0', args: [...pods('current', 'podtemplate-edit'), '--context', '0'], exit: 0 },
  { name: 'podtemplate-edit.show-secrets', args: [...pods('current', 'podtemplate-edit'), '--show-secrets', '-o', 'json'], exit: 0 },
  { name: 'labels-only.diff', args: [...pods('current', 'labels-only'), '--detailed-exitcode'], exit: 2 },
  {
    name: 'labels-only.ignored.simple',
    args: [...pods('current', 'labels-only'), '--ignore', 'metadata.labels', '--ignore', 'metadata.annotations', '-o', 'simple', '--detailed-exitcode'],
    exit: 0,
  },
  {
    name: 'podtemplate-edit.ignored.diff',
    args: [...pods('current', 'podtemplate-edit'), '--ignore', 'spec.tolerations', '--ignore', 'spec.containers[*].env[AIRFLOW_*]', '--detailed-exitcode'],
    exit: 2,
  },
  { name: 'breaks-validation.simple', args: [...pods('current', 'breaks-validation'), '--validate', '-o', 'simple', '--detailed-exitcode'], exit: 1 },
  { name: 'breaks-validation.json', args: [...pods('current', 'breaks-validation'), '--validate', '-o', 'json'], exit: 1 },
  { name: 'breaks-validation.diff', args: [...pods('current', 'breaks-validation'), '--validate'], exit: 1 },
  { name: 'fixes-validation.simple', args: [...pods('breaks-validation', 'current'), '--validate', '-o', 'simple', '--detailed-exitcode'], exit: 2 },
  { name: 'env-reordered.json', args: [...pods('current', 'env-reordered'), '-o', 'json', '--detailed-exitcode'], exit: 2 },
  { name: 'identical.simple', args: [...pods('current', 'current'), '-o', 'simple', '--detailed-exitcode'], exit: 0 },
  { name: 'identical.markdown', args: [...pods('current', 'current'), '-o', 'markdown', '--detailed-exitcode'], exit: 0 },
  { name: 'missing-file', args: [...pods('current', 'nope')], exit: 1, stderr: 'Error: cannot read pods/nope.yaml: no such file' },
  { name: 'bad-context', args: [...pods('current', 'current'), '--context', 'x'], exit: 2, stderr: '--context: not a line count' },
];

describe('podtpl diff: rendered pods', () => {
  for (const c of podCases) {
    it(c.name, async () => {
      const r = await runDiffCli(c.args);
      expect(r.code, r.stderr).toBe(c.exit);
      if (c.stderr !== undefined) expect(r.stderr).toContain(c.stderr);
      else golden(c.name, r.stdout);
    });
  }
  it('colour on a TTY, none with NO_COLOR', async () => {
    const tty = await runDiffCli(pods('current', 'podtemplate-edit'), { isTTY: true });
    expect(tty.stdout).toContain('\x1b[31m-');
    const plain = await runDiffCli(pods('current', 'podtemplate-edit'), { isTTY: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\x1b[');
  });
  it('secrets never appear unless --show-secrets', async () => {
    for (const o of ['diff', 'json', 'markdown', 'simple']) {
      const r = await runDiffCli([...pods('current', 'podtemplate-edit'), '-o', o]);
      expect(r.stdout).not.toContain('s3cret');
      expect(r.stdout).not.toContain('n3wpass');
    }
    const shown = await runDiffCli([...pods('current', 'podtemplate-edit'), '--show-secrets']);
    expect(shown.stdout).toContain('n3wpass');
  });
});

// ---------------------------------------------------------------- through the corpus charts

/** platformWith writes a platform config whose podTemplate is a corpus revision, optionally edited. */
function platformWith(revision: string, edit: (t: string) => string = (t) => t): string {
  const src = readFileSync(join(corpus, 'podTemplate-history', `values-podTemplate-${revision}.yaml`), 'utf8');
  const body = edit(src)
    .split('\n')
    .map((l) => (l.trim() ? '          ' + l : l))
    .join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'podtpl-diff-'));
  const file = join(dir, `platform-${revision}.yaml`);
  // The same settings as platform-default.yaml, plus the podTemplate.
  const workers = '            workers:\n              resources:\n                limits:\n                  cpu: "1"\n                  memory: 2Gi\n';
  writeFileSync(file, 'astronomer:\n  houston:\n    config:\n      deployments:\n        helm:\n          airflow:\n' + workers + body + '\n');
  return file;
}

describe.skipIf(!existsSync(chart117))('podtpl diff: platform configs and charts (corpus)', () => {
  it('a config without podTemplate vs one that sets it, over a deployments folder: every deployment reported', async () => {
    const proposed = platformWith('2024-09-20-09e0120d');
    for (const o of ['simple', 'json', 'diff', 'markdown']) {
      const r = await runDiffCli(['--chart', chart117, '--current', 'platform-default.yaml', '--proposed', proposed, '--deployments', 'deployments', '-o', o, '--detailed-exitcode']);
      expect(r.code, r.stderr).toBe(2);
      golden(`platform-podtemplate.${o}`, r.stdout);
    }
  });
  it('a podTemplate edit (one label) shows only that label', async () => {
    const current = platformWith('2026-02-02-41efdde3');
    const proposed = platformWith('2026-02-02-41efdde3', (t) =>
      t.replace('        component: worker\n', '        component: worker\n        cost-center: platform\n'),
    );
    const r = await runDiffCli(['--chart', chart117, '--current', current, '--proposed', proposed, '--deployments', 'deployments', '-o', 'simple', '--detailed-exitcode']);
    expect(r.code, r.stderr).toBe(2);
    golden('podtemplate-label.simple', r.stdout);
    const ign = await runDiffCli(['--chart', chart117, '--current', current, '--proposed', proposed, '--deployments', 'deployments', '-o', 'simple', '--detailed-exitcode', '--ignore', 'metadata.labels[cost-center]']);
    expect(ign.code, ign.stderr).toBe(0);
    golden('podtemplate-label.ignored.simple', ign.stdout);
  });
  it('the default platform config is the chart default: no change', async () => {
    const r = await runDiffCli(['--chart', chart117, '--current', 'platform-default.yaml', '--proposed', platformWith('2026-02-02-41efdde3'), '--deployments', 'deployments', '-o', 'simple', '--detailed-exitcode']);
    expect(r.code, r.stderr).toBe(0);
    golden('platform-same.simple', r.stdout);
  });
  it('values edits (airflow-chart values files)', async () => {
    for (const o of ['simple', 'json']) {
      const r = await runDiffCli(['--chart', chart117, '--current', 'chart-values-current.yaml', '--proposed', 'chart-values-proposed.yaml', '--deployments', 'deployments', '-o', o, '--detailed-exitcode']);
      expect(r.code, r.stderr).toBe(2);
      golden(`values-edit.${o}`, r.stdout);
    }
  });
  it.skipIf(!existsSync(chart100))('chart upgrade 1.0.0-rc1 → 1.17.20', async () => {
    for (const o of ['simple', 'diff']) {
      const r = await runDiffCli(['--current-chart', chart100, '--proposed-chart', chart117, '-f', 'deployments/pinned.yaml', '--release-name', 'pinned', '-o', o, '--detailed-exitcode']);
      expect(r.code, r.stderr).toBe(2);
      golden(`chart-upgrade.${o}`, r.stdout);
    }
  });
  it('a render error fails that deployment only, exit 1', async () => {
    const broken = platformWith('2026-02-02-41efdde3', (t) => t.replace('component: worker', 'component: {{ .Values.nope.deeper }}'));
    const r = await runDiffCli(['--chart', chart117, '--current', 'platform-default.yaml', '--proposed', broken, '--deployments', 'deployments', '-o', 'simple', '--detailed-exitcode']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^! default: failed: proposed: .*nil pointer evaluating interface \{\}\.deeper/m);
    expect(r.stdout).toContain('Plan: 0 deployments change, 0 unchanged, 4 fail');
  });
});
