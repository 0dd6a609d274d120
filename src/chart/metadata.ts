/**
 * metadata holds Helm's chart model: Chart.yaml's `chart.Metadata` (decoded the way
 * sigs.k8s.io/yaml decodes into a Go struct), its validation with Helm's messages, and the
 * loaded `Chart` tree. Helm: pkg/chart/{chart,metadata,dependency}.go.
 */
import { type GoValue, typeOf } from '../template/value.js';
import { formatFloat } from '../template/strconv.js';
import { parseVersion } from './dependencies.js';
import { goQuote } from './strvals.js';

/** Maintainer is one entry of Chart.yaml's maintainers. */
export interface Maintainer {
  name: string;
  email: string;
  url: string;
}

/** Dependency is one entry of Chart.yaml's (or requirements.yaml's) dependencies. */
export interface Dependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags: string[] | null;
  enabled: boolean;
  importValues: GoValue[] | null;
  alias: string;
}

/** Metadata is the content of Chart.yaml (Helm: chart.Metadata); null stands for a nil slice/map. */
export interface Metadata {
  name: string;
  home: string;
  sources: string[] | null;
  version: string;
  description: string;
  keywords: string[] | null;
  maintainers: (Maintainer | null)[] | null;
  icon: string;
  apiVersion: string;
  condition: string;
  tags: string;
  appVersion: string;
  deprecated: boolean;
  annotations: Map<string, string> | null;
  kubeVersion: string;
  dependencies: (Dependency | null)[] | null;
  type: string;
}

/** ChartFile is one file of a chart: its slash path relative to the chart root and its bytes. */
export interface ChartFile {
  name: string;
  data: Uint8Array;
}

/** Chart is a loaded chart: metadata, default values, templates, other files and subcharts. */
export class Chart {
  metadata: Metadata;
  /** Chart.lock / requirements.lock, parsed only for validation. */
  lock: GoValue = null;
  templates: ChartFile[] = [];
  /** values.yaml (a map[string]interface{}), or null when the chart has none. */
  values: Map<string, GoValue> | null = null;
  /** values.schema.json, raw. */
  schema: Uint8Array | null = null;
  files: ChartFile[] = [];
  private parentChart: Chart | null = null;
  private deps: Chart[] = [];

  constructor(metadata: Metadata) {
    this.metadata = metadata;
  }

  /** name is the chart's name from its metadata. */
  name(): string {
    return this.metadata.name;
  }
  /** isRoot reports whether the chart has no parent. */
  isRoot(): boolean {
    return this.parentChart === null;
  }
  /** parent is the chart holding this one under charts/. */
  parent(): Chart | null {
    return this.parentChart;
  }
  /** dependencies are the subcharts currently attached. */
  dependencies(): readonly Chart[] {
    return this.deps;
  }
  /** addDependency attaches subcharts and makes this chart their parent. */
  addDependency(...subs: Chart[]): void {
    for (const s of subs) {
      s.parentChart = this;
      this.deps.push(s);
    }
  }
  /** setDependencies replaces the attached subcharts. */
  setDependencies(...subs: Chart[]): void {
    this.deps = [];
    this.addDependency(...subs);
  }
  /** chartFullPath is "root/charts/sub/charts/subsub" (template name prefix). */
  chartFullPath(): string {
    return this.parentChart ? this.parentChart.chartFullPath() + '/charts/' + this.name() : this.name();
  }
  /** chartPath is the dotted path of names from the root. */
  chartPath(): string {
    return this.parentChart ? this.parentChart.chartPath() + '.' + this.name() : this.name();
  }
  /** shallowCopy copies the chart (sharing files, templates, values and subcharts) with a copied metadata struct. */
  shallowCopy(): Chart {
    const c = new Chart({ ...this.metadata });
    c.lock = this.lock;
    c.templates = this.templates;
    c.values = this.values;
    c.schema = this.schema;
    c.files = this.files;
    c.parentChart = this.parentChart;
    c.deps = this.deps.slice();
    return c;
  }
}

/** emptyMetadata is the zero chart.Metadata. */
export function emptyMetadata(): Metadata {
  return {
    name: '', home: '', sources: null, version: '', description: '', keywords: null, maintainers: null,
    icon: '', apiVersion: '', condition: '', tags: '', appVersion: '', deprecated: false, annotations: null,
    kubeVersion: '', dependencies: null, type: '',
  };
}

/** ChartDecodeError is a Chart.yaml/requirements.yaml type error, with encoding/json's text. */
export class ChartDecodeError extends Error {}

// ---- decoding a YAML tree into the struct (sigs.k8s.io/yaml → encoding/json) ----

type FieldKind = 'string' | '[]string' | 'bool' | 'map[string]string' | '[]interface {}' | 'maintainers' | 'dependencies';

