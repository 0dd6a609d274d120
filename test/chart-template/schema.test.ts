// values.schema.json validation (Helm 3.14: chartutil.ValidateAgainstSchema over
// xeipuuv/gojsonschema v1.2.0). The oracle does not validate schemas: these expectations are
// written by hand from gojsonschema's locale texts and its field naming (`(root)`, `a.b.0`).
import { describe, expect, it } from 'vitest';
import { validateSingleSchema } from '../../src/chart/schema.js';
import { goInt64, type GoValue } from '../../src/template/value.js';

const enc = (s: object | string): Uint8Array => new TextEncoder().encode(typeof s === 'string' ? s : JSON.stringify(s));
const m = (o: Record<string, GoValue>): Map<string, GoValue> => new Map(Object.entries(o));

const cases: { name: string; schema: object | string; values: Map<string, GoValue>; want: string | null }[] = [
  { name: 'valid', schema: { type: 'object', properties: { a: { type: 'string' } } }, values: m({ a: 'x' }), want: null },
  {
    name: 'type mismatch: float64 integral is an integer',
    schema: { properties: { a: { type: 'string' } } },
    values: m({ a: 3 }),
    want: '- a: Invalid type. Expected: string, given: integer\n',
  },
  { name: 'number given', schema: { properties: { a: { type: 'integer' } } }, values: m({ a: 1.5 }), want: '- a: Invalid type. Expected: integer, given: number\n' },
  { name: 'integer satisfies number', schema: { properties: { a: { type: 'number' } } }, values: m({ a: 2 }), want: null },
  { name: 'int64 from --set', schema: { properties: { a: { type: 'integer', maximum: 5 } } }, values: m({ a: goInt64(7) }), want: '- a: Must be less than or equal to 5\n' },
  { name: 'type list', schema: { properties: { a: { type: ['string', 'null'] } } }, values: m({ a: true }), want: '- a: Invalid type. Expected: [string,null], given: boolean\n' },
  { name: 'null given', schema: { properties: { a: { type: 'object' } } }, values: m({ a: null }), want: '- a: Invalid type. Expected: object, given: null\n' },
  { name: 'required at the root', schema: { required: ['a', 'b'] }, values: m({ a: 1 }), want: '- (root): b is required\n' },
  {
    name: 'nested required and additional properties',
    schema: { properties: { img: { additionalProperties: false, required: ['repo'], properties: { tag: {} } } } },
    values: m({ img: m({ tag: 'x', extra: 1 }) }),
    want: '- img: repo is required\n- img: Additional property extra is not allowed\n',
  },
  { name: 'enum', schema: { properties: { e: { enum: ['A', 'B', 1] } } }, values: m({ e: 'C' }), want: '- e: e must be one of the following: "A", "B", 1\n' },
  { name: 'const', schema: { properties: { c: { const: 'x' } } }, values: m({ c: 'y' }), want: '- c: c does not match: "x"\n' },
  {
    name: 'strings',
    schema: { properties: { s: { minLength: 3, maxLength: 4, pattern: '^a' } } },
    values: m({ s: 'bé' }),
    want: "- s: String length must be greater than or equal to 3\n- s: Does not match pattern '^a'\n",
  },
  {
    name: 'numbers',
    schema: { properties: { n: { minimum: 10, multipleOf: 3 }, x: { exclusiveMaximum: 5 }, y: { maximum: 5, exclusiveMaximum: true } } },
    values: m({ n: 4, x: 5, y: 5 }),
    want: '- n: Must be a multiple of 3\n- n: Must be greater than or equal to 10\n- x: Must be less than 5\n- y: Must be less than 5\n',
  },
  {
    name: 'arrays with $ref items',
    schema: { properties: { l: { type: 'array', minItems: 4, items: { $ref: '#/definitions/p' } } }, definitions: { p: { type: 'integer', minimum: 1 } } },
    values: m({ l: [1, 0, 'x'] }),
    want: '- l.1: Must be greater than or equal to 1\n- l.2: Invalid type. Expected: integer, given: string\n- l: Array must have at least 4 items\n',
  },
  {
    name: 'anyOf reports the closest branch',
    schema: { properties: { a: { anyOf: [{ type: 'string' }, { type: 'object', required: ['x', 'y'] }] } } },
    values: m({ a: m({ x: 1 }) }),
    want: '- a: Must validate at least one schema (anyOf)\n- a: y is required\n',
  },
  {
    name: 'oneOf with two matches',
    schema: { properties: { a: { oneOf: [{ type: 'integer' }, { minimum: 0 }] } } },
    values: m({ a: 1 }),
    want: '- a: Must validate one and only one schema (oneOf)\n',
  },
  {
    name: 'allOf, not and if/then',
    schema: { properties: { a: { allOf: [{ maximum: 1 }], not: { type: 'integer' } }, b: { if: { const: 1 }, then: { maximum: 0 } } } },
    values: m({ a: 2, b: 1 }),
    want:
      '- a: Must be less than or equal to 1\n- a: Must validate all the schemas (allOf)\n- a: Must not validate the schema (not)\n' +
      '- b: Must validate "then" as "if" was valid\n- b: Must be less than or equal to 0\n',
  },
  { name: 'false schema', schema: { properties: { a: false } }, values: m({ a: 1 }), want: '- a: False always fails validation\n' },
  { name: 'date-time format', schema: { properties: { t: { format: 'date-time' }, i: { format: 'int32' } } }, values: m({ t: 'yesterday', i: 'x' }), want: "- t: Does not match format 'date-time'\n" },
  { name: 'schema is not JSON', schema: '{"type": }', values: m({}), want: "invalid character '}' looking for beginning of value" },
  { name: '__proto__ is an ordinary key', schema: '{"properties": {"__proto__": {"type": "string"}}, "required": ["__proto__"]}', values: m({ ['__proto__']: 1 }), want: '- __proto__: Invalid type. Expected: string, given: integer\n' },
];

describe('validateSingleSchema', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(validateSingleSchema(c.values, enc(c.schema))).toBe(c.want);
    });
  }
});

describe('gojsonschema details', () => {
  it('prints limits like big.Float (10 significant digits)', () => {
    const v = (n: number): Map<string, GoValue> => m({ n });
    expect(validateSingleSchema(v(2e10), enc({ properties: { n: { maximum: 12345678901 } } }))).toBe('- n: Must be less than or equal to 1.23456789e+10\n');
    expect(validateSingleSchema(v(0), enc({ properties: { n: { minimum: 0.5 } } }))).toBe('- n: Must be greater than or equal to 0.5\n');
    expect(validateSingleSchema(v(0.15), enc({ properties: { n: { multipleOf: 0.1 } } }))).toBe('- n: Must be a multiple of 0.1\n');
  });
  it('uniqueItems names the last earlier index', () => {
    expect(validateSingleSchema(m({ l: ['a', 'a', 'a'] }), enc({ properties: { l: { uniqueItems: true } } }))).toBe(
      '- l: array items[0,1] must be unique\n- l: array items[1,2] must be unique\n',
    );
  });
  it('contains reports the closest item', () => {
    expect(validateSingleSchema(m({ l: ['a', 'bb'] }), enc({ properties: { l: { contains: { minLength: 3 } } } }))).toBe(
      '- l: At least one of the items must match\n- l.0: String length must be greater than or equal to 3\n',
    );
  });
  it('1e21 is an integer for checkJSONInteger', () => {
    expect(validateSingleSchema(m({ a: 1e21 }), enc({ properties: { a: { type: 'integer' } } }))).toBeNull();
  });
});
