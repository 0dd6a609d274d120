// Render a whole chart like `helm template` (Helm: cmd/helm/template.go, pkg/action/install.go):
// helmTemplate runs the pipeline in-process (CLI, tests, bench); src/cli/template.ts prints.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type ValuesTree } from './coalesce.js';
import { CapabilitiesError, parseKubeVersion, type CapabilitiesOptions } from './context.js';
import { TemplateParseError, helmExecError, helmParseError } from './engine.js';
import { renderTemplates } from './render.js';
import { ExecError } from '../template/errors.js';
import { LoadError, loadChart } from './load.js';
import {
  type CRD,
  ManifestError,
  type OutputOptions,
  ShowOnlyError,
  type SortedManifests,
  frame,
  isTestHook,
  isNotes,
  showOnly,
  sortManifests,
  templateOutput,
} from './manifests.js';
import type { Chart } from './metadata.js';
import { ChartError, buildUserValues, prepareRender, type RenderInput, type ValuesFile } from './render-input.js';
import { validateAgainstSchema } from './schema.js';
import { StrvalsError } from './strvals.js';
import type { HelmFuncSet } from '../functions/helm.js';

/** debugHint is what `helm template` appends to errors that happen while rendering. */
export const debugHint = '\n\nUse --debug flag to render out invalid YAML';

/** TemplateOptions are `podtpl template`'s inputs. */
export interface TemplateOptions {
  /** Chart directory or .tgz. */
  chart: string;
  releaseName?: string;
  namespace?: string;
  isUpgrade?: boolean;
  kubeVersion?: string;
  apiVersions?: readonly string[];
  /** -f files, in order (`-` is stdin, given as stdinText). */
  valuesFiles?: readonly string[];
  set?: readonly string[];
  setString?: readonly string[];
  setJson?: readonly string[];
  setFile?: readonly string[];
  setLiteral?: readonly string[];
  skipDependencyCheck?: boolean;
  skipSchemaValidation?: boolean;
  funcs?: HelmFuncSet;
  /** The text of stdin when a values file is `-`. */
  stdinText?: string;
  /** Receives Helm's log lines (coalescing warnings, deprecation). */
  warn?: (msg: string) => void;
}

/** TemplateResult is a rendered chart: every rendered file (NOTES.txt dropped) and its sorted documents. */
export interface TemplateResult {
  chartName: string;
  /** Rendered text by full template name, in Helm's render order. */
  files: Map<string, string>;
  sorted: SortedManifests;
  /** Every crds/ file of the chart and its enabled subcharts (printed with --include-crds). */
  crds: CRD[];
}

/** TemplateError is a failure with the message `helm template` prints after `Error: `. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** goOpenError turns a Node fs error into Go's os error text (`open NAME: no such file or directory`). */
export function goOpenError(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file or directory'
    : code === 'EACCES' ? 'permission denied'
    : code === 'EISDIR' ? 'is a directory'
    : code === 'ENOTDIR' ? 'not a directory'
    : (e as Error).message;
  return code === 'EISDIR' ? `read ${path}: ${why}` : `open ${path}: ${why}`;
}

/**
 * locateError is Helm's LocateChart failure for a chart that is not on disk: a path (absolute or
 * starting with `.`) is not found; anything else would be a repository reference, which podtpl
 * (offline, no repositories configured) reports as Helm does without that repository.
 */
export function locateError(name: string): string {
  const n = name.trim();
  if (isAbsolute(n) || n.startsWith('.')) return `path ${JSON.stringify(n)} not found`;
  const slash = n.indexOf('/');
  if (slash < 0) return `non-absolute URLs should be in form of repo_name/path_to_chart, got: ${n}`;
  return `repo ${n.slice(0, slash)} not found`;
}

function readText(path: string, o: TemplateOptions): string {
  if (path === '-') return o.stdinText ?? '';
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new TemplateError(goOpenError(path, e));
  }
}

/**
 * helmTemplate renders a chart like `helm template` and returns its files and sorted
 * documents. Errors are TemplateError carrying Helm's message (render-time failures end in
 * debugHint), in Helm's order: --kube-version, values (-f, --set…), loading, dependencies,
 * coalescing, the values schema, kubeVersion, parsing, execution, the YAML of each document.
 */
