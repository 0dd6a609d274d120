// Sprig string functions called directly; expectations from the oracle (mode "sprig").
import { describe, expect, it } from 'vitest';
import { GoSlice, goInt, type GoValue } from '../../src/template/value.js';
import { stringsFuncs } from '../../src/functions/sprig/strings.js';

const f = (name: string) => stringsFuncs.find((x) => x.name === name)!;
const call = (name: string, ...args: GoValue[]) => f(name).call(args);

const table: { name: string; args: GoValue[]; want?: GoValue; wantErr?: string }[] = [
  { name: 'upper', args: ['straße ŉ İ'], want: 'STRAßE ŉ İ' },
  { name: 'lower', args: ['İSTANBUL'], want: 'istanbul' },
  { name: 'title', args: ['hello wOrld_foo-bar ǆx 1a'], want: 'Hello WOrld_foo-Bar ǅx 1a' },
  { name: 'substr', args: [goInt(0), goInt(5), 'abc'], want: 'abc' },
  { name: 'substr', args: [goInt(1), goInt(2), 'héllo'], want: '\udcc3' },
  { name: 'substr', args: [goInt(5), goInt(-1), 'abc'], wantErr: 'runtime error: slice bounds out of range [5:3]' },
  { name: 'substr', args: [goInt(-1), goInt(-1), 'abc'], wantErr: 'runtime error: slice bounds out of range [:-1]' },
  { name: 'trunc', args: [goInt(-2), 'héllo'], want: 'lo' },
  { name: 'repeat', args: [goInt(-1), 'x'], wantErr: 'strings: negative Repeat count' },
  { name: 'nospace', args: ['h é l'], want: 'hÃ©l' },
  { name: 'initials', args: ['John Doe  foo'], want: 'JDf' },
  { name: 'indent', args: [goInt(2), 'a\r\nb\n'], want: '  a\r\n  b\n  ' },
  { name: 'quote', args: ['a', null, 'b"c'], want: '"a" "b\\"c"' },
  { name: 'replace', args: ['', '-', 'abc'], want: '-a-b-c-' },
  { name: 'snakecase', args: ['HTTPServer'], want: 'http_server' },
  { name: 'snakecase', args: ['Bld4Floor3rd'], want: 'bld4_floor_3rd' },
  { name: 'kebabcase', args: ['FirstName'], want: 'first-name' },
  // Helm pins xstrings 1.4.0 (keeps case); the oracle's 1.3.3 gives "GolangIsGreat".
  { name: 'camelcase', args: ['GOLANG_IS_GREAT'], want: 'GOLANGISGREAT' },
  { name: 'camelcase', args: ['_complex__case_'], want: '_Complex_Case_' },
  { name: 'swapcase', args: ['Hello World'], want: 'hELLO wORLD' },
  { name: 'abbrevboth', args: [goInt(5), goInt(10), '1234 5678 9123'], want: '...5678...' },
  { name: 'wrap', args: [goInt(5), 'Hello world, how are you'], want: 'Hello\nworld,\nhow\nare\nyou' },
  { name: 'trimAll', args: ['$', '$$5.00$'], want: '5.00' },
];

describe('sprig strings', () => {
  for (const c of table) {
    it(`${c.name} ${JSON.stringify(c.args.map(String))}`, () => {
      if (c.wantErr !== undefined) expect(() => call(c.name, ...c.args)).toThrow(c.wantErr);
      else expect(call(c.name, ...c.args)).toEqual(c.want);
    });
  }
  it('sortAlpha stringifies and sorts by bytes, skipping nil', () => {
    expect((call('sortAlpha', [goInt(3), goInt(1), null, 'b', 2.5]) as GoSlice).items).toEqual(['1', '2.5', '3', 'b']);
    expect((call('sortAlpha', null) as GoSlice).items).toEqual(['<nil>']);
  });
  it('split gives map[string]string with _N keys', () => {
    const m = call('split', '', 'aé') as Map<string, GoValue>;
    expect([...m]).toEqual([['_0', 'a'], ['_1', 'é']]);
  });
  it('shuffle keeps the runes (random order)', () => {
    expect([...(call('shuffle', 'héllo') as string)].sort()).toEqual([...'héllo'].sort());
  });
});
