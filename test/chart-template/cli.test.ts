// `podtpl template` flags the oracle's CLI does not have (--show-only, --output-dir,
// --set-file, -f -, schema validation, --skip-dependency-check): expectations written from
// Helm 3.14's cmd/helm/template.go and pkg/action behaviour, on the fixtures next to this file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { outputFiles, writeOutputDir, helmTemplate, TemplateError } from '../../src/chart/helm-template.js';
import { main } from '../../src/cli/main.js';

const fx = join(import.meta.dirname, 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'podtpl-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(['template', ...args], { stdin: Readable.from([stdin]), stdout, stderr });
  return { code, out: stdout.text, err: stderr.text };
}

describe('podtpl template', () => {
  it('fails on values that do not meet the schemas of the chart and its subchart', async () => {
    const r = await run([join(fx, 'schema-fail'), '--set', 'replicas=0,mode=slow', '--set', 'db.user=averyverylongname', '--set-json', 'ports=[0,null,"x"]']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      "Error: values don't meet the specifications of the schema(s) in the following chart(s):\n" +
        'schema-fail:\n- replicas: Must be greater than or equal to 1\n- mode: mode must be one of the following: "fast", "safe"\n' +
        '- ports.0: Must be greater than or equal to 1\n- ports.2: Invalid type. Expected: [integer,null], given: string\n' +
        'db:\n- user: String length must be less than or equal to 8\n\n',
    );
  });
  it('--skip-schema-validation renders anyway', async () => {
    const r = await run([join(fx, 'schema-fail'), '--set', 'replicas=0', '--skip-schema-validation']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('replicas: 0\n');
  });
  it('a missing dependency fails unless --skip-dependency-check', async () => {
    const bad = await run([join(fx, 'missing-dependency')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^Error: An error occurred while checking for chart dependencies\./);
    const ok = await run(['myrel', join(fx, 'missing-dependency'), '--skip-dependency-check']);
    expect(ok).toEqual({ code: 0, out: '---\n# Source: needs-sub/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: myrel\n', err: '' });
  });
  it('reads -f - from stdin and --set-file from disk, in Helm precedence', async () => {
    const f = join(tmp, 'port.txt');
    writeFileSync(f, '6543');
    const r = await run([join(fx, 'schema-fail'), '-f', '-', '--set-file', 'db.user=' + f, '--show-only', 'charts/db/templates/cm.yaml', '--skip-schema-validation'], 'db:\n  port: 1234\n');
    expect(r).toEqual({ code: 0, out: '---\n# Source: schema-fail/charts/db/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\ndata:\n  port: "1234"\n', err: '' });
    const missing = await run([join(fx, 'schema-fail'), '--set-file', 'a=' + join(tmp, 'nope')]);
    expect(missing.err).toBe(`Error: failed parsing --set-file data: open ${join(tmp, 'nope')}: no such file or directory\n`);
    const noValues = await run([join(fx, 'schema-fail'), '-f', join(tmp, 'nope.yaml')]);
    expect(noValues.err).toBe(`Error: open ${join(tmp, 'nope.yaml')}: no such file or directory\n`);
  });
  it('--show-only takes globs; a template that renders empty is not an error; a missing one is', async () => {
    const r = await run([join(fx, 'kinds-hooks'), '-s', 'templates/sub/*', '-s', 'templates/conditional.yaml']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '---\n# Source: kinds-hooks/templates/sub/rbac.yaml\nkind: PriorityClass\napiVersion: scheduling.k8s.io/v1\nmetadata: {name: pc}\n' +
        '---\n# Source: kinds-hooks/templates/sub/rbac.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n  annotations: {}\n' +
        '---\n# Source: kinds-hooks/templates/sub/rbac.yaml\nKind: ClusterRole\nmetadata:\n  name: folded-kind\n',
    );
    const missing = await run([join(fx, 'kinds-hooks'), '--show-only', 'templates/nope.yaml']);
    expect(missing).toEqual({ code: 1, out: '', err: 'Error: could not find template templates/nope.yaml in chart\n' });
  });
  it('--output-dir writes one file per template (hooks appended) and prints Helm\'s lines', async () => {
    const dir = join(tmp, 'out');
    const r = await run([join(fx, 'kinds-hooks'), '--output-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => l.startsWith('wrote ')).length).toBe(16);
    expect(r.out.endsWith('\n\n')).toBe(true);
    expect(r.out).toContain(`wrote ${dir}/kinds-hooks/charts/child/templates/all.yaml\n`);
    const hooks = readFileSync(join(dir, 'kinds-hooks/templates/hooks.yaml'), 'utf8');
    expect(hooks.startsWith('---\n# Source: kinds-hooks/templates/hooks.yaml\napiVersion: v1\nkind: Secret\n')).toBe(true);
    expect(readdirSync(join(dir, 'kinds-hooks/templates')).sort()).toEqual(['hooks.yaml', 'multi.yaml', 'range.yaml', 'sub']);
    // No temporary files left behind.
    expect(readdirSync(join(dir, 'kinds-hooks/templates')).some((f) => f.includes('podtpl-tmp'))).toBe(false);
  });
  it('--output-dir never writes outside the directory', () => {
    const dir = join(tmp, 'confined');
    mkdirSync(join(dir), { recursive: true });
    expect(() => writeOutputDir(dir, [{ name: '../escape.yaml', content: 'x', docs: 1 }])).toThrow(TemplateError);
    expect(() => writeOutputDir(dir, [{ name: '/etc/escape.yaml', content: 'x', docs: 1 }])).not.toThrow();
    expect(existsSync(join(dir, 'etc/escape.yaml'))).toBe(true);
    const outside = join(tmp, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(dir, 'link'));
    expect(() => writeOutputDir(dir, [{ name: 'link/x.yaml', content: 'x', docs: 1 }])).toThrow(/leaves the output directory/);
    expect(existsSync(join(outside, 'x.yaml'))).toBe(false);
  });
  it('--output-dir with --show-only writes only the chosen templates', () => {
    const r = helmTemplate({ chart: join(fx, 'kinds-hooks') });
    expect(outputFiles(r, { showOnly: ['templates/range.yaml'] }).map((f) => [f.name, f.docs])).toEqual([['kinds-hooks/templates/range.yaml', 2]]);
  });
  it('release flags reach .Release and .Capabilities', async () => {
    const r = await run(['rel', join(fx, 'kube-constraint'), '--kube-version', 'v1.30.1', '-n', 'ns1', '--is-upgrade', '-s', 'templates/cm.yaml']);
    expect(r).toEqual({ code: 0, out: '---\n# Source: kube-constraint/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kv\ndata:\n  kube: "v1.30.1"\n', err: '' });
    const bad = await run([join(fx, 'kube-constraint'), '--kube-version', 'x.y']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^Error: invalid kube version 'x\.y': /);
  });
  it('needs a chart argument', async () => {
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/requires at least 1 argument/);
  });
  it.runIf(spawnSync('tar', ['--version']).status === 0)('renders a .tgz archive like its directory', async () => {
    const tgz = join(tmp, 'kinds-hooks-1.2.3.tgz');
    expect(spawnSync('tar', ['-czf', tgz, '-C', fx, 'kinds-hooks']).status).toBe(0);
    const a = await run([tgz]);
    const b = await run([join(fx, 'kinds-hooks')]);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });
});

describe('charts that are not on disk', () => {
  it('fail like Helm\'s LocateChart', async () => {
    expect((await run(['./nope'])).err).toBe('Error: path "./nope" not found\n');
    expect((await run(['nope'])).err).toBe('Error: non-absolute URLs should be in form of repo_name/path_to_chart, got: nope\n');
    expect((await run(['stable/nope'])).err).toBe('Error: repo stable not found\n');
  });
});

describe('--include-crds, --no-hooks, --skip-tests', () => {
  it('prints the CRDs of the chart and its subcharts first, raw', async () => {
    const r = await run([join(fx, 'kinds-hooks'), '--include-crds', '--no-hooks']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith(
      '---\n# Source: kinds-hooks/crds/widgets.yaml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n\n' +
        '---\n# Source: kinds-hooks/charts/child/crds/gadgets.yml\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gadgets.example.com\n\n\n' +
        '---\n# Source: kinds-hooks/templates/sub/rbac.yaml\nkind: PriorityClass\n',
    )).toBe(true);
    expect(r.out).not.toContain('helm.sh/hook');
    expect(r.out.endsWith('name: z\n')).toBe(true);
  });
  it('--skip-tests drops test hooks only', async () => {
    const r = await run([join(fx, 'kinds-hooks'), '--skip-tests']);
    expect(r.out).toContain('name: hook-secret');
    expect(r.out).toContain('name: migrate');
    expect(r.out).not.toContain('name: test\n');
  });
  it('without flags, CRDs are not printed', async () => {
    const r = await run([join(fx, 'kinds-hooks')]);
    expect(r.out).not.toContain('CustomResourceDefinition');
  });
});

describe('kubeVersion constraint', () => {
  it('is visible as .Chart.KubeVersion', async () => {
    const r = await run([join(fx, 'kube-constraint'), '--kube-version', '1.29.0', '-s', 'templates/chart.yaml']);
    expect(r.out).toBe('---\n# Source: kube-constraint/templates/chart.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chart\ndata:\n  kubeVersion: ">=1.25.0-0"\n');
  });
  it('is checked after the values schema, as in Helm', async () => {
    const r = await run([join(fx, 'kube-constraint'), '--set', 'replicas=x']);
    expect(r.err).toBe(
      "Error: values don't meet the specifications of the schema(s) in the following chart(s):\nkube-constraint:\n- replicas: Invalid type. Expected: integer, given: string\n\n",
    );
    const k = await run([join(fx, 'kube-constraint'), '--set', 'replicas=3']);
    expect(k.err).toBe('Error: chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.20.0\n\nUse --debug flag to render out invalid YAML\n');
  });
});
