// Tables for the go-yaml v2 port: tokens, events, error texts with go-yaml's `line N:`
// rules, YamlError positions, and the loader's scalar typing (expectations from the oracle).
import { describe, expect, it } from 'vitest';
import { marshalJson } from '../../src/yaml/json.js';
import { fromYaml, loadValuesYaml, loadYamlDocuments, yamlUnmarshal } from '../../src/yaml/load.js';
import { EventType, Parser } from '../../src/yaml/parser.js';
import { Scanner, TokenType } from '../../src/yaml/scanner.js';
import { YamlError } from '../../src/yaml/errors.js';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

function tokens(s: string): string[] {
  const sc = new Scanner(bytes(s));
  const out: string[] = [];
  for (;;) {
    const t = sc.peekToken();
    sc.skipToken();
    out.push(TokenType[t.typ] + (t.value !== undefined ? `(${t.value})` : ''));
    if (t.typ === TokenType.STREAM_END) return out;
  }
}

function events(s: string): string[] {
  const p = new Parser(bytes(s));
  const out: string[] = [];
  for (let e = p.parse(); e; e = p.parse()) {
    out.push(EventType[e.typ] + (e.typ === EventType.SCALAR ? `(${e.value})` : ''));
  }
  return out;
}

describe('scanner', () => {
  const table: { name: string; input: string; want: string[] }[] = [
    {
      name: 'block mapping',
      input: 'a: 1\n',
      want: ['STREAM_START', 'BLOCK_MAPPING_START', 'KEY', 'SCALAR(a)', 'VALUE', 'SCALAR(1)', 'BLOCK_END', 'STREAM_END'],
    },
    {
      name: 'flow sequence',
      input: '[a, "b"]',
      want: ['STREAM_START', 'FLOW_SEQUENCE_START', 'SCALAR(a)', 'FLOW_ENTRY', 'SCALAR(b)', 'FLOW_SEQUENCE_END', 'STREAM_END'],
    },
    {
      name: 'anchor, alias, tag',
      input: '- &x !!str a\n- *x\n',
      want: [
        'STREAM_START', 'BLOCK_SEQUENCE_START', 'BLOCK_ENTRY', 'ANCHOR(x)', 'TAG(!!)', 'SCALAR(a)',
        'BLOCK_ENTRY', 'ALIAS(x)', 'BLOCK_END', 'STREAM_END',
      ],
    },
    { name: 'folded plain scalar', input: 'a\n  b\n\n  c', want: ['STREAM_START', 'SCALAR(a b\nc)', 'STREAM_END'] },
    { name: 'literal keep', input: '|+\n x\n\n', want: ['STREAM_START', 'SCALAR(x\n\n)', 'STREAM_END'] },
    { name: 'escapes', input: '"\\x41\\u00e9\\t\\N"', want: ['STREAM_START', 'SCALAR(Aé\t\u0085)', 'STREAM_END'] },
    { name: 'BOM kept mid-line', input: 'a: \ufeff1', want: ['STREAM_START', 'BLOCK_MAPPING_START', 'KEY', 'SCALAR(a)', 'VALUE', 'SCALAR(\ufeff1)', 'BLOCK_END', 'STREAM_END'] },
  ];
  for (const t of table) it(t.name, () => expect(tokens(t.input)).toEqual(t.want));
});

describe('parser', () => {
  it('implicit document with an indentless sequence', () => {
    expect(events('a:\n- 1\n- 2\n')).toEqual([
      'STREAM_START', 'DOCUMENT_START', 'MAPPING_START', 'SCALAR(a)', 'SEQUENCE_START', 'SCALAR(1)', 'SCALAR(2)',
      'SEQUENCE_END', 'MAPPING_END', 'DOCUMENT_END', 'STREAM_END',
    ]);
  });
  it('empty values are empty plain scalars', () => {
    expect(events('{a: , b}')).toEqual([
      'STREAM_START', 'DOCUMENT_START', 'MAPPING_START', 'SCALAR(a)', 'SCALAR()', 'SCALAR(b)', 'SCALAR()', 'MAPPING_END',
      'DOCUMENT_END', 'STREAM_END',
    ]);
  });
});

