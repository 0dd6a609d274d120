// parseTests and numberTests, ported in spirit from Go's text/template/parse/parse_test.go:
// input → the tree printed back (toString), or → Go's error text.
import { describe, expect, it } from 'vitest';
import type { Node, NumberNode } from '../../src/template/node.js';
import { ParseComments, ParseError, SkipFuncCheck, Tree, isEmptyTree, maxNesting, parse } from '../../src/template/parse.js';

const builtins = new Set(
  'and call html index slice js len not or print printf println urlquery eq ge gt le lt ne'.split(' '),
);

function parseTop(text: string, mode = 0): string {
  const set = parse('t', text, '', '', [builtins], mode);
  return set.get('t')!.root.toString();
}

function parseErr(text: string, mode = 0, left = '', right = ''): string {
  try {
    parse('t', text, left, right, [builtins], mode);
  } catch (e) {
    if (e instanceof ParseError) return e.message;
    throw e;
  }
  return '(no error)';
}

// Go's table prints text nodes with %q; ours prints them as they are.
const parseTests: { name: string; input: string; want: string }[] = [
  { name: 'empty', input: '', want: '' },
  { name: 'comment', input: '{{/*\n\n\n*/}}', want: '' },
  { name: 'spaces', input: ' \t\n', want: ' \t\n' },
  { name: 'text', input: 'some text', want: 'some text' },
  { name: 'field', input: '{{.X}}', want: '{{.X}}' },
  { name: 'simple command', input: '{{printf}}', want: '{{printf}}' },
  { name: '$ invocation', input: '{{$}}', want: '{{$}}' },
  { name: 'variable invocation', input: '{{with $x := 3}}{{$x 23}}{{end}}', want: '{{with $x := 3}}{{$x 23}}{{end}}' },
  { name: 'variable with fields', input: '{{$.I}}', want: '{{$.I}}' },
  { name: 'multi-word command', input: '{{printf `%d` 23}}', want: '{{printf `%d` 23}}' },
  { name: 'pipeline', input: '{{.X|.Y}}', want: '{{.X | .Y}}' },
  { name: 'pipeline with decl', input: '{{$x := .X|.Y}}', want: '{{$x := .X | .Y}}' },
  { name: 'nested pipeline', input: '{{.X (.Y .Z) (.A | .B .C) (.E)}}', want: '{{.X (.Y .Z) (.A | .B .C) (.E)}}' },
  { name: 'field applied to parentheses', input: '{{(.Y .Z).Field}}', want: '{{(.Y .Z).Field}}' },
  { name: 'simple if', input: '{{if .X}}hello{{end}}', want: '{{if .X}}hello{{end}}' },
  { name: 'if with else', input: '{{if .X}}true{{else}}false{{end}}', want: '{{if .X}}true{{else}}false{{end}}' },
  { name: 'if with else if', input: '{{if .X}}true{{else if .Y}}false{{end}}', want: '{{if .X}}true{{else}}{{if .Y}}false{{end}}{{end}}' },
  {
    name: 'if else chain',
    input: '+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+',
    want: '+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{end}}{{end}}{{end}}+',
  },
  { name: 'simple range', input: '{{range .X}}hello{{end}}', want: '{{range .X}}hello{{end}}' },
  { name: 'chained field range', input: '{{range .X.Y.Z}}hello{{end}}', want: '{{range .X.Y.Z}}hello{{end}}' },
  { name: 'nested range', input: '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}', want: '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}' },
  { name: 'range with else', input: '{{range .X}}true{{else}}false{{end}}', want: '{{range .X}}true{{else}}false{{end}}' },
  { name: 'range over pipeline', input: '{{range .X|.M}}true{{else}}false{{end}}', want: '{{range .X | .M}}true{{else}}false{{end}}' },
  { name: 'range 1 var', input: '{{range $x := .SI}}{{.}}{{end}}', want: '{{range $x := .SI}}{{.}}{{end}}' },
  { name: 'range 2 vars', input: '{{range $x, $y := .SI}}{{.}}{{end}}', want: '{{range $x, $y := .SI}}{{.}}{{end}}' },
  { name: 'range with break', input: '{{range .SI}}{{.}}{{break}}{{end}}', want: '{{range .SI}}{{.}}{{break}}{{end}}' },
  { name: 'range with continue', input: '{{range .SI}}{{.}}{{continue}}{{end}}', want: '{{range .SI}}{{.}}{{continue}}{{end}}' },
  { name: 'constants', input: "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", want: "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}" },
  { name: 'template', input: '{{template `x`}}', want: '{{template "x"}}' },
  { name: 'template with arg', input: '{{template `x` .Y}}', want: '{{template "x" .Y}}' },
  { name: 'template name quoted', input: '{{template "a\\tb\\u00e9"}}', want: '{{template "a\\tbé"}}' },
  { name: 'with', input: '{{with .X}}hello{{end}}', want: '{{with .X}}hello{{end}}' },
  { name: 'with with else', input: '{{with .X}}hello{{else}}goodbye{{end}}', want: '{{with .X}}hello{{else}}goodbye{{end}}' },
  { name: 'trim left', input: 'x \r\n\t{{- 3}}', want: 'x{{3}}' },
  { name: 'trim right', input: '{{3 -}}\n\n\ty', want: '{{3}}y' },
  { name: 'trim left and right', input: 'x \r\n\t{{- 3 -}}\n\n\ty', want: 'x{{3}}y' },
  { name: 'trim with extra spaces', input: 'x\n{{-  3   -}}\ny', want: 'x{{3}}y' },
  { name: 'comment trim left', input: 'x \r\n\t{{- /* hi */}}', want: 'x' },
  { name: 'comment trim right', input: '{{/* hi */ -}}\n\n\ty', want: 'y' },
  { name: 'comment trim left and right', input: 'x \r\n\t{{- /* */ -}}\n\n\ty', want: 'xy' },
  { name: 'block definition', input: '{{block "foo" .}}hello{{end}}', want: '{{template "foo" .}}' },
  { name: 'newline in assignment', input: '{{ $x \n := \n 1 \n }}', want: '{{$x := 1}}' },
  { name: 'newline in pipeline', input: '{{\n"x"\n|\nprintf\n}}', want: '{{"x" | printf}}' },
  { name: 'newline in comment', input: '{{/*\nhello\n*/}}', want: '' },
  { name: 'newline in trimmed comment', input: '{{-\n/*\nhello\n*/\n-}}', want: '' },
  { name: 'spaces around continue', input: '{{range .SI}}{{.}}{{ continue }}{{end}}', want: '{{range .SI}}{{.}}{{continue}}{{end}}' },
  { name: 'spaces around break', input: '{{range .SI}}{{.}}{{ break }}{{end}}', want: '{{range .SI}}{{.}}{{break}}{{end}}' },
  { name: 'bug0a', input: '{{$x := 0}}{{$x}}', want: '{{$x := 0}}{{$x}}' },
  { name: 'bug1c', input: '{{$x:=.}}{{$x +2}}', want: '{{$x := .}}{{$x +2}}' },
  { name: 'assign prints :=', input: '{{$x := 0}}{{$x = 1}}', want: '{{$x := 0}}{{$x := 1}}' },
  { name: 'variable chain', input: '{{$x := .}}{{$x.a.b}}', want: '{{$x := .}}{{$x.a.b}}' },
  { name: 'chain on pipe', input: '{{(index . 1).a.b}}', want: '{{(index . 1).a.b}}' },
  { name: 'chain on identifier', input: '{{(print).a}}', want: '{{(print).a}}' },
  { name: 'raw string', input: '{{`a\nb`}}', want: '{{`a\nb`}}' },
  { name: 'numbers', input: '{{print 0x1F 0o17 0b101 1_000 1e3 .5 0x1p-2 1i}}', want: '{{print 0x1F 0o17 0b101 1_000 1e3 .5 0x1p-2 1i}}' },
  // Go 1.23: {{else with}}, not in the 1.19 oracle (which says `unexpected <with> in else`).
  { name: 'else with', input: '{{with .X}}a{{else with .Y}}b{{else}}c{{end}}', want: '{{with .X}}a{{else}}{{with .Y}}b{{else}}c{{end}}{{end}}' },
  {
    name: 'else with chain',
    input: '{{with $x := .X}}{{$x}}{{else with $y := .Y}}{{$y}}{{else with .Z}}z{{end}}',
    want: '{{with $x := .X}}{{$x}}{{else}}{{with $y := .Y}}{{$y}}{{else}}{{with .Z}}z{{end}}{{end}}{{end}}',
  },
];

