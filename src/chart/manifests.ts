// Helm: pkg/releaseutil (manifest.go SplitManifests, manifest_sorter.go SortManifests,
// kind_sorter.go InstallOrder) and pkg/action/install.go renderResources — how `helm template`
// turns rendered files into its printed output: every file split into YAML documents, each
// read for `kind` and the `helm.sh/hook` annotation, hooks separated, both stably sorted by
// kind, printed as `---\n# Source: NAME\nDOC\n`.
import { type GoValue } from '../template/value.js';
import { YamlError } from '../yaml/errors.js';
import { compareGoStrings } from '../yaml/json.js';
import { formatFloat } from '../yaml/float.js';
import { yamlUnmarshal } from '../yaml/load.js';

/** HookAnnotation is the annotation that makes a manifest a hook (Helm: release.HookAnnotation). */
export const HookAnnotation = 'helm.sh/hook';

/** InstallOrder is Helm 3's kind install order (Helm: releaseutil.InstallOrder). */
export const InstallOrder: readonly string[] = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy',
  'PodDisruptionBudget', 'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass',
  'PersistentVolume', 'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList',
  'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList',
  'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet', 'Deployment',
  'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
];

const installRank = new Map(InstallOrder.map((k, i) => [k, i]));

/** hookEvents are the hook events Helm knows; a hook naming any other is skipped. */
const hookEvents = new Set([
  'pre-install', 'post-install', 'pre-delete', 'post-delete', 'pre-upgrade', 'post-upgrade',
  'pre-rollback', 'post-rollback', 'test', 'test-success',
]);

/** SimpleHead is the part of a manifest Helm reads (Helm: releaseutil.SimpleHead). */
export interface SimpleHead {
  version: string;
  kind: string;
  /** null when the document has no (or a null) `metadata`. */
  metadata: { name: string; annotations: Map<string, string> | null } | null;
}

/** Manifest is one YAML document of a rendered file. */
export interface Manifest {
  /** The template's full name (`chart/templates/x.yaml`). */
  name: string;
  /** The document, trimmed. */
  content: string;
  head: SimpleHead;
  /** A hook's events, lower-cased (`pre-install`, `test`, …); empty for other manifests. */
  events: string[];
}

/** ManifestError is `YAML parse error on NAME: …`, as Helm reports a document that is not YAML. */
export class ManifestError extends Error {
  constructor(
    message: string,
    readonly templateName: string,
  ) {
    super(message);
    this.name = 'ManifestError';
  }
}

// Go: unicode.IsSpace (what strings.TrimSpace trims); JS's trim() differs (U+FEFF, U+0085).
const goSpace = '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** goTrimSpace is Go's strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && goSpace.includes(s[i]!)) i++;
  while (j > i && goSpace.includes(s[j - 1]!)) j--;
  return s.slice(i, j);
}

// Helm: releaseutil sep = `(?:^|\s*\n)---\s*`. Go's \s is [\t\n\f\r ] (no \v, no Unicode spaces).
const docSep = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/g;

/**
 * splitManifests splits a rendered file into trimmed YAML documents, in order (Helm:
 * releaseutil.SplitManifests; the map it returns is read back in `manifest-N` order).
 */
export function splitManifests(bigFile: string): string[] {
  const s = goTrimSpace(bigFile);
  const docs: string[] = [];
  // Go: regexp.Split(s, -1) — pieces between non-overlapping leftmost-first matches.
  let beg = 0;
  docSep.lastIndex = 0;
  for (let m = docSep.exec(s); m !== null; m = docSep.exec(s)) {
    const piece = s.slice(beg, m.index);
    if (piece !== '') docs.push(goTrimSpace(piece));
    beg = m.index + m[0].length;
  }
  const last = s.slice(beg);
  if (last !== '') docs.push(goTrimSpace(last));
  return docs;
}

