// The batch protocol's request handler: one request in, one response out, never a throw.
// It mirrors the oracle's job (../shared/oracle/src/gotploracle/cmd/gotpl-oracle/main.go)
// so that every case can run through both renderers.
import { Buffer } from 'node:buffer';
import {
  TemplateParseError,
  TemplateSet,
  basePathFor,
  helmExecError,
  helmParseError,
  isPartial,
  type EngineOptions,
} from '../chart/engine.js';
import { existsSync } from 'node:fs';
import { buildTemplate } from '../chart/context.js';
import { LoadError, loadChart } from '../chart/load.js';
import { ChartError, prepareRender, setTemplateOf, type RenderTemplate } from '../chart/render-input.js';
import { quote } from '../template/strconv.js';
import { marshalJson } from '../yaml/json.js';
import { fromJSON, hasEscapedBytes, goBytes, type GoValue, type TypedMap } from '../template/value.js';
import { buildHelmTop, userValuesOf, type HelmTop } from './helm-top.js';
import { RequestError } from './request-error.js';
import type { BatchRequest, BatchResponse } from './protocol.js';

interface Job {
  opts: EngineOptions;
  /** The root chart's name (for `.Template.BasePath`). */
  chartName: string;
  templates: Map<string, string>;
  names: string[] | undefined;
  /** The dot in go/sprig mode. */
  data: GoValue;
  /** The top-level object in helm mode. */
  helm: HelmTop | undefined;
  /** Chart mode: each template's own dot (Helm renders every chart with its own .Values, .Chart, .Files). */
  perTpl: Map<string, RenderTemplate> | undefined;
  /** Chart mode: the root chart's final .Values (for `returnValues`). */
  chartValues: TypedMap | undefined;
  warnings: string[];
}

interface RunResult {
  outputs: Record<string, string>;
  error?: Error;
  helmError?: string;
  kind?: string;
  template?: string;
}

/** handleRequest answers one batch request (see protocol.ts); errors become response fields. */
export function handleRequest(req: BatchRequest): BatchResponse {
  const resp: BatchResponse = { id: req.id ?? null, outputs: {}, error: null };
  let job: Job;
  try {
    job = newJob(req);
  } catch (e) {
    resp.error = e instanceof Error ? e.message : String(e);
    resp.errorKind = 'request';
    if (e instanceof RequestError && e.helm !== undefined) {
      resp.helmError = e.helm;
      resp.errorKind = e.kind;
    }
    return resp;
  }
  let r: RunResult;
  const n = typeof req.repeat === 'number' && req.repeat > 1 ? Math.floor(req.repeat) : 1;
  if (n > 1) {
    let start = process.hrtime.bigint();
    r = run(job);
    for (let i = 1; i < n; i++) r = run(job);
    resp.repeat = n;
    resp.ns_per_render = Number(process.hrtime.bigint() - start) / n;
    const set = parseSet(job);
    if (set instanceof TemplateSet) {
      start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) exec(job, set);
      resp.ns_per_exec = Number(process.hrtime.bigint() - start) / n;
    }
  } else {
    r = run(job);
  }
  resp.outputs = r.outputs;
  for (const [name, out] of Object.entries(r.outputs)) {
    if (hasEscapedBytes(out)) {
      resp.outputsBase64 ??= {};
      resp.outputsBase64[name] = Buffer.from(goBytes(out)).toString('base64');
    }
  }
  if (r.error !== undefined) {
    resp.error = r.error.message;
    resp.errorKind = r.kind;
    resp.errorTemplate = r.template;
    if (r.helmError !== undefined) resp.helmError = r.helmError;
  }
  if (job.warnings.length > 0) resp.warnings = [...new Set(job.warnings)].sort();
  if (req.returnValues) {
    if (job.helm !== undefined) resp.chartValues = job.helm.valuesJson();
    else if (job.chartValues !== undefined) resp.chartValues = JSON.parse(marshalJson(job.chartValues)) as unknown;
  }
  return resp;
}

function newJob(req: BatchRequest): Job {
  const mode = req.mode ?? 'helm';
  if (mode !== 'helm' && mode !== 'sprig' && mode !== 'go') {
    throw new RequestError(`oracle: unknown mode ${JSON.stringify(mode)}`);
  }
  const opts: EngineOptions = { mode, funcs: 'extended' };
  const o = req.options;
  if (o) {
    const mk = o.missingkey ?? '';
    if (!['', 'zero', 'default', 'invalid', 'error'].includes(mk)) {
      throw new RequestError(`oracle: unknown missingkey ${JSON.stringify(mk)}`);
    }
    opts.missingKey = mk;
    if (o.delims?.length === 2) {
      opts.leftDelim = o.delims[0];
      opts.rightDelim = o.delims[1];
    } else if (o.delims && o.delims.length !== 0) {
      throw new RequestError('oracle: delims must be [left, right]');
    }
    const hf = o.helmFuncs ?? '';
    if (hf === '3.14' || hf === 'helm3.14' || hf === 'strict') opts.funcs = '3.14';
    else if (hf !== '' && hf !== 'extended') throw new RequestError(`oracle: unknown helmFuncs ${JSON.stringify(hf)}`);
  }
  const job: Job = {
    opts,
    chartName: 'mychart',
    templates: new Map(Object.entries(req.templates ?? {})),
    names: req.render,
    data: undefined,
    helm: undefined,
    perTpl: undefined,
    chartValues: undefined,
    warnings: [],
  };
  if (req.chartDir !== undefined) {
    newChartJob(req, job);
    return job;
  }
  if (mode !== 'helm') {
    // Go mode data is decoded by encoding/json, whose arrays have append-grown capacities.
    job.data = req.data === undefined ? null : fromJSON(req.data, req.intNumbers === true, true);
    return job;
  }
  job.helm = buildHelmTop(req, job.warnings);
  job.chartName = job.helm.chartName;
  return job;
}