const metadataFields: [string, keyof Metadata, FieldKind][] = [
  ['name', 'name', 'string'],
  ['home', 'home', 'string'],
  ['sources', 'sources', '[]string'],
  ['version', 'version', 'string'],
  ['description', 'description', 'string'],
  ['keywords', 'keywords', '[]string'],
  ['maintainers', 'maintainers', 'maintainers'],
  ['icon', 'icon', 'string'],
  ['apiVersion', 'apiVersion', 'string'],
  ['condition', 'condition', 'string'],
  ['tags', 'tags', 'string'],
  ['appVersion', 'appVersion', 'string'],
  ['deprecated', 'deprecated', 'bool'],
  ['annotations', 'annotations', 'map[string]string'],
  ['kubeVersion', 'kubeVersion', 'string'],
  ['dependencies', 'dependencies', 'dependencies'],
  ['type', 'type', 'string'],
];

const dependencyFields: [string, keyof Dependency, FieldKind][] = [
  ['name', 'name', 'string'],
  ['version', 'version', 'string'],
  ['repository', 'repository', 'string'],
  ['condition', 'condition', 'string'],
  ['tags', 'tags', '[]string'],
  ['enabled', 'enabled', 'bool'],
  ['import-values', 'importValues', '[]interface {}'],
  ['alias', 'alias', 'string'],
];

const maintainerFields: [string, keyof Maintainer, FieldKind][] = [
  ['name', 'name', 'string'],
  ['email', 'email', 'string'],
  ['url', 'url', 'string'],
];

const goTypeOfKind: Record<FieldKind, string> = {
  string: 'string',
  '[]string': '[]string',
  bool: 'bool',
  'map[string]string': 'map[string]string',
  '[]interface {}': '[]interface {}',
  maintainers: '[]*chart.Maintainer',
  dependencies: '[]*chart.Dependency',
};

/** jsonKind names a decoded value the way encoding/json's UnmarshalTypeError does. */
function jsonKind(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  return 'number';
}

/** toStringTarget is sigs.k8s.io/yaml's coercion of a number or bool into a string field. */
function toStringTarget(v: GoValue): GoValue {
  if (typeof v === 'number') return formatFloat(v, 'g', -1, 32);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object' && v !== null && !(v instanceof Map) && !Array.isArray(v)) return String(v);
  return v;
}

class Decoder {
  err: ChartDecodeError | null = null;
  fail(value: GoValue, struct: string, field: string, type: string): void {
    if (!this.err) {
      this.err = new ChartDecodeError(
        `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(value)} into Go struct field ${struct}.${field} of type ${type}`,
      );
    }
  }

  /** struct decodes a map into a struct described by fields, matching keys like encoding/json. */
  struct<T extends object>(
    m: Map<string, GoValue>,
    target: T,
    fields: [string, keyof T, FieldKind][],
    structName: string,
    path: string,
  ): void {
    // Go marshals the YAML map to JSON with sorted keys, then decodes in that order.
    const keys = [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      let f = fields.find((x) => x[0] === key);
      if (!f) f = fields.find((x) => x[0].toLowerCase() === key.toLowerCase());
      if (!f) continue;
      const [jsonName, prop, kind] = f;
      const full = path ? path + '.' + jsonName : jsonName;
      const v = m.get(key) ?? null;
      const out = this.field(v, kind, structName, full, (target as Record<keyof T, unknown>)[prop]);
      if (out !== undefined) (target as Record<keyof T, unknown>)[prop] = out;
    }
  }

  /** field decodes one value into a field of kind; undefined keeps the current value. */
  field(v: GoValue, kind: FieldKind, structName: string, path: string, current: unknown): unknown {
    if (v === null || v === undefined) {
      // JSON null leaves strings and bools alone and sets slices/maps to nil.
      return kind === 'string' || kind === 'bool' ? undefined : null;
    }
    switch (kind) {
      case 'string': {
        const s = toStringTarget(v);
        if (typeof s !== 'string') return this.fail(v, structName, path, 'string'), undefined;
        return s;
      }
      case 'bool':
        if (typeof v !== 'boolean') return this.fail(v, structName, path, 'bool'), undefined;
        return v;
      case '[]string': {
        if (!Array.isArray(v)) return this.fail(v, structName, path, '[]string'), undefined;
        return v.map((x) => {
          if (x === null) return '';
          const s = toStringTarget(x);
          if (typeof s !== 'string') {
            this.fail(x, structName, path, 'string');
            return '';
          }
          return s;
        });
      }
      case 'map[string]string': {
        if (!(v instanceof Map)) return this.fail(v, structName, path, 'map[string]string'), undefined;
        const out = current instanceof Map ? (current as Map<string, string>) : new Map<string, string>();
        for (const [k, x] of v) {
          if (x === null) {
            out.set(k, '');
            continue;
          }
          const s = toStringTarget(x);
          if (typeof s !== 'string') this.fail(x, structName, path + '.' + k, 'string');
          else out.set(k, s);
        }
        return out;
      }
      case '[]interface {}':
        if (!Array.isArray(v)) return this.fail(v, structName, path, '[]interface {}'), undefined;
        return v.slice();
      case 'maintainers': {
        if (!Array.isArray(v)) return this.fail(v, structName, path, goTypeOfKind[kind]), undefined;
        return v.map((x) => {
          if (x === null) return null;
          const m: Maintainer = { name: '', email: '', url: '' };
          if (!(x instanceof Map)) this.fail(x, structName, path, 'chart.Maintainer');
          else this.struct(x, m, maintainerFields, 'Maintainer', path);
          return m;
        });
      }
      case 'dependencies': {
        if (!Array.isArray(v)) return this.fail(v, structName, path, goTypeOfKind[kind]), undefined;
        return v.map((x) => {
          if (x === null) return null;
          const d = emptyDependency();
          if (!(x instanceof Map)) this.fail(x, structName, path, 'chart.Dependency');
          else this.struct(x, d, dependencyFields, 'Dependency', path);
          return d;
        });
      }
    }
  }
}

