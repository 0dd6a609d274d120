// Helm: pkg/chartutil/jsonschema.go (ValidateAgainstSchema, ValidateAgainstSingleSchema) with
// the validator Helm 3.14 uses, xeipuuv/gojsonschema v1.2.0: its keyword order, its error
// texts (`Invalid type. Expected: string, given: integer`, `name is required`, …), its field
// names (`(root)`, `a.b.0`) and its `anyOf`/`oneOf` reporting (the closest branch's errors).
// Written from gojsonschema's documented behaviour; ajv is not used because its order and
// texts differ. Where gojsonschema iterates Go maps (properties, additional properties),
// Helm's order is random; we use the schema's / the values' order.
import { GoInt, type GoValue, GoFloat32 } from '../template/value.js';
import { JsonError } from '../yaml/errors.js';
import { checkValidJson } from '../yaml/json.js';
import type { Chart } from './metadata.js';

/** Json is a decoded JSON value; numbers keep whether their JSON text is an int64 (json.Number.Int64). */
type Json = null | boolean | string | JNum | Json[] | Map<string, Json>;

/** JNum is a JSON number with gojsonschema's integer test (checkJSONInteger). */
class JNum {
  constructor(
    readonly n: number,
    readonly isInt: boolean,
  ) {}
}

const maxDepth = 2000;

class SchemaLoadError extends Error {}

/** toValuesJson converts Helm's values to the JSON gojsonschema sees (yaml.Marshal, then YAMLToJSON). */
export function toValuesJson(v: GoValue, depth = 0): Json {
  if (depth > maxDepth) throw new SchemaLoadError('values nested too deeply');
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return new JNum(v, floatIsInt(v));
  if (v instanceof GoFloat32) return new JNum(v.v, floatIsInt(v.v));
  if (v instanceof GoInt) {
    return new JNum(Number(v.v), true);
  }
  if (Array.isArray(v)) return v.map((x) => toValuesJson(x, depth + 1));
  if (v instanceof Map) {
    const m = new Map<string, Json>();
    for (const [k, x] of v) m.set(k, toValuesJson(x as GoValue, depth + 1));
    return m;
  }
  return String(v);
}

/**
 * floatIsInt: gojsonschema v1.2.0's checkJSONInteger parses the JSON number text as a big.Rat
 * and asks IsInt, so every integral float64 (1e+21 included) is an "integer".
 */
function floatIsInt(f: number): boolean {
  return Number.isInteger(f);
}

const parsedSchemas = new WeakMap<Uint8Array, Json>();

/** parseSchemaJson decodes values.schema.json like encoding/json (Go's syntax errors); cached per file. */
function parseSchemaJson(bytes: Uint8Array): Json {
  const hit = parsedSchemas.get(bytes);
  if (hit !== undefined) return hit;
  const parsed = decodeSchemaJson(bytes);
  parsedSchemas.set(bytes, parsed);
  return parsed;
}

function decodeSchemaJson(bytes: Uint8Array): Json {
  let raw: unknown;
  try {
    // JSON.parse accepts exactly the JSON encoding/json accepts; Go's scanner runs only to word
    // the error when it does not parse.
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    try {
      checkValidJson(bytes);
    } catch (e) {
      if (e instanceof JsonError) throw new SchemaLoadError(e.message);
      throw e;
    }
    throw new SchemaLoadError('invalid JSON');
  }
  const conv = (x: unknown, depth: number): Json => {
    if (depth > maxDepth) throw new SchemaLoadError('schema nested too deeply');
    if (x === null || typeof x === 'boolean' || typeof x === 'string') return x;
    if (typeof x === 'number') return new JNum(x, Number.isInteger(x));
    if (Array.isArray(x)) return x.map((y) => conv(y, depth + 1));
    const m = new Map<string, Json>();
    // JSON.parse makes "__proto__" an own property (not the prototype): Object.entries sees it.
    for (const [k, y] of Object.entries(x as object)) m.set(k, conv(y, depth + 1));
    return m;
  };
  return conv(raw, 0);
}

/** ResultError is one gojsonschema error: its context path and description. */
export interface ResultError {
  /** `(root)`, `(root).a.b`, `(root).list.0`. */
  context: string;
  description: string;
}

