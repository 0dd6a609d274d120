// index.ts: validatePod, podtpl's offline check of a worker pod: the Kubernetes schema of the chosen minor
// (precompiled, optionally strict), the API server's own rules, Airflow's expectations, and the types
// PyYAML gives the file when Airflow's scheduler loads it.
import { isMap, isScalar, isSeq } from 'yaml';
import { formatFindings, formatPath, MapKey, type Finding, type PathSeg, type RawFinding } from './finding.js';
import { loadYaml, LoadError, MAX_DEPTH, isPlain, scalarSource, type LoadedDoc, type Loaded } from './load.js';
import { locate, nodeAt } from './locate.js';
import { constructPlain, Dict, isIntegralFloat, pyTypeName, yaml12Type } from './pyyaml.js';
import { checkPod } from './rules/pod.js';
import { RuleContext, obj, get } from './rules/context.js';
import { DEFAULT_KUBE_VERSION, getValidator, KUBE_VERSIONS, schemaFindings, valueAt } from './schema.js';
import { fastLoad } from './fast-load.js';

export { formatFindings, type Finding, DEFAULT_KUBE_VERSION, KUBE_VERSIONS };

/** ValidateOptions: kubeVersion ("1.33", "v1.33.2"; default the newest supported, 1.35), strict, file name for findings. */
export interface ValidateOptions {
  kubeVersion?: string;
  strict?: boolean;
  file?: string;
}

/** normalizeKubeVersion maps "v1.33.4" / "1.33" to "1.33", or throws for an unsupported version. */
export function normalizeKubeVersion(v: string | undefined): string {
  if (v === undefined || v === '') return DEFAULT_KUBE_VERSION;
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(v.trim());
  const minor = m ? `${m[1]}.${m[2]}` : '';
  if (!(KUBE_VERSIONS as readonly string[]).includes(minor))
    throw new Error(`unsupported Kubernetes version ${JSON.stringify(v)}: supported ${KUBE_VERSIONS.join(', ')}`);
  return minor;
}

/** validatePod validates every document of yamlText (a Pod, a bare PodSpec or a PodTemplate) and returns findings sorted by position. */
export function validatePod(yamlText: string, opts: ValidateOptions = {}): Finding[] {
  const minor = normalizeKubeVersion(opts.kubeVersion);
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, 'file'>) => findings.push(opts.file === undefined ? f : { ...f, file: opts.file });
  // Fast path: the common, valid pod is read by fast-load.ts and needs no positions at all.
  const fast = fastLoad(yamlText);
  if (fast && fast.every((v) => isClean(v, minor, opts.strict ?? false))) return findings;
  let loaded: Loaded;
  try {
    loaded = loadYaml(yamlText);
  } catch (e) {
    // RangeError: the `yaml` package recursing on absurd nesting.
    if (e instanceof LoadError || e instanceof RangeError) {
      const message = e instanceof LoadError ? e.message : `YAML nesting deeper than ${MAX_DEPTH}`;
      add({ severity: 'error', rule: 'yaml', path: '', message, line: 1, column: 1 });
      return findings;
    }
    throw e;
  }
  for (const d of loaded.docs) {
    for (const e of d.errors) add({ severity: 'error', rule: 'yaml', path: '', message: e.message, line: e.line, column: e.column });
    if (d.errors.length) continue;
    for (const f of validateDoc(d, loaded, minor, opts.strict ?? false)) add(f);
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Shape says where the pod sits in a document: display prefix for paths, and how to map back to the YAML. */
interface Shape {
  pod: unknown;
  /** prefix is prepended to paths (`template` for a PodTemplate). */
  prefix: PathSeg[];
  /** bareSpec: the document is the PodSpec itself, so `spec` is not in the YAML. */
  bareSpec: boolean;
}

function shapeOf(v: unknown): Shape | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const kind = get(o, 'kind');
  if (kind === 'PodTemplate') return { pod: get(o, 'template'), prefix: ['template'], bareSpec: false };
  if (kind === 'Pod' || get(o, 'spec') !== undefined) return { pod: o, prefix: [], bareSpec: false };
  if (get(o, 'containers') !== undefined) {
    const pod = new Dict();
    pod.spec = o;
    return { pod, prefix: [], bareSpec: true };
  }
  return undefined;
}

