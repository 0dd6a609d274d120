// provenance: validation findings on a rendered pod point at the template line (and the user's
// file line) that produced the value. Renders through renderWorkerPodTraced + validatePod.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { traceTpl } from '../../src/functions/helm.js';
import { annotateFindings, outputLine, removeNoValue, renderWorkerPodTraced } from '../../src/pod/provenance.js';
import { PodError, type InputFile, type PodRenderOptions } from '../../src/pod/render.js';
import { formatFindings, validatePod, type Finding } from '../../src/validate/index.js';

const indent = (s: string, n: number): string => s.replace(/^(?=.)/gm, ' '.repeat(n));

/** A small valid pod template; `extra` lines are spliced into the container. */
const pod = (containerExtra = '', specExtra = ''): string =>
  `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
    - name: base
      image: {{ .Values.images.airflow.repository | default "apache/airflow" }}:2.9.0
${containerExtra}${specExtra}`;

const helpers = `{{- define "sidecars" -}}
- name: base
  image: busybox
{{- end }}`;

interface Case {
  name: string;
  /** The template text (given as a --template file, then embedded in a platform config). */
  tpl: string;
  values?: string;
  rule: string;
  path: string;
  want: { kind: 'action' | 'text'; templateLine: number; templateColumn: number; action?: string };
}

const cases: Case[] = [
  {
    name: 'runAsUser from a value: 1000000 prints as 1e+06',
    tpl: pod('      securityContext:\n        runAsUser: {{ .Values.uid }}\n'),
    values: 'uid: 1000000\n',
    rule: 'pyyaml-type',
    path: 'spec.containers[0].securityContext.runAsUser',
    want: { kind: 'action', templateLine: 10, templateColumn: 20, action: '{{ .Values.uid }}' },
  },
  {
    name: 'env name from a value',
    tpl: pod('      env:\n        - name: {{ .Values.envName | quote }}\n          value: "1"\n'),
    values: 'envName: "A=B"\n',
    rule: 'env-name',
    path: 'spec.containers[0].env[0].name',
    want: { kind: 'action', templateLine: 10, templateColumn: 17, action: '{{ .Values.envName | quote }}' },
  },
  {
    name: 'duplicate container from an include (trimmed, nindent)',
    tpl: `${helpers}\n${pod('', '    {{- include "sidecars" . | nindent 4 }}\n')}`,
    rule: 'container-name-unique',
    path: 'spec.containers[1].name',
    want: { kind: 'action', templateLine: 13, templateColumn: 5, action: '{{- include "sidecars" . | nindent 4 }}' },
  },
  {
    name: 'bad value in literal text',
    tpl: pod('      imagePullPolicy: Sometimes\n'),
    rule: 'enum',
    path: 'spec.containers[0].imagePullPolicy',
    want: { kind: 'text', templateLine: 9, templateColumn: 24 },
  },
  {
    name: 'literal text after a multi-line toYaml and a <no value>',
    tpl: pod('      resources:\n        {{- toYaml .Values.res | nindent 8 }}\n      x: {{ .Values.missing }}\n      workingDir: {{ .Values.wd }}\n      imagePullPolicy: Sometimes\n'),
    values: 'res:\n  limits:\n    cpu: 1\n    memory: 1Gi\nwd: /tmp\n',
    rule: 'enum',
    path: 'spec.containers[0].imagePullPolicy',
    want: { kind: 'text', templateLine: 13, templateColumn: 24 },
  },
  {
    name: 'inside a multi-line toYaml: the action',
    tpl: pod('      resources:\n        {{- toYaml .Values.res | nindent 8 }}\n'),
    values: 'res:\n  limits:\n    cpu: 1\n  requests:\n    cpu: 2\n',
    rule: 'requests-limits',
    path: 'spec.containers[0].resources.requests',
    want: { kind: 'action', templateLine: 10, templateColumn: 9, action: '{{- toYaml .Values.res | nindent 8 }}' },
  },
  {
    name: 'literal text inside an if',
    tpl: pod('{{- if true }}\n      imagePullPolicy: Sometimes\n{{- end }}\n'),
    rule: 'enum',
    path: 'spec.containers[0].imagePullPolicy',
    want: { kind: 'text', templateLine: 10, templateColumn: 24 },
  },
];

/** findingOf validates a traced render and returns the one finding at path (annotated). */
function findingOf(opts: PodRenderOptions, rule: string, path: string): { f: Finding; all: Finding[] } {
  const r = renderWorkerPodTraced(opts);
  expect(r.provenance, 'provenance').toBeDefined();
  const all = annotateFindings(validatePod(r.result.podYaml, { file: 'pod_template_file.yaml' }), r);
  const f = all.find((x) => x.path === path && (x.rule === rule || rule === 'any'));
  if (!f) throw new Error(`no ${rule} finding at ${path}: ${formatFindings(all)}\n${r.result.podYaml}`);
  return { f, all };
}

