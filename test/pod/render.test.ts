// podtpl render: sources, values layouts, errors (file and line), and the CLI in-process.
// Expected pods come from the oracle-checked matrix (test/pod/matrix.test.ts): here the
// built-in default render is the reference, and the other inputs must agree with it.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { builtinPodTemplate } from '../../src/pod/builtin.js';
import { PodError, buildPodValues, renderWorkerPod, tplFailure, type InputFile } from '../../src/pod/render.js';

const platform = (helm: string): InputFile => ({
  name: 'config.yaml',
  text: `astronomer:\n  houston:\n    config:\n      deployments:\n        helm:\n${helm.replace(/^(?=.)/gm, '          ')}`,
});
const indentBlock = (s: string, n: number): string => s.replace(/^(?=.)/gm, ' '.repeat(n));

const defaultPod = renderWorkerPod().podYaml;

describe('sources', () => {
  const tests: { name: string; opts: Parameters<typeof renderWorkerPod>[0]; kind: string; file?: string }[] = [
    { name: 'nothing: built-in default', opts: {}, kind: 'chart-default', file: 'chart-templates/pod-template.yaml' },
    {
      name: 'platform config with a podTemplate',
      opts: { platformConfig: platform(`airflow:\n  podTemplate: |\n${indentBlock(builtinPodTemplate(), 4)}`) },
      kind: 'platform-config',
      file: 'config.yaml',
    },
    { name: 'platform config without one falls back', opts: { platformConfig: platform('airflow:\n  workers: {}\n') }, kind: 'chart-default' },
    { name: 'chart values file', opts: { chartValues: { name: 'v.yaml', text: `airflow:\n  podTemplate: |\n${indentBlock(builtinPodTemplate(), 4)}` } }, kind: 'chart-values', file: 'v.yaml' },
    { name: 'template file', opts: { template: { name: 'pod.yaml', text: builtinPodTemplate() } }, kind: 'template-file', file: 'pod.yaml' },
    {
      name: 'deployment values beat the platform',
      opts: {
        platformConfig: platform('airflow:\n  podTemplate: "kind: Pod"\n'),
        valuesFiles: [{ name: 'd.yaml', text: `airflow:\n  podTemplate: |\n${indentBlock(builtinPodTemplate(), 4)}` }],
      },
      kind: 'values',
      file: 'd.yaml',
    },
    { name: '--set-file', opts: { sets: { setFile: ['airflow.podTemplate=x'], readFile: () => builtinPodTemplate() } }, kind: 'set' },
  ];
  for (const t of tests) {
    it(t.name, () => {
      const r = renderWorkerPod(t.opts);
      expect(r.source.kind).toBe(t.kind);
      if (t.file) expect(r.source.file).toBe(t.file);
      expect(r.podYaml).toBe(defaultPod);
    });
  }

  it('warns when the platform config has no podTemplate', () => {
    const r = renderWorkerPod({ platformConfig: platform('airflow:\n  workers: {}\n') });
    expect(r.warnings.join('\n')).toMatch(/sets no astronomer\.houston\.config\.deployments\.helm\.airflow\.podTemplate/);
  });

  it("merges the platform's deployments.helm under the deployment values", () => {
    const r = renderWorkerPod({
      platformConfig: platform('airflow:\n  workers:\n    nodeSelector:\n      pool: platform\n  registry:\n    secretName: from-platform\n'),
      valuesFiles: [{ name: 'd.yaml', text: 'airflow:\n  workers:\n    nodeSelector:\n      pool: deployment\n' }],
    });
    expect(r.podYaml).toContain('nodeSelector: \n    pool: deployment');
    expect(r.podYaml).toContain('- name: from-platform');
  });
});