/** isClean tells whether a document gives no finding at all (then nothing needs locating). */
function isClean(v: unknown, minor: string, strict: boolean): boolean {
  if (v === null || v === undefined) return true;
  const shape = shapeOf(v);
  if (!shape || !obj(shape.pod)) return false;
  const validate = getValidator(minor, strict);
  if (!validate || !validate(shape.pod)) return false;
  const ctx = new RuleContext(minor);
  checkPod(ctx, shape.pod as Record<string, unknown>, []);
  return ctx.out.length === 0;
}

function validateDoc(d: LoadedDoc, loaded: Loaded, minor: string, strict: boolean): Omit<Finding, 'file'>[] {
  if (d.value === null || d.value === undefined) return []; // empty document (comments only)
  const shape = shapeOf(d.value);
  const pos0 = () => locate(d.doc, loaded.lineCounter, []);
  if (!shape || !obj(shape.pod)) {
    const p = pos0();
    return [{ severity: 'error', rule: 'kind', path: '', message: 'not a Pod, a PodSpec or a PodTemplate', line: p.line, column: p.column }];
  }
  const schema = schemaFindings(shape.pod, minor, strict);
  const ctx = new RuleContext(minor);
  checkPod(ctx, shape.pod as Record<string, unknown>, []);
  // Merge: a wrong type hides the rules at that path (they cannot read the value); an API-server rule
  // hides the schema's generic text for the same path (`Required value: can not be empty` over `Required value`).
  const typed = new Set(schema.filter((f) => f.rule === 'schema-type').map((f) => formatPath(f.segs)));
  const rules = ctx.out.filter((f) => !typed.has(formatPath(f.segs)));
  const rulePaths = new Set(rules.map((f) => formatPath(f.segs)));
  const ruleKeys = new Set(rules.map((f) => formatPath(f.segs) + '|' + f.message));
  const raw: RawFinding[] = [
    ...schema.filter((f) => {
      const p = formatPath(f.segs);
      return !ruleKeys.has(p + '|' + f.message) && !(f.rule === 'schema-required' && rulePaths.has(p)) && !(f.rule === 'enum' && rulePaths.has(p));
    }),
    ...rules,
  ];
  raw.push(...integralFloatFindings(d, shape, minor, strict));
  const out: Omit<Finding, 'file'>[] = [];
  for (const f of raw) {
    // YAML segments: drop `spec` for a bare PodSpec; add the PodTemplate prefix.
    const at = f.loc ?? f.segs;
    const ySegs = shape.bareSpec ? at.slice(1) : [...shape.prefix, ...at];
    let { rule, message } = f;
    if (rule === 'schema-type') {
      const py = pyyamlNote(d, ySegs, valueAt(shape.pod, f.segs), message);
      if (py) ({ rule, message } = py);
    }
    const p = locate(d.doc, loaded.lineCounter, ySegs, f.atKey);
    out.push({ severity: f.severity, rule, path: formatPath([...shape.prefix, ...f.segs]), message, line: p.line, column: p.column });
  }
  return out;
}

/** integralFloatFindings reports plain scalars such as `1000.0` in integer fields: PyYAML reads a float, Python's
 *  json module writes `1000.0`, and the API server cannot decode that into an int64 / int32. */