const valuesFile = (v: string | undefined): InputFile[] => (v ? [{ name: 'values.yaml', text: `airflow:\n${indent(v, 2)}` }] : []);

describe('findings point at the template', () => {
  for (const c of cases) {
    it(`${c.name}: template file`, () => {
      const { f } = findingOf({ template: { name: 'pod.yaml', text: c.tpl }, valuesFiles: valuesFile(c.values) }, 'any', c.path);
      expect(f.rule).toBe(c.rule);
      expect(f.template).toEqual({
        file: 'pod.yaml',
        line: c.want.templateLine,
        column: c.want.templateColumn,
        templateLine: c.want.templateLine,
        templateColumn: c.want.templateColumn,
        kind: c.want.kind,
        ...(c.want.action ? { action: c.want.action } : {}),
      });
    });
    it(`${c.name}: platform config block scalar`, () => {
      // The podTemplate block's content starts on line 8, indented by 12.
      const text = `# platform config\nastronomer:\n  houston:\n    config:\n      deployments:\n        helm:\n          airflow:\n            podTemplate: |\n${indent(c.tpl, 14)}`;
      const { f } = findingOf({ platformConfig: { name: 'config.yaml', text }, valuesFiles: valuesFile(c.values) }, 'any', c.path);
      expect(f.template?.file).toBe('config.yaml');
      expect(f.template?.line).toBe(8 + c.want.templateLine);
      expect(f.template?.column).toBe(14 + c.want.templateColumn);
      expect(f.template?.templateLine).toBe(c.want.templateLine);
      expect(f.template?.kind).toBe(c.want.kind);
    });
  }

  it('values file in the subchart layout', () => {
    const c = cases[0]!;
    const text = `uid: 1000000\npodTemplate: |\n${indent(c.tpl, 2)}`;
    const { f } = findingOf({ valuesFiles: [{ name: 'd.yaml', text }], valuesLayout: 'subchart' }, 'pyyaml-type', c.path);
    expect(f.template).toMatchObject({ file: 'd.yaml', line: 12, column: 22, templateLine: 10, kind: 'action' });
  });

  it('--set: no file, template positions and the source', () => {
    const c = cases[0]!;
    const { f } = findingOf({ sets: { setLiteral: [`airflow.podTemplate=${c.tpl}`] }, valuesFiles: valuesFile(c.values) }, 'pyyaml-type', c.path);
    expect(f.template).toMatchObject({ line: 10, column: 20, templateLine: 10, kind: 'action', where: '--set airflow.podTemplate' });
    expect(f.template?.file).toBeUndefined();
  });

  it('a one-line plain podTemplate maps onto its line', () => {
    const text = 'airflow:\n  podTemplate: "{kind: Pod, spec: {containers: [{name: a, image: b, imagePullPolicy: Sometimes}]}}"\n';
    const { f } = findingOf({ chartValues: { name: 'cv.yaml', text } }, 'enum', 'spec.containers[0].imagePullPolicy');
    expect(f.template).toMatchObject({ file: 'cv.yaml', line: 2, templateLine: 1, kind: 'text' });
    expect(f.template!.column).toBe(text.split('\n')[1]!.indexOf('Sometimes') + 1);
  });

  it('a folded podTemplate: template positions only', () => {
    const text = `airflow:\n  podTemplate: >\n${indent(pod('      imagePullPolicy: Sometimes\n'), 4)}`;
    const r = renderWorkerPodTraced({ chartValues: { name: 'cv.yaml', text } });
    // Folding joins the lines: the render is not a pod any more; whatever is found maps to no file line.
    const all = annotateFindings(validatePod(r.result.podYaml), r);
    for (const f of all) if (f.template) expect(f.template.file).toBeUndefined();
  });

  it('the built-in default template', () => {
    const r = renderWorkerPodTraced({ valuesFiles: [{ name: 'v.yaml', text: 'airflow:\n  workers:\n    safeToEvict: true\n  uid: 1000000\n' }] });
    expect(r.provenance).toBeDefined();
    // The release label comes from `{{ .Release.Name }}` in chart-templates/pod-template.yaml.
    const lines = r.result.podYaml.split('\n');
    const l = lines.findIndex((x) => x.startsWith('    release: '));
    const t = r.provenance!.locate(l + 1, 14);
    expect(t).toMatchObject({ file: 'chart-templates/pod-template.yaml', kind: 'action', action: '{{ .Release.Name }}' });
    expect(t!.line).toBeGreaterThan(20);
  });

  it('formats text and JSON', () => {
    const c = cases[0]!;
    const { all } = findingOf({ template: { name: 'pod.yaml', text: c.tpl }, valuesFiles: valuesFile(c.values) }, 'pyyaml-type', c.path);
    const text = formatFindings(all);
    expect(text).toContain('(from pod.yaml:10:20 {{ .Values.uid }})');
    const json = JSON.parse(formatFindings(all, 'json')) as Finding[];
    expect(json.find((f) => f.path === c.path)!.template).toMatchObject({ file: 'pod.yaml', line: 10, column: 20, kind: 'action' });
  });
});

