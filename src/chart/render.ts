// Helm: pkg/engine/engine.go Render — every template of a chart and its enabled subcharts,
// parsed into one set in Helm's order and executed with its own chart's dot.
import type { HelmFuncSet } from '../functions/helm.js';
import { TemplateSet, isPartial } from './engine.js';
import { setTemplateOf, type RenderInput } from './render-input.js';

/** RenderOptions pick the engine's function set. */
export interface RenderOptions {
  /** Helm 3.14's function set, or with the later additions ("extended", the default). */
  funcs?: HelmFuncSet;
}

/**
 * renderTemplates renders a prepared chart (see prepareRender): every template that is not a
 * partial, in Helm's order, NOTES.txt included. The result maps full template names
 * (`chart/charts/sub/templates/x.yaml`) to their text in execution order. Throws
 * TemplateParseError, or the execution error (ExecError, whose templateName says which).
 */
export function renderTemplates(input: RenderInput, opts: RenderOptions = {}): Map<string, string> {
  const texts = new Map<string, string>();
  const byName = new Map<string, RenderInput['templates'][number]>();
  for (const t of input.templates) {
    texts.set(t.name, t.text);
    byName.set(t.name, t);
  }
  const set = TemplateSet.parse({ mode: 'helm', funcs: opts.funcs ?? 'extended' }, texts);
  const outputs = new Map<string, string>();
  for (const name of set.order) {
    if (isPartial(name)) continue;
    outputs.set(name, set.execute(name, setTemplateOf(byName.get(name)!)));
  }
  return outputs;
}