/** goTypeWord is the word encoding/json's UnmarshalTypeError uses for a JSON value. */
function goTypeWord(v: GoValue): string {
  if (v instanceof Map) return 'object';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

const jsonPrefix = 'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ';
const metadataType = 'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

/** HeadDecodeError is a SimpleHead decoding failure with sigs.k8s.io/yaml's message. */
class HeadDecodeError extends Error {}

/**
 * asTargetString is sigs.k8s.io/yaml's coercion of a scalar decoded into a Go string field
 * (numbers and booleans become strings), then encoding/json's check.
 */
function asTargetString(v: GoValue, field: string): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    // Sigs: ints print with Itoa, floats with FormatFloat(f, 'g', -1, 32). Values reach us as
    // float64 after the JSON round trip, so integral ones are taken as YAML ints.
    return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : formatFloat(v, 'g', 32);
  }
  throw new HeadDecodeError(`${jsonPrefix}${goTypeWord(v)} into Go struct field ${field} of type string`);
}

/**
 * matchField is encoding/json's field lookup for a JSON key: an exact match, else the first
 * field whose name equals the key case-insensitively.
 */
function matchField(key: string, fields: readonly string[]): string | undefined {
  if (fields.includes(key)) return key;
  const k = key.toLowerCase();
  return fields.find((f) => f.toLowerCase() === k);
}

/** sortedEntries are a JSON object's members in the order encoding/json decodes them (sigs marshals maps with sorted keys). */
function sortedEntries(m: Map<string, GoValue>): [string, GoValue][] {
  return [...m.entries()].sort((x, y) => compareGoStrings(x[0], y[0]));
}

// Go 1.19 encoding/json names a field by its struct's type name and the path of JSON field
// names; the metadata struct is anonymous, so its fields read `.metadata.name`.
const headFields = ['apiVersion', 'kind', 'metadata'];
const metadataFields = ['name', 'annotations'];

/** decodeHead decodes a document into SimpleHead like sigs.k8s.io/yaml.Unmarshal; throws YamlError or HeadDecodeError. */
export function decodeHead(doc: string): SimpleHead {
  const v = yamlUnmarshal(doc, 'interface');
  const head: SimpleHead = { version: '', kind: '', metadata: null };
  if (v === null || v === undefined) return head;
  if (!(v instanceof Map)) {
    throw new HeadDecodeError(`${jsonPrefix}${goTypeWord(v)} into Go value of type releaseutil.SimpleHead`);
  }
  for (const [key, x] of sortedEntries(v)) {
    const f = matchField(key, headFields);
    if (f === 'apiVersion') {
      const s = asTargetString(x, 'SimpleHead.apiVersion');
      if (s !== undefined) head.version = s;
    } else if (f === 'kind') {
      const s = asTargetString(x, 'SimpleHead.kind');
      if (s !== undefined) head.kind = s;
    } else if (f === 'metadata') {
      if (x === null || x === undefined) {
        head.metadata = null;
        continue;
      }
      if (!(x instanceof Map)) {
        throw new HeadDecodeError(`${jsonPrefix}${goTypeWord(x)} into Go struct field SimpleHead.metadata of type ${metadataType}`);
      }
      const meta = head.metadata ?? { name: '', annotations: null };
      head.metadata = meta;
      for (const [mk, mx] of sortedEntries(x)) {
        const mf = matchField(mk, metadataFields);
        if (mf === 'name') {
          const s = asTargetString(mx, '.metadata.name');
          if (s !== undefined) meta.name = s;
        } else if (mf === 'annotations') {
          if (mx === null || mx === undefined) {
            meta.annotations = null;
            continue;
          }
          if (!(mx instanceof Map)) {
            throw new HeadDecodeError(`${jsonPrefix}${goTypeWord(mx)} into Go struct field .metadata.annotations of type map[string]string`);
          }
          const out = meta.annotations ?? new Map<string, string>();
          meta.annotations = out;
          for (const [ak, ax] of sortedEntries(mx)) {
            // Go: a JSON null stores the zero value "" in a map[string]string.
            out.set(ak, asTargetString(ax, '.metadata.annotations') ?? '');
          }
        }
      }
    }
  }
  return head;
}