describe('pieces', () => {
  it('removeNoValue maps offsets', () => {
    const { output, map } = removeNoValue('a<no value>b<no value>c');
    expect(output).toBe('abc');
    expect([0, 1, 11, 12, 22, 23].map(map)).toEqual([0, 1, 1, 2, 2, 3]);
    expect(map(5)).toBe(1); // inside a removed <no value>
  });

  it('outputLine: identity, trailing newlines, whitespace-only lines, embedded', () => {
    expect(outputLine('a: 1\n  \nb: 2\n\n', 'a: 1\n\nb: 2')).toBe(0);
    expect(outputLine('a: 1\nb: 2', 'x: 0\na: 1\nb: 2')).toBe(1);
    expect(outputLine('a: 1\nb: 3', 'a: 1\nb: 2')).toBeUndefined();
  });

  it('tracing is off outside traceTpl', () => {
    const r = renderWorkerPodTraced({});
    expect(r.provenance).toBeDefined();
    const { traces } = traceTpl(() => 1);
    expect(traces).toEqual([]);
  });
});

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

describe('podtpl render --validate', () => {
  it('prints the template position of each finding (text and JSON)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podtpl-prov-'));
    const c = cases[0]!;
    const cfg = join(dir, 'config.yaml');
    writeFileSync(cfg, `astronomer:\n  houston:\n    config:\n      deployments:\n        helm:\n          airflow:\n            uid: 1000000\n            podTemplate: |\n${indent(c.tpl, 14)}`);
    const r = await cli(['render', '--platform-config', cfg, '--validate']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`runAsUser: Invalid value: "1e+06": must be of type integer`);
    expect(r.err).toContain(`(from ${cfg}:18:34 {{ .Values.uid }})`);
    const j = await cli(['render', '--platform-config', cfg, '--validate', '-o', 'json']);
    const findings = (JSON.parse(j.out) as { findings: Finding[] }).findings;
    expect(findings.find((f) => f.rule === 'pyyaml-type')!.template).toMatchObject({ file: cfg, line: 18, column: 34, templateLine: 10, templateColumn: 20 });
  });
});

// Every non-blank line of real renders: literal positions hold the same character as the pod, action
// positions hold `{{`, and file positions hold the same text as the template position.
describe('consistency over real templates', () => {
  const corpus = '/work/shared/corpus';
  const history = existsSync(join(corpus, 'podTemplate-history')) ? readdirSync(join(corpus, 'podTemplate-history')).filter((f) => f.endsWith('.yaml')) : [];
  const renders: { name: string; opts: () => PodRenderOptions }[] = [
    { name: 'built-in default', opts: () => ({}) },
    ...history.map((f) => ({
      name: f,
      opts: (): PodRenderOptions => {
        const text = readFileSync(join(corpus, 'podTemplate-history', f), 'utf8');
        return { chartValues: { name: f, text: text.startsWith('airflow:') ? text : `airflow:\n${text}` } };
      },
    })),
    ...(existsSync(join(corpus, 'charts/astronomer-airflow-1.17.20'))
      ? [{ name: 'corpus chart 1.17.20, its default', opts: (): PodRenderOptions => ({ chart: join(corpus, 'charts/astronomer-airflow-1.17.20') }) }]
      : []),
  ];
  for (const r of renders) {
    it(r.name, () => {
      const opts = r.opts();
      let t: ReturnType<typeof renderWorkerPodTraced>;
      try {
        t = renderWorkerPodTraced(opts);
      } catch (e) {
        // A history file written for a newer chart than the built-in one (a helper it lacks).
        if (e instanceof PodError && /not defined/.test(e.message)) return;
        throw e;
      }
      expect(t.provenance).toBeDefined();
      const p = t.provenance!;
      const tplLines = p.trace.text.split('\n');
      const fileText = opts.chartValues?.text;
      const lines = t.result.podYaml.split('\n');
      let checked = 0;
      lines.forEach((l, i) => {
        const col = l.length - l.trimStart().length + 1;
        if (l.trim() === '') return;
        const at = p.locate(i + 1, col);
        expect(at, `line ${i + 1}: ${l}`).toBeDefined();
        const tl = tplLines[at!.templateLine - 1]!;
        if (at!.kind === 'text') expect(tl[at!.templateColumn - 1], `line ${i + 1}: ${l}`).toBe(l[col - 1]);
        else expect(tl.slice(at!.templateColumn - 1, at!.templateColumn + 1)).toBe('{{');
        if (fileText && at!.file === opts.chartValues!.name) {
          const fl = fileText.split('\n')[at!.line - 1]!;
          expect(fl.slice(at!.column - 1)).toBe(tl.slice(at!.templateColumn - 1));
        }
        checked++;
      });
      expect(checked).toBeGreaterThan(10);
    });
  }
});
