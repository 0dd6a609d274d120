// The helpers that several layers share after the consolidation (fmt.ts compareGoStrings and
// sortedKeys; strconv.ts unquote, unquoteChar, formatFloat, parseUint). Expected values follow
// Go's documented rules; the string-order ones are also oracle goldens (test/golden/string-order.jsonl).
import { describe, expect, it } from 'vitest';
import { compareGoStrings, sortedKeys } from '../../src/template/fmt.js';
import { formatFloat, parseUint, unquote, unquoteChar } from '../../src/template/strconv.js';
import { formatFloat as yamlFormatFloat } from '../../src/yaml/float.js';

describe('compareGoStrings: Go string < (UTF-8 bytes)', () => {
  const esc80 = '\udc80'; // the raw byte 0x80 (see goBytes)
  const table: [string, string, number][] = [
    ['a', 'b', -1],
    ['a', 'ab', -1],
    ['', '', 0],
    ['é', 'z', 1],
    [esc80, 'é', -1], // 0x80 < 0xC3
    ['\udcff', 'é', 1], // 0xFF > 0xC3
    ['\ue000', '😀', -1], // EE… < F0…, though U+E000 > U+D83D as UTF-16
    ['\uffff', '😀', -1],
    ['😀', '\ud83d', 1], // a lone high surrogate is U+FFFD (EF BF BD)
    ['x😀', 'x\ue000', 1],
  ];
  for (const [a, b, want] of table) {
    it(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`, () => {
      expect(Math.sign(compareGoStrings(a, b))).toBe(want);
      expect(Math.sign(compareGoStrings(b, a))).toBe(want === 0 ? 0 : -want);
    });
  }
  it('sortedKeys orders a map as fmt and range do', () => {
    const m = new Map<string, unknown>([['😀', 1], ['é', 2], ['\udc80', 3], ['z', 4], ['\ue000', 5]]);
    expect(sortedKeys(m)).toEqual(['z', '\udc80', 'é', '\ue000', '😀']);
    expect(sortedKeys(new Map([['b', 1], ['a', 2], ['B', 3]]))).toEqual(['B', 'a', 'b']);
  });
});

describe('strconv helpers used by the parser', () => {
  it('unquote: fast path and escapes', () => {
    expect(unquote('"plain"')).toBe('plain');
    expect(unquote('"a\\tb\\u00e9\\x41"')).toBe('a\tbéA');
    expect(unquote('`raw\r\\n`')).toBe('raw\\n');
    expect(unquote('"\\xff"')).toBe('\udcff');
    for (const bad of ['"a', '"a\nb"', '"a"b"', '"\\q"', "'ab'", '`a`b`']) expect(() => unquote(bad), bad).toThrow('invalid syntax');
  });
  it('unquoteChar returns the tail as Go does', () => {
    expect(unquoteChar("a'", 39)).toEqual([97, false, "'"]);
    expect(unquoteChar("\\u00e9'", 39)).toEqual([0xe9, true, "'"]);
    expect(unquoteChar("\\377'", 39)).toEqual([255, false, "'"]);
    expect(() => unquoteChar("'", 39)).toThrow('invalid syntax');
    expect(() => unquoteChar('\\"', 39)).toThrow('invalid syntax');
  });
  it('parseUint fast path agrees with the general path', () => {
    expect(parseUint('123456789012345', 0, 64)).toBe(123456789012345n);
    expect(parseUint('0', 0, 64)).toBe(0n);
    expect(parseUint('017', 0, 64)).toBe(15n);
    expect(parseUint('18446744073709551615', 0, 64)).toBe(18446744073709551615n);
    expect(() => parseUint('18446744073709551616', 0, 64)).toThrow('value out of range');
    expect(() => parseUint('300', 10, 8)).toThrow('value out of range');
  });
});

describe('formatFloat: one implementation for fmt, JSON and YAML', () => {
  it('yaml/float.ts is strconv.FormatFloat(f, fmt, -1, bits)', () => {
    for (const f of [0, -0, 1, 0.1, 1e21, 1e-7, 123456.789, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity]) {
      for (const fmt of ['e', 'f', 'g'] as const) expect(yamlFormatFloat(f, fmt)).toBe(formatFloat(f, fmt, -1, 64));
    }
    expect(yamlFormatFloat(1e21, 'g')).toBe('1e+21');
    expect(yamlFormatFloat(-0, 'g')).toBe('-0');
    expect(yamlFormatFloat(0, 'e')).toBe('0e+00');
  });
  it('float32 shortest digits at a power of two (the narrower lower half-interval)', () => {
    // Go: strconv.FormatFloat(float64(float32(0x1p-96)), 'g', -1, 32): 8 digits are enough.
    expect(yamlFormatFloat(Math.fround(2 ** -96), 'g', 32)).toBe('1.2621775e-29');
    expect(formatFloat(Math.fround(2 ** 87), 'e', -1, 32)).toBe('1.5474251e+26');
  });
});