describe('syntax errors (go-yaml texts, from the oracle)', () => {
  const table: { input: string; want: string; line?: number }[] = [
    { input: '{"a":', want: 'yaml: line 1: did not find expected node content' },
    { input: '{"a" 1}', want: "yaml: did not find expected ',' or '}'" },
    { input: '"\\u12"', want: 'yaml: did not find expected hexdecimal number' },
    { input: '"\\ud800"', want: 'yaml: found invalid Unicode character escape code' },
    { input: 'a: b: c', want: 'yaml: mapping values are not allowed in this context', line: 1 },
    // Go: parser errors name the 0-based line of the offending token (decode.go fail()).
    { input: 'a:\n  b: 1\n c: 2', want: 'yaml: line 2: did not find expected key', line: 3 },
    { input: '\ta: 1', want: 'yaml: found character that cannot start any token' },
    { input: 'a: "b', want: 'yaml: found unexpected end of stream' },
    { input: 'a: *b', want: "yaml: unknown anchor 'b' referenced" },
    { input: 'a: &a [*a]', want: "yaml: anchor 'a' value contains itself" },
    { input: 'a: \u0001', want: 'yaml: control characters are not allowed' },
    { input: '%YAML 2.0\n---\na: 1', want: 'yaml: found incompatible YAML document' },
    { input: 'a: !!int x', want: 'yaml: cannot decode !!str `x` as a !!int' },
    { input: '<<: 1', want: 'yaml: map merge requires map or sequence of maps as the value' },
    { input: 'a: [' + '['.repeat(10000), want: 'yaml: exceeded max depth of 10000' },
  ];
  for (const t of table) {
    it(JSON.stringify(t.input.slice(0, 40)), () => {
      let err: unknown;
      try {
        loadValuesYaml(t.input, 'values.yaml');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(YamlError);
      const ye = err as YamlError;
      expect(ye.message).toBe('error converting YAML to JSON: ' + t.want);
      expect(ye.file).toBe('values.yaml');
      if (t.line !== undefined) expect(ye.line).toBe(t.line);
    });
  }
});

describe('scalars (JSON round trip)', () => {
  const table: [string, string][] = [
    ['-0', '0'], ['-0.0', '-0'], ['+0', '0'], ['-0x0', '0'], ['0777', '511'], ['0o17', '15'], ['0b101', '5'], ['0b-101', '-5'],
    ['1_000', '1000'], ['.5', '0.5'], ['5.', '5'], ['1e-400', '0'], ['1e400', '"1e400"'], ['18446744073709551615', '18446744073709552000'],
    ['9223372036854775808', '9223372036854776000'], ['-9223372036854775809', '-9223372036854776000'], ['yes', 'true'], ['n', 'false'],
    ['~', 'null'], ['2001-12-14', '"2001-12-14"'], ['!!float 1', '1'], ['"1"', '"1"'], ['0x_1F', '31'], ['1__0', '10'],
  ];
  for (const [y, want] of table) {
    it(y, () => expect(marshalJson(loadValuesYaml(`x: ${y}`))).toBe(`{"x":${want}}`));
  }
  it('keys go through sigs (ints, floats as 32-bit, bools)', () => {
    expect(marshalJson(loadValuesYaml('1: a\n1.5: b\nyes: c\n0.1: d\n1e3: e\n'))).toBe(
      '{"0.1":"d","1":"a","1.5":"b","1000":"e","true":"c"}',
    );
  });
});

describe('loader shapes', () => {
  it('empty documents', () => {
    expect(loadValuesYaml('')).toEqual(new Map());
    expect(yamlUnmarshal('# only a comment\n')).toBe(null);
  });
  it('only the first document counts', () => {
    expect(marshalJson(loadValuesYaml('a: 1\n---\nb: ['))).toBe('{"a":1}');
  });
  it('fromYaml keeps the error text', () => {
    expect(fromYaml('a: [')).toEqual(new Map([['Error', 'error converting YAML to JSON: yaml: line 1: did not find expected node content']]));
  });
  it('loadYamlDocuments reads every document', () => {
    expect(loadYamlDocuments('a: 1\n---\n- 2\n').map((v) => marshalJson(v))).toEqual(['{"a":1}', '[2]']);
  });
  it('a 9,990-deep flow document loads', () => {
    const v = loadValuesYaml('a: ' + '['.repeat(9990) + ']'.repeat(9990));
    expect(marshalJson(v).length).toBe(19986);
  });
  it('prototype keys are ordinary keys', () => {
    const v = loadValuesYaml('__proto__: 1\nconstructor: 2\n') as Map<string, unknown>;
    expect([...v.keys()]).toEqual(['__proto__', 'constructor']);
  });
  it('a 100,000-key map loads in linear time', () => {
    const text = 'm:\n' + Array.from({ length: 100000 }, (_, i) => `  k${i}: v${i}\n`).join('');
    const t0 = Date.now();
    const v = loadValuesYaml(text) as Map<string, Map<string, unknown>>;
    expect(v.get('m')!.size).toBe(100000);
    expect(Date.now() - t0).toBeLessThan(10000);
  });
});
