/**
 * context builds the objects of Helm's render dot with Helm's Go types:
 *   .Values / the dot itself / .Template   chartutil.Values (methods YAML, AsMap, Table,
 *                                          PathValue, Encode shadow same-named keys)
 *   .Release                               map[string]interface {}
 *   .Chart                                 struct { chart.Metadata; IsRoot bool }
 *   .Capabilities                          *chartutil.Capabilities (KubeVersion, APIVersions, HelmVersion)
 *   .Files                                 engine.files (files.ts)
 *   .Subcharts                             map[string]interface {} of the subcharts' dots
 * Helm: pkg/chartutil/{values,capabilities}.go, pkg/engine/engine.go (recAllTpls).
 */
import { def } from '../functions/def.js';
import { quote } from '../template/strconv.js';
import { structJsonFields, type JsonField } from '../yaml/json.js';
import { toYaml } from '../yaml/emit.js';
import { YamlError } from '../yaml/errors.js';
import {
  type GoFunc,
  GoFuncError,
  GoInt,
  GoSlice,
  GoStruct,
  type GoValue,
  TypedMap,
  goInt, nilOf } from '../template/value.js';
import { type Version, newVersion, versionString } from '../functions/sprig/semver.js';
import type { Dependency, Maintainer, Metadata } from './metadata.js';

// ---- chartutil.Values ----

/** ValuesGoType is the Go type of `.Values`. */
export const ValuesGoType = 'chartutil.Values';

/** ErrNoTable is chartutil.ErrNoTable: `"key" is not a table`. */
export class ErrNoTable extends Error {
  constructor(readonly key: string) {
    super(`${quote(key)} is not a table`);
  }
}

/** ErrNoValue is chartutil.ErrNoValue: `"key" is not a value`. */
export class ErrNoValue extends Error {
  constructor(readonly key: string) {
    super(`${quote(key)} is not a value`);
  }
}

function isPlainMap(x: GoValue): x is Map<string, GoValue> {
  return x instanceof Map && (!(x instanceof TypedMap) || x.goType === ValuesGoType);
}

/** valuesTable is Values.Table: walks a dotted path of tables; throws ErrNoTable. */
export function valuesTable(v: Map<string, GoValue>, name: string): Map<string, GoValue> {
  let cur = v;
  for (const key of name.split('.')) {
    if (!cur.has(key)) throw new ErrNoTable(key);
    const next = cur.get(key)!;
    if (!isPlainMap(next)) throw new ErrNoTable(key);
    cur = next;
  }
  return cur;
}

/** valuesPathValue is Values.PathValue: the non-table value at a dotted path; throws ErrNoValue. */
export function valuesPathValue(v: Map<string, GoValue>, path: string): GoValue {
  if (path === '') throw new Error('YAML path cannot be empty');
  const parts = path.split('.');
  const last = parts[parts.length - 1]!;
  let tbl = v;
  if (parts.length > 1) {
    try {
      tbl = valuesTable(v, parts.slice(0, -1).join('.'));
    } catch {
      throw new ErrNoValue(last);
    }
  }
  if (tbl.has(last)) {
    const x = tbl.get(last)!;
    if (!(x instanceof Map && !(x instanceof TypedMap))) return x;
  }
  throw new ErrNoValue(last);
}

/**
 * ValuesView is a chartutil.Values whose storage is another map: Helm converts the same Go
 * map between map[string]interface{} and chartutil.Values, so a subchart's `.Values` and
 * `.Values.sub` of its parent are one map (a `set` through either is seen by both).
 */
export class ValuesView extends TypedMap {
  constructor(
    readonly backing: Map<string, GoValue>,
    methods: ReadonlyMap<string, GoFunc>,
  ) {
    super(ValuesGoType, 'map[string]interface {}', 'interface {}', undefined, methods);
  }
  override get(k: string): GoValue {
    return this.backing?.get(k);
  }
  override asUnderlying(): Map<string, GoValue> {
    return this.backing;
  }
  override set(k: string, v: GoValue): this {
    // Map's constructor may call set before backing exists (never with entries here).
    this.backing?.set(k, v);
    return this;
  }
  override has(k: string): boolean {
    return this.backing?.has(k) ?? false;
  }
  override delete(k: string): boolean {
    return this.backing.delete(k);
  }
  override clear(): void {
    this.backing.clear();
  }
  override get size(): number {
    return this.backing?.size ?? 0;
  }
  override keys(): MapIterator<string> {
    return this.backing.keys();
  }
  override values(): MapIterator<GoValue> {
    return this.backing.values();
  }
  override entries(): MapIterator<[string, GoValue]> {
    return this.backing.entries();
  }
  override [Symbol.iterator](): MapIterator<[string, GoValue]> {
    return this.backing.entries();
  }
  override forEach(cb: (value: GoValue, key: string, map: Map<string, GoValue>) => void, thisArg?: unknown): void {
    this.backing.forEach((v, k) => cb.call(thisArg, v, k, this));
  }
}

