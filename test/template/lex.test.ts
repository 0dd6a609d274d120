// lexTests, ported in spirit from Go's text/template/parse/lex_test.go: input → items.
import { describe, expect, it } from 'vitest';
import { Item, ItemType, formatU, lex } from '../../src/template/lex.js';
import { quote } from '../../src/template/strconv.js';

const typeName = new Map<number, string>(Object.entries(ItemType).map(([k, v]) => [v, k]));

/** collect lexes input (comments emitted, as in Go's tests) into [type, val] pairs up to EOF or an error. */
function collect(input: string, left = '', right = ''): [string, string][] {
  const l = lex('test', input, left, right, true, true, true);
  const out: [string, string][] = [];
  for (;;) {
    const it = l.nextItem();
    out.push([typeName.get(it.typ)!, it.val]);
    if (it.typ === ItemType.EOF || it.typ === ItemType.Error) return out;
  }
}

const L: [string, string] = ['LeftDelim', '{{'];
const R: [string, string] = ['RightDelim', '}}'];
const S: [string, string] = ['Space', ' '];
const E: [string, string] = ['EOF', ''];
const D: [string, string] = ['Dot', '.'];

const lexTests: { name: string; input: string; want: [string, string][] }[] = [
  { name: 'empty', input: '', want: [E] },
  { name: 'spaces', input: ' \t\n', want: [['Text', ' \t\n'], E] },
  { name: 'text', input: 'now is the time', want: [['Text', 'now is the time'], E] },
  {
    name: 'text with comment',
    input: 'hello-{{/* this is a comment */}}-world',
    want: [['Text', 'hello-'], ['Comment', '/* this is a comment */'], ['Text', '-world'], E],
  },
  { name: 'punctuation', input: '{{,@% }}', want: [L, ['Char', ','], ['Char', '@'], ['Char', '%'], S, R, E] },
  { name: 'parens', input: '{{((3))}}', want: [L, ['LeftParen', '('], ['LeftParen', '('], ['Number', '3'], ['RightParen', ')'], ['RightParen', ')'], R, E] },
  { name: 'empty action', input: '{{}}', want: [L, R, E] },
  { name: 'for', input: '{{for}}', want: [L, ['Identifier', 'for'], R, E] },
  { name: 'block', input: '{{block "foo" .}}', want: [L, ['Block', 'block'], S, ['String', '"foo"'], S, D, R, E] },
  { name: 'quote', input: '{{"abc \\n\\t\\" "}}', want: [L, ['String', '"abc \\n\\t\\" "'], R, E] },
  { name: 'raw quote', input: '{{`abc\\n\\t\\" `}}', want: [L, ['RawString', '`abc\\n\\t\\" `'], R, E] },
  { name: 'raw quote with newline', input: '{{`now is{{\n}}the time`}}', want: [L, ['RawString', '`now is{{\n}}the time`'], R, E] },
  {
    name: 'numbers',
    input: '{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}',
    want: [
      L, ['Number', '1'], S, ['Number', '02'], S, ['Number', '0x14'], S, ['Number', '0X14'], S, ['Number', '-7.2i'], S,
      ['Number', '1e3'], S, ['Number', '1E3'], S, ['Number', '+1.2e-4'], S, ['Number', '4.2i'], S, ['Complex', '1+2i'], S,
      ['Number', '1_2'], S, ['Number', '0x1.e_fp4'], S, ['Number', '0X1.E_FP4'], R, E,
    ],
  },
  {
    name: 'characters',
    input: "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}",
    want: [
      L, ['CharConstant', "'a'"], S, ['CharConstant', "'\\n'"], S, ['CharConstant', "'\\''"], S, ['CharConstant', "'\\\\'"], S,
      ['CharConstant', "'\\u00FF'"], S, ['CharConstant', "'\\xFF'"], S, ['CharConstant', "'本'"], R, E,
    ],
  },
  { name: 'bools', input: '{{true false}}', want: [L, ['Bool', 'true'], S, ['Bool', 'false'], R, E] },
  { name: 'dot', input: '{{.}}', want: [L, D, R, E] },
  { name: 'nil', input: '{{nil}}', want: [L, ['Nil', 'nil'], R, E] },
  {
    name: 'dots',
    input: '{{.x . .2 .x.y.z}}',
    want: [L, ['Field', '.x'], S, D, S, ['Number', '.2'], S, ['Field', '.x'], ['Field', '.y'], ['Field', '.z'], R, E],
  },
  {
    name: 'keywords',
    input: '{{range if else end with}}',
    want: [L, ['Range', 'range'], S, ['If', 'if'], S, ['Else', 'else'], S, ['End', 'end'], S, ['With', 'with'], R, E],
  },
  {
    name: 'variables',
    input: '{{$c := printf $ $hello $23 $ $var.Field .Method}}',
    want: [
      L, ['Variable', '$c'], S, ['Declare', ':='], S, ['Identifier', 'printf'], S, ['Variable', '$'], S, ['Variable', '$hello'], S,
      ['Variable', '$23'], S, ['Variable', '$'], S, ['Variable', '$var'], ['Field', '.Field'], S, ['Field', '.Method'], R, E,
    ],
  },
  { name: 'variable invocation', input: '{{$x 23}}', want: [L, ['Variable', '$x'], S, ['Number', '23'], R, E] },
  {
    name: 'pipeline',
    input: 'intro {{echo hi 1.2 |noargs|args 1 "hi"}} outro',
    want: [
      ['Text', 'intro '], L, ['Identifier', 'echo'], S, ['Identifier', 'hi'], S, ['Number', '1.2'], S, ['Pipe', '|'],
      ['Identifier', 'noargs'], ['Pipe', '|'], ['Identifier', 'args'], S, ['Number', '1'], S, ['String', '"hi"'], R, ['Text', ' outro'], E,
    ],
  },
  {
    name: 'declaration',
    input: '{{$v := 3}}',
    want: [L, ['Variable', '$v'], S, ['Declare', ':='], S, ['Number', '3'], R, E],
  },
  {
    name: '2 declarations',
    input: '{{$v , $w := 3}}',
    want: [L, ['Variable', '$v'], S, ['Char', ','], S, ['Variable', '$w'], S, ['Declare', ':='], S, ['Number', '3'], R, E],
  },
  { name: 'assignment', input: '{{$v = 3}}', want: [L, ['Variable', '$v'], S, ['Assign', '='], S, ['Number', '3'], R, E] },
  {
    name: 'field of parenthesized expression',
    input: '{{(.X).Y}}',
    want: [L, ['LeftParen', '('], ['Field', '.X'], ['RightParen', ')'], ['Field', '.Y'], R, E],
  },
  {
    name: 'trimming spaces before and after',
    input: 'hello- {{- 3 -}} -world',
    want: [['Text', 'hello-'], L, ['Number', '3'], R, ['Text', '-world'], E],
  },
  {
    name: 'trimming spaces before and after comment',
    input: 'hello- {{- /* hello */ -}} -world',
    want: [['Text', 'hello-'], ['Comment', '/* hello */'], ['Text', '-world'], E],
  },
  { name: 'break and continue', input: '{{break continue}}', want: [L, ['Break', 'break'], S, ['Continue', 'continue'], R, E] },
  { name: 'unicode identifier', input: '{{été_1}}', want: [L, ['Identifier', 'été_1'], R, E] },
  // errors
  { name: 'badchar', input: '#{{\x01}}', want: [['Text', '#'], L, ['Error', 'unrecognized character in action: U+0001']] },
  { name: 'unclosed action', input: '{{', want: [L, ['Error', 'unclosed action']] },
  { name: 'EOF in action', input: '{{range', want: [L, ['Range', 'range'], ['Error', 'unclosed action']] },
  { name: 'unclosed quote', input: '{{"\n"}}', want: [L, ['Error', 'unterminated quoted string']] },
  { name: 'unclosed raw quote', input: '{{`xx}}', want: [L, ['Error', 'unterminated raw quoted string']] },
  { name: 'unclosed char constant', input: "{{'\n}}", want: [L, ['Error', 'unterminated character constant']] },
  { name: 'bad number', input: '{{3k}}', want: [L, ['Error', 'bad number syntax: "3k"']] },
  { name: 'unclosed paren', input: '{{(3}}', want: [L, ['LeftParen', '('], ['Number', '3'], ['Error', 'unclosed left paren']] },
  { name: 'extra right paren', input: '{{3)}}', want: [L, ['Number', '3'], ['RightParen', ')'], ['Error', "unexpected right paren U+0029 ')'"]] },
  { name: 'long pipeline deadlock', input: '{{|||||}}', want: [L, ['Pipe', '|'], ['Pipe', '|'], ['Pipe', '|'], ['Pipe', '|'], ['Pipe', '|'], R, E] },
  { name: 'text with bad comment', input: 'hello-{{/*/}}-world', want: [['Text', 'hello-'], ['Error', 'unclosed comment']] },
  { name: 'text with comment close separated from delim', input: 'hello-{{/* */ }}-world', want: [['Text', 'hello-'], ['Error', 'comment ends before closing delimiter']] },
  { name: 'unmatched right delimiter', input: 'hello-{.}}-world', want: [['Text', 'hello-{.}}-world'], E] },
  { name: 'bad character after field', input: '{{.a☃}}', want: [L, ['Error', "bad character U+2603 '☃'"]] },
  { name: 'invalid byte', input: '{{\udcff}}', want: [L, ['Error', "unrecognized character in action: U+FFFD '\ufffd'"]] },
];