export function helmTemplate(o: TemplateOptions): TemplateResult {
  const warn = o.warn ?? (() => {});
  const caps: CapabilitiesOptions = { apiVersions: o.apiVersions };
  if (o.kubeVersion) {
    try {
      parseKubeVersion(o.kubeVersion);
    } catch (e) {
      if (e instanceof CapabilitiesError) throw new TemplateError(e.message);
      throw e;
    }
    caps.kubeVersion = o.kubeVersion;
  }
  // Helm: LocateChart, then MergeValues, then loader.Load.
  if (!existsSync(o.chart)) throw new TemplateError(locateError(o.chart));
  let user: ValuesTree;
  try {
    const valuesFiles: ValuesFile[] = (o.valuesFiles ?? []).map((f) => ({ name: f, text: readText(f, o) }));
    user = buildUserValues({
      valuesFiles,
      sets: {
        set: o.set,
        setString: o.setString,
        setJson: o.setJson,
        setFile: o.setFile,
        setLiteral: o.setLiteral,
        readFile: (p) => {
          try {
            return readFileSync(p, 'utf8');
          } catch (e) {
            throw new StrvalsError(goOpenError(p, e));
          }
        },
      },
    });
  } catch (e) {
    if (e instanceof ChartError) throw new TemplateError(e.message);
    throw e;
  }
  let chart: Chart;
  try {
    chart = loadChart(o.chart, { warn });
  } catch (e) {
    if (e instanceof LoadError) throw new TemplateError(e.message);
    throw e;
  }
  if (chart.metadata.deprecated) warn('WARNING: This chart is deprecated');
  const prepare = (c: Chart) =>
    prepareRender(c, user, {
      release: {
        name: o.releaseName,
        namespace: o.namespace,
        isUpgrade: o.isUpgrade === true,
        isInstall: o.isUpgrade !== true,
      },
      capabilities: caps,
      skipDependencyCheck: o.skipDependencyCheck,
      warn,
    });
  const checkSchema = (input: RenderInput): void => {
    if (o.skipSchemaValidation) return;
    const err = validateAgainstSchema(input.chart, input.values);
    if (err !== null) {
      throw new TemplateError(`values don't meet the specifications of the schema(s) in the following chart(s):\n${err}`);
    }
  };
  let input: RenderInput;
  try {
    input = prepare(chart);
  } catch (e) {
    if (!(e instanceof ChartError)) throw e;
    if (e.kind === 'kubeVersion') {
      // Helm validates the values against the schemas before it checks the root's kubeVersion
      // (prepareRender checks it right after coalescing): validate a fresh copy without it first.
      const again = loadChart(o.chart);
      again.metadata.kubeVersion = '';
      checkSchema(prepare(again));
      throw new TemplateError(e.message + debugHint);
    }
    throw new TemplateError(e.message);
  }
  checkSchema(input);
  let rendered: Map<string, string>;
  try {
    rendered = renderTemplates(input, { funcs: o.funcs });
  } catch (e) {
    if (e instanceof TemplateParseError) throw new TemplateError(helmParseError(e.templateName, e.parseError) + debugHint);
    if (e instanceof ExecError) throw new TemplateError(helmExecError(e.templateName, e) + debugHint);
    throw e;
  }
  // Helm: renderResources drops every NOTES.txt from the files.
  const files = new Map<string, string>();
  for (const [name, out] of rendered) if (!isNotes(name)) files.set(name, out);
  let sorted: SortedManifests;
  try {
    sorted = sortManifests(files);
  } catch (e) {
    if (e instanceof ManifestError) throw new TemplateError(e.message + debugHint);
    throw e;
  }
  return { chartName: input.chartName, files, sorted, crds: crdObjects(input.chart) };
}

/** crdObjects lists the chart's `crds/*.{yaml,yml,json}` files, then its subcharts' (Helm: Chart.CRDObjects). */
export function crdObjects(c: Chart, depth = 0): CRD[] {
  if (depth > 100) return [];
  const out: CRD[] = [];
  for (const f of c.files) {
    if (f.name.startsWith('crds/') && /\.(ya?ml|json)$/.test(f.name)) {
      out.push({ filename: `${c.chartFullPath()}/${f.name}`, text: new TextDecoder().decode(f.data) });
    }
  }
  for (const d of c.dependencies()) out.push(...crdObjects(d, depth + 1));
  return out;
}

