// finding.ts: what validation reports, and field paths printed the way the API server prints them.

/** Finding is one problem found in a pod: severity, rule id, API-server style path and message, position. */
export interface Finding {
  severity: 'error' | 'warning';
  /** rule is a stable id such as `schema`, `requests-limits`, `pyyaml-type`, `airflow-worker-name`. */
  rule: string;
  /** path is the field path as the API server prints it: `spec.containers[0].resources.requests`. */
  path: string;
  /** message is the API server's text after the path: `Invalid value: "2": must be less than or equal to cpu limit of 1`. */
  message: string;
  /** line is 1-based, in the YAML text given to validatePod. */
  line: number;
  /** column is 1-based. */
  column: number;
  file?: string;
  /** template, for a rendered pod: the template text that wrote the value at line:column (see src/pod/provenance.ts). */
  template?: FindingTemplate;
}

/**
 * FindingTemplate points a finding at the pod template: the action that printed the value, or the
 * literal template text it was copied from.
 */
export interface FindingTemplate {
  /** file is the file holding the template text (config.yaml, a values file, the template file); absent when
   *  the position does not map onto a file (--set, a folded scalar): line and column are then the template's. */
  file?: string;
  /** line and column are 1-based, in file (or in the template text when there is no file). */
  line: number;
  column: number;
  /** templateLine and templateColumn are 1-based, in the pod template text itself. */
  templateLine: number;
  templateColumn: number;
  /** kind: 'action' when an {{action}} printed the value (line:column is its `{{`), 'text' when literal template text holds it. */
  kind: 'action' | 'text';
  /** action is the action as written, e.g. `{{ .Values.uid }}` (shortened), for kind 'action'. */
  action?: string;
  /** where describes the template's source when file is absent (e.g. `--set airflow.podTemplate`). */
  where?: string;
}

/** MapKey marks a path segment that is a map key (printed `[key]`, e.g. `resources.limits[cpu]`). */
export class MapKey {
  constructor(readonly key: string) {}
}

/** PathSeg is one step of a field path: a field name, a list index, or a map key. */
export type PathSeg = string | number | MapKey;

/** formatPath prints segments like k8s.io/apimachinery's field.Path: `spec.containers[0].name`, `metadata.labels[app]`. */
export function formatPath(segs: readonly PathSeg[]): string {
  let s = '';
  for (const seg of segs) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (seg instanceof MapKey) s += `[${seg.key}]`;
    else s += s === '' ? seg : '.' + seg;
  }
  return s;
}

/** RawFinding is a finding before it is positioned: its path is still a list of segments. */
export interface RawFinding {
  severity: 'error' | 'warning';
  rule: string;
  segs: PathSeg[];
  message: string;
  /** atKey points the position at the map key rather than its value (unknown fields). */
  atKey?: boolean;
  /** loc, when set, is the path to show the position of (the API server names `metadata.labels`, we point at the label). */
  loc?: PathSeg[];
}

// ---- the API server's error texts (k8s.io/apimachinery/pkg/util/validation/field/errors.go) ----

/** quoteGo prints a string as Go's %q does for the ASCII / printable cases we meet. */
export function quoteGo(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** fmtValue prints a bad value the way field.Invalid does: strings quoted, numbers and booleans bare. */
export function fmtValue(v: unknown): string {
  if (typeof v === 'string') return quoteGo(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return quoteGo(v.toISOString());
  try {
    return JSON.stringify(v);
  } catch {
    return '{...}';
  }
}

/** invalid is field.Invalid's text. */
export const invalid = (v: unknown, detail: string): string => `Invalid value: ${fmtValue(v)}: ${detail}`;
/** required is field.Required's text. */
export const required = (detail = ''): string => (detail ? `Required value: ${detail}` : 'Required value');
/** duplicate is field.Duplicate's text. */
export const duplicate = (v: unknown): string => `Duplicate value: ${fmtValue(v)}`;
/** forbidden is field.Forbidden's text. */
export const forbidden = (detail: string): string => `Forbidden: ${detail}`;
/** notSupported is field.NotSupported's text; the supported values are listed as given (callers sort them). */
export const notSupported = (v: unknown, valid: readonly string[]): string =>
  `Unsupported value: ${fmtValue(v)}` + (valid.length ? `: supported values: ${valid.map(quoteGo).join(', ')}` : '');
/** tooLong is field.TooLong's text. */
export const tooLong = (max: number): string => `Too long: may not be more than ${max} bytes`;

/** formatTemplate prints a finding's template origin: `(from config.yaml:57:23 {{ .Values.uid }})`, `(from config.yaml:60:9, template text)`;
 *  without a file, `(from the pod template, line 3, column 5 …)`. */
export function formatTemplate(t: FindingTemplate): string {
  const where = t.file !== undefined ? `${t.file}:${t.line}:${t.column}` : `${t.where ?? 'the pod template'}, line ${t.line}, column ${t.column}`;
  const what = t.kind === 'action' ? (t.action ? ' ' + t.action : '') : ', template text';
  return `(from ${where}${what})`;
}

/** formatFindings renders findings as text lines `file:line:col path: message` (warnings: `file:line:col warning: path: message`;
 *  `-` when no file was given; ` (from FILE:LINE:COL …)` appended when the template position is known) or as a JSON array of Finding (with rule ids). */
export function formatFindings(findings: readonly Finding[], format: 'text' | 'json' = 'text'): string {
  if (format === 'json') return JSON.stringify(findings, null, 2) + '\n';
  let out = '';
  for (const f of findings) {
    const where = `${f.file ?? '-'}:${f.line}:${f.column}`;
    const sev = f.severity === 'warning' ? 'warning: ' : '';
    out += `${where} ${sev}${f.path ? f.path + ': ' : ''}${f.message}${f.template ? ' ' + formatTemplate(f.template) : ''}\n`;
  }
  return out;
}