function valuesMethods(self: () => Map<string, GoValue>): Map<string, GoFunc> {
  const m = new Map<string, GoFunc>();
  m.set(
    'YAML',
    def('YAML', [], 'string', () => {
      try {
        return toYaml(self());
      } catch (e) {
        if (e instanceof YamlError) throw new GoFuncError(e.message);
        throw e;
      }
    }, { err: true }),
  );
  m.set('AsMap', def('AsMap', [], 'map[string]interface {}', () => {
    const s = self();
    return s.size === 0 ? new Map() : s instanceof ValuesView ? s.backing : s;
  }));
  m.set(
    'Table',
    def('Table', ['string'], ValuesGoType, ([name]) => {
      try {
        return asValues(valuesTable(self(), name as string));
      } catch (e) {
        if (e instanceof ErrNoTable) throw new GoFuncError(e.message);
        throw e;
      }
    }, { err: true }),
  );
  m.set(
    'PathValue',
    def('PathValue', ['string'], 'interface {}', ([p]) => {
      try {
        return valuesPathValue(self(), p as string);
      } catch (e) {
        throw new GoFuncError((e as Error).message);
      }
    }, { err: true }),
  );
  m.set('Encode', def('Encode', ['io.Writer'], 'error', () => null));
  return m;
}

/** asValues returns m typed as chartutil.Values, sharing its storage. */
export function asValues(m: Map<string, GoValue>): TypedMap {
  if (m instanceof TypedMap && m.goType === ValuesGoType) return m;
  let view: ValuesView | undefined;
  view = new ValuesView(m, valuesMethods(() => view!));
  return view;
}

/** newValues makes an empty chartutil.Values. */
export function newValues(entries?: Iterable<readonly [string, GoValue]>): TypedMap {
  return asValues(new Map(entries));
}

// ---- .Release ----

/** ReleaseOptions are `helm template`'s release fields (--release-name, --namespace, --is-upgrade …). */
export interface ReleaseOptions {
  name?: string;
  namespace?: string;
  isUpgrade?: boolean;
  isInstall?: boolean;
  revision?: number;
  service?: string;
}

/** buildRelease is `.Release`: a map with Helm's defaults (release-name, default, install, revision 1, Helm). */
export function buildRelease(r: ReleaseOptions = {}): Map<string, GoValue> {
  return new Map<string, GoValue>([
    ['Name', r.name ?? 'release-name'],
    ['Namespace', r.namespace ?? 'default'],
    ['IsUpgrade', r.isUpgrade ?? false],
    ['IsInstall', r.isInstall ?? true],
    ['Revision', goInt(r.revision ?? 1)],
    ['Service', r.service ?? 'Helm'],
  ]);
}

// ---- .Capabilities ----

/** HelmVersion identifies the Helm release whose behaviour podtpl mirrors. */
export const HelmVersion = { version: 'v3.14.4', gitCommit: '81c902a123462fd4052bc5e9aa9c513c4c8fc142', gitTreeState: 'clean', goVersion: 'go1.19.8' };

/**
 * defaultAPIVersions is what `helm template` reports without a cluster: client-go v0.29's
 * scheme group/versions in registration order, plus apiextensions.k8s.io v1beta1 and v1.
 */
export const defaultAPIVersions: readonly string[] = [
  'v1', 'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1', 'apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1', 'authentication.k8s.io/v1beta1', 'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1',
  'autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2', 'batch/v1', 'batch/v1beta1',
  'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1', 'certificates.k8s.io/v1alpha1', 'coordination.k8s.io/v1beta1',
  'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1', 'events.k8s.io/v1', 'events.k8s.io/v1beta1',
  'extensions/v1beta1', 'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta3', 'networking.k8s.io/v1',
  'networking.k8s.io/v1alpha1', 'networking.k8s.io/v1beta1', 'node.k8s.io/v1', 'node.k8s.io/v1alpha1', 'node.k8s.io/v1beta1',
  'policy/v1', 'policy/v1beta1', 'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1', 'resource.k8s.io/v1alpha2', 'scheduling.k8s.io/v1alpha1', 'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1', 'storage.k8s.io/v1beta1', 'storage.k8s.io/v1', 'storage.k8s.io/v1alpha1',
  'apiextensions.k8s.io/v1beta1', 'apiextensions.k8s.io/v1',
];