describe('values', () => {
  it('subchart layout equals the airflow-chart layout', () => {
    const a = renderWorkerPod({ valuesFiles: [{ name: 'a', text: 'airflow:\n  labels:\n    team: x\n' }], sets: { set: ['airflow.workers.priorityClassName=high'] } });
    const b = renderWorkerPod({ valuesLayout: 'subchart', valuesFiles: [{ name: 'b', text: 'labels:\n  team: x\n' }], sets: { set: ['workers.priorityClassName=high'] } });
    expect(b.podYaml).toBe(a.podYaml);
    expect(a.podYaml).toContain('priorityClassName: high');
  });

  it('follows Helm precedence: -f in order, then --set', () => {
    const r = renderWorkerPod({
      valuesFiles: [
        { name: '1', text: 'airflow:\n  workers:\n    priorityClassName: one\n' },
        { name: '2', text: 'airflow:\n  workers:\n    priorityClassName: two\n' },
      ],
      sets: { set: ['airflow.workers.runtimeClassName=three'] },
    });
    expect(r.podYaml).toContain('priorityClassName: two');
    expect(r.podYaml).toContain('runtimeClassName: three');
  });

  it('uses --release-name and --namespace', () => {
    const r = renderWorkerPod({ releaseName: 'sidereal-star-1234', namespace: 'astronomer-sidereal' });
    expect(r.podYaml).toContain('release: sidereal-star-1234');
    expect(r.podYaml).toContain('name: logs-sidereal-star-1234');
  });
});

describe('errors', () => {
  const cases: { name: string; opts: Parameters<typeof renderWorkerPod>[0]; want: RegExp }[] = [
    { name: 'values file not YAML', opts: { valuesFiles: [{ name: 'd.yaml', text: 'a: [\nb: : c\n' }] }, want: /^d\.yaml:\d+(:\d+)?: the values file is not valid YAML: / },
    { name: 'platform config not YAML', opts: { platformConfig: { name: 'config.yaml', text: 'x: "\n' } }, want: /^config\.yaml:\d+(:\d+)?: the platform config is not valid YAML/ },
    {
      name: 'podTemplate is a map',
      opts: { platformConfig: platform('airflow:\n  podTemplate:\n    a: 1\n') },
      want: /^config\.yaml:8:15: astronomer\.houston\.config\.deployments\.helm\.airflow\.podTemplate must be a string \(a template\), got a map$/,
    },
    { name: 'podTemplate is a list in values', opts: { valuesFiles: [{ name: 'd.yaml', text: 'airflow:\n  podTemplate: [1]\n' }] }, want: /^d\.yaml:2:16: airflow\.podTemplate must be a string \(a template\), got a list$/ },
    { name: 'podTemplate via --set-json', opts: { sets: { setJson: ['airflow.podTemplate={"a":1}'] } }, want: /^--set: airflow\.podTemplate must be a string/ },
    {
      name: 'template error in a config file points at the config line',
      opts: { platformConfig: platform('airflow:\n  podTemplate: |\n    kind: Pod\n    metadata:\n      name: {{ .Values.nope.x }}\n') },
      want: /^config\.yaml:10:33: executing "gotpl" at <\.Values\.nope\.x>: nil pointer evaluating interface \{\}\.x$/,
    },
    { name: 'template parse error in a template file', opts: { template: { name: 'pod.yaml', text: 'kind: Pod\n{{ if }}\n' } }, want: /^pod\.yaml:2: missing value for if$/ },
    { name: 'missing named template', opts: { template: { name: 'pod.yaml', text: 'a: 1\nb: {{ include "airflow_logs_dir" . }}\n' } }, want: /^pod\.yaml:2:7: executing "gotpl" at <include "airflow_logs_dir" \.>: error calling include: template: no template "airflow_logs_dir" associated with template "gotpl"$/ },
    { name: 'executor without pod template', opts: { sets: { set: ['airflow.executor=CeleryExecutor'] } }, want: /^no worker pod template: .*executor "CeleryExecutor"/ },
    { name: 'empty podTemplate in the built-in chart', opts: { sets: { set: ['airflow.podTemplate='] } }, want: /airflow\.podTemplate is empty/ },
    { name: 'bad --set', opts: { sets: { set: ['a[x]=1'] } }, want: /failed parsing --set data/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      let err: unknown;
      try {
        renderWorkerPod(c.opts);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PodError);
      expect((err as Error).message).toMatch(c.want);
    });
  }

  it('tplFailure finds the podTemplate failure inside Helm\'s message', () => {
    const msg = 'template: a/configmap.yaml:71:10: executing "a/configmap.yaml" at <tpl .Values.podTemplate .>: error calling tpl: error during tpl function execution for "x: {{ \\"q\\" }}\\n": template: gotpl:75:28: executing "gotpl" at <x>: boom';
    expect(tplFailure(msg)).toEqual({ line: 75, column: 28, message: 'executing "gotpl" at <x>: boom' });
    expect(tplFailure('error calling tpl: cannot parse template "{{ if }}": template: gotpl:1: missing value for if')).toEqual({ line: 1, column: 0, message: 'missing value for if' });
    expect(tplFailure('something else')).toBeUndefined();
  });

  it('keeps __proto__ as an ordinary key', () => {
    const v = buildPodValues({ valuesFiles: [{ name: 'd', text: 'airflow:\n  __proto__:\n    polluted: true\n  labels:\n    __proto__: x\n' }] });
    expect((v.user.get('airflow') as Map<string, unknown>).has('__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(renderWorkerPod({ valuesFiles: [{ name: 'd', text: 'airflow:\n  labels:\n    __proto__: x\n' }] }).podYaml).toContain('__proto__: x');
  });
});

// ---------------------------------------------------------------------------- CLI

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(args, { stdin: new PassThrough(), stdout, stderr });
  return { code, out, err };
}

