/**
 * builtin: podtpl's own chart, built in memory: the Astronomer airflow-chart's shape (parent
 * `airflow` 1.17.20 with the Airflow subchart `airflow` 1.17.3-astro) holding only what the
 * worker pod needs: chart-templates/ (our named templates, the ConfigMap part that writes
 * pod_template_file.yaml, and the default pod template) and values/ (the charts' default
 * values, generated from the corpus by scripts/gen-default-values.mjs). Rendering it through
 * the chart layer gives Helm's value coalescing, globals and `.Chart`/`.Release` for free.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chart, emptyDependency, emptyMetadata, type Metadata } from '../chart/metadata.js';
import type { GoValue } from '../template/value.js';

/** builtinTemplateFile is the default pod template's path, relative to the package root (for messages). */
export const builtinTemplateFile = 'chart-templates/pod-template.yaml';

/** builtinConfigMapTemplate is the full name of our ConfigMap template inside the built-in chart. */
export const builtinConfigMapTemplate = 'airflow/charts/airflow/templates/configmaps/pod-template-configmap.yaml';

/** Plain is JSON.parse's output for the values file (numbers are float64, as Helm's values). */
type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

interface BuiltinAssets {
  root: string;
  helpers: string;
  configMap: string;
  podTemplate: string;
  parentValues: Plain;
  subValues: Plain;
  parentMeta: { name: string; version: string };
  subMeta: { name: string; version: string; appVersion: string };
}

let assets: BuiltinAssets | undefined;

/** packageRoot finds the folder holding chart-templates/ above this module (src/pod or dist/src/pod). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'chart-templates')) && existsSync(join(dir, 'values'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('podtpl: cannot find its chart-templates/ and values/ folders (is the package complete?)');
}

function loadAssets(): BuiltinAssets {
  if (assets) return assets;
  const root = packageRoot();
  const read = (p: string): string => readFileSync(join(root, p), 'utf8');
  // The file is JSON written by Go's rules (scripts/gen-default-values.mjs); the native parser
  // reads it fastest, and JSON.parse makes `__proto__` an ordinary own key.
  const doc = JSON.parse(read('values/airflow-chart-1.17.20.json')) as Record<string, Record<string, Plain>>;
  const chart = doc['chart']!;
  const sub = doc['subchart']!;
  assets = {
    root,
    helpers: read('chart-templates/_helpers.tpl'),
    configMap: read('chart-templates/pod-template-configmap.yaml'),
    podTemplate: read(builtinTemplateFile),
    parentValues: chart['values']!,
    subValues: sub['values']!,
    parentMeta: { name: chart['name'] as string, version: chart['version'] as string },
    subMeta: { name: sub['name'] as string, version: sub['version'] as string, appVersion: sub['appVersion'] as string },
  };
  return assets;
}

/** toGo converts parsed JSON to Go values (maps as Map, numbers float64), fresh on every call. */
function toGo(v: Plain, depth = 0): GoValue {
  if (depth > 200) throw new Error('podtpl: built-in values nested too deeply');
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => toGo(x, depth + 1));
  const m = new Map<string, GoValue>();
  for (const k of Object.keys(v)) m.set(k, toGo(v[k]!, depth + 1));
  return m;
}

/** builtinPodTemplate is the text of podtpl's default pod template. */
export function builtinPodTemplate(): string {
  return loadAssets().podTemplate;
}

function meta(name: string, version: string, appVersion = ''): Metadata {
  const md = emptyMetadata();
  md.apiVersion = 'v2';
  md.name = name;
  md.version = version;
  md.appVersion = appVersion;
  md.type = 'application';
  return md;
}

/**
 * builtinChart builds a fresh copy of the built-in chart (rendering mutates a chart's
 * dependency list and values, so each render gets its own).
 */
export function builtinChart(): Chart {
  const a = loadAssets();
  const enc = new TextEncoder();
  const parentMd = meta(a.parentMeta.name, a.parentMeta.version);
  const dep = emptyDependency();
  dep.name = a.subMeta.name;
  dep.version = a.subMeta.version;
  parentMd.dependencies = [dep];
  const parent = new Chart(parentMd);
  const pv = toGo(a.parentValues) as Map<string, GoValue>;
  const airflow = pv.get('airflow');
  // Helm: the parent's values.yaml sets airflow.podTemplate; ours is chart-templates/pod-template.yaml.
  if (airflow instanceof Map) airflow.set('podTemplate', a.podTemplate);
  parent.values = pv;
  const sub = new Chart(meta(a.subMeta.name, a.subMeta.version, a.subMeta.appVersion));
  sub.values = toGo(a.subValues) as Map<string, GoValue>;
  sub.templates = [
    { name: 'templates/_helpers.tpl', data: enc.encode(a.helpers) },
    { name: 'templates/configmaps/pod-template-configmap.yaml', data: enc.encode(a.configMap) },
  ];
  parent.addDependency(sub);
  return parent;
}
