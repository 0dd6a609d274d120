/**
 * render: the worker pod template exactly as the platform renders it.
 *
 *   values  = [platform config's deployments.helm | chart values file]   (Houston's defaults)
 *             < each -f deployment values file < --set-json < --set < … (Helm's precedence)
 *             < --template FILE (as if given with --set-file airflow.podTemplate=FILE)
 *   chart   = podtpl's built-in chart (chart-templates/ + values/) or --chart DIR|TGZ
 *   render  = the Airflow subchart's ConfigMap, whose pod_template_file.yaml key is
 *             `tpl .Values.podTemplate .`; podYaml is that key's value as Airflow reads it.
 *
 * Errors are PodError: a file that is not YAML, a podTemplate that is not a string, a
 * template that fails (pointing at the line of the file the template was written in).
 */
import { deepCopy, mergeUserValues, mergeValues, type ValuesTree } from '../chart/coalesce.js';
import { TemplateParseError, TemplateSet, helmExecError, helmParseError } from '../chart/engine.js';
import { loadChart } from '../chart/load.js';
import type { Chart, Dependency } from '../chart/metadata.js';
import { ChartError, prepareRender, setTemplateOf } from '../chart/render-input.js';
import { type SetOptions, StrvalsError, applySets } from '../chart/strvals.js';
import { ExecError } from '../template/errors.js';
import type { GoValue } from '../template/value.js';
import { builtinChart, builtinConfigMapTemplate, builtinTemplateFile } from './builtin.js';
import { extractPodTemplate } from './extract.js';
import {
  type InputFile,
  type PodSource,
  PodError,
  getPath,
  kindOf,
  locatePath,
  platformHelmPath,
  readYamlMap,
} from './source.js';

export { PodError, type InputFile, type PodSource } from './source.js';

/** ValuesLayout: deployment values as the airflow-chart takes them (`airflow:` key), or the Airflow subchart's own. */
export type ValuesLayout = 'chart' | 'subchart';

/** PodRenderOptions are the inputs of renderWorkerPod; files are passed as text (the CLI reads them). */
export interface PodRenderOptions {
  /** The platform's config.yaml: its astronomer.houston.config.deployments.helm section is merged under the deployment values. */
  platformConfig?: InputFile;
  /** An airflow-chart values file (airflow.podTemplate and any other defaults), merged under the deployment values. */
  chartValues?: InputFile;
  /** A pod template file: replaces airflow.podTemplate. */
  template?: InputFile;
  /** A chart directory or .tgz, or a chart opened once with openPodChart; default: the built-in chart. */
  chart?: string | PodChart;
  /** The deployment's values files (-f), in order. */
  valuesFiles?: readonly InputFile[];
  /** The --set family, applied to the deployment values in their layout. */
  sets?: SetOptions;
  /** Layout of valuesFiles and sets (default 'chart'). */
  valuesLayout?: ValuesLayout;
  releaseName?: string;
  namespace?: string;
  /** Like helm's --kube-version (default v1.20.0, the oracle's and Helm's source default). */
  kubeVersion?: string;
}

/** PodRenderResult is the rendered pod template and how it was obtained. */
export interface PodRenderResult {
  source: PodSource;
  /** The pod template exactly as the ConfigMap holds it (no trailing newline, as Airflow reads it). */
  podYaml: string;
  warnings: string[];
  /** The full name of the ConfigMap template that was rendered. */
  configMapTemplate: string;
  /** The whole rendered ConfigMap template (for tests and debugging). */
  configMap: string;
}

// ---------------------------------------------------------------------------- charts

interface DepSnapshot {
  chart: Chart;
  reqs: (Dependency | null)[] | null;
  deps: Chart[];
  children: DepSnapshot[];
}

function snapshot(c: Chart, depth = 0): DepSnapshot {
  if (depth > 100) throw new PodError('subcharts nested deeper than 100 levels');
  const deps = [...c.dependencies()];
  return {
    chart: c,
    reqs: c.metadata.dependencies?.map((r) => (r ? { ...r, tags: r.tags ? [...r.tags] : null } : null)) ?? null,
    deps,
    children: deps.map((d) => snapshot(d, depth + 1)),
  };
}

function restore(s: DepSnapshot): void {
  s.chart.metadata.dependencies = s.reqs?.map((r) => (r ? { ...r, tags: r.tags ? [...r.tags] : null } : null)) ?? null;
  s.chart.setDependencies(...s.deps);
  for (const ch of s.children) restore(ch);
}

