// Hostile input never ends in a JavaScript exception, unbounded recursion or a hang: each case
// ends in a clean error or a result. (Oracle-comparable cases live in test/cases/robustness.jsonl.)
import { describe, expect, it } from 'vitest';
import { handleRequest } from '../../src/batch/handle.js';
import type { BatchRequest } from '../../src/batch/protocol.js';

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

const jsError = /TypeError|RangeError|ReferenceError|Maximum call stack|is not a function|Cannot read propert/;

const cases: { name: string; req: BatchRequest; wantError?: RegExp; wantOutput?: RegExp }[] = [
  {
    name: '100,000 nested parentheses',
    req: { mode: 'go', templates: { t: '{{' + '('.repeat(100000) + '1' + ')'.repeat(100000) + '}}' } },
    wantError: /exceeded maximum nesting depth/,
  },
  {
    name: '100,000 nested ifs',
    req: { mode: 'go', templates: { t: '{{if 1}}'.repeat(100000) + '{{end}}'.repeat(100000) } },
    wantError: /exceeded maximum nesting depth/,
  },
  {
    name: 'data nested 5,000 deep prints',
    req: { mode: 'go', templates: { t: '{{ len . }}' }, data: nested(5000) },
    wantOutput: /^1$/,
  },
  {
    name: 'printing data nested 5,000 deep',
    req: { mode: 'go', templates: { t: '{{ . }}' }, data: nested(5000) },
  },
  {
    name: 'toJson of values nested 5,000 deep',
    req: { templates: { t: '{{ toJson .Values }}' }, values: nested(5000) as Record<string, unknown> },
  },
  {
    name: 'until 100000000',
    req: { templates: { t: '{{ len (until 100000000) }}' } },
    wantError: /podtpl/,
  },
  {
    name: 'repeat a huge count',
    req: { templates: { t: '{{ repeat 1000000000 "xxxxxxxxxx" }}' } },
    wantError: /podtpl/,
  },
  {
    name: 'YAML alias bomb in values',
    req: {
      templates: { t: '{{ len .Values }}' },
      valuesYaml:
        'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n' +
        'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n',
    },
    wantError: /excessive aliasing/,
  },
  {
    name: 'values nested 20,000 deep in YAML',
    req: { templates: { t: 'x' }, valuesYaml: 'a: ' + '['.repeat(20000) + ']'.repeat(20000) },
    wantError: /max depth|nesting|depth/,
  },
  {
    name: 'a template named __proto__',
    req: { mode: 'go', templates: { __proto__: 'p', t: '{{ template "__proto__" }}' } as Record<string, string> },
  },
  {
    name: 'a request that is not an object',
    req: 'not a request' as unknown as BatchRequest,
  },
];

describe('hostile input', () => {
  for (const c of cases) {
    it(c.name, () => {
      const res = handleRequest(c.req);
      expect(res.errorKind).not.toBe('internal');
      const text = (res.error ?? '') + Object.values(res.outputs).join('');
      expect(text).not.toMatch(jsError);
      if (c.wantError) expect(res.error).toMatch(c.wantError);
      if (c.wantOutput) expect(res.outputs['t']).toMatch(c.wantOutput);
    });
  }
});