describe('parseTests', () => {
  it.each(parseTests)('$name', ({ input, want }) => {
    expect(parseTop(input)).toBe(want);
  });
});

// Errors whose text comes from Go's table (checked against the 1.19 oracle where it exists).
const errorTests: { name: string; input: string; want: string }[] = [
  { name: 'unclosed action', input: 'hello{{range', want: 'template: t:1: unclosed action' },
  { name: 'unmatched end', input: '{{end}}', want: 'template: t:1: unexpected {{end}}' },
  { name: 'missing end', input: 'hello{{range .x}}', want: 'template: t:1: unexpected EOF' },
  { name: 'undefined function', input: 'hello{{undefined}}', want: 'template: t:1: function "undefined" not defined' },
  { name: 'variable undefined after end', input: '{{with $x := 4}}{{end}}{{$x}}', want: 'template: t:1: undefined variable "$x"' },
  { name: 'declare with field', input: '{{with $x.Y := 4}}{{end}}', want: 'template: t:1: undefined variable "$x"' },
  { name: 'invalid punctuation', input: '{{printf 3, 4}}', want: 'template: t:1: unexpected "," in operand' },
  { name: 'dot applied to parentheses', input: '{{printf (printf .).}}', want: 'template: t:1: unexpected <.> in operand' },
  { name: 'adjacent args', input: '{{printf 3`x`}}', want: 'template: t:1: unexpected "`x`" in operand' },
  { name: 'break in range else', input: '{{range .}}{{else}}{{break}}{{end}}', want: 'template: t:1: {{break}} outside {{range}}' },
  { name: 'bug0b', input: '{{$x += 1}}{{$x}}', want: 'template: t:1: undefined variable "$x"' },
  { name: 'wrong pipeline dot', input: '{{12|.}}', want: 'template: t:1: non executable command in pipeline stage 2' },
  { name: 'wrong pipeline char', input: "{{12|printf|'e'}}", want: 'template: t:1: non executable command in pipeline stage 3' },
  { name: 'long item is truncated to 10 runes', input: '{{print "abcdefghijklmnop"x}}', want: 'template: t:1: unexpected "x" in operand' },
  { name: 'long string token', input: '{{print . "abcdéfghijklmnop"}}{{else}}', want: 'template: t:1: unexpected {{else}}' },
  { name: 'long token truncated', input: '{{define "x" "abcdéfghijklmnop"}}', want: 'template: t:1: unexpected "\\"abcdéfghi"... in define clause' },
  { name: 'unexpected long string', input: '{{define "abcdefghijklmnop" "x"}}', want: 'template: t:1: unexpected "\\"x\\"" in define clause' },
  { name: 'multi-line action start', input: 'a\n{{if\n.x', want: 'template: t:3: unclosed action started at t:2' },
  { name: 'nesting limit', input: '{{if 1}}'.repeat(maxNesting + 5), want: `template: t:1: exceeded maximum nesting depth (${maxNesting})` },
  { name: 'paren nesting limit', input: '{{' + '('.repeat(100_000) + '1' + ')'.repeat(100_000) + '}}', want: `template: t:1: exceeded maximum nesting depth (${maxNesting})` },
  // Go 1.23 (not in the 1.19 oracle): "else with" belongs to with only.
  { name: 'else with in if', input: '{{if .X}}a{{else with .Y}}b{{end}}', want: 'template: t:1: unexpected <with> in input' },
  { name: 'else with in range', input: '{{range .X}}a{{else with .Y}}b{{end}}', want: 'template: t:1: unexpected <with> in input' },
  { name: 'else if in with', input: '{{with .X}}a{{else if .Y}}b{{end}}', want: 'template: t:1: unexpected <if> in input' },
  { name: 'else with needs one end', input: '{{with .X}}a{{else with .Y}}b{{end}}{{end}}', want: 'template: t:1: unexpected {{end}}' },
];

