// objects.ts: a Kubernetes-aware comparison of two pods (or any YAML documents). Lists whose items
// have an identity (containers, env, volumes, mounts, ports by name; tolerations by key+effect) are
// matched by it, maps by key, other lists by position. The result is a list of semantic changes
// with paths such as `spec.containers[base].env[AIRFLOW__CORE__EXECUTOR].value`.
//
// Values are what the YAML loaders give (src/validate/load.ts, fast-load.ts): null-prototype-like
// objects for maps, arrays, strings, numbers, booleans, null, Date. Objects are only ever read
// through own keys, so `__proto__` is an ordinary key.

/** ChangeKind says what happened at a path. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'reordered';

/** Change is one semantic difference: where, what, and the values before (`old`) and after (`new`). */
export interface Change {
  path: string;
  kind: ChangeKind;
  /** The value before (absent for `added`; for `reordered` the identities in the old order). */
  old?: unknown;
  /** The value after (absent for `removed`; for `reordered` the identities in the new order). */
  new?: unknown;
}

/** MAX_DIFF_DEPTH bounds the nesting the comparison walks (values are untrusted). */
export const MAX_DIFF_DEPTH = 200;

/** DiffDepthError is thrown when a document nests deeper than MAX_DIFF_DEPTH. */
export class DiffDepthError extends Error {}

type Obj = Record<string, unknown>;

/** isObj reports whether v is a YAML mapping (not a list, not a timestamp). */
export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