function kindLess(a: string, b: string): boolean {
  const ra = installRank.get(a);
  const rb = installRank.get(b);
  if (ra === undefined && rb === undefined) return compareGoStrings(a, b) < 0;
  if (ra === undefined) return false;
  if (rb === undefined) return true;
  return ra < rb;
}

/** sortByKind sorts manifests stably in install order, unknown kinds last and alphabetical (Helm: sortManifestsByKind). */
export function sortByKind(ms: Manifest[]): Manifest[] {
  // Array.prototype.sort is stable (ES2019), as Go's sort.SliceStable.
  return ms.sort((x, y) => (kindLess(x.head.kind, y.head.kind) ? -1 : kindLess(y.head.kind, x.head.kind) ? 1 : 0));
}

/** SortedManifests are a release's generic manifests and hooks, each in install order. */
export interface SortedManifests {
  manifests: Manifest[];
  hooks: Manifest[];
}

/**
 * sortManifests is Helm's releaseutil.SortManifests: files (full template name → rendered
 * text) in name order, partials and whitespace-only files skipped, every document decoded;
 * hooks with an unknown event are dropped. Throws ManifestError.
 */
export function sortManifests(files: ReadonlyMap<string, string>): SortedManifests {
  const names = [...files.keys()].sort(compareGoStrings);
  const manifests: Manifest[] = [];
  const hooks: Manifest[] = [];
  for (const name of names) {
    const content = files.get(name)!;
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (base.startsWith('_') || goTrimSpace(content) === '') continue;
    for (const doc of splitManifests(content)) {
      let head: SimpleHead;
      try {
        head = decodeHead(doc);
      } catch (e) {
        if (e instanceof YamlError || e instanceof HeadDecodeError) {
          throw new ManifestError(`YAML parse error on ${name}: ${e.message}`, name);
        }
        throw e;
      }
      const m: Manifest = { name, content: doc, head, events: [] };
      const ann = head.metadata?.annotations;
      const hookVal = ann && ann.size > 0 ? ann.get(HookAnnotation) : undefined;
      if (hookVal === undefined) {
        manifests.push(m);
        continue;
      }
      // Helm: an unknown hook event skips the document ("info: skipping unknown hook").
      m.events = hookVal.split(',').map((ev) => goTrimSpace(ev).toLowerCase());
      if (m.events.every((ev) => hookEvents.has(ev))) hooks.push(m);
    }
  }
  return { manifests: sortByKind(manifests), hooks: sortByKind(hooks) };
}

/** isNotes reports whether a template is a NOTES.txt file, which `helm template` never prints. */
export function isNotes(name: string): boolean {
  return name.endsWith('NOTES.txt');
}

/** frame prints one document as `helm template` does. */
export function frame(m: Manifest): string {
  return `---\n# Source: ${m.name}\n${m.content}\n`;
}

/** CRD is a file of a chart's `crds/` folder, printed raw with --include-crds. */
export interface CRD {
  /** `chart/crds/x.yaml` (`chart/charts/sub/crds/x.yaml` for a subchart). */
  filename: string;
  text: string;
}

/** OutputOptions are `helm template`'s --include-crds, --no-hooks and --skip-tests. */
export interface OutputOptions {
  crds?: readonly CRD[];
  noHooks?: boolean;
  skipTests?: boolean;
}

/** isTestHook reports whether a hook runs on `test` (`test-success` is its old name). */
export function isTestHook(m: Manifest): boolean {
  return m.events.some((e) => e === 'test' || e === 'test-success');
}

/**
 * templateOutput is `helm template`'s output without --show-only/--output-dir: the CRDs (with
 * --include-crds) and the manifests, trimmed, one newline, then the hooks (Helm:
 * pkg/action/install.go renderResources, cmd/helm/template.go).
 */
