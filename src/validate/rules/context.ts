// context.ts: what every rule receives, and small helpers to read untrusted, loosely typed pod data.
import { MapKey, type PathSeg, type RawFinding } from '../finding.js';

export { MapKey };

/** RuleContext collects findings for one pod; paths are API-server paths (`spec.containers[0]…`). */
export class RuleContext {
  readonly out: RawFinding[] = [];
  private readonly minor: number;
  constructor(
    /** kubeVersion is the minor, e.g. "1.35". */
    readonly kubeVersion: string,
  ) {
    this.minor = Number(kubeVersion.split('.')[1]);
  }
  /** error records an error at path. */
  error(rule: string, segs: PathSeg[], message: string): void {
    this.out.push({ severity: 'error', rule, segs, message });
  }
  /** errorAt records an error at path, positioned at loc (atKey: at the map key). */
  errorAt(rule: string, segs: PathSeg[], message: string, loc: PathSeg[], atKey = false): void {
    this.out.push({ severity: 'error', rule, segs, message, loc, atKey });
  }
  /** warn records a warning at path. */
  warn(rule: string, segs: PathSeg[], message: string): void {
    this.out.push({ severity: 'warning', rule, segs, message });
  }
  /** atLeast tells whether the target version is ≥ minor (e.g. "1.32"). */
  atLeast(minor: string): boolean {
    return this.minor >= Number(minor.slice(2));
  }
}

/** Obj is a YAML mapping as loaded (null-prototype object). */
export type Obj = Record<string, unknown>;

/** obj returns v when it is a mapping, else undefined. */
export function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? (v as Obj) : undefined;
}

/** list returns v when it is a sequence, else an empty list. */
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** str returns v when it is a string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

// The mappings come from load.ts / fast-load.ts: `Dict` objects whose prototype chain has no property,
// so a plain read is an own-property read. The rules only read fixed field names (`name`, `image` …).

/** has tells whether a mapping sets a key to something other than null (Go: a nil pointer is unset). */
export function has(o: Obj | undefined, k: string): boolean {
  return o !== undefined && o[k] != null;
}

/** get reads a field of a mapping. */
export function get(o: Obj | undefined, k: string): unknown {
  return o === undefined ? undefined : o[k];
}

/** isEmptyString is Go's zero string test for a loosely typed value. */
export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** sortedKeys lists a mapping's keys in Go's sorted order (the API server ranges maps sorted for messages). */
export function sortedKeys(o: Obj): string[] {
  return Object.keys(o).sort();
}
