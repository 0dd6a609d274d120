// The helm-mode top-level object of a template-mode batch request, built like the oracle's
// newJob: values (valuesYaml, values, --set family, chart values), .Chart, .Capabilities,
// .Release, .Files, .Subcharts.
import { coalesceTables, mergeUserValues, type ValuesTree } from '../chart/coalesce.js';
import { StrvalsError, applySets } from '../chart/strvals.js';
import { newValues } from '../chart/context.js';
import { fromJSON, isMap, type TypedMap } from '../template/value.js';
import { marshalJson } from '../yaml/json.js';
import { loadValuesYaml } from '../yaml/load.js';
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
 * userValuesFromYaml parses one values document like `helm -f`: sigs.k8s.io/yaml into a
 * map[string]interface{} (an empty document is an empty map).
 */
export function userValuesFromYaml(doc: string, file?: string): ValuesTree {
  const v = loadValuesYaml(doc, file);
  if (v === null || v === undefined) return new Map();
  if (!isMap(v)) {
    const kind = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number';
    throw new YamlError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
      file,
    );
  }
  return v;
}

/** buildUserValues merges valuesYaml documents, values and the --set family in Helm's order. */
function buildUserValues(req: BatchRequest): ValuesTree {
  let user: ValuesTree = new Map();
  const vy = req.valuesYaml;
  if (vy !== undefined && vy !== null) {
    const docs = typeof vy === 'string' ? [vy] : vy;
    if (!Array.isArray(docs) || docs.some((d) => typeof d !== 'string')) {
      throw new RequestError('oracle: valuesYaml must be a string or a list of strings');
    }
    docs.forEach((d, i) => {
      const name = docs.length > 1 ? `values${i}.yaml` : 'values.yaml';
      let m: ValuesTree;
      try {
        m = userValuesFromYaml(d, name);
      } catch (e) {
        if (e instanceof YamlError) throw new RequestError(e.message, `failed to parse ${name}: ${e.message}`);
        throw e;
      }
      user = mergeUserValues(user, m);
    });
  }
  if (req.values !== undefined && req.values !== null) {
    const v = fromJSON(req.values, req.intNumbers === true);
    if (!isMap(v)) throw new RequestError('oracle: values must be a JSON object');
    user = mergeUserValues(user, v);
  }
  try {
    applySets(user, { setJson: req.setJson, set: req.set, setString: req.setString, setLiteral: req.setLiteral });
  } catch (e) {
    if (e instanceof StrvalsError) throw new RequestError(e.message, e.message);
    throw e;
  }
  return user;
}

/** buildValues coalesces the user values over the chart's own (chartValuesYaml, chartValues). */
function buildValues(req: BatchRequest, warnings: string[]): ValuesTree {
  const user = buildUserValues(req);
  let chartVals: ValuesTree | null = null;
  if (req.chartValuesYaml !== undefined) {
    try {
      chartVals = userValuesFromYaml(req.chartValuesYaml, 'values.yaml');
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