export function templateOutput(s: SortedManifests, o: OutputOptions = {}): string {
  let body = '';
  for (const c of o.crds ?? []) body += `---\n# Source: ${c.filename}\n${c.text}\n`;
  body += s.manifests.map(frame).join('');
  let out = goTrimSpace(body) + '\n';
  if (o.noHooks) return out;
  for (const h of s.hooks) if (!(o.skipTests && isTestHook(h))) out += frame(h);
  return out;
}

/** manifestNameRe finds the template path after the chart name in a `# Source:` line (Helm: template.go). */
const manifestNameRe = /# Source: [^/]+\/(.+)/;

/** ShowOnlyError is `could not find template NAME in chart`. */
export class ShowOnlyError extends Error {}

/**
 * showOnly is `helm template --show-only`: the framed output split again into documents,
 * every document whose template path (without the chart name) matches a pattern printed as
 * `---\n…\n`, pattern by pattern. A pattern that matches no document fails unless it matches a
 * rendered template (one that rendered empty: not an error here, unlike Helm 3.14).
 */
export function showOnly(framed: string, patterns: readonly string[], renderedNames: Iterable<string> = []): string {
  const docs = splitManifests(framed);
  const rendered = [...renderedNames].map((n) => n.slice(n.indexOf('/') + 1));
  let out = '';
  for (const raw of patterns) {
    // Go: filepath.ToSlash is the identity on Linux; a backslash stays a Match escape.
    const f = raw;
    let missing = true;
    for (const doc of docs) {
      const m = manifestNameRe.exec(doc);
      if (m === null) continue;
      if (!goPathMatch(f, m[1]!)) continue;
      out += `---\n${doc}\n`;
      missing = false;
    }
    if (missing && !rendered.some((n) => goPathMatch(f, n))) throw new ShowOnlyError(`could not find template ${raw} in chart`);
  }
  return out;
}

/**
 * goPathMatch is Go's path/filepath.Match on slash paths (`*` and `?` do not match `/`,
 * `[…]` classes with `^`/`!`… only `^` in Go, `\` escapes). A malformed pattern matches nothing.
 */
export function goPathMatch(pattern: string, name: string): boolean {
  const re = globRegExp(pattern);
  return re !== null && re.test(name);
}

const globCache = new Map<string, RegExp | null>();

function globRegExp(pattern: string): RegExp | null {
  const hit = globCache.get(pattern);
  if (hit !== undefined) return hit;
  let src = '^';
  const p = [...pattern];
  let ok = true;
  for (let i = 0; i < p.length && ok; i++) {
    const c = p[i]!;
    if (c === '*') src += '[^/]*';
    else if (c === '?') src += '[^/]';
    else if (c === '\\') {
      const n = p[++i];
      if (n === undefined) ok = false;
      else src += escapeRe(n);
    } else if (c === '[') {
      let j = i + 1;
      let cls = '';
      if (p[j] === '^') {
        cls += '^';
        j++;
      }
      let first = true;
      let closed = false;
      for (; j < p.length; j++) {
        const d = p[j]!;
        if (d === ']' && !first) {
          closed = true;
          break;
        }
        first = false;
        if (d === '\\') {
          const n = p[++j];
          if (n === undefined) break;
          cls += escapeClass(n);
        } else if (d === '-') cls += '-';
        else cls += escapeClass(d);
      }
      if (!closed || cls === '' || cls === '^') ok = false;
      else {
        // Go: a class never matches the separator.
        src += cls.startsWith('^') ? `[^/${cls.slice(1)}]` : `(?!/)[${cls}]`;
        i = j;
      }
    } else src += escapeRe(c);
  }
  let re: RegExp | null = null;
  if (ok) {
    try {
      re = new RegExp(src + '$', 'su');
    } catch {
      re = null;
    }
  }
  if (globCache.size > 1000) globCache.clear();
  globCache.set(pattern, re);
  return re;
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

function escapeClass(c: string): string {
  return /[\\\]\[^-]/.test(c) ? '\\' + c : c;
}