/** PrintOptions are the flags that shape what `helm template` prints. */
export interface PrintOptions {
  showOnly?: readonly string[];
  includeCrds?: boolean;
  noHooks?: boolean;
  skipTests?: boolean;
}

function outputOptions(r: TemplateResult, p: PrintOptions): OutputOptions {
  return { crds: p.includeCrds ? r.crds : [], noHooks: p.noHooks, skipTests: p.skipTests };
}

/** templateText is what `helm template` prints on stdout without --output-dir. */
export function templateText(r: TemplateResult, p: PrintOptions = {}): string {
  const full = templateOutput(r.sorted, outputOptions(r, p));
  const patterns = p.showOnly ?? [];
  if (patterns.length === 0) return full;
  try {
    return showOnly(full, patterns, r.files.keys());
  } catch (e) {
    if (e instanceof ShowOnlyError) throw new TemplateError(e.message);
    throw e;
  }
}

/** OutputFile is one file `--output-dir` writes: its path under the directory and its documents. */
export interface OutputFile {
  /** The template's full name, e.g. `chart/templates/x.yaml`. */
  name: string;
  content: string;
  /** How many documents it holds (Helm prints one `wrote` line per document). */
  docs: number;
}

/**
 * outputFiles groups the documents as `helm template --output-dir` writes them: manifests in
 * order, then hooks appended to their template's file. With patterns, only documents whose
 * template matches one (Helm 3.14 cannot combine the two flags).
 */
export function outputFiles(r: TemplateResult, p: PrintOptions = {}): OutputFile[] {
  const patterns = p.showOnly ?? [];
  const files = new Map<string, OutputFile>();
  const hooks = p.noHooks ? [] : r.sorted.hooks.filter((h) => !(p.skipTests && isTestHook(h)));
  const all = [...r.sorted.manifests, ...hooks];
  let keep = (_: string): boolean => true;
  if (patterns.length > 0) {
    const chosen = new Set<string>();
    for (const p of patterns) {
      // showOnly checks the pattern (and fails like Helm when nothing matches).
      const text = showOnly(all.map(frame).join(''), [p], r.files.keys());
      for (const m of all) if (text.includes(`# Source: ${m.name}\n`)) chosen.add(m.name);
    }
    keep = (n) => chosen.has(n);
  }
  // Helm: CRDs are written first, each to its own crds/ path.
  for (const c of p.includeCrds ? r.crds : []) {
    const f = files.get(c.filename) ?? { name: c.filename, content: '', docs: 0 };
    f.content += `---\n# Source: ${c.filename}\n${c.text}\n`;
    f.docs++;
    files.set(c.filename, f);
  }
  for (const m of all) {
    if (!keep(m.name)) continue;
    const f = files.get(m.name) ?? { name: m.name, content: '', docs: 0 };
    f.content += frame(m);
    f.docs++;
    files.set(m.name, f);
  }
  return [...files.values()];
}

/**
 * writeOutputDir writes files under dir, each whole (a temporary file renamed into place).
 * A path that would leave dir (`..`, absolute, or through a symlink) is an error. Returns the
 * `wrote DIR/NAME` lines Helm prints, one per document.
 */
export function writeOutputDir(dir: string, files: readonly OutputFile[]): string {
  mkdirSync(dir, { recursive: true });
  const root = realpathSync(dir);
  let log = '';
  for (const f of files) {
    const target = join(root, f.name); // Helm: outputDir + "/" + name (a leading / stays inside)
    const rel = relative(root, target);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      throw new TemplateError(`refusing to write ${f.name}: the path leaves the output directory`);
    }
    const parent = dirname(target);
    mkdirSync(parent, { recursive: true });
    const realParent = realpathSync(parent);
    if (realParent !== root && !realParent.startsWith(root + sep)) {
      throw new TemplateError(`refusing to write ${f.name}: the path leaves the output directory`);
    }
    const tmp = resolve(realParent, `.${randomBytes(6).toString('hex')}.podtpl-tmp`);
    try {
      writeFileSync(tmp, f.content, { flag: 'wx' });
      renameSync(tmp, resolve(realParent, target.slice(parent.length + 1)));
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new TemplateError(`${(e as Error).message}`);
    }
    // Helm: writeToFile prints one line per document written.
    for (let i = 0; i < f.docs; i++) log += `wrote ${dir}/${f.name}\n`;
  }
  return log;
}