let builtinPodChart: PodChart | undefined;

/**
 * PodChart is a chart opened once for many renders (a directory of deployments, tests): the
 * loaded files, the Airflow ConfigMap's template name and the parsed template sets.
 */
export class PodChart {
  private readonly snap: DepSnapshot;
  private readonly sets = new Map<string, TemplateSet>();
  /** Whether processing the dependencies gives the same chart for any values (see reusable). */
  private readonly reusable: boolean;
  /** Set after the first render of a reusable chart: the processed chart is kept, with the warnings its processing logs. */
  private processed: { warnings: string[] } | undefined;
  private constructor(
    private readonly chart: Chart,
    /** Where the chart came from (for messages), e.g. the path given. */
    readonly label: string,
    /** Whether this is podtpl's built-in chart. */
    readonly builtin: boolean,
  ) {
    this.snap = snapshot(chart);
    this.reusable = reusable(chart);
  }

  /** open loads a chart directory or archive. Throws PodError. */
  static open(path: string): PodChart {
    try {
      return new PodChart(loadChart(path), path, false);
    } catch (e) {
      throw new PodError(`cannot load chart ${path}: ${(e as Error).message}`, path);
    }
  }

  /** builtin is podtpl's own chart (chart-templates/ and values/), opened once per process. */
  static builtin(): PodChart {
    builtinPodChart ??= new PodChart(builtinChart(), 'built-in', true);
    return builtinPodChart;
  }

  /**
   * processedOnce tells whether later renders reuse the chart as processed by an earlier one
   * (see reusable): they then depend only on their own inputs, in any order or process.
   */
  get processedOnce(): boolean {
    return this.processed !== undefined;
  }

  /** name is the root chart's name. */
  get name(): string {
    return this.chart.name();
  }

  /**
   * configMapScope finds the Airflow chart's ConfigMap template: in the built-in chart ours;
   * otherwise `templates/configmaps/configmap.yaml` of a subchart (the airflow-chart layout,
   * 'subchart') or of the root itself (the Airflow chart given directly, 'root').
   */
  configMapTemplate(): { name: string; scope: 'subchart' | 'root'; subchart?: string } {
    if (this.builtin) return { name: builtinConfigMapTemplate, scope: 'subchart', subchart: 'airflow' };
    const file = 'templates/configmaps/configmap.yaml';
    for (const sub of this.chart.dependencies()) {
      if (sub.templates.some((t) => t.name === file)) {
        return { name: `${this.chart.name()}/charts/${sub.name()}/${file}`, scope: 'subchart', subchart: sub.name() };
      }
    }
    if (this.chart.templates.some((t) => t.name === file)) return { name: `${this.chart.name()}/${file}`, scope: 'root' };
    throw new PodError(`chart ${this.label} has no Airflow ConfigMap template (${file} in the chart or one of its subcharts)`);
  }

  /** render renders the ConfigMap template with the user's values; returns its text and the dot's executor. */
  render(user: ValuesTree, o: { releaseName?: string; namespace?: string; kubeVersion?: string; warn: (m: string) => void }, name: string): { text: string; values: GoValue } {
    const opts = {
      release: { name: o.releaseName, namespace: o.namespace },
      capabilities: o.kubeVersion ? { kubeVersion: o.kubeVersion } : undefined,
      warn: o.warn,
    };
    let input;
    if (this.processed) {
      // The chart as the first render processed it. Helm's ProcessDependencies would log the
      // warnings of coalescing these values (prepareRender logs the same ones while
      // coalescing) and those of merging the chart's own defaults (replayed here).
      input = prepareRender(this.chart, user, { ...opts, dependenciesProcessed: true });
      for (const w of this.processed.warnings) o.warn(w);
    } else {
      restore(this.snap);
      input = prepareRender(this.chart, user, opts);
      if (this.reusable) {
        const warnings: string[] = [];
        try {
          // Helm: importValues' MergeValues(chart, nil), what every later processing logs
          // (nothing when the chart lists no dependencies: it is not called).
          if (this.chart.metadata.dependencies !== null) mergeValues(this.chart, null, (m) => warnings.push(m));
          this.processed = { warnings };
        } catch {
          // Not reusable after all: every render processes the dependencies.
        }
      }
    }
    const key = input.templates.map((t) => t.name).join('\0');
    let set = this.sets.get(key);
    if (!set) {
      set = TemplateSet.parse({ mode: 'helm', funcs: 'extended' }, new Map(input.templates.map((t) => [t.name, t.text])));
      this.sets.set(key, set);
    }
    const t = input.templates.find((x) => x.name === name);
    if (!t) throw new PodError(`chart ${this.label}: template ${name} is not rendered (is the Airflow subchart disabled?)`);
    const dot = setTemplateOf(t);
    return { text: set.execute(name, dot), values: dot.get('Values') ?? null };
  }
}