/** CapabilitiesOptions are --kube-version, --api-versions and the Helm build info. */
export interface CapabilitiesOptions {
  /** Parsed like --kube-version (semver, "v" optional). Default v1.20.0 (Helm's source default). */
  kubeVersion?: string;
  /** Appended to the defaults, like --api-versions. */
  apiVersions?: readonly string[];
  /** Replaces the default list. */
  apiVersionsExact?: readonly string[];
  helmVersion?: Partial<typeof HelmVersion>;
}

/** KubeVersionInfo is chartutil.KubeVersion's data. */
export interface KubeVersionInfo {
  version: string;
  major: string;
  minor: string;
}

/** CapabilitiesError is `invalid kube version 'x': …`. */
export class CapabilitiesError extends Error {}

/** parseKubeVersion mimics --kube-version parsing (Helm: chartutil.ParseKubeVersion). */
export function parseKubeVersion(s: string): KubeVersionInfo {
  let v: Version;
  try {
    v = newVersion(s);
  } catch (e) {
    if (e instanceof GoFuncError) throw new CapabilitiesError(`invalid kube version '${s}': ${e.message}`);
    throw e;
  }
  return { version: 'v' + versionString(v), major: v.major.toString(), minor: v.minor.toString() };
}

/** CapabilitiesData is the plain data behind `.Capabilities`. */
export interface CapabilitiesData {
  kubeVersion: KubeVersionInfo;
  apiVersions: string[];
  helmVersion: typeof HelmVersion;
}

/** capabilitiesData resolves options to data (throws CapabilitiesError). */
export function capabilitiesData(o: CapabilitiesOptions = {}): CapabilitiesData {
  const kubeVersion = o.kubeVersion ? parseKubeVersion(o.kubeVersion) : { version: 'v1.20.0', major: '1', minor: '20' };
  const apiVersions = [...(o.apiVersionsExact ?? defaultAPIVersions), ...(o.apiVersions ?? [])];
  return { kubeVersion, apiVersions, helmVersion: { ...HelmVersion, ...(o.helmVersion ?? {}) } };
}

/** buildCapabilities is `.Capabilities` (a *chartutil.Capabilities). */
export function buildCapabilities(d: CapabilitiesData): GoStruct {
  const kv = d.kubeVersion;
  const kubeVersion = new GoStruct(
    'chartutil.KubeVersion',
    new Map<string, GoValue>([
      ['Version', kv.version],
      ['Major', kv.major],
      ['Minor', kv.minor],
    ]),
    new Map([
      ['String', def('String', [], 'string', () => kv.version)],
      ['GitVersion', def('GitVersion', [], 'string', () => kv.version)],
    ]),
    false,
    () => kv.version,
    // Helm: String() is declared on *KubeVersion.
    { ptrStringer: true },
  );
  const list = d.apiVersions.slice();
  const apiVersions = new GoSlice(
    'string',
    list,
    'chartutil.VersionSet',
    new Map([['Has', def('Has', ['string'], 'bool', ([s]) => list.includes(s as string))]]),
  );
  const hv = d.helmVersion;
  const helmVersion = new GoStruct(
    'version.BuildInfo',
    new Map<string, GoValue>([
      ['Version', hv.version],
      ['GitCommit', hv.gitCommit],
      ['GitTreeState', hv.gitTreeState],
      ['GoVersion', hv.goVersion],
    ]),
  );
  const fields = new Map<string, GoValue>([
    ['KubeVersion', kubeVersion],
    ['APIVersions', apiVersions],
    ['HelmVersion', helmVersion],
  ]);
  const caps: GoStruct = new GoStruct(
    'chartutil.Capabilities',
    fields,
    new Map([['Copy', def('Copy', [], '*chartutil.Capabilities', () => caps)]]),
    true,
  );
  return caps;
}

// ---- .Chart ----

/** ChartGoType is `typeOf .Chart` (Helm embeds chart.Metadata in an anonymous struct). */
export const ChartGoType = 'struct { chart.Metadata; IsRoot bool }';

/** stringSlice is a []string; an absent (null) list is Go's nil slice. */
const stringSlice = (xs: string[] | null): GoSlice => (xs ? new GoSlice('string', xs.slice()) : nilOf(new GoSlice('string', [])));

function maintainerStruct(m: Maintainer | null): GoValue {
  if (m === null) return null;
  return new GoStruct('chart.Maintainer', new Map<string, GoValue>([['Name', m.name], ['Email', m.email], ['URL', m.url]]), new Map(), true);
}

function dependencyStruct(d: Dependency | null): GoValue {
  if (d === null) return null;
  return new GoStruct(
    'chart.Dependency',
    new Map<string, GoValue>([
      ['Name', d.name],
      ['Version', d.version],
      ['Repository', d.repository],
      ['Condition', d.condition],
      ['Tags', stringSlice(d.tags)],
      ['Enabled', d.enabled],
      ['ImportValues', d.importValues ? d.importValues.slice() : []],
      ['Alias', d.alias],
    ]),
    new Map(),
    true,
  );
}

