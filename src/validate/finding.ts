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

/** formatFindings renders findings as text lines `file:line:col path: message` (warnings: `file:line:col warning: path: message`;
 *  `-` when no file was given) or as a JSON array of Finding (with rule ids). */
export function formatFindings(findings: readonly Finding[], format: 'text' | 'json' = 'text'): string {
  if (format === 'json') return JSON.stringify(findings, null, 2) + '\n';
  let out = '';
  for (const f of findings) {
    const where = `${f.file ?? '-'}:${f.line}:${f.column}`;
    const sev = f.severity === 'warning' ? 'warning: ' : '';
    out += `${where} ${sev}${f.path ? f.path + ': ' : ''}${f.message}\n`;
  }
  return out;
}