/**
 * reusable tells whether Helm's ProcessDependencies gives chart the same subcharts, metadata
 * and values whatever the user's values: no dependency has a condition, tags or import-values,
 * and no subchart has dependencies of its own (the built-in chart). Such a chart is processed
 * once (its first render) and reused; the renders' warnings are those of later Helm renders,
 * whose deduplicated list is [coalescing the values] + [merging the defaults].
 */
function reusable(chart: Chart): boolean {
  for (const s of chart.dependencies()) if (s.metadata.dependencies !== null) return false;
  for (const r of chart.metadata.dependencies ?? []) {
    if (!r) continue;
    // As applyConditions splits it: pieces are not trimmed one by one.
    if (r.condition.trim().split(',').some((c) => c !== '')) return false;
    if (r.tags && r.tags.length > 0) return false;
    if (r.importValues && r.importValues.length > 0) return false;
  }
  return true;
}

/** openPodChart opens a chart for several renders (see PodChart). */
export function openPodChart(path: string): PodChart {
  return PodChart.open(path);
}

// ---------------------------------------------------------------------------- values

interface TemplateOrigin {
  source: PodSource;
  /** The file text (to locate the template for error messages). */
  text?: string;
  /** Path of the podTemplate key in text; absent when the whole file is the template. */
  keyPath?: readonly string[];
}

function badTemplateType(f: InputFile, path: readonly string[], v: GoValue): PodError {
  const loc = locatePath(f.text, path);
  const where = loc ? `${f.name}:${loc.line}:${loc.column}` : f.name;
  return new PodError(`${where}: ${path.join('.')} must be a string (a template), got ${kindOf(v)}`, f.name, loc?.line ?? 0, loc?.column ?? 0);
}

/** checkTemplateAt fails when path holds something other than a string or null. */
function checkTemplateAt(f: InputFile, root: Map<string, GoValue>, path: readonly string[], fullPath: readonly string[]): boolean {
  const v = getPath(root, path);
  if (v === undefined || v === null) return false;
  if (typeof v !== 'string') throw badTemplateType(f, fullPath, v);
  return true;
}

function wrapSubchart(m: ValuesTree): ValuesTree {
  return new Map<string, GoValue>([['airflow', m]]);
}

interface BuiltValues {
  user: ValuesTree;
  origin: TemplateOrigin | undefined;
  warnings: string[];
}

/** parsedFiles caches the parse of platform configs and chart values files: one per side, read for every deployment. */
const parsedFiles = new Map<string, Map<string, GoValue>>();
const maxParsedFiles = 8;

/** readSharedMap is readYamlMap through parsedFiles; the tree is shared: callers copy before they change it. */
function readSharedMap(f: InputFile, what: string): Map<string, GoValue> {
  const key = `${what}\0${f.name}\0${f.text}`;
  let m = parsedFiles.get(key);
  if (!m) {
    m = readYamlMap(f, what);
    if (parsedFiles.size >= maxParsedFiles) parsedFiles.clear();
    parsedFiles.set(key, m);
  }
  return m;
}

