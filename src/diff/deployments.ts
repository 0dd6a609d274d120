// deployments.ts: a diff run over every deployment: render both sides, compare the pods
// (objects.ts), mask secrets, drop ignored paths, compare validation findings, and summarize.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Finding } from '../validate/finding.js';
import { diffObjects, partitionChanges, pathMatcher, revertIgnored, type Change, type PathMatcher } from './objects.js';
import { parsePod } from './pod-yaml.js';
import { maskSecretsPair } from './secrets.js';
import type { DeploymentInput, PreparedSide } from './sides.js';

/** DeploymentStatus: the proposed side changes the pod, does not, or something failed. */
export type DeploymentStatus = 'changed' | 'unchanged' | 'failed';

/** FindingDelta is what the proposed side does to validation: findings it introduces and those it fixes. */
export interface FindingDelta {
  introduced: Finding[];
  fixed: Finding[];
}

/** DeploymentDiff is the result for one deployment. */
export interface DeploymentDiff {
  name: string;
  status: DeploymentStatus;
  /** Changes that count (not ignored), in document order; old/new masked unless secrets are shown. */
  changes: Change[];
  /** Changes an `--ignore` pattern covers. */
  ignored: Change[];
  /** Render or parse failure ("current: …" / "proposed: …"), or the new validation errors' summary. */
  error?: string;
  findings?: FindingDelta;
  /** The pods as shown by the text diff: masked, ignored changes reverted on the proposed side. */
  current?: unknown;
  proposed?: unknown;
  warnings: string[];
}

/** DiffReport is a whole run. */
export interface DiffReport {
  deployments: DeploymentDiff[];
  summary: { changed: number; unchanged: number; failed: number };
}

/** ValidateFn is validatePod's shape (src/validate/index.ts). */
export type ValidateFn = (yamlText: string, opts: { kubeVersion?: string; strict?: boolean; file?: string }) => Finding[];

/** RunOptions configure runDiff. */
export interface RunOptions {
  current: PreparedSide;
  proposed: PreparedSide;
  deployments: readonly DeploymentInput[];
  ignore?: readonly string[];
  showSecrets?: boolean;
  /** With a validator, findings are compared (`--validate`). */
  validate?: { fn: ValidateFn; kubeVersion?: string; strict?: boolean };
  /** Called after each deployment (progress on a TTY). */
  onProgress?: (done: number, total: number) => void;
}

/** runDiff renders and compares every deployment; it never throws for one deployment's failure. */
export function runDiff(o: RunOptions): DiffReport {
  const ignored = pathMatcher(o.ignore ?? []);
  const cache = new ParseCache();
  const out: DeploymentDiff[] = [];
  let i = 0;
  for (const dep of o.deployments) {
    out.push(diffDeployment(o, dep, ignored, cache));
    o.onProgress?.(++i, o.deployments.length);
  }
  const summary = { changed: 0, unchanged: 0, failed: 0 };
  for (const d of out) summary[d.status]++;
  return { deployments: out, summary };
}