describe('lexTests', () => {
  it.each(lexTests)('$name', ({ input, want }) => {
    expect(collect(input)).toEqual(want);
  });
});

describe('delimiters', () => {
  it('lexes custom delimiters', () => {
    expect(collect('{{ $$ }}<<.x>>', '<<', '>>')).toEqual([['Text', '{{ $$ }}'], ['LeftDelim', '<<'], ['Field', '.x'], ['RightDelim', '>>'], E]);
  });
  it('trims with custom delimiters', () => {
    expect(collect('a  $$- .x -@@  b', '$$', '@@')).toEqual([['Text', 'a'], ['LeftDelim', '$$'], ['Field', '.x'], ['RightDelim', '@@'], ['Text', 'b'], E]);
  });
});

// TestPos: positions (UTF-16 indexes here) and lines.
describe('positions and lines', () => {
  function items(input: string): Item[] {
    const l = lex('test', input, '', '', false, true, true);
    const out: Item[] = [];
    for (;;) {
      const it = l.nextItem();
      out.push(it);
      if (it.typ === ItemType.EOF || it.typ === ItemType.Error) return out;
    }
  }
  const cases: { input: string; want: [string, number, string, number][] }[] = [
    {
      input: '0123{{hello}}xyz',
      want: [['Text', 0, '0123', 1], ['LeftDelim', 4, '{{', 1], ['Identifier', 6, 'hello', 1], ['RightDelim', 11, '}}', 1], ['Text', 13, 'xyz', 1], ['EOF', 16, '', 1]],
    },
    {
      input: '{{x -}}\n{{y}}',
      want: [['LeftDelim', 0, '{{', 1], ['Identifier', 2, 'x', 1], ['RightDelim', 5, '}}', 1], ['LeftDelim', 8, '{{', 2], ['Identifier', 10, 'y', 2], ['RightDelim', 11, '}}', 2], ['EOF', 13, '', 2]],
    },
    {
      input: '{{x}}\n{{- y}}',
      want: [['LeftDelim', 0, '{{', 1], ['Identifier', 2, 'x', 1], ['RightDelim', 3, '}}', 1], ['LeftDelim', 6, '{{', 2], ['Identifier', 10, 'y', 2], ['RightDelim', 11, '}}', 2], ['EOF', 13, '', 2]],
    },
    {
      input: 'a\n{{`b\nc` \n d}}\ne',
      want: [
        ['Text', 0, 'a\n', 1], ['LeftDelim', 2, '{{', 2], ['RawString', 4, '`b\nc`', 2], ['Space', 9, ' \n ', 3], ['Identifier', 12, 'd', 4],
        ['RightDelim', 13, '}}', 4], ['Text', 15, '\ne', 4], ['EOF', 17, '', 5],
      ],
    },
  ];
  it.each(cases)('$input', ({ input, want }) => {
    expect(items(input).map((i) => [typeName.get(i.typ), i.pos, i.val, i.line])).toEqual(want);
  });
});

describe('item strings and quoting', () => {
  it('prints items as Go does', () => {
    expect(String(new Item(ItemType.EOF, 0, '', 1))).toBe('EOF');
    expect(String(new Item(ItemType.End, 0, 'end', 1))).toBe('<end>');
    expect(String(new Item(ItemType.String, 0, '"abc"', 1))).toBe('"\\"abc\\""');
    expect(String(new Item(ItemType.String, 0, '"abcdefghijkl"', 1))).toBe('"\\"abcdefghi"...');
    expect(String(new Item(ItemType.String, 0, '"ééééé"', 1))).toBe('"\\"ééééé\\""...');
  });
  it('quote is strconv.Quote', () => {
    expect(quote('a\tb\n\x00\x7f"\\é😀\u00a0\u2028')).toBe('"a\\tb\\n\\x00\\x7f\\"\\\\é😀\\u00a0\\u2028"');
    expect(quote('\udcff')).toBe('"\\xff"');
  });
  it('formatU is %#U', () => {
    expect(formatU(0x41)).toBe("U+0041 'A'");
    expect(formatU(1)).toBe('U+0001');
    expect(formatU(0x1f600)).toBe("U+1F600 '😀'");
  });
});
