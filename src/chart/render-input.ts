/**
 * render-input is the hand-off from the chart layer (loading, values, dependencies, context
 * objects) to the engine (src/chart/render.ts). It reproduces what `helm template` does
 * before parsing templates (Helm: pkg/action/install.go, chartutil.ToRenderValues,
 * engine.allTemplates/recAllTpls):
 *
 *   const chart = loadChart(dir, { warn });                       // load.ts
 *   const user  = buildUserValues({ valuesFiles, sets });        // -f …, --set-json, --set, …
 *   const input = prepareRender(chart, user, { release, capabilities, skipDependencyCheck, warn });
 *   // input.templates: every template of the root and each enabled subchart, named
 *   //   "<root>/charts/<sub>/templates/<file>", with its text, its chart's dot and BasePath.
 *   // Parse all of them into one set in helmOrder(); then for each template to render
 *   //   (not partials `_*`, skip NOTES.txt in the CLI), call setTemplateOf(t) and execute
 *   //   with t.dot. The dot is a chartutil.Values shared by every template of one chart,
 *   //   as in Helm, so `.Template` is set just before each execution.
 *   // input.values is the root's final `.Values` (the oracle's `returnValues`).
 *
 * Errors are ChartError with Helm's message and a kind matching the oracle's errorKind:
 * 'chart' (load/validation/library), 'dependencies', 'values', 'kubeVersion'.
 */
import { type GoValue, TypedMap } from '../template/value.js';
import { loadValuesYaml } from '../yaml/load.js';
import { CoalesceError, type ValuesTree, coalesceValues, mergeUserValues } from './coalesce.js';
import {
  type CapabilitiesData,
  type CapabilitiesOptions,
  CapabilitiesError,
  type ReleaseOptions,
  asValues,
  buildCapabilities,
  buildChartObject,
  buildRelease,
  buildTemplate,
  capabilitiesData,
  valuesTable,
} from './context.js';
import { DependencyError, checkDependencies, isCompatibleRange, processDependencies } from './dependencies.js';
import { newFiles } from './files.js';
import type { Chart } from './metadata.js';
import { type SetOptions, StrvalsError, applySets } from './strvals.js';
import { fromGoBytes } from '../template/value.js';

/** ChartErrorKind matches the oracle's errorKind for chart-mode failures. */
export type ChartErrorKind = 'chart' | 'dependencies' | 'values' | 'kubeVersion';

/** ChartError is a failure before rendering, with Helm's message. */
export class ChartError extends Error {
  constructor(
    message: string,
    readonly kind: ChartErrorKind,
    /** The underlying library error without Helm's prefix (the batch protocol's `error`), when it differs. */
    readonly raw?: string,
  ) {
    super(message);
    this.name = 'ChartError';
  }
}

/** ValuesFile is one `-f` document: its name (for messages) and text. */
export interface ValuesFile {
  name: string;
  text: string;
}

/** UserValuesOptions are the user's values in Helm's order of precedence. */
export interface UserValuesOptions {
  /** `-f` files, in order. */
  valuesFiles?: readonly ValuesFile[];
  /** Extra values merged like one more `-f` (the batch protocol's `values`). */
  values?: ValuesTree;
  /** --set-json, --set, --set-string, --set-file, --set-literal. */
  sets?: SetOptions;
}

/**
 * buildUserValues merges the user's values like `helm template`: each -f in order (maps merge,
 * anything else replaces), then the --set family parsed into that map. Throws ChartError
 * ('values'): `failed to parse NAME: …`, `failed parsing --set data: …`.
 */
export function buildUserValues(o: UserValuesOptions): ValuesTree {
  let base: ValuesTree = new Map();
  for (const f of o.valuesFiles ?? []) {
    let doc: GoValue;
    try {
      doc = loadValuesYaml(f.text, f.name);
    } catch (e) {
      throw new ChartError(`failed to parse ${f.name}: ${(e as Error).message}`, 'values', (e as Error).message);
    }
    if (doc === null || doc === undefined) continue;
    if (!(doc instanceof Map) || doc instanceof TypedMap) {
      const raw = `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(doc) ? 'array' : typeof doc === 'string' ? 'string' : typeof doc === 'boolean' ? 'bool' : 'number'} into Go value of type map[string]interface {}`;
      throw new ChartError(`failed to parse ${f.name}: ${raw}`, 'values', raw);
    }
    base = mergeUserValues(base, doc);
  }
  if (o.values) base = mergeUserValues(base, o.values);
  if (o.sets) {
    try {
      applySets(base, o.sets);
    } catch (e) {
      if (e instanceof StrvalsError) throw new ChartError(e.message, 'values');
      throw e;
    }
  }
  return base;
}

/** PrepareOptions configure prepareRender. */
export interface PrepareOptions {
  release?: ReleaseOptions;
  capabilities?: CapabilitiesOptions;
  /** Do not fail on a Chart.yaml dependency missing from charts/ (Helm SDK behaviour). */
  skipDependencyCheck?: boolean;
  /** Receives coalescing/dependency warnings (Helm logs them). */
  warn?: (msg: string) => void;
  /**
   * The chart's dependencies were processed by an earlier prepareRender of this same chart,
   * and processing them does not depend on values (no condition, tags or import-values, no
   * sub-subcharts): skip ProcessDependencies (and the dependency check it passed). The
   * caller replays that earlier processing's values-independent warnings (see PodChart).
   */
  dependenciesProcessed?: boolean;
}