function diffDeployment(o: RunOptions, dep: DeploymentInput, ignored: PathMatcher, cache: ParseCache): DeploymentDiff {
  const res: DeploymentDiff = { name: dep.name, status: 'unchanged', changes: [], ignored: [], warnings: [] };
  const fail = (msg: string): DeploymentDiff => ({ ...res, status: 'failed', error: msg });
  let curText: string;
  let propText: string;
  try {
    const r = o.current.render(dep);
    curText = r.podYaml;
    res.warnings.push(...r.warnings.map((w) => `current: ${w}`));
  } catch (e) {
    return fail(`current: ${msg(e)}`);
  }
  try {
    const r = o.proposed.render(dep);
    propText = r.podYaml;
    res.warnings.push(...r.warnings.map((w) => `proposed: ${w}`));
  } catch (e) {
    return fail(`proposed: ${msg(e)}`);
  }
  let cur: unknown;
  let prop: unknown;
  try {
    cur = cache.get(curText, `current pod of ${dep.name}`);
  } catch (e) {
    return fail(`current: ${msg(e)}`);
  }
  try {
    prop = cache.get(propText, `proposed pod of ${dep.name}`);
  } catch (e) {
    return fail(`proposed: ${msg(e)}`);
  }
  if (!o.showSecrets) [cur, prop] = maskSecretsPair(cur, prop);
  const same = curText === propText;
  const all = same ? [] : diffObjects(cur, prop);
  const parts = partitionChanges(all, ignored);
  res.changes = parts.kept;
  res.ignored = parts.ignored;
  res.current = cur;
  res.proposed = parts.ignored.length ? revertIgnored(cur, prop, ignored) : prop;
  res.status = parts.kept.length ? 'changed' : 'unchanged';
  if (o.validate && !same) {
    const v = o.validate;
    const fc = v.fn(curText, { kubeVersion: v.kubeVersion, strict: v.strict, file: `current/${dep.name}` });
    const fp = v.fn(propText, { kubeVersion: v.kubeVersion, strict: v.strict, file: `proposed/${dep.name}` });
    res.findings = compareFindings(fc, fp);
    const errors = res.findings.introduced.filter((f) => f.severity === 'error');
    if (errors.length) {
      res.status = 'failed';
      res.error = `the proposed pod introduces ${errors.length} validation error${errors.length === 1 ? '' : 's'}`;
    }
  } else if (o.validate) res.findings = { introduced: [], fixed: [] };
  return res;
}

const findingKey = (f: Finding): string => `${f.severity}\u0000${f.rule}\u0000${f.path}\u0000${f.message}`;

/** compareFindings matches findings by severity, rule, path and message (positions move with edits). */
export function compareFindings(current: readonly Finding[], proposed: readonly Finding[]): FindingDelta {
  const count = (fs: readonly Finding[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const f of fs) m.set(findingKey(f), (m.get(findingKey(f)) ?? 0) + 1);
    return m;
  };
  const take = (fs: readonly Finding[], other: Map<string, number>): Finding[] => {
    const left = new Map(other);
    const out: Finding[] = [];
    for (const f of fs) {
      const k = findingKey(f);
      const n = left.get(k) ?? 0;
      if (n > 0) left.set(k, n - 1);
      else out.push(f);
    }
    return out;
  };
  return { introduced: take(proposed, count(current)), fixed: take(current, count(proposed)) };
}

const msg = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** ParseCache parses each distinct rendered text once (deployments often render identical pods). */
class ParseCache {
  private m = new Map<string, unknown>();
  get(text: string, file: string): unknown {
    if (this.m.has(text)) return this.m.get(text);
    const v = parsePod(text, file);
    if (this.m.size > 256) this.m.clear();
    this.m.set(text, v);
    return v;
  }
}

/** MAX_DEPLOYMENTS bounds a `--deployments` folder. */
export const MAX_DEPLOYMENTS = 100_000;

/** DeploymentFile is one values file of a `--deployments` folder. */
export interface DeploymentFile {
  name: string;
  path: string;
  text: string;
}

/** readDeploymentsDir lists DIR's `*.yaml` / `*.yml` files (sorted by name); the deployment's name is the file name without extension. */
export function readDeploymentsDir(dir: string): DeploymentFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new Error(`cannot read deployments folder ${dir}: ${msg(e)}`);
  }
  const files = names.filter((n) => /\.ya?ml$/i.test(n)).sort();
  if (files.length > MAX_DEPLOYMENTS) throw new Error(`${dir}: more than ${MAX_DEPLOYMENTS} deployment files`);
  const out: DeploymentFile[] = [];
  for (const f of files) {
    const path = join(dir, f);
    if (!statSync(path).isFile()) continue;
    out.push({ name: basename(f, extname(f)), path, text: readFileSync(path, 'utf8') });
  }
  return out;
}
