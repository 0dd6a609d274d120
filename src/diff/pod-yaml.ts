// pod-yaml.ts: a rendered pod in and out of YAML for the diff. In: typed as PyYAML types it, since
// Airflow's scheduler is what reads the pod template file (src/validate/fast-load.ts, load.ts).
// Out: a normalized YAML text (keys in go-yaml's sorted order, go-yaml v2 style, as helm-diff shows
// manifests), so the text diff depends on the content only, never on the template's whitespace.
import { fastLoad } from '../validate/fast-load.js';
import { loadYaml, LoadError } from '../validate/load.js';
import { decodeJsonForYaml, emitYaml, goYamlKeyLess } from '../yaml/emit.js';
import { isObj, MAX_DIFF_DEPTH, DiffDepthError } from './objects.js';

/** PodParseError is a rendered pod that is not YAML: the message names the file, line and column. */
export class PodParseError extends Error {}

/**
 * parsePod reads the documents of a rendered pod: the single non-empty document itself, or a list
 * of the non-empty documents when there are several (compared by position).
 */
export function parsePod(text: string, file = '<pod>'): unknown {
  let docs = fastLoad(text);
  if (docs === undefined) {
    let loaded;
    try {
      loaded = loadYaml(text);
    } catch (e) {
      if (e instanceof LoadError) throw new PodParseError(`${file}: ${e.message}`);
      throw e;
    }
    docs = [];
    for (const d of loaded.docs) {
      const err = d.errors[0];
      if (err) throw new PodParseError(`${file}:${err.line}:${err.column}: ${err.message}`);
      if (d.value !== null) docs.push(d.value);
    }
  }
  if (docs.length === 1) return docs[0];
  if (docs.length === 0) return null;
  return docs;
}

function sortedKeys(o: Record<string, unknown>): string[] {
  const ks = Object.keys(o);
  // go-yaml's order is expensive to compute; pods repeat the same key sets, so memoize by key set.
  if (ks.length < 2) return ks;
  const sig = ks.join('\u0000');
  let cached = keyOrderCache.get(sig);
  if (!cached) {
    cached = ks.slice().sort((p, q) => (goYamlKeyLess(p, q) ? -1 : goYamlKeyLess(q, p) ? 1 : 0));
    if (keyOrderCache.size > 5000) keyOrderCache.clear();
    keyOrderCache.set(sig, cached);
  }
  return cached;
}
const keyOrderCache = new Map<string, string[]>();

/** toJsonSorted writes v as JSON with map keys in go-yaml's order (Dates as RFC 3339, NaN/Inf as strings). */
export function toJsonSorted(v: unknown, depth = 0): string {
  if (depth > MAX_DIFF_DEPTH) throw new DiffDepthError(`document nests deeper than ${MAX_DIFF_DEPTH} levels`);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : JSON.stringify(String(v));
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return JSON.stringify(Number.isNaN(v.getTime()) ? String(v) : v.toISOString());
  if (Array.isArray(v)) return '[' + v.map((x) => toJsonSorted(x, depth + 1)).join(',') + ']';
  if (isObj(v)) {
    return '{' + sortedKeys(v).map((k) => JSON.stringify(k) + ':' + toJsonSorted(v[k], depth + 1)).join(',') + '}';
  }
  return JSON.stringify(String(v));
}

/** podToYaml prints a parsed pod as normalized YAML (sigs.k8s.io/yaml.Marshal's layout). */
export function podToYaml(v: unknown): string {
  if (v === null || v === undefined) return '';
  return emitYaml(decodeJsonForYaml(toJsonSorted(v)));
}