const hasOwn = (o: Obj, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** own returns o[k] if k is an own key of o. */
export function own(o: Obj, k: string): unknown {
  return hasOwn(o, k) ? o[k] : undefined;
}

/** deepEqual compares two YAML values structurally (map key order does not matter, list order does). */
export function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth > MAX_DIFF_DEPTH) throw new DiffDepthError(`document nests deeper than ${MAX_DIFF_DEPTH} levels`);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (isObj(a)) {
    if (!isObj(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!hasOwn(b, k) || !deepEqual(a[k], b[k], depth + 1)) return false;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- identities

/** Identity gives a list item's identity, or undefined when it has none. */
type Identity = (item: unknown) => string | undefined;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
const field = (name: string): Identity => (item) => (isObj(item) ? str(own(item, name)) : undefined);

/** IdentityRule is how the items of one list field are matched: a key, and a tie-breaker for duplicates. */
interface IdentityRule {
  primary: Identity;
  /** secondary disambiguates items sharing a primary identity (a volume mounted twice, with subPaths). */
  secondary?: Identity;
}

const byName: IdentityRule = { primary: field('name') };

/** identityRules maps a list field's name to how its items are matched (Kubernetes' merge keys, mostly). */
const identityRules = new Map<string, IdentityRule>([
  ['containers', byName],
  ['initContainers', byName],
  ['ephemeralContainers', byName],
  ['env', byName],
  ['volumes', byName],
  ['volumeMounts', { primary: field('name'), secondary: field('mountPath') }],
  ['volumeDevices', { primary: field('name'), secondary: field('devicePath') }],
  ['imagePullSecrets', byName],
  ['resourceClaims', byName],
  ['hostAliases', { primary: field('ip') }],
  // A port without a name is known by its number (the API server's merge key is containerPort).
  [
    'ports',
    {
      primary: (item) => (isObj(item) ? (str(own(item, 'name')) ?? str(own(item, 'containerPort'))) : undefined),
      secondary: field('protocol'),
    },
  ],
  // Tolerations: key + effect (either may be empty: `:NoSchedule` tolerates every key).
  [
    'tolerations',
    {
      primary: (item) =>
        isObj(item) ? `${str(own(item, 'key')) ?? ''}:${str(own(item, 'effect')) ?? ''}` : undefined,
      secondary: field('operator'),
    },
  ],
]);

/** freeFormMaps are fields whose keys are data, not schema: printed `labels[app]` as the API server does. */
const freeFormMaps = new Set([
  'labels',
  'annotations',
  'nodeSelector',
  'limits',
  'requests',
  'matchLabels',
  'overhead',
  'volumeAttributes',
  'data',
]);

/**
 * itemIds returns the identity of every item of a list field, or undefined when the list must be
 * compared by position (no rule, or an item without identity). Duplicates get the secondary key
 * (`config:/usr/local/airflow/airflow.cfg`), then an occurrence number (`x#2`).
 */
function itemIds(fieldName: string, items: readonly unknown[]): string[] | undefined {
  const rule = identityRules.get(fieldName);
  if (!rule) return undefined;
  const ids: string[] = [];
  for (const it of items) {
    const id = rule.primary(it);
    if (id === undefined) return undefined;
    ids.push(id);
  }
  const count = new Map<string, number>();
  for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
  const seen = new Map<string, number>();
  return ids.map((id, i) => {
    let out = id;
    if ((count.get(id) ?? 0) > 1 && rule.secondary) {
      const s = rule.secondary(items[i]);
      if (s !== undefined) out = `${id}:${s}`;
    }
    const n = (seen.get(out) ?? 0) + 1;
    seen.set(out, n);
    return n === 1 ? out : `${out}#${n}`;
  });
}

/**
 * listIds gives the identities of both sides of a list field, or undefined to compare by position.
 * Both sides must be identifiable, so a list is matched the same way whichever side is looked at.
 */
function listIds(fieldName: string, a: readonly unknown[], b: readonly unknown[]): [string[], string[]] | undefined {
  const ia = itemIds(fieldName, a);
  const ib = itemIds(fieldName, b);
  return ia && ib ? [ia, ib] : undefined;
}

// ---------------------------------------------------------------- paths

const plainField = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** childPath appends a map key: `.key` for a schema field, `[key]` for a free-form map or an odd key. */
export function childPath(parent: string, parentField: string, key: string): string {
  if (freeFormMaps.has(parentField) || !plainField.test(key)) return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** itemPath appends a list item: `[name]` for an identity, `[3]` for a position. */
export function itemPath(parent: string, id: string | number): string {
  return `${parent}[${id}]`;
}

// ---------------------------------------------------------------- the comparison

/** diffObjects returns the semantic changes that turn `a` into `b`, in document order. */
export function diffObjects(a: unknown, b: unknown): Change[] {
  const out: Change[] = [];
  walk(a, b, '', '', out, 0);
  return out;
}

function walk(a: unknown, b: unknown, path: string, fieldName: string, out: Change[], depth: number): void {
  if (depth > MAX_DIFF_DEPTH) throw new DiffDepthError(`document nests deeper than ${MAX_DIFF_DEPTH} levels`);
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(a)) {
      const p = childPath(path, fieldName, k);
      if (!hasOwn(b, k)) out.push({ path: p, kind: 'removed', old: a[k] });
      else walk(a[k], b[k], p, k, out, depth + 1);
    }
    for (const k of Object.keys(b)) {
      if (!hasOwn(a, k)) out.push({ path: childPath(path, fieldName, k), kind: 'added', new: b[k] });
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const ids = listIds(fieldName, a, b);
    if (ids) return walkById(a, b, ids[0], ids[1], path, fieldName, out, depth);
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = itemPath(path, i);
      if (i >= b.length) out.push({ path: p, kind: 'removed', old: a[i] });
      else if (i >= a.length) out.push({ path: p, kind: 'added', new: b[i] });
      else walk(a[i], b[i], p, fieldName, out, depth + 1);
    }
    return;
  }
  if (!deepEqual(a, b, depth)) out.push({ path, kind: 'changed', old: a, new: b });
}

function walkById(
  a: readonly unknown[],
  b: readonly unknown[],
  ia: string[],
  ib: string[],
  path: string,
  fieldName: string,
  out: Change[],
  depth: number,
): void {
  const posB = new Map(ib.map((id, i) => [id, i]));
  const posA = new Map(ia.map((id, i) => [id, i]));
  // Items in the old order, then the added ones in the new order.
  for (let i = 0; i < a.length; i++) {
    const id = ia[i]!;
    const j = posB.get(id);
    const p = itemPath(path, id);
    if (j === undefined) out.push({ path: p, kind: 'removed', old: a[i] });
    else walk(a[i], b[j], p, fieldName, out, depth + 1);
  }
  for (let j = 0; j < b.length; j++) {
    const id = ib[j]!;
    if (!posA.has(id)) out.push({ path: itemPath(path, id), kind: 'added', new: b[j] });
  }
  // Order matters for some lists (env: `$(VAR)` refers to earlier entries; containers start in order).
  const commonA = ia.filter((id) => posB.has(id));
  const commonB = ib.filter((id) => posA.has(id));
  if (commonA.some((id, i) => id !== commonB[i])) out.push({ path, kind: 'reordered', old: commonA, new: commonB });
}

// ---------------------------------------------------------------- ignoring paths

/** PathMatcher tells whether a semantic path is ignored. */
export type PathMatcher = (path: string) => boolean;

/**
 * globToRegExp compiles an `--ignore` glob over semantic paths. `**` matches anything; `*` and `?`
 * match within one segment (outside brackets they stop at `.` and `[`; inside `[...]` at `]`).
 * A pattern also matches everything below the path it names: `metadata.labels` ignores
 * `metadata.labels[app]`.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '^';
  let inBracket = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += inBracket ? '[^\\]]*' : '[^.\\[]*';
    else if (c === '?') re += inBracket ? '[^\\]]' : '[^.\\[]';
    else {
      if (c === '[') inBracket = true;
      else if (c === ']') inBracket = false;
      re += c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    }
  }
  return new RegExp(re + '(?=$|[.[])');
}

/** pathMatcher combines globs into one matcher (none: nothing is ignored). */
export function pathMatcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const res = globs.map(globToRegExp);
  return (path) => res.some((r) => r.test(path));
}