/** emptyDependency is the zero chart.Dependency. */
export function emptyDependency(): Dependency {
  return { name: '', version: '', repository: '', condition: '', tags: null, enabled: false, importValues: null, alias: '' };
}

/**
 * decodeMetadataInto lays a parsed Chart.yaml (or requirements.yaml) document over md, the
 * way sigs.k8s.io/yaml.Unmarshal fills a struct: numbers and bools become strings in string
 * fields, keys match case-insensitively, unknown keys are ignored. Throws ChartDecodeError
 * with encoding/json's text on a type mismatch.
 */
export function decodeMetadataInto(doc: GoValue, md: Metadata): void {
  if (doc === null || doc === undefined) return;
  if (!(doc instanceof Map)) {
    throw new ChartDecodeError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(doc)} into Go value of type chart.Metadata`,
    );
  }
  const d = new Decoder();
  d.struct(doc, md, metadataFields, 'Metadata', '');
  if (d.err) throw d.err;
}

// ---- validation (Helm: Metadata.Validate, Dependency.Validate) ----

/** ValidationError prints as "validation: MSG" (Helm: chart.ValidationError). */
export class ValidationError extends Error {
  constructor(msg: string) {
    super('validation: ' + msg);
    this.name = 'ValidationError';
  }
}

/** sanitize turns Unicode spaces into ' ' and drops non-printable characters (Helm: sanitizeString). */
export function sanitize(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/^[\t\n\v\f\r \x85\xA0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(ch)) out += ' ';
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch) || ch === ' ') out += ch;
  }
  return out;
}

const aliasRe = /^[a-zA-Z0-9_-]+$/;

/** goBase is Go's path/filepath.Base on a slash path. */
function goBase(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  if (p === '') return '/';
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** validateDependency checks (and sanitises) one dependency entry. */
export function validateDependency(d: Dependency | null): void {
  if (d === null) throw new ValidationError('dependencies must not contain empty or null nodes');
  d.name = sanitize(d.name);
  d.version = sanitize(d.version);
  d.repository = sanitize(d.repository);
  d.condition = sanitize(d.condition);
  if (d.tags) d.tags = d.tags.map(sanitize);
  if (d.alias !== '' && !aliasRe.test(d.alias)) {
    throw new ValidationError(`dependency ${goQuoteSimple(d.name)} has disallowed characters in the alias`);
  }
}

/** validateMetadata checks (and sanitises) the metadata as Helm's loader does; throws ValidationError. */
export function validateMetadata(md: Metadata | null): void {
  if (md === null) throw new ValidationError('chart.metadata is required');
  md.name = sanitize(md.name);
  md.description = sanitize(md.description);
  md.home = sanitize(md.home);
  md.icon = sanitize(md.icon);
  md.condition = sanitize(md.condition);
  md.tags = sanitize(md.tags);
  md.appVersion = sanitize(md.appVersion);
  md.kubeVersion = sanitize(md.kubeVersion);
  if (md.sources) md.sources = md.sources.map(sanitize);
  if (md.keywords) md.keywords = md.keywords.map(sanitize);
  if (md.apiVersion === '') throw new ValidationError('chart.metadata.apiVersion is required');
  if (md.name === '') throw new ValidationError('chart.metadata.name is required');
  if (md.name !== goBase(md.name)) throw new ValidationError(`chart.metadata.name ${goQuoteSimple(md.name)} is invalid`);
  if (md.version === '') throw new ValidationError('chart.metadata.version is required');
  if (parseVersion(md.version) === null) throw new ValidationError(`chart.metadata.version ${goQuoteSimple(md.version)} is invalid`);
  if (md.type !== '' && md.type !== 'application' && md.type !== 'library') {
    throw new ValidationError('chart.metadata.type must be application or library');
  }
  for (const m of md.maintainers ?? []) {
    if (m === null) throw new ValidationError('maintainers must not contain empty or null nodes');
    m.name = sanitize(m.name);
    m.email = sanitize(m.email);
    m.url = sanitize(m.url);
  }
  const seen = new Set<string>();
  for (const d of md.dependencies ?? []) {
    validateDependency(d);
    const key = d!.alias !== '' ? d!.alias : d!.name;
    if (seen.has(key)) throw new ValidationError(`more than one dependency with name or alias ${goQuoteSimple(key)}`);
    seen.add(key);
  }
}

function goQuoteSimple(s: string): string {
  return goQuote(s);
}

/** describeValue is typeOf for messages (kept for callers that format decode errors). */
export function describeValue(v: GoValue): string {
  return typeOf(v);
}