/** buildPodValues merges the inputs in the platform's order (see the file comment) and finds the template's origin. */
export function buildPodValues(o: PodRenderOptions): BuiltValues {
  const warnings: string[] = [];
  let base: ValuesTree = new Map();
  let origin: TemplateOrigin | undefined;
  if (o.platformConfig) {
    const f = o.platformConfig;
    const m = readSharedMap(f, 'the platform config');
    const helm = getPath(m, platformHelmPath);
    const helmPath = platformHelmPath.join('.');
    if (helm === undefined || helm === null) {
      warnings.push(`${f.name} has no ${helmPath} section: only the chart defaults and the deployment values apply`);
    } else if (!(helm instanceof Map)) {
      const loc = locatePath(f.text, platformHelmPath);
      throw new PodError(`${f.name}${loc ? `:${loc.line}:${loc.column}` : ''}: ${helmPath} must be a map, got ${kindOf(helm)}`, f.name, loc?.line ?? 0);
    } else {
      base = deepCopy(helm) as ValuesTree;
      const full = [...platformHelmPath, 'airflow', 'podTemplate'];
      if (checkTemplateAt(f, helm, ['airflow', 'podTemplate'], full)) {
        origin = {
          source: { kind: 'platform-config', file: f.name, path: full.join('.'), description: `platform config ${f.name} (${full.join('.')})` },
          text: f.text,
          keyPath: full,
        };
      } else {
        warnings.push(`${f.name} sets no ${full.join('.')}: the chart's default pod template is used`);
      }
    }
  }
  if (o.chartValues) {
    const f = o.chartValues;
    const m = deepCopy(readSharedMap(f, 'the chart values file')) as ValuesTree;
    base = mergeUserValues(base, m);
    if (checkTemplateAt(f, m, ['airflow', 'podTemplate'], ['airflow', 'podTemplate'])) {
      origin = {
        source: { kind: 'chart-values', file: f.name, path: 'airflow.podTemplate', description: `chart values ${f.name} (airflow.podTemplate)` },
        text: f.text,
        keyPath: ['airflow', 'podTemplate'],
      };
    }
  }
  // The deployment's own values, in their layout.
  const layout = o.valuesLayout ?? 'chart';
  const tplPath = layout === 'chart' ? ['airflow', 'podTemplate'] : ['podTemplate'];
  let dep: ValuesTree = new Map();
  for (const f of o.valuesFiles ?? []) {
    const m = readYamlMap(f, 'the values file');
    if (checkTemplateAt(f, m, tplPath, tplPath)) {
      origin = {
        source: { kind: 'values', file: f.name, path: tplPath.join('.'), description: `values file ${f.name} (${tplPath.join('.')})` },
        text: f.text,
        keyPath: tplPath,
      };
    }
    dep = mergeUserValues(dep, m);
  }
  if (o.sets) {
    const before = getPath(dep, tplPath);
    try {
      applySets(dep, o.sets);
    } catch (e) {
      if (e instanceof StrvalsError) throw new PodError(e.message);
      throw e;
    }
    const after = getPath(dep, tplPath);
    if (after !== before) {
      if (after !== undefined && after !== null && typeof after !== 'string') {
        throw new PodError(`--set: ${tplPath.join('.')} must be a string (a template), got ${kindOf(after)}`);
      }
      if (typeof after === 'string') origin = { source: { kind: 'set', path: tplPath.join('.'), description: `--set ${tplPath.join('.')}` }, text: after };
    }
  }
  let user = mergeUserValues(base, layout === 'chart' ? dep : wrapSubchart(dep));
  if (o.template) {
    const f = o.template;
    let airflow = user.get('airflow');
    if (!(airflow instanceof Map)) {
      airflow = new Map();
      user = new Map(user);
      user.set('airflow', airflow);
    }
    (airflow as Map<string, GoValue>).set('podTemplate', f.text);
    origin = { source: { kind: 'template-file', file: f.name, description: `template file ${f.name}` }, text: f.text };
  }
  return { user, origin, warnings };
}

// ---------------------------------------------------------------------------- errors

/** skipGoQuoted returns the index just past the Go-quoted string starting at s[i] === '"'. */
function skipGoQuoted(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
  }
  return -1;
}

/**
 * tplFailure finds, in an error from the ConfigMap template, the failure inside the
 * podTemplate's own `tpl` call: its line, column and message ("executing "gotpl" at <…>: …").
 */
export function tplFailure(msg: string): { line: number; column: number; message: string } | undefined {
  for (const marker of ['error calling tpl: error during tpl function execution for "', 'error calling tpl: cannot parse template "']) {
    let from = 0;
    for (;;) {
      const i = msg.indexOf(marker, from);
      if (i < 0) break;
      const end = skipGoQuoted(msg, i + marker.length - 1);
      if (end < 0) break;
      const m = /^: template: gotpl:(\d+)(?::(\d+))?: /.exec(msg.slice(end));
      if (m) return { line: Number(m[1]), column: m[2] ? Number(m[2]) : 0, message: msg.slice(end + m[0].length) };
      from = i + 1;
    }
  }
  return undefined;
}