describe('errorTests', () => {
  it.each(errorTests)('$name', ({ input, want }) => {
    expect(parseErr(input)).toBe(want);
  });
});

describe('tree set', () => {
  it('holds the top template and every define and block', () => {
    const set = parse('t', '{{define "a"}}A{{end}}{{block "b" .}}B{{end}}top', '', '', [builtins]);
    expect([...set.keys()].sort()).toEqual(['a', 'b', 't']);
    expect(set.get('a')!.root.toString()).toBe('A');
    expect(set.get('b')!.root.toString()).toBe('B');
    expect(set.get('t')!.root.toString()).toBe('{{template "b" .}}top');
    expect(set.get('a')!.parseName).toBe('t');
    expect(set.get('a')!.name).toBe('a');
  });

  it('keeps a non-empty define over an empty top-level template of the same name', () => {
    const set = parse('t', '{{define "t"}}x{{end}}  \n', '', '', [builtins]);
    expect(set.get('t')!.root.toString()).toBe('x');
  });

  it('isEmptyTree', () => {
    const t = parse('t', ' \n{{/* c */}}\u00a0\u3000', '', '', [builtins]).get('t')!;
    expect(isEmptyTree(t.root)).toBe(true);
    expect(isEmptyTree(parse('t', ' x ', '', '', [builtins]).get('t')!.root)).toBe(false);
    expect(isEmptyTree(parse('t', '{{if 1}}{{end}}', '', '', [builtins]).get('t')!.root)).toBe(false);
  });

  it('custom delimiters', () => {
    expect(parse('t', '<<.x>>{{.y}}<<- 3 ->>', '<<', '>>', [builtins]).get('t')!.root.toString()).toBe('{{.x}}{{.y}}{{3}}');
  });

  it('ParseComments keeps comments', () => {
    expect(parseTop('a{{/* c */}}b', ParseComments)).toBe('a{{/* c */}}b');
    const root = parse('t', 'a{{- /* c */ -}} b', '', '', [builtins], ParseComments).get('t')!.root;
    expect(root.nodes.map((n) => n.type)).toEqual(['Text', 'Comment', 'Text']);
  });

  it('SkipFuncCheck accepts unknown functions', () => {
    expect(parseTop('{{upper .x | lower}}', SkipFuncCheck)).toBe('{{upper .x | lower}}');
    expect(parseErr('{{upper .x}}')).toBe('template: t:1: function "upper" not defined');
  });

  it('function tables may be maps', () => {
    const set = parse('t', '{{f 1}}', '', '', [new Map([['f', () => 1]])]);
    expect(set.get('t')!.root.toString()).toBe('{{f 1}}');
  });

  it('copy is deep', () => {
    const t = parse('t', '{{if .x}}a{{else}}{{range .y}}{{.}}{{end}}{{end}}', '', '', [builtins]).get('t')!;
    const c = t.copy();
    expect(c.root.toString()).toBe(t.root.toString());
    expect(c.root.nodes[0]).not.toBe(t.root.nodes[0]);
  });
});