/**
 * newChartJob loads a chart directory or archive and prepares every template with its dot,
 * like `helm template DIR` (the oracle's chart mode).
 */
function newChartJob(req: BatchRequest, job: Job): void {
  if (job.opts.mode !== 'helm') throw new RequestError('oracle: chartDir needs helm mode');
  if (req.templates !== undefined || req.files !== undefined || req.chart !== undefined || req.chartYaml !== undefined ||
      req.chartValues !== undefined || req.chartValuesYaml !== undefined) {
    throw new RequestError('oracle: chartDir cannot be combined with templates, files, chart, chartYaml, chartValues or chartValuesYaml');
  }
  const dir = req.chartDir!;
  if (!existsSync(dir)) throw new RequestError(`path ${quote(dir)} not found`, `path ${quote(dir)} not found`, 'chart');
  const user = userValuesOf(req);
  const warn = (m: string): void => {
    job.warnings.push(m);
  };
  try {
    const chart = loadChart(dir, { warn });
    const c = req.capabilities;
    const input = prepareRender(chart, user, {
      release: req.release,
      capabilities: { kubeVersion: c?.kubeVersion, apiVersions: c?.apiVersions, apiVersionsExact: c?.apiVersionsExact },
      skipDependencyCheck: req.skipDependencyCheck === true,
      warn,
    });
    job.chartName = input.chartName;
    job.chartValues = input.values;
    job.perTpl = new Map(input.templates.map((t) => [t.name, t]));
    job.templates = new Map(input.templates.map((t) => [t.name, t.text]));
  } catch (e) {
    if (e instanceof ChartError) throw new RequestError(e.raw ?? e.message, e.message, e.kind);
    if (e instanceof LoadError) throw new RequestError(e.message, e.message, 'chart');
    throw e;
  }
}

function parseSet(job: Job): TemplateSet | RunResult {
  try {
    return TemplateSet.parse(job.opts, job.templates);
  } catch (e) {
    if (e instanceof TemplateParseError) {
      const r: RunResult = { outputs: {}, error: e.parseError, kind: 'parse', template: e.templateName };
      if (job.opts.mode === 'helm') r.helmError = helmParseError(e.templateName, e.parseError);
      return r;
    }
    return internalError(e);
  }
}

function toRender(job: Job, set: TemplateSet): string[] {
  if (job.opts.mode !== 'helm') return job.names ?? set.order;
  const want = job.names === undefined ? undefined : new Set(job.names);
  const out: string[] = [];
  for (const n of set.order) {
    if (want === undefined && isPartial(n)) continue;
    if (want !== undefined && !want.has(n)) continue;
    out.push(n);
    want?.delete(n);
  }
  // Names that are not templates keep request order; they fail when executed.
  for (const n of job.names ?? []) if (want?.has(n)) out.push(n);
  return out;
}

function exec(job: Job, set: TemplateSet): RunResult {
  const r: RunResult = { outputs: {} };
  for (const name of toRender(job, set)) {
    let data: GoValue = job.data;
    const tpl = job.perTpl?.get(name);
    if (tpl !== undefined) {
      data = setTemplateOf(tpl);
    } else if (job.perTpl !== undefined) {
      data = buildTemplate(name, basePathFor(name, job.chartName));
    } else if (job.helm !== undefined) {
      job.helm.top.set('Template', buildTemplate(name, basePathFor(name, job.chartName)));
      data = job.helm.top;
    }
    try {
      r.outputs[name] = set.execute(name, data);
    } catch (e) {
      if (!(e instanceof Error) || e instanceof RangeError || e instanceof TypeError || e instanceof ReferenceError) {
        return { ...internalError(e), outputs: r.outputs, template: name };
      }
      r.error = e;
      r.kind = 'exec';
      r.template = name;
      if (job.opts.mode === 'helm') r.helmError = helmExecError(name, e);
      return r;
    }
  }
  return r;
}

function run(job: Job): RunResult {
  const set = parseSet(job);
  if (!(set instanceof TemplateSet)) return set;
  return exec(job, set);
}

function internalError(e: unknown): RunResult {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { outputs: {}, error: new Error(`podtpl: internal error: ${msg}`), kind: 'internal' };
}