function templateError(e: unknown, cmName: string, origin: TemplateOrigin | undefined, chart: PodChart): PodError {
  if (e instanceof PodError) return e;
  if (e instanceof ChartError) return new PodError(e.message, undefined, 0, 0, e.message);
  if (e instanceof TemplateParseError) {
    const h = helmParseError(e.templateName, e.parseError);
    return new PodError(h, undefined, 0, 0, h);
  }
  if (!(e instanceof ExecError)) throw e;
  const helm = helmExecError(cmName, e);
  const f = tplFailure(e.message);
  if (!f) return new PodError(helm, undefined, 0, 0, helm);
  // Map the template's line to the file the user wrote it in.
  let file: string | undefined;
  let line = f.line;
  // Go reports 0-based byte columns; people and editors count from 1.
  let column = f.column > 0 ? f.column + 1 : 0;
  if (origin?.source.kind === 'template-file') file = origin.source.file;
  else if (origin?.text !== undefined && origin.keyPath && origin.source.file) {
    file = origin.source.file;
    const loc = locatePath(origin.text, origin.keyPath);
    if (loc?.contentLine !== undefined) {
      line = loc.contentLine + f.line - 1;
      if (column > 0) column += loc.contentIndent ?? 0;
    }
  } else if (!origin && chart.builtin) file = builtinTemplateFile;
  const where = file ? `${file}:${line}${column ? ':' + column : ''}` : `${origin?.source.description ?? 'the pod template'}, line ${line}${column ? ', column ' + column : ''}`;
  return new PodError(`${where}: ${f.message}`, file, line, column, helm);
}

// ---------------------------------------------------------------------------- render

/**
 * renderWorkerPod renders the worker pod template. Throws PodError (with a file and line when
 * the failure is in a file the user gave).
 */
export function renderWorkerPod(o: PodRenderOptions = {}): PodRenderResult {
  const chart = o.chart === undefined ? PodChart.builtin() : typeof o.chart === 'string' ? PodChart.open(o.chart) : o.chart;
  const built = buildPodValues(o);
  const warnings = built.warnings;
  const cm = chart.configMapTemplate();
  let user = built.user;
  if (cm.scope === 'root') {
    // The Airflow chart itself: the deployment's `airflow:` section is its values.
    const a = user.get('airflow');
    user = a instanceof Map ? (a as ValuesTree) : new Map();
  }
  const source: PodSource = built.origin ? { ...built.origin.source } : {
    kind: 'chart-default',
    file: chart.builtin ? builtinTemplateFile : `${chart.label}/values.yaml`,
    path: chart.builtin ? undefined : 'airflow.podTemplate',
    description: chart.builtin
      ? `built-in default (${builtinTemplateFile}, the Astronomer airflow-chart 1.17.20 default)`
      : `the chart's default (${chart.label} values)`,
  };
  const seen = new Set<string>();
  const warn = (m: string): void => {
    if (!seen.has(m)) {
      seen.add(m);
      warnings.push(m);
    }
  };
  let out: { text: string; values: GoValue };
  try {
    out = chart.render(user, { releaseName: o.releaseName, namespace: o.namespace, kubeVersion: o.kubeVersion, warn }, cm.name);
  } catch (e) {
    throw templateError(e, cm.name, built.origin, chart);
  }
  const pod = extractPodTemplate(out.text, cm.name);
  if (pod === undefined) {
    const vals = out.values instanceof Map ? out.values : new Map<string, GoValue>();
    const ex = vals.get('executor');
    const ver = vals.get('airflowVersion');
    throw new PodError(
      `no worker pod template: the chart writes pod_template_file.yaml only for a KubernetesExecutor, CeleryKubernetesExecutor or LocalKubernetesExecutor and Airflow >= 1.10.12 (executor ${JSON.stringify(ex ?? null)}, airflowVersion ${JSON.stringify(ver ?? null)})`,
    );
  }
  // Helm: an empty podTemplate makes the chart render its files/pod-template-file.kubernetes-helm-yaml.
  const rendered = out.values instanceof Map ? out.values.get('podTemplate') : undefined;
  if (!chart.builtin && (rendered === '' || rendered === null || rendered === undefined)) {
    warnings.push("airflow.podTemplate is empty: the chart rendered its files/pod-template-file.kubernetes-helm-yaml instead");
    source.description += ", empty: the chart's files/pod-template-file.kubernetes-helm-yaml";
  }
  return { source, podYaml: pod, warnings, configMapTemplate: cm.name, configMap: out.text };
}