/** field is gojsonschema's Field(): the context without its `(root).` prefix. */
function field(context: string): string {
  return context.startsWith('(root).') ? context.slice(7) : context;
}

class Result {
  errors: ResultError[] = [];
  score = 0;
  add(context: string, description: string): void {
    this.errors.push({ context, description });
  }
  merge(o: Result | null): void {
    if (o === null) return;
    this.errors.push(...o.errors);
    this.score += o.score;
  }
  valid(): boolean {
    return this.errors.length === 0;
  }
}

function typeName(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (v instanceof JNum) return v.isInt ? 'integer' : 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** marshal is encoding/json's text of a schema or value (enum/const messages, uniqueness). */
function marshal(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof JNum) return marshalNumber(v.n);
  if (Array.isArray(v)) return '[' + v.map(marshal).join(',') + ']';
  const keys = [...v.keys()].sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + marshal(v.get(k)!)).join(',') + '}';
}

/** formatNumber prints a limit as gojsonschema does: a big.Float's String(), Text('g', 10). */
function formatNumber(n: number): string {
  if (n === 0) return '0';
  const [mant, expS] = n.toExponential(9).split('e') as [string, string];
  const exp = Number(expS);
  const digits = mant.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
  const sign = n < 0 ? '-' : '';
  if (exp < -4 || exp >= 10) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** marshalNumber is encoding/json's float64 text (enum/const messages). */
function marshalNumber(n: number): string {
  const a = Math.abs(n);
  if (a !== 0 && (a < 1e-6 || a >= 1e21)) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

function equalJson(a: Json, b: Json): boolean {
  if (a instanceof JNum && b instanceof JNum) return a.n === b.n;
  return marshal(a) === marshal(b);
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const dateTimeRe = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** formatOk checks the formats gojsonschema knows; unknown formats pass. */
function formatOk(format: string, v: Json): boolean {
  if (typeof v !== 'string') return true;
  switch (format) {
    case 'date-time':
      return dateTimeRe.test(v) && !Number.isNaN(Date.parse(v.replace(/[Tt]/, 'T').replace(/z$/, 'Z')));
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
    case 'email':
      return /^[^@\s]+@[^@\s]+$/.test(v);
    case 'ipv4':
      return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(v);
    case 'uuid':
      return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(v);
    case 'regex':
      try {
        new RegExp(v, 'u');
        return true;
      } catch {
        return false;
      }
    default:
      return true;
  }
}

/** Validator walks values against one chart's schema like gojsonschema's validateRecursive. */
class Validator {
  private readonly regexCache = new Map<string, RegExp | null>();

  constructor(private readonly root: Json) {}

  private regex(p: string): RegExp | null {
    let re = this.regexCache.get(p);
    if (re === undefined) {
      try {
        re = new RegExp(p, 'u');
      } catch {
        re = null;
      }
      this.regexCache.set(p, re);
    }
    return re;
  }

  private resolveRef(ref: string): Json {
    if (!ref.startsWith('#')) throw new SchemaLoadError(`unsupported $ref ${JSON.stringify(ref)} (only local references)`);
    let cur: Json = this.root;
    const ptr = decodeURIComponent(ref.slice(1));
    if (ptr === '') return cur;
    for (const raw of ptr.replace(/^\//, '').split('/')) {
      const tok = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      if (cur instanceof Map && cur.has(tok)) cur = cur.get(tok)!;
      else if (Array.isArray(cur) && /^\d+$/.test(tok) && Number(tok) < cur.length) cur = cur[Number(tok)]!;
      else throw new SchemaLoadError(`Object has no key '${tok}'`);
    }
    return cur;
  }

  validate(schema: Json, node: Json, context: string, depth: number): Result {
    const r = new Result();
    this.recurse(schema, node, r, context, depth);
    return r;
  }

  private recurse(schema: Json, node: Json, r: Result, context: string, depth: number): void {
    if (depth > maxDepth) throw new SchemaLoadError('schema references nest too deeply');
    if (schema === true) return;
    if (schema === false) {
      r.add(context, 'False always fails validation');
      return;
    }
    if (!(schema instanceof Map)) return;
    const ref = schema.get('$ref');
    if (typeof ref === 'string') {
      this.recurse(this.resolveRef(ref), node, r, context, depth + 1);
      return;
    }
    const t = schema.get('type');
    const types = typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
    if (types.length > 0) {
      const given = typeName(node);
      const ok =
        types.includes(given) ||
        (given === 'integer' && types.includes('number'));
      if (!ok) {
        const expected = types.length === 1 ? types[0]! : `[${types.join(',')}]`;
        r.add(context, `Invalid type. Expected: ${expected}, given: ${given}`);
        return;
      }
    }
    this.validateSchema(schema, node, r, context, depth);
    if (node instanceof Map) {
      this.validateObject(schema, node, r, context, depth);
      this.validateCommon(schema, node, r, context);
      const props = schema.get('properties');
      if (props instanceof Map) {
        for (const [k, ps] of props) {
          if (node.has(k)) this.recurse(ps, node.get(k)!, r, context + '.' + k, depth + 1);
        }
      }
    } else if (Array.isArray(node)) {
      this.validateArray(schema, node, r, context, depth);
      this.validateCommon(schema, node, r, context);
    } else {
      if (node instanceof JNum) this.validateNumber(schema, node, r, context);
      this.validateCommon(schema, node, r, context);
      if (typeof node === 'string') this.validateString(schema, node, r, context);
    }
    r.score++;
  }

  private validateSchema(s: Map<string, Json>, node: Json, r: Result, context: string, depth: number): void {
    const anyOf = s.get('anyOf');
    if (Array.isArray(anyOf) && anyOf.length > 0) {
      let ok = false;
      let best: Result | null = null;
      for (const sub of anyOf) {
        if (ok) break;
        const res = this.validate(sub, node, context, depth + 1);
        ok = res.valid();
        if (!ok && (best === null || res.score > best.score)) best = res;
      }
      if (!ok) {
        r.add(context, 'Must validate at least one schema (anyOf)');
        r.merge(best);
      }
    }
    const oneOf = s.get('oneOf');
    if (Array.isArray(oneOf) && oneOf.length > 0) {
      let n = 0;
      let best: Result | null = null;
      for (const sub of oneOf) {
        const res = this.validate(sub, node, context, depth + 1);
        if (res.valid()) n++;
        else if (n === 0 && (best === null || res.score > best.score)) best = res;
      }
      if (n !== 1) {
        r.add(context, 'Must validate one and only one schema (oneOf)');
        if (n === 0) r.merge(best);
      }
    }
    const allOf = s.get('allOf');
    if (Array.isArray(allOf) && allOf.length > 0) {
      let n = 0;
      for (const sub of allOf) {
        const res = this.validate(sub, node, context, depth + 1);
        if (res.valid()) n++;
        r.merge(res);
      }
      if (n !== allOf.length) r.add(context, 'Must validate all the schemas (allOf)');
    }
    if (s.has('not')) {
      if (this.validate(s.get('not')!, node, context, depth + 1).valid()) r.add(context, 'Must not validate the schema (not)');
    }
    const deps = s.get('dependencies');
    if (deps instanceof Map && node instanceof Map) {
      for (const k of node.keys()) {
        const d = deps.get(k);
        if (d === undefined) continue;
        if (Array.isArray(d)) {
          for (const dk of d) if (typeof dk === 'string' && !node.has(dk)) r.add(context, `Has a dependency on ${dk}`);
        } else {
          this.recurse(d, node, r, context, depth + 1);
        }
      }
    }
    if (s.has('if')) {
      const ifRes = this.validate(s.get('if')!, node, context, depth + 1);
      if (s.has('then') && ifRes.valid()) {
        const res = this.validate(s.get('then')!, node, context, depth + 1);
        if (!res.valid()) {
          r.add(context, 'Must validate "then" as "if" was valid');
          r.merge(res);
        }
      }
      if (s.has('else') && !ifRes.valid()) {
        const res = this.validate(s.get('else')!, node, context, depth + 1);
        if (!res.valid()) {
          r.add(context, 'Must validate "else" as "if" was not valid');
          r.merge(res);
        }
      }
    }
    r.score++;
  }

  private validateCommon(s: Map<string, Json>, node: Json, r: Result, context: string): void {
    if (s.has('const')) {
      const c = s.get('const')!;
      if (!equalJson(c, node)) r.add(context, `${field(context)} does not match: ${marshal(c)}`);
    }
    const e = s.get('enum');
    if (Array.isArray(e) && e.length > 0) {
      if (!e.some((x) => equalJson(x, node))) {
        r.add(context, `${field(context)} must be one of the following: ${e.map(marshal).join(', ')}`);
      }
    }
    r.score++;
  }

  private validateArray(s: Map<string, Json>, node: Json[], r: Result, context: string, depth: number): void {
    const items = s.get('items');
    if (items instanceof Map || typeof items === 'boolean') {
      node.forEach((x, i) => r.merge(this.validate(items, x, context + '.' + i, depth + 1)));
    } else if (Array.isArray(items) && items.length > 0) {
      for (let i = 0; i < items.length && i < node.length; i++) r.merge(this.validate(items[i]!, node[i]!, context + '.' + i, depth + 1));
      if (items.length < node.length) {
        const ai = s.get('additionalItems');
        if (ai === false) r.add(context, 'No additional items allowed on array');
        else if (ai instanceof Map) {
          for (let i = items.length; i < node.length; i++) r.merge(this.validate(ai, node[i]!, context + '.' + i, depth + 1));
        }
      }
    }
    const min = s.get('minItems');
    if (min instanceof JNum && node.length < min.n) r.add(context, `Array must have at least ${formatNumber(min.n)} items`);
    const max = s.get('maxItems');
    if (max instanceof JNum && node.length > max.n) r.add(context, `Array must have at most ${formatNumber(max.n)} items`);
    if (s.get('uniqueItems') === true) {
      // Go: a map from each item's JSON to the index where it was last seen.
      const seen = new Map<string, number>();
      node.forEach((x, j) => {
        const m = marshal(x);
        const i = seen.get(m);
        if (i !== undefined) r.add(context, `array items[${i},${j}] must be unique`);
        seen.set(m, j);
      });
    }
    const contains = s.get('contains');
    if (contains !== undefined) {
      let ok = false;
      let best: Result | null = null;
      for (let i = 0; i < node.length; i++) {
        const res = this.validate(contains, node[i]!, context + '.' + i, depth + 1);
        if (res.valid()) {
          ok = true;
          break;
        }
        if (best === null || res.score > best.score) best = res;
      }
      if (!ok) {
        r.add(context, 'At least one of the items must match');
        r.merge(best);
      }
    }
    r.score++;
  }

  private validateObject(s: Map<string, Json>, node: Map<string, Json>, r: Result, context: string, depth: number): void {
    const minP = s.get('minProperties');
    if (minP instanceof JNum && node.size < minP.n) r.add(context, `Must have at least ${formatNumber(minP.n)} properties`);
    const maxP = s.get('maxProperties');
    if (maxP instanceof JNum && node.size > maxP.n) r.add(context, `Must have at most ${formatNumber(maxP.n)} properties`);
    const req = s.get('required');
    if (Array.isArray(req)) {
      for (const k of req) {
        if (typeof k !== 'string') continue;
        if (node.has(k)) r.score++;
        else r.add(context, `${k} is required`);
      }
    }
    const props = s.get('properties');
    const pp = s.get('patternProperties');
    const ap = s.get('additionalProperties');
    for (const [k, v] of node) {
      const found = props instanceof Map && props.has(k);
      let ppMatch = false;
      if (pp instanceof Map) {
        for (const [pat, ps] of pp) {
          const re = this.regex(pat);
          if (re !== null && re.test(k)) {
            ppMatch = true;
            r.merge(this.validate(ps, v, context + '.' + k, depth + 1));
          }
        }
        if (ppMatch) r.score++;
      }
      if (!found && !ppMatch) {
        if (ap === false) r.add(context, `Additional property ${k} is not allowed`);
        else if (ap instanceof Map) r.merge(this.validate(ap, v, context + '.' + k, depth + 1));
      }
    }
    const pn = s.get('propertyNames');
    if (pn !== undefined) {
      for (const k of node.keys()) {
        const res = this.validate(pn, k, context, depth + 1);
        if (!res.valid()) {
          r.add(context, `Property name of "${k}" does not match`);
          r.merge(res);
        }
      }
    }
    r.score++;
  }

  private validateString(s: Map<string, Json>, v: string, r: Result, context: string): void {
    const minL = s.get('minLength');
    if (minL instanceof JNum && runeCount(v) < minL.n) r.add(context, `String length must be greater than or equal to ${formatNumber(minL.n)}`);
    const maxL = s.get('maxLength');
    if (maxL instanceof JNum && runeCount(v) > maxL.n) r.add(context, `String length must be less than or equal to ${formatNumber(maxL.n)}`);
    const pat = s.get('pattern');
    if (typeof pat === 'string') {
      const re = this.regex(pat);
      if (re !== null && !re.test(v)) r.add(context, `Does not match pattern '${pat}'`);
    }
    const fmt = s.get('format');
    if (typeof fmt === 'string' && !formatOk(fmt, v)) r.add(context, `Does not match format '${fmt}'`);
    r.score++;
  }

  private validateNumber(s: Map<string, Json>, v: JNum, r: Result, context: string): void {
    const mult = s.get('multipleOf');
    if (mult instanceof JNum && mult.n !== 0) {
      const q = v.n / mult.n;
      if (!Number.isInteger(q) && Math.abs(q - Math.round(q)) > 1e-9) r.add(context, `Must be a multiple of ${formatNumber(mult.n)}`);
    }
    const max = s.get('maximum');
    const exMax = s.get('exclusiveMaximum');
    if (max instanceof JNum) {
      if (exMax === true ? v.n >= max.n : v.n > max.n) {
        r.add(context, exMax === true ? `Must be less than ${formatNumber(max.n)}` : `Must be less than or equal to ${formatNumber(max.n)}`);
      }
    }
    if (exMax instanceof JNum && v.n >= exMax.n) r.add(context, `Must be less than ${formatNumber(exMax.n)}`);
    const min = s.get('minimum');
    const exMin = s.get('exclusiveMinimum');
    if (min instanceof JNum) {
      if (exMin === true ? v.n <= min.n : v.n < min.n) {
        r.add(context, exMin === true ? `Must be greater than ${formatNumber(min.n)}` : `Must be greater than or equal to ${formatNumber(min.n)}`);
      }
    }
    if (exMin instanceof JNum && v.n <= exMin.n) r.add(context, `Must be greater than ${formatNumber(exMin.n)}`);
    r.score++;
  }
}

/**
 * validateSingleSchema validates values against one schema (Helm: ValidateAgainstSingleSchema):
 * null when they pass, else the `- FIELD: DESCRIPTION\n` lines (or the schema's load error).
 */
export function validateSingleSchema(values: GoValue, schemaBytes: Uint8Array): string | null {
  let schema: Json;
  let doc: Json;
  try {
    schema = parseSchemaJson(schemaBytes);
    doc = toValuesJson(values);
    if (doc === null) doc = new Map();
    const res = new Validator(schema).validate(schema, doc, '(root)', 0);
    if (res.valid()) return null;
    return res.errors.map((e) => `- ${field(e.context)}: ${e.description}\n`).join('');
  } catch (e) {
    if (e instanceof SchemaLoadError) return e.message;
    throw e;
  }
}

/**
 * validateAgainstSchema checks a processed chart's coalesced values against its
 * values.schema.json and, recursively, each subchart's values against its own (Helm:
 * chartutil.ValidateAgainstSchema). Returns null, or the text after Helm's
 * `values don't meet the specifications of the schema(s) in the following chart(s):\n`.
 */
export function validateAgainstSchema(chart: Chart, values: Map<string, GoValue>, depth = 0): string | null {
  if (depth > 100) return null;
  let sb = '';
  if (chart.schema !== null) {
    const err = validateSingleSchema(values, chart.schema);
    if (err !== null) sb += `${chart.name()}:\n${err}`;
  }
  for (const sub of chart.dependencies()) {
    const sv = values.get(sub.name());
    const subValues = sv instanceof Map ? (sv as Map<string, GoValue>) : new Map<string, GoValue>();
    const err = validateAgainstSchema(sub, subValues, depth + 1);
    if (err !== null) sb += err;
  }
  return sb === '' ? null : sb;
}