/** partitionChanges splits changes into those that count and those an ignore pattern covers. */
export function partitionChanges(changes: readonly Change[], ignored: PathMatcher): { kept: Change[]; ignored: Change[] } {
  const kept: Change[] = [];
  const ign: Change[] = [];
  for (const c of changes) (ignored(c.path) ? ign : kept).push(c);
  return { kept, ignored: ign };
}

/**
 * revertIgnored returns a copy of `b` in which every ignored path takes `a`'s value again (added
 * items dropped, removed ones put back), so the text diff shows only the changes that count.
 */
export function revertIgnored(a: unknown, b: unknown, ignored: PathMatcher): unknown {
  const r = revert(a, b, '', '', ignored, 0);
  return r.present ? r.value : null;
}

interface Reverted {
  present: boolean;
  value?: unknown;
}

function revert(a: unknown, b: unknown, path: string, fieldName: string, ign: PathMatcher, depth: number): Reverted {
  if (depth > MAX_DIFF_DEPTH) throw new DiffDepthError(`document nests deeper than ${MAX_DIFF_DEPTH} levels`);
  if (path !== '' && ign(path)) return a === undefined ? { present: false } : { present: true, value: a };
  if (b === undefined) return { present: false };
  if (isObj(a) && isObj(b)) {
    const o = Object.create(null) as Obj;
    for (const k of Object.keys(b)) {
      const r = revert(own(a, k), b[k], childPath(path, fieldName, k), k, ign, depth + 1);
      if (r.present) o[k] = r.value;
    }
    for (const k of Object.keys(a)) {
      if (!hasOwn(b, k) && ign(childPath(path, fieldName, k))) o[k] = a[k];
    }
    return { present: true, value: o };
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const ids = listIds(fieldName, a, b);
    if (ids) {
      const [ia, ib] = ids;
      const posA = new Map(ia.map((id, i) => [id, i]));
      const posB = new Map(ib.map((id, i) => [id, i]));
      const list: unknown[] = [];
      for (let j = 0; j < b.length; j++) {
        const i = posA.get(ib[j]!);
        const r = revert(i === undefined ? undefined : a[i], b[j], itemPath(path, ib[j]!), fieldName, ign, depth + 1);
        if (r.present) list.push(r.value);
      }
      for (let i = 0; i < a.length; i++) {
        if (!posB.has(ia[i]!) && ign(itemPath(path, ia[i]!))) list.splice(Math.min(i, list.length), 0, a[i]);
      }
      return { present: true, value: list };
    }
    const list: unknown[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const r = revert(a[i], i < b.length ? b[i] : undefined, itemPath(path, i), fieldName, ign, depth + 1);
      if (r.present) list.push(r.value);
    }
    return { present: true, value: list };
  }
  return { present: true, value: b };
}
