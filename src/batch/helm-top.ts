// The helm-mode top-level object of a template-mode batch request, built like the oracle's
// newJob: values (valuesYaml, values, --set family, chart values), .Chart, .Capabilities,
// .Release, .Files, .Subcharts.
import { coalesceTables, mergeUserValues, type ValuesTree } from '../chart/coalesce.js';
import { ChartError, buildUserValues } from '../chart/render-input.js';
import { newValues } from '../chart/context.js';
import { fromJSON, isMap, type TypedMap } from '../template/value.js';
import { marshalJson } from '../yaml/json.js';
import { yamlUnmarshal } from '../yaml/load.js';
import { YamlError } from '../yaml/errors.js';
import { helmContextObjects } from './helm-context.js';
import type { BatchRequest } from './protocol.js';
import { RequestError } from './request-error.js';

export { RequestError };

/** HelmTop is the dot of a helm-mode render and what the response needs from it. */
export interface HelmTop {
  top: TypedMap;
  chartName: string;
  /** The final .Values as JSON (for `returnValues`). */
  valuesJson(): unknown;
}

/**
 * userValuesOf merges the request's valuesYaml documents (like -f, in order), values (one more
 * -f) and --set family in Helm's order; errors carry Helm's message.
 */
export function userValuesOf(req: BatchRequest): ValuesTree {
  const vy = req.valuesYaml;
  const docs = vy === undefined || vy === null ? [] : typeof vy === 'string' ? [vy] : vy;
  if (!Array.isArray(docs) || docs.some((d) => typeof d !== 'string')) {
    throw new RequestError('oracle: valuesYaml must be a string or a list of strings');
  }
  let values: ValuesTree | undefined;
  if (req.values !== undefined && req.values !== null) {
    const v = fromJSON(req.values, req.intNumbers === true);
    if (!isMap(v)) throw new RequestError('oracle: values must be a JSON object');
    values = v;
  }
  try {
    return buildUserValues({
      valuesFiles: docs.map((text, i) => ({ name: docs.length > 1 ? `values${i}.yaml` : 'values.yaml', text })),
      values,
      sets: { setJson: req.setJson, set: req.set, setString: req.setString, setLiteral: req.setLiteral },
    });
  } catch (e) {
    if (e instanceof ChartError) throw new RequestError(e.raw ?? e.message, e.message, e.kind);
    throw e;
  }
}

/** buildValues coalesces the user values over the chart's own (chartValuesYaml, chartValues). */
function buildValues(req: BatchRequest, warnings: string[]): ValuesTree {
  const user = userValuesOf(req);
  let chartVals: ValuesTree | null = null;
  if (req.chartValuesYaml !== undefined) {
    try {
      const v = yamlUnmarshal(req.chartValuesYaml, 'map', 'values.yaml');
      chartVals = v instanceof Map ? v : new Map();
    } catch (e) {
      if (e instanceof YamlError) throw new RequestError(e.message, 'cannot load values.yaml: ' + e.message);
      throw e;
    }
  }
  if (req.chartValues !== undefined && req.chartValues !== null) {
    const v = fromJSON(req.chartValues, req.intNumbers === true);
    if (!isMap(v)) throw new RequestError('oracle: chartValues must be a JSON object');
    chartVals = mergeUserValues(chartVals ?? new Map(), v);
  }
  // Helm: chartutil.Coalesce(chartValues, userValues) — user values win, nulls delete.
  return coalesceTables((w) => warnings.push(w), user, chartVals, '', false);
}

/** buildHelmTop builds the top-level object of a helm-mode template request. */
export function buildHelmTop(req: BatchRequest, warnings: string[]): HelmTop {
  const vals = buildValues(req, warnings);
  const values = newValues(vals);
  const ctx = helmContextObjects(req);
  const top = newValues([
    ['Chart', ctx.chart],
    ['Files', ctx.files],
    ['Release', ctx.release],
    ['Capabilities', ctx.capabilities],
    ['Values', values],
    ['Subcharts', new Map()],
  ]);
  return {
    top,
    chartName: ctx.chartName,
    valuesJson: () => JSON.parse(marshalJson(values)) as unknown,
  };
}