function integralFloatFindings(d: LoadedDoc, shape: Shape, minor: string, strict: boolean): RawFinding[] {
  const found: { segs: PathSeg[]; src: string; value: number }[] = [];
  const walk = (node: unknown, segs: PathSeg[], depth: number): void => {
    if (depth > 200) return;
    if (isMap(node)) {
      for (const p of node.items) if (isScalar(p.key)) walk(p.value, [...segs, scalarSource(p.key)], depth + 1);
    } else if (isSeq(node)) node.items.forEach((it, i) => walk(it, [...segs, i], depth + 1));
    else if (isScalar(node) && isPlain(node)) {
      const src = scalarSource(node);
      const v = constructPlain(src);
      if (typeof v === 'number' && isIntegralFloat(src, v)) found.push({ segs, src, value: v });
    }
  };
  walk(d.doc.contents, [], 0);
  if (found.length === 0) return [];
  // Pod-relative paths; then ask the schema which of them want an integer, by making the values non-integral.
  const podSegs = (ySegs: PathSeg[]) => (shape.bareSpec ? ['spec', ...ySegs] : ySegs.slice(shape.prefix.length));
  const probe = structuredClone(shape.pod) as Record<string, unknown>;
  for (const f of found) setAt(probe, podSegs(f.segs), f.value + 0.5);
  const integerPaths = new Set(
    schemaFindings(probe, minor, strict)
      .filter((f) => f.rule === 'schema-type' && /integer|int32/.test(f.message))
      .map((f) => formatPath(f.segs).replace(/\[([^\]]*)\]/g, '.$1')),
  );
  const out: RawFinding[] = [];
  for (const f of found) {
    const segs = podSegs(f.segs);
    if (!integerPaths.has(formatPath(segs).replace(/\[([^\]]*)\]/g, '.$1'))) continue;
    out.push({
      severity: 'error',
      rule: 'pyyaml-type',
      segs: segs.map((s, i) => (typeof s === 'string' && i > 0 && MAP_PARENTS.has(String(segs[i - 1])) ? new MapKey(s) : s)),
      message: `Invalid value: ${f.src}: must be of type integer: PyYAML (YAML 1.1, as Airflow loads the pod template) reads the plain scalar ${f.src} as a float, which Python's json module sends as ${pyFloatRepr(f.value)}`,
    });
  }
  return out;
}

/** pyFloatRepr is Python's repr of an integral float: 3600.0, 1e+16. */
function pyFloatRepr(v: number): string {
  return Math.abs(v) < 1e16 ? `${v}.0` : String(v);
}

const MAP_PARENTS = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests']);

function setAt(root: Record<string, unknown>, segs: PathSeg[], v: unknown): void {
  let cur: unknown = root;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const k = s instanceof MapKey ? s.key : s;
    // Own properties only, defined rather than assigned: `__proto__` stays an ordinary key.
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, k)) return;
    if (i === segs.length - 1) Object.defineProperty(cur, k, { value: v, writable: true, enumerable: true, configurable: true });
    else cur = (cur as Record<string | number, unknown>)[k];
  }
}

/** pyyamlNote explains a type error caused by YAML 1.1 (PyYAML) typing a plain scalar differently from YAML 1.2. */
function pyyamlNote(d: LoadedDoc, ySegs: PathSeg[], v: unknown, message: string): { rule: string; message: string } | undefined {
  const node = nodeAt(d.doc, ySegs);
  if (!isScalar(node) || !isPlain(node)) return undefined;
  const src = scalarSource(node);
  const t12 = yaml12Type(src);
  const want = /must be of type (.*)$/.exec(message)?.[1] ?? '';
  const ok12 = (t12 === 'number' && /integer|number/.test(want)) || (t12 === 'string' && /string/.test(want)) || (t12 === 'bool' && /boolean/.test(want));
  if (!ok12) return undefined;
  return {
    rule: 'pyyaml-type',
    message: `${message}: PyYAML (YAML 1.1, as Airflow loads the pod template) reads the plain scalar ${src} as ${article(pyTypeName(v))}${
      t12 === 'string' ? '; quote it' : ''
    }`,
  };
}

function article(t: string): string {
  return (/^[aeiou]/.test(t) ? 'an ' : 'a ') + t;
}
