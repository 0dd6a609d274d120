// pyyaml.ts: how PyYAML's safe_load (YAML 1.1, yaml/resolver.py + yaml/constructor.py) types a plain scalar.
// Airflow's scheduler reads the pod template file with yaml.safe_load, so this, not YAML 1.2, decides
// whether `1e+06` is a number (it is not: YAML 1.1 floats need a dot) or `on` a string (it is not).

/** PyTag is the type PyYAML gives a scalar. */
export type PyTag = 'null' | 'bool' | 'int' | 'float' | 'str' | 'timestamp';

// PyYAML's implicit resolvers, tried in this order for a plain scalar whose first character is listed.
const BOOL_RE = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT_RE =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT_RE = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP_RE =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

/** resolvePlainTag returns PyYAML's tag for a plain (unquoted) scalar. */
export function resolvePlainTag(s: string): PyTag {
  // Go: resolver.py keys resolvers by first character ('' for the empty scalar).
  const c = s.charAt(0);
  if ('yYnNtTfFoO'.includes(c) && c !== '' && BOOL_RE.test(s)) return 'bool';
  if ('-+0123456789.'.includes(c) && c !== '') {
    if (FLOAT_RE.test(s)) return 'float';
    if (INT_RE.test(s)) return 'int';
  }
  if ('~nN'.includes(c) && NULL_RE.test(s)) return 'null';
  if (s === '') return 'null';
  if ('0123456789'.includes(c) && c !== '' && TIMESTAMP_RE.test(s)) return 'timestamp';
  return 'str';
}

/** constructPlain returns the value PyYAML builds for a plain scalar (ints beyond 2^53 lose precision). */
export function constructPlain(s: string): unknown {
  switch (resolvePlainTag(s)) {
    case 'null':
      return null;
    case 'bool':
      return /^(?:yes|true|on)$/i.test(s);
    case 'int':
      return constructInt(s);
    case 'float':
      return constructFloat(s);
    case 'timestamp':
      return constructTimestamp(s);
    default:
      return s;
  }
}

function constructInt(raw: string): number {
  let s = raw.replace(/_/g, '');
  let sign = 1;
  if (s[0] === '-') sign = -1;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '0') return 0;
  if (s.startsWith('0b')) return sign * parseInt(s.slice(2), 2);
  if (s.startsWith('0x')) return sign * parseInt(s.slice(2), 16);
  if (s[0] === '0') return sign * parseInt(s, 8); // YAML 1.1: 0777 is octal 511
  if (s.includes(':')) return sign * base60(s);
  return sign * Number(s);
}

function constructFloat(raw: string): number {
  let s = raw.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (s[0] === '-') sign = -1;
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '.inf') return sign * Infinity;
  if (s === '.nan') return NaN;
  if (s.includes(':')) return sign * base60(s);
  return sign * Number(s.endsWith('.') ? s.slice(0, -1) : s);
}

function base60(s: string): number {
  let v = 0;
  for (const part of s.split(':')) v = v * 60 + Number(part);
  return v;
}

function constructTimestamp(s: string): Date {
  const m = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(Z|([-+])(\d\d?)(?::(\d\d))?))?)?$/.exec(s)!;
  const [, y, mo, d, h = '0', mi = '0', se = '0', frac = '', , sg, th = '0', tm = '0'] = m;
  let t = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +se, Math.floor(Number('0.' + (frac || '0')) * 1000));
  if (sg) t -= (sg === '-' ? -1 : 1) * (+th * 60 + +tm) * 60_000;
  return new Date(t);
}

/** yaml12Type is how a YAML 1.2 core-schema loader (kubectl's go-yaml for numbers) would type the same text. */
export function yaml12Type(s: string): 'null' | 'bool' | 'number' | 'string' {
  if (/^(?:~|null|Null|NULL|)$/.test(s)) return 'null';
  if (/^(?:true|True|TRUE|false|False|FALSE)$/.test(s)) return 'bool';
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s) || /^0x[0-9a-fA-F]+$|^0o[0-7]+$/.test(s)) return 'number';
  if (/^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/.test(s)) return 'number';
  return 'string';
}

/** pyTypeName names a PyYAML value's type for messages. */
export function pyTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'string') return 'string';
  if (v instanceof Date) return 'timestamp';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** pyKeyString turns a scalar map key into the string a JSON round trip of PyYAML's dict would give (True, None, 511). */
export function pyKeyString(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** Dict makes the objects that hold YAML mappings: fast V8 objects whose prototype chain has no
 *  properties at all, so `__proto__`, `constructor` … are ordinary own keys (Object.create(null)
 *  objects would be safe too, but V8 keeps them in slow dictionary mode). */
export const Dict = function Dict(this: object) {} as unknown as new () => Record<string, unknown>;
Dict.prototype = Object.create(null) as Record<string, unknown>;

const keyCache = new Map<string, string>();

/** plainKey is pyKeyString(constructPlain(s)) with a bounded cache (pod keys repeat a lot). */
export function plainKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    k = pyKeyString(constructPlain(s));
    if (keyCache.size < 10_000) keyCache.set(s, k);
  }
  return k;
}

/** isIntegralFloat tells whether PyYAML reads a plain scalar as a float with an integral value (`1000.0`):
 *  Python's json module then sends `1000.0`, which the API server refuses for an integer field, while
 *  JavaScript (and Go's sigs.k8s.io/yaml) would turn it into the integer 1000. */
export function isIntegralFloat(src: string, v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && resolvePlainTag(src) === 'float';
}
