/**
 * source: where the worker pod template comes from, and where it sits in the user's files.
 *
 * The platform keeps the template at `astronomer.houston.config.deployments.helm.airflow.podTemplate`
 * of its config.yaml; Houston merges that whole `deployments.helm` section into every
 * deployment's Helm values (the deployment's own values win). An airflow-chart values file
 * has it at `airflow.podTemplate`, a subchart values file at `podTemplate`; a template file
 * is the template itself. Positions are found lazily (only to explain an error), so the
 * common path parses each file once.
 */
import { lazyRequire } from '../functions/lazy-require.js';
import { type GoValue, TypedMap } from '../template/value.js';
import { YamlError } from '../yaml/errors.js';
import { loadValuesYaml } from '../yaml/load.js';

/** The `yaml` package, loaded only to explain an error: a render that succeeds never needs it. */
const yamlPackage = lazyRequire<typeof import('yaml')>('yaml');

/** InputFile is a file the user gave: its name (as typed, for messages) and its text. */
export interface InputFile {
  name: string;
  text: string;
}

/** SourceKind says which input supplied the pod template. */
export type SourceKind = 'template-file' | 'set' | 'values' | 'platform-config' | 'chart-values' | 'chart-default';

/** PodSource describes the pod template that was rendered. */
export interface PodSource {
  kind: SourceKind;
  /** The file holding the template (absent for --set; the chart's values.yaml or our built-in template for chart-default). */
  file?: string;
  /** The key path inside file, dotted (absent for a template file). */
  path?: string;
  /** One line for people: "platform config config.yaml (astronomer.houston.config.deployments.helm.airflow.podTemplate)". */
  description: string;
}

/** PodError is a failure podtpl explains with a file and line: bad YAML, a bad podTemplate, a template error. */
export class PodError extends Error {
  constructor(
    message: string,
    /** The file the message points at, when known. */
    readonly file?: string,
    readonly line = 0,
    readonly column = 0,
    /** Helm's own message for the same failure (what `helm template` prints), when there is one. */
    readonly helmError?: string,
  ) {
    super(message);
    this.name = 'PodError';
  }
}

/** platformHelmPath is where the platform's config.yaml keeps the deployments' Helm values. */
export const platformHelmPath = ['astronomer', 'houston', 'config', 'deployments', 'helm'] as const;

/** readYamlMap parses a values-like file into a map; a YamlError becomes a PodError naming the file and line. */
export function readYamlMap(f: InputFile, what: string): Map<string, GoValue> {
  try {
    const v = loadValuesYaml(f.text, f.name);
    return v instanceof Map ? v : new Map();
  } catch (e) {
    if (e instanceof YamlError) {
      const where = e.line > 0 ? `${f.name}:${e.line}${e.column > 0 ? ':' + e.column : ''}` : f.name;
      throw new PodError(`${where}: ${what} is not valid YAML: ${e.message}`, f.name, e.line, e.column);
    }
    throw e;
  }
}

/** getPath follows keys through nested maps; undefined when a key is missing or a step is not a map. */
export function getPath(m: GoValue, path: readonly string[]): GoValue | undefined {
  let cur: GoValue | undefined = m;
  for (const k of path) {
    if (!(cur instanceof Map)) return undefined;
    if (!cur.has(k)) return undefined;
    cur = cur.get(k);
  }
  return cur;
}

/** goKind names a value's kind the way a user reads it in an error ("a map", "a list", "a number"…). */
export function kindOf(v: GoValue): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number') return 'a number';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Map || v instanceof TypedMap) return 'a map';
  return 'a ' + typeof v;
}

/** Located is a key's position in a YAML file (1-based), plus where a block scalar's content starts. */
export interface Located {
  line: number;
  column: number;
  /** For `|`/`>` block scalars: the file line of the value's first line, and its indentation. */
  contentLine?: number;
  contentIndent?: number;
}

/**
 * locatePath finds the value at path in a YAML text (for messages), with the `yaml` package's
 * document API (loaded on first use). Undefined when the path is absent.
 */
export function locatePath(text: string, path: readonly string[]): Located | undefined {
  const { LineCounter, isMap, isNode, isScalar, parseDocument } = yamlPackage();
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  let node = doc.contents as unknown;
  let keyOffset = 0;
  for (const k of path) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === k);
    if (!pair) return undefined;
    keyOffset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? keyOffset;
    node = pair.value;
  }
  const start = isNode(node) && node.range ? node.range[0] : keyOffset;
  const pos = lc.linePos(start);
  const out: Located = { line: pos.line, column: pos.col };
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    // The value starts on the line after the `|` header; its indentation is that of the
    // first non-empty content line.
    const lines = text.split('\n');
    out.contentLine = pos.line + 1;
    for (let i = pos.line; i < lines.length; i++) {
      const l = lines[i]!.replace(/\r$/, '');
      if (l.trim() === '') continue;
      out.contentIndent = l.length - l.trimStart().length;
      break;
    }
  } else if (isScalar(node)) {
    out.contentLine = pos.line;
    out.contentIndent = pos.col - 1 + (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0);
  }
  return out;
}
