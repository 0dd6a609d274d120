// schema.ts: the precompiled ajv validators (generated/validators.ts, from scripts/gen-schemas.mjs) and the
// mapping of ajv's errors to API-server style findings. Nothing compiles a schema at run time.
import * as validators from './generated/validators.js';
import { fmtValue, MapKey, notSupported, required, type PathSeg, type RawFinding } from './finding.js';

import { DEFAULT_KUBE_VERSION, KUBE_VERSIONS } from './versions.js';

export { DEFAULT_KUBE_VERSION, KUBE_VERSIONS };

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** getValidator returns the compiled Pod validator for a minor ("1.33") and mode. */
export function getValidator(minor: string, strict: boolean): Validate | undefined {
  const name = `pod_${minor.replace('.', '_')}${strict ? '_strict' : ''}`;
  return (validators as Record<string, Validate>)[name];
}

// Mapping fields whose keys are data, printed `[key]` by the API server.
const MAP_FIELDS = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests', 'matchLabels', 'overhead', 'volumeAttributes', 'data', 'options', 'nodePublishSecretRef']);

/** QUANTITY_MESSAGE is what the API server's decoder says about a malformed quantity. */
export const QUANTITY_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** pointerToSegs turns a JSON pointer into path segments, using data to tell list indexes from keys. */
export function pointerToSegs(pointer: string, data: unknown): PathSeg[] {
  const segs: PathSeg[] = [];
  if (pointer === '') return segs;
  let cur: unknown = data;
  let parentField = '';
  for (const raw of pointer.slice(1).split('/')) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      segs.push(Number(k));
      cur = cur[Number(k)];
    } else {
      segs.push(MAP_FIELDS.has(parentField) ? new MapKey(k) : k);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
      parentField = k;
    }
  }
  return segs;
}

/** valueAt reads the value at segs. */
export function valueAt(data: unknown, segs: readonly PathSeg[]): unknown {
  let cur = data;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const k = s instanceof MapKey ? s.key : s;
    cur = Array.isArray(cur) ? cur[k as number] : Object.prototype.hasOwnProperty.call(cur, k) ? (cur as Record<string, unknown>)[k as string] : undefined;
  }
  return cur;
}

function short(v: unknown): string {
  const s = fmtValue(v);
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}

/** schemaFindings validates a Pod-shaped object and maps ajv errors to findings (one per path and kind). */
export function schemaFindings(pod: unknown, minor: string, strict: boolean): RawFinding[] {
  const validate = getValidator(minor, strict);
  if (!validate) throw new Error(`unsupported Kubernetes version ${minor}`);
  if (validate(pod)) return [];
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const segs = pointerToSegs(e.instancePath, pod);
    const v = valueAt(pod, segs);
    let f: RawFinding;
    switch (e.keyword) {
      case 'additionalProperties': {
        const k = String(e.params.additionalProperty);
        f = { severity: 'error', rule: 'schema-unknown-field', segs: [...segs, k], message: `unknown field ${JSON.stringify(k)}`, atKey: true };
        break;
      }
      case 'required':
        f = { severity: 'error', rule: 'schema-required', segs: [...segs, String(e.params.missingProperty)], message: required() };
        break;
      case 'type': {
        const want = String(e.params.type).split(',').filter((t) => t !== 'null');
        f = { severity: 'error', rule: 'schema-type', segs, message: `Invalid value: ${short(v)}: must be of type ${want.join(' or ')}` };
        break;
      }
      case 'enum': {
        // Go: an empty string is the zero value, which the API server defaults (imagePullPolicy: "" → IfNotPresent)
        // or accepts (toleration effect "" = all effects); the rules report the fields where "" is wrong.
        if (v === '') continue;
        const allowed = (e.params.allowedValues as unknown[]).filter((x): x is string => typeof x === 'string').sort();
        f = { severity: 'error', rule: 'enum', segs, message: notSupported(v, allowed) };
        break;
      }
      case 'format':
        if (e.params.format === 'quantity') f = { severity: 'error', rule: 'schema-quantity', segs, message: `Invalid value: ${short(v)}: ${QUANTITY_MESSAGE}` };
        else f = { severity: 'error', rule: 'schema-format', segs, message: `Invalid value: ${short(v)}: must be a valid ${String(e.params.format)}` };
        break;
      case 'minimum':
      case 'maximum':
        f = { severity: 'error', rule: 'schema-type', segs, message: `Invalid value: ${short(v)}: must be of type int32` };
        break;
      default:
        f = { severity: 'error', rule: 'schema', segs, message: `Invalid value: ${short(v)}: ${e.message ?? e.keyword}` };
    }
    const key = f.rule + '|' + JSON.stringify(f.segs);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