/** RenderTemplate is one template to parse (and, unless partial, render) with its chart's dot. */
export interface RenderTemplate {
  /** Full name: "<root>/charts/<sub>/templates/<file>". */
  name: string;
  text: string;
  /** The chart's full path ("root/charts/sub"). */
  chartPath: string;
  /** `.Template.BasePath`: "<chartPath>/templates". */
  basePath: string;
  /** The chart's dot (chartutil.Values with Chart, Files, Release, Capabilities, Values, Subcharts). */
  dot: TypedMap;
}

/** RenderInput is everything render.ts needs. */
export interface RenderInput {
  /** The root chart's name (template names start with it). */
  chartName: string;
  templates: RenderTemplate[];
  /** The root's final `.Values` (chartutil.Values). */
  values: TypedMap;
  capabilities: CapabilitiesData;
  /** The processed chart tree (dependencies enabled/disabled, aliases applied). */
  chart: Chart;
}

/** setTemplateOf sets `.Template` on a template's dot just before it executes (as Helm does). */
export function setTemplateOf(t: RenderTemplate): TypedMap {
  t.dot.set('Template', buildTemplate(t.name, t.basePath));
  return t.dot;
}

/**
 * prepareRender runs Helm's steps between loading and rendering: library check, dependency
 * check, ProcessDependenciesWithMerge, CoalesceValues, the kubeVersion constraint and the
 * per-chart render contexts. It mutates chart (dependencies processed).
 */
export function prepareRender(chart: Chart, user: ValuesTree, o: PrepareOptions = {}): RenderInput {
  const warn = o.warn ?? (() => {});
  const type = chart.metadata.type;
  if (type !== '' && type !== 'application') throw new ChartError(`${type} charts are not installable`, 'chart');
  let caps: CapabilitiesData;
  let vals: ValuesTree | undefined;
  const coalesce = (): ValuesTree => {
    try {
      return coalesceValues(chart, user, warn);
    } catch (e) {
      if (e instanceof CoalesceError) throw new ChartError(e.message, 'values');
      throw e;
    }
  };
  if (o.dependenciesProcessed) {
    // ProcessDependencies would coalesce these same values first (same warnings, same
    // errors): coalescing before the capabilities keeps Helm's order of failures.
    vals = coalesce();
  } else {
    if (!o.skipDependencyCheck) {
      try {
        checkDependencies(chart);
      } catch (e) {
        if (e instanceof DependencyError) throw new ChartError(e.message, 'dependencies');
        throw e;
      }
    }
    try {
      processDependencies(chart, user, warn);
    } catch (e) {
      if (e instanceof CoalesceError || e instanceof DependencyError) throw new ChartError(e.message, 'values');
      throw e;
    }
  }
  try {
    caps = capabilitiesData(o.capabilities);
  } catch (e) {
    if (e instanceof CapabilitiesError) throw new ChartError(e.message, 'values');
    throw e;
  }
  vals ??= coalesce();
  const kv = chart.metadata.kubeVersion;
  if (kv !== '' && !isCompatibleRange(kv, caps.kubeVersion.version)) {
    throw new ChartError(
      `chart requires kubeVersion: ${kv} which is incompatible with Kubernetes ${caps.kubeVersion.version}`,
      'kubeVersion',
    );
  }
  const values = asValues(vals);
  const shared = {
    release: buildRelease(o.release),
    capabilities: buildCapabilities(caps),
  };
  const templates: RenderTemplate[] = [];
  collect(chart, values, shared, templates, 0);
  return { chartName: chart.name(), templates, values, capabilities: caps, chart };
}

/** collect builds chart c's dot and registers its templates; returns the dot's storage (for .Subcharts). */
function collect(
  c: Chart,
  parentValues: TypedMap,
  shared: { release: Map<string, GoValue>; capabilities: GoValue },
  out: RenderTemplate[],
  depth: number,
): Map<string, GoValue> {
  if (depth > 100) throw new ChartError('subcharts nested deeper than 100 levels', 'chart');
  const subcharts = new Map<string, GoValue>();
  let values: TypedMap;
  if (c.isRoot()) values = parentValues;
  else {
    try {
      values = asValues(valuesTable(parentValues, c.name()));
    } catch {
      values = asValues(new Map());
    }
  }
  const next = new Map<string, GoValue>([
    ['Chart', buildChartObject(c.metadata, c.isRoot())],
    ['Files', newFiles(c.files)],
    ['Release', shared.release],
    ['Capabilities', shared.capabilities],
    ['Values', values],
    ['Subcharts', subcharts],
  ]);
  for (const sub of c.dependencies()) subcharts.set(sub.name(), collect(sub, values, shared, out, depth + 1));
  const dot = asValues(next);
  const base = c.chartFullPath();
  const library = c.metadata.type.toLowerCase() === 'library';
  for (const t of c.templates) {
    const baseName = t.name.slice(t.name.lastIndexOf('/') + 1);
    if (library && !baseName.startsWith('_')) continue;
    out.push({ name: joinPath(base, t.name), text: fromGoBytes(t.data), chartPath: base, basePath: joinPath(base, 'templates'), dot });
  }
  return next;
}

function joinPath(a: string, b: string): string {
  // Go's path.Join cleans the result; chart paths and file names are already clean.
  return (a + '/' + b).replace(/\/+/g, '/');
}

/** finalValuesJSON is a helper for tests: the plain tree of the root values. */
export function plainValues(v: TypedMap): Map<string, GoValue> {
  const out = new Map<string, GoValue>();
  for (const [k, x] of v) out.set(k, x);
  return out;
}