describe('errorContext', () => {
  function firstArg(t: Tree): Node {
    const n = t.root.nodes.find((x) => x.type === 'Action');
    if (n?.type !== 'Action') throw new Error('no action');
    return n.pipe.cmds[0]!.args[0]!;
  }
  it('gives NAME:LINE:COL with COL in UTF-8 bytes', () => {
    // Go: a field chain .x.y is positioned at its second field (the oracle says t:2:13 too).
    const t = parse('t', 'héllo\n  ééé {{.x.y}}', '', '', [builtins]).get('t')!;
    expect(t.errorContext(firstArg(t))).toEqual(['t:2:13', '.x.y']);
  });
  it('counts from the start on the first line', () => {
    const t = parse('t', 'ab{{ .x }}', '', '', [builtins]).get('t')!;
    expect(t.errorContext(firstArg(t))).toEqual(['t:1:5', '.x']);
  });
  it('uses the parse name for defines', () => {
    const t = parse('top', 'x\n{{define "d"}}\n  {{print 1}}{{end}}', '', '', [builtins]).get('d')!;
    expect(t.errorContext(firstArg(t))).toEqual(['top:3:4', 'print']);
  });
});

// numberTests: [text, isInt, isUint, isFloat, isComplex, int64, uint64, float64, complex128]
type NumberTest = [string, boolean, boolean, boolean, boolean, bigint, bigint, number, [number, number]];
const numberTests: NumberTest[] = [
  ['0', true, true, true, false, 0n, 0n, 0, [0, 0]],
  ['-0', true, true, true, false, 0n, 0n, 0, [0, 0]],
  ['73', true, true, true, false, 73n, 73n, 73, [0, 0]],
  ['7_3', true, true, true, false, 73n, 73n, 73, [0, 0]],
  ['0b10_010_01', true, true, true, false, 73n, 73n, 73, [0, 0]],
  ['0B10_010_01', true, true, true, false, 73n, 73n, 73, [0, 0]],
  ['073', true, true, true, false, 59n, 59n, 59, [0, 0]],
  ['0o73', true, true, true, false, 59n, 59n, 59, [0, 0]],
  ['0O73', true, true, true, false, 59n, 59n, 59, [0, 0]],
  ['0x73', true, true, true, false, 115n, 115n, 115, [0, 0]],
  ['0X73', true, true, true, false, 115n, 115n, 115, [0, 0]],
  ['0x7_3', true, true, true, false, 115n, 115n, 115, [0, 0]],
  ['-73', true, false, true, false, -73n, 0n, -73, [0, 0]],
  ['+73', true, false, true, false, 73n, 0n, 73, [0, 0]],
  ['100', true, true, true, false, 100n, 100n, 100, [0, 0]],
  ['1e9', true, true, true, false, 1000000000n, 1000000000n, 1e9, [0, 0]],
  ['-1e9', true, false, true, false, -1000000000n, 0n, -1e9, [0, 0]],
  ['-1.2', false, false, true, false, 0n, 0n, -1.2, [0, 0]],
  ['1e19', false, true, true, false, 0n, 10000000000000000000n, 1e19, [0, 0]],
  ['1e1_9', false, true, true, false, 0n, 10000000000000000000n, 1e19, [0, 0]],
  ['1E19', false, true, true, false, 0n, 10000000000000000000n, 1e19, [0, 0]],
  ['-1e19', false, false, true, false, 0n, 0n, -1e19, [0, 0]],
  ['0x_1p4', true, true, true, false, 16n, 16n, 16, [0, 0]],
  ['0X_1P4', true, true, true, false, 16n, 16n, 16, [0, 0]],
  ['0x_1p-4', false, false, true, false, 0n, 0n, 1 / 16, [0, 0]],
  ['4i', false, false, false, true, 0n, 0n, 0, [0, 4]],
  ['-1.2+4.2i', false, false, false, true, 0n, 0n, 0, [-1.2, 4.2]],
  ['073i', false, false, false, true, 0n, 0n, 0, [0, 73]],
  ['0i', true, true, true, true, 0n, 0n, 0, [0, 0]],
  ['-1.2+0i', false, false, true, true, 0n, 0n, -1.2, [-1.2, 0]],
  ['-12+0i', true, false, true, true, -12n, 0n, -12, [-12, 0]],
  ['13+0i', true, true, true, true, 13n, 13n, 13, [13, 0]],
  ['0123', true, true, true, false, 83n, 83n, 83, [0, 0]],
  ['-0x0', true, true, true, false, 0n, 0n, 0, [0, 0]],
  ['0xdeadbeef', true, true, true, false, 0xdeadbeefn, 0xdeadbeefn, 0xdeadbeef, [0, 0]],
  ["'a'", true, true, true, false, 97n, 97n, 97, [0, 0]],
  ["'\\n'", true, true, true, false, 10n, 10n, 10, [0, 0]],
  ["'\\\\'", true, true, true, false, 92n, 92n, 92, [0, 0]],
  ["'\\''", true, true, true, false, 39n, 39n, 39, [0, 0]],
  ["'\\xFF'", true, true, true, false, 255n, 255n, 255, [0, 0]],
  ["'パ'", true, true, true, false, 0x30d1n, 0x30d1n, 0x30d1, [0, 0]],
  ["'\\u30d1'", true, true, true, false, 0x30d1n, 0x30d1n, 0x30d1, [0, 0]],
  ["'\\U000030d1'", true, true, true, false, 0x30d1n, 0x30d1n, 0x30d1, [0, 0]],
  ["'😀'", true, true, true, false, 0x1f600n, 0x1f600n, 0x1f600, [0, 0]],
  ['0xef', true, true, true, false, 0xefn, 0xefn, 0xef, [0, 0]],
  ['18446744073709551615', false, true, true, false, 0n, 18446744073709551615n, 18446744073709551615, [0, 0]],
  ['-9223372036854775808', true, false, true, false, -9223372036854775808n, 0n, -9223372036854775808, [0, 0]],
  ['0x1.fffffffffffffp1023', false, false, true, false, 0n, 0n, Number.MAX_VALUE, [0, 0]],
  ['0x1p-1074', false, false, true, false, 0n, 0n, 5e-324, [0, 0]],
  ['0x1.00000000000008p0', true, true, true, false, 1n, 1n, 1, [0, 0]], // ties to even
  ['0x1.00000000000018p0', false, false, true, false, 0n, 0n, 1.0000000000000004, [0, 0]],
];

