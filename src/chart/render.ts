// Helm: pkg/engine/engine.go Render — every template of a chart and its enabled subcharts,
// parsed into one set in Helm's order and executed with its own chart's dot.
import type { HelmFuncSet } from '../functions/helm.js';
import { TemplateSet, isPartial } from './engine.js';
import type { Chart } from './metadata.js';
import { prepareRender, setTemplateOf, type PrepareOptions, type RenderInput } from './render-input.js';
import type { ValuesTree } from './coalesce.js';

/** ChartRenderOptions are prepareRender's options plus the engine's. */
export interface ChartRenderOptions extends PrepareOptions {
  /** Helm 3.14's function set, or with the later additions ("extended", the default). */
  funcs?: HelmFuncSet;
  /** Template names to execute (default: every template that is not a partial). */
  render?: readonly string[];
}

/** RenderedChart is what a chart renders to, template by template, in execution order. */
export interface RenderedChart {
  input: RenderInput;
  /** Rendered text by full template name (`chart/charts/sub/templates/x.yaml`), NOTES.txt included. */
  outputs: Map<string, string>;
}

/**
 * renderChart renders chart with the user's values like `helm template`. It throws ChartError
 * (loading, dependencies, values), TemplateParseError or ExecError; `partial` receives the
 * outputs rendered before an execution error, as Helm's engine has them.
 */
export function renderChart(
  chart: Chart,
  user: ValuesTree,
  opts: ChartRenderOptions = {},
  partial?: Map<string, string>,
): RenderedChart {
  const input = prepareRender(chart, user, opts);
  const texts = new Map<string, string>();
  const byName = new Map<string, (typeof input.templates)[number]>();
  for (const t of input.templates) {
    texts.set(t.name, t.text);
    byName.set(t.name, t);
  }
  const set = TemplateSet.parse({ mode: 'helm', funcs: opts.funcs ?? 'extended' }, texts);
  const outputs = partial ?? new Map<string, string>();
  const want = opts.render === undefined ? undefined : new Set(opts.render);
  for (const name of set.order) {
    if (want === undefined ? isPartial(name) : !want.has(name)) continue;
    const t = byName.get(name)!;
    outputs.set(name, set.execute(name, setTemplateOf(t)));
  }
  return { input, outputs };
}