/** nilIfAbsent marks container as Go's nil slice or map when the field was absent (null) in Chart.yaml. */
function nilIfAbsent<T extends GoSlice | Map<string, GoValue>>(field: unknown, container: T): T {
  return field === null || field === undefined ? nilOf(container) : container;
}

/** metadataFields returns chart.Metadata's fields in declaration order as Go values. */
function metadataGoFields(md: Metadata): [string, GoValue][] {
  return [
    ['Name', md.name],
    ['Home', md.home],
    ['Sources', stringSlice(md.sources)],
    ['Version', md.version],
    ['Description', md.description],
    ['Keywords', stringSlice(md.keywords)],
    ['Maintainers', nilIfAbsent(md.maintainers, new GoSlice('*chart.Maintainer', (md.maintainers ?? []).map(maintainerStruct)))],
    ['Icon', md.icon],
    ['APIVersion', md.apiVersion],
    ['Condition', md.condition],
    ['Tags', md.tags],
    ['AppVersion', md.appVersion],
    ['Deprecated', md.deprecated],
    ['Annotations', nilIfAbsent(md.annotations, new TypedMap('map[string]string', 'map[string]string', 'string', md.annotations ?? []))],
    ['KubeVersion', md.kubeVersion],
    ['Dependencies', nilIfAbsent(md.dependencies, new GoSlice('*chart.Dependency', (md.dependencies ?? []).map(dependencyStruct)))],
    ['Type', md.type],
  ];
}

/** buildChartObject is `.Chart`: the metadata's fields promoted, plus IsRoot. */
export function buildChartObject(md: Metadata, isRoot: boolean): GoStruct {
  const inner = new GoStruct('chart.Metadata', new Map(metadataGoFields(md)));
  // Helm: struct { chart.Metadata; IsRoot bool } — Metadata is embedded, its fields promoted.
  const fields = new Map<string, GoValue>([['Metadata', inner], ['IsRoot', isRoot]]);
  return new GoStruct(ChartGoType, fields, new Map(), false, undefined, { embedded: ['Metadata'] });
}

// JSON tags: chart.Metadata, chart.Maintainer, chart.Dependency, version.BuildInfo.
const omitEmpty = (v: GoValue): boolean => {
  if (v === '' || v === false || v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof GoSlice) return v.items.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (v instanceof GoInt) return v.v === 0n;
  return v === 0;
};

function tagged(tags: [goName: string, json: string, omit: boolean][]): (s: GoStruct) => JsonField[] {
  return (s) => {
    const out: JsonField[] = [];
    for (const [g, j, omit] of tags) {
      const v = s.field(g)?.value;
      if (omit && omitEmpty(v)) continue;
      out.push([j, v]);
    }
    return out;
  };
}

const metadataTags: [string, string, boolean][] = [
  ['Name', 'name', true], ['Home', 'home', true], ['Sources', 'sources', true], ['Version', 'version', true],
  ['Description', 'description', true], ['Keywords', 'keywords', true], ['Maintainers', 'maintainers', true],
  ['Icon', 'icon', true], ['APIVersion', 'apiVersion', true], ['Condition', 'condition', true], ['Tags', 'tags', true],
  ['AppVersion', 'appVersion', true], ['Deprecated', 'deprecated', true], ['Annotations', 'annotations', true],
  ['KubeVersion', 'kubeVersion', true], ['Dependencies', 'dependencies', true], ['Type', 'type', true],
];
structJsonFields.set(ChartGoType, tagged([...metadataTags, ['IsRoot', 'IsRoot', false]]));
structJsonFields.set('chart.Metadata', tagged(metadataTags));
structJsonFields.set('chart.Maintainer', tagged([['Name', 'name', true], ['Email', 'email', true], ['URL', 'url', true]]));
structJsonFields.set(
  'chart.Dependency',
  tagged([
    ['Name', 'name', false], ['Version', 'version', true], ['Repository', 'repository', false],
    ['Condition', 'condition', true], ['Tags', 'tags', true], ['Enabled', 'enabled', true],
    ['ImportValues', 'import-values', true], ['Alias', 'alias', true],
  ]),
);
structJsonFields.set(
  'version.BuildInfo',
  tagged([['Version', 'version', true], ['GitCommit', 'git_commit', true], ['GitTreeState', 'git_tree_state', true], ['GoVersion', 'go_version', true]]),
);

// ---- .Template ----

/** buildTemplate is `.Template`: chartutil.Values{Name, BasePath}. */
export function buildTemplate(name: string, basePath: string): TypedMap {
  return newValues([
    ['Name', name],
    ['BasePath', basePath],
  ]);
}