describe('numberTests', () => {
  it.each(numberTests)('%s', (text, isInt, isUint, isFloat, isComplex, i64, u64, f64, c128) => {
    const root = parse('t', `{{print ${text}}}`, '', '', [builtins]).get('t')!.root;
    const a = root.nodes[0]!;
    if (a.type !== 'Action') throw new Error('not an action');
    const n = a.pipe.cmds[0]!.args[1] as NumberNode;
    expect(n.type).toBe('Number');
    expect([n.isInt, n.isUint, n.isFloat, n.isComplex]).toEqual([isInt, isUint, isFloat, isComplex]);
    if (isInt) expect(n.int64).toBe(i64);
    if (isUint) expect(n.uint64).toBe(u64);
    if (isFloat) expect(n.float64).toBe(f64);
    if (isComplex) expect([n.complex128.re, n.complex128.im]).toEqual(c128);
    expect(n.toString()).toBe(text);
  });

  it.each([
    ['+-2', 'template: t:1: bad number syntax: "+-2"'],
    ['0x123.', 'template: t:1: illegal number syntax: "0x123."'],
    ['1e.', 'template: t:1: illegal number syntax: "1e"'],
    ["'x", 'template: t:1: unterminated character constant'],
    ["'xx'", "template: t:1: malformed character constant: 'xx'"],
    ["'433937734937734969526500969526500'", "template: t:1: malformed character constant: '433937734937734969526500969526500'"],
  ])('%s fails', (text, want) => {
    expect(parseErr(`{{print ${text}}}`)).toBe(want);
  });
});