describe('podtpl render (CLI)', () => {
  it('prints the built-in default pod and names the source on stderr', async () => {
    const r = await cli(['render']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(defaultPod + '\n');
    expect(r.err).toMatch(/^podtpl: pod template from built-in default/);
  });

  it('-o json gives {source, pod, warnings}', async () => {
    const r = await cli(['render', '-o', 'json']);
    const j = JSON.parse(r.out) as { source: { kind: string }; pod: string; warnings: string[] };
    expect(Object.keys(j)).toEqual(['source', 'pod', 'warnings']);
    expect(j.source.kind).toBe('chart-default');
    expect(j.pod).toBe(defaultPod);
    expect(r.err).toBe('');
  });

  it('fails with exit 1, one message and nothing on stdout', async () => {
    const r = await cli(['render', '--set-literal', 'airflow.podTemplate={{ .Values.x.y }}']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Error: --set airflow\.podTemplate, line 1, column \d+: executing "gotpl" at <\.Values\.x\.y>: nil pointer evaluating interface \{\}\.y\n$/);
  });

  it('reports an unreadable file', async () => {
    const r = await cli(['render', '-f', '/nonexistent/values.yaml']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('Error: cannot read values file /nonexistent/values.yaml: ENOENT\n');
  });

  it('rejects two template sources (usage error)', async () => {
    const r = await cli(['render', '--template', 'a', '--chart-values', 'b']);
    expect(r.code).toBe(2);
  });

  it('--validate adds the schema findings', async () => {
    const r = await cli(['render', '--validate', '-o', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { findings: { severity: string }[] };
    expect(Array.isArray(j.findings)).toBe(true);
    expect(j.findings.some((f) => f.severity === 'error')).toBe(false);
  });

  it('renders the fixture deployments from files', async () => {
    const r = await cli(['render', '-f', 'test/fixtures/deployments/02-gitsync-ssh-knownhosts.yaml', '--release-name', 'quasar-1234']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('- name: git-sync-init');
    expect(r.out).toContain('secretName: acme-git-ssh');
  });
});

describe('extract', () => {
  it('the fast block decoder agrees with the YAML decoder', async () => {
    const { decodeSimpleBlock, extractPodTemplate } = await import('../../src/pod/extract.js');
    const wrap = (pod: string): string => 'data:\n  pod_template_file.yaml: |-' + ('\n' + pod).replaceAll('\n', '\n    ');
    const pods = [
      defaultPod,
      'a: 1',
      '\n\na: 1\n\n',
      'a: 1\n  \n      \nb: |\n  x\n\n',
      'a:\n      \n  b: 2      ',
      '   leading: spaces',
      'tab:\there',
      'crlf: x\r\ny: 1',
      '',
    ];
    for (const p of pods) {
      const cm = wrap(p);
      const fast = decodeSimpleBlock(cm);
      const slow = extractPodTemplate('# x\n' + cm, 't');
      if (fast !== undefined) expect(fast, JSON.stringify(p)).toBe(slow);
    }
    expect(decodeSimpleBlock(wrap(defaultPod))).toBe(defaultPod);
    expect(decodeSimpleBlock(wrap('   leading: spaces'))).toBeUndefined();
  });
});
