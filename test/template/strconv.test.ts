// Tests for src/template/strconv.ts. Expectations: the oracle (test/golden/fmt-floats.jsonl,
// 2,000 random float64s × 20 verbs) and Go 1.19's strconv documentation and tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sprintf } from '../../src/template/fmt.js';
import {
  canBackquote,
  float64FromBits,
  formatFloat,
  isPrint,
  parseFloat,
  parseInt,
  parseUint,
  quote,
  quoteRune,
  quoteToASCII,
  unquote,
} from '../../src/template/strconv.js';
import { fromGoBytes } from '../../src/template/value.js';

const here = import.meta.dirname ?? new URL('.', import.meta.url).pathname;

describe('float formatting vs oracle (test/golden/fmt-floats.jsonl)', () => {
  const lines = readFileSync(join(here, '../golden/fmt-floats.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  it('has 2000 floats', () => expect(lines.length).toBe(40));
  for (const line of lines) {
    const c = JSON.parse(line) as { id: string; data: { f: string; xs: number[] }; expect: { t: string } };
    it(c.id, () => {
      const nverbs = (c.data.f.match(/%/g) ?? []).length;
      const got = c.data.xs.map((x) => sprintf(c.data.f, new Array(nverbs).fill(x))).join('');
      const want = c.expect.t.split('\n');
      const gotLines = got.split('\n');
      for (let i = 0; i < want.length; i++) expect(gotLines[i], `x=${c.data.xs[i]}`).toBe(want[i]);
    });
  }
});

/** A tiny deterministic PRNG (xorshift64*) so failures reproduce. */
function rng(seed: bigint): () => bigint {
  let s = seed;
  return () => {
    s ^= s >> 12n;
    s ^= (s << 25n) & 0xffffffffffffffffn;
    s ^= s >> 27n;
    return (s * 2685821657736338717n) & 0xffffffffffffffffn;
  };
}

describe('formatFloat shortest (property)', () => {
  it("100,000 random float64 bit patterns: 'g' -1 reads back and is no longer than JS's shortest", () => {
    const next = rng(0x9e3779b97f4a7c15n);
    let checked = 0;
    for (let i = 0; i < 100000; i++) {
      const x = float64FromBits(next());
      if (!Number.isFinite(x)) continue;
      const s = formatFloat(x, 'g', -1, 64);
      if (Number(s) !== x) throw new Error(`${x}: ${s} does not read back`);
      const digits = (t: string): number => t.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').length;
      const js = x.toExponential();
      if (digits(s) > digits(js)) throw new Error(`${x}: ${s} longer than ${js}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(99000);
  });
  it('float32 shortest reads back as the same float32 and no shorter decimal does', () => {
    const next = rng(0x1234567n);
    for (let i = 0; i < 20000; i++) {
      const bits = Number(next() & 0xffffffffn);
      const dv = new DataView(new ArrayBuffer(4));
      dv.setUint32(0, bits);
      const x = dv.getFloat32(0);
      if (!Number.isFinite(x) || x === 0) continue;
      const s = formatFloat(x, 'e', -1, 32);
      expect(Math.fround(Number(s))).toBe(x);
      const nd = s.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').length;
      if (nd > 1) {
        const shorter = Number(Math.abs(x).toPrecision(nd - 1));
        expect(Math.fround(shorter) === Math.abs(x), `${x} ${s}`).toBe(false);
      }
    }
  });
});

describe('formatFloat table (Go strconv ftoa_test)', () => {
  const cases: [number, string, number, 32 | 64, string][] = [
    [1, 'e', 5, 64, '1.00000e+00'],
    [1, 'f', 5, 64, '1.00000'],
    [1, 'g', 5, 64, '1'],
    [1, 'g', -1, 64, '1'],
    [20, 'g', -1, 64, '20'],
    [1234567.8, 'g', -1, 64, '1.2345678e+06'],
    [200000, 'g', -1, 64, '200000'],
    [2000000, 'g', -1, 64, '2e+06'],
    [1e21, 'g', -1, 64, '1e+21'],
    [400, 'g', 2, 64, '4e+02'],
    [40, 'g', 2, 64, '40'],
    [4, 'g', 2, 64, '4'],
    [0.001, 'g', -1, 64, '0.001'],
    [0.0001, 'g', -1, 64, '0.0001'],
    [0.00001, 'g', -1, 64, '1e-05'],
    [-1, 'g', -1, 64, '-1'],
    [0, 'e', 5, 64, '0.00000e+00'],
    [32, 'g', -1, 32, '32'],
    [32, 'g', 0, 32, '3e+01'],
    [100, 'x', -1, 64, '0x1.9p+06'],
    [100, 'y', -1, 64, '%y'],
    [1.5, 'b', -1, 64, '6755399441055744p-52'],
    [Math.fround(1.5), 'b', -1, 32, '12582912p-23'],
    [Math.fround(16777216), 'g', -1, 32, '1.6777216e+07'],
    [Math.fround(0.1), 'g', -1, 32, '0.1'],
    [Math.fround(3.4028234663852886e38), 'g', -1, 32, '3.4028235e+38'],
    [1e23, 'e', 17, 64, '9.99999999999999916e+22'],
    [1e23, 'f', -1, 64, '100000000000000000000000'],
    [1e23, 'g', 17, 64, '9.9999999999999992e+22'],
    [5e-324, 'e', -1, 64, '5e-324'],
    [1.7976931348623157e308, 'g', -1, 64, '1.7976931348623157e+308'],
    [2.5, 'f', 0, 64, '2'],
    [3.5, 'f', 0, 64, '4'],
    [0.5, 'f', 0, 64, '0'],
    [1.5, 'f', 0, 64, '2'],
    [Infinity, 'g', -1, 64, '+Inf'],
    [-Infinity, 'g', -1, 64, '-Inf'],
    [NaN, 'g', -1, 64, 'NaN'],
    [1, 'x', 0, 64, '0x1p+00'],
    [1.5, 'x', 0, 64, '0x1p+01'],
    [3, 'X', 3, 64, '0X1.800P+01'],
  ];
  for (const [x, f, p, b, want] of cases) {
    it(`${x} ${f} ${p} ${b}`, () => expect(formatFloat(x, f, p, b)).toBe(want));
  }
});

describe('parseInt / parseUint', () => {
  const ok: [string, number, number, bigint][] = [
    ['0', 10, 64, 0n],
    ['-9223372036854775808', 10, 64, -9223372036854775808n],
    ['9223372036854775807', 10, 64, 9223372036854775807n],
    ['0x1F', 0, 64, 31n],
    ['0X1f', 0, 64, 31n],
    ['0o17', 0, 64, 15n],
    ['017', 0, 64, 15n],
    ['0b101', 0, 64, 5n],
    ['1_000', 0, 64, 1000n],
    ['-0x_1_0', 0, 64, -16n],
    ['z', 36, 64, 35n],
    ['+12', 10, 8, 12n],
    ['-128', 10, 8, -128n],
  ];
  for (const [s, base, bits, want] of ok) it(`${s} base ${base}`, () => expect(parseInt(s, base, bits)).toBe(want));
  const bad: [string, number, number, string][] = [
    ['', 10, 64, 'strconv.ParseInt: parsing "": invalid syntax'],
    ['x', 10, 64, 'strconv.ParseInt: parsing "x": invalid syntax'],
    ['1_000', 10, 64, 'strconv.ParseInt: parsing "1_000": invalid syntax'],
    ['_1', 0, 64, 'strconv.ParseInt: parsing "_1": invalid syntax'],
    ['1__0', 0, 64, 'strconv.ParseInt: parsing "1__0": invalid syntax'],
    ['9223372036854775808', 10, 64, 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
    ['128', 10, 8, 'strconv.ParseInt: parsing "128": value out of range'],
    ['-129', 10, 8, 'strconv.ParseInt: parsing "-129": value out of range'],
    ['1', 1, 64, 'strconv.ParseInt: parsing "1": invalid base 1'],
    ['1', 10, 65, 'strconv.ParseInt: parsing "1": invalid bit size 65'],
    ['0x', 0, 64, 'strconv.ParseInt: parsing "0x": invalid syntax'],
    ['99999999999999999999x', 10, 64, 'strconv.ParseInt: parsing "99999999999999999999x": value out of range'],
    ['"é"', 10, 64, 'strconv.ParseInt: parsing "\\"é\\"": invalid syntax'],
  ];
  for (const [s, base, bits, want] of bad) it(`error ${s}`, () => expect(() => parseInt(s, base, bits)).toThrow(want));
  it('parseUint range', () => expect(() => parseUint('-1', 10, 64)).toThrow('strconv.ParseUint: parsing "-1": invalid syntax'));
  it('parseUint max', () => expect(parseUint('18446744073709551615', 10, 64)).toBe(18446744073709551615n));
});

describe('parseFloat', () => {
  const ok: [string, number][] = [
    ['1', 1],
    ['1.5e3', 1500],
    ['.5', 0.5],
    ['5.', 5],
    ['-0', -0],
    ['1_000.5', 1000.5],
    ['0x1p-2', 0.25],
    ['0x1.8p1', 3],
    ['0X_1p4', 16],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['+INF', Infinity],
    ['1e-400', 0],
    ['2.2250738585072011e-308', 2.225073858507201e-308],
  ];
  for (const [s, want] of ok) it(s, () => expect(Object.is(parseFloat(s, 64), want)).toBe(true));
  it('nan', () => expect(parseFloat('NaN', 64)).toBeNaN());
  const bad: [string, string][] = [
    ['', 'strconv.ParseFloat: parsing "": invalid syntax'],
    ['x', 'strconv.ParseFloat: parsing "x": invalid syntax'],
    ['1e', 'strconv.ParseFloat: parsing "1e": invalid syntax'],
    ['0x1', 'strconv.ParseFloat: parsing "0x1": invalid syntax'],
    ['1__0', 'strconv.ParseFloat: parsing "1__0": invalid syntax'],
    ['infx', 'strconv.ParseFloat: parsing "infx": invalid syntax'],
    ['1e400', 'strconv.ParseFloat: parsing "1e400": value out of range'],
    ['0x1p2000', 'strconv.ParseFloat: parsing "0x1p2000": value out of range'],
    [' 1', 'strconv.ParseFloat: parsing " 1": invalid syntax'],
  ];
  for (const [s, want] of bad) it(`error ${JSON.stringify(s)}`, () => expect(() => parseFloat(s, 64)).toThrow(want));
  it('float32 rounding', () => {
    expect(parseFloat('0.1', 32)).toBe(Math.fround(0.1));
    expect(parseFloat('3.4028235e38', 32)).toBe(Math.fround(3.4028235e38));
    expect(() => parseFloat('3.5e38', 32)).toThrow('value out of range');
    // 1 + 2^-24 + 2^-60: just above a float32 midpoint, but rounds to the midpoint in float64.
    expect(parseFloat('1.00000005960464477539930951', 32)).toBe(Math.fround(1 + 2 ** -23));
  });
});

describe('quoting', () => {
  const q: [string, string, string][] = [
    ['hi', '"hi"', '"hi"'],
    ['a"b\\c', '"a\\"b\\\\c"', '"a\\"b\\\\c"'],
    ['\x07\b\f\n\r\t\v\x00\x7f', '"\\a\\b\\f\\n\\r\\t\\v\\x00\\x7f"', '"\\a\\b\\f\\n\\r\\t\\v\\x00\\x7f"'],
    ['héllo 日本', '"héllo 日本"', '"h\\u00e9llo \\u65e5\\u672c"'],
    ['\u{1F600}', '"\u{1F600}"', '"\\U0001f600"'],
    ['\u00ad\u200b\ufeff\u2028', '"\\u00ad\\u200b\\ufeff\\u2028"', '"\\u00ad\\u200b\\ufeff\\u2028"'],
    [fromGoBytes(Uint8Array.from([0xff, 0x41, 0xe6, 0x97])), '"\\xffA\\xe6\\x97"', '"\\xffA\\xe6\\x97"'],
    ['\ufffd', '"\ufffd"', '"\\ufffd"'],
    ['\u00a0', '"\\u00a0"', '"\\u00a0"'],
  ];
  for (const [s, want, wantAscii] of q) {
    it(`quote ${JSON.stringify(s)}`, () => {
      expect(quote(s)).toBe(want);
      expect(quoteToASCII(s)).toBe(wantAscii);
    });
  }
  it('quoteRune', () => {
    expect(quoteRune(0x61)).toBe("'a'");
    expect(quoteRune(0x27)).toBe("'\\''");
    expect(quoteRune(0x22)).toBe("'\"'");
    expect(quoteRune(0x110000)).toBe("'�'");
    expect(quoteRune(0x7)).toBe("'\\a'");
  });
  it('canBackquote', () => {
    expect(canBackquote('a\tb')).toBe(true);
    expect(canBackquote('a`b')).toBe(false);
    expect(canBackquote('a\nb')).toBe(false);
    expect(canBackquote('\ufeff')).toBe(false);
    expect(canBackquote(fromGoBytes(Uint8Array.from([0xff])))).toBe(false);
    expect(canBackquote('日本')).toBe(true);
  });
  it('isPrint', () => {
    expect(isPrint(0x20)).toBe(true);
    expect(isPrint(0x7f)).toBe(false);
    expect(isPrint(0xa0)).toBe(false);
    expect(isPrint(0xad)).toBe(false);
    expect(isPrint(0xe9)).toBe(true);
    expect(isPrint(0x3000)).toBe(false);
    expect(isPrint(0x1f600)).toBe(true);
  });
  const uq: [string, string | null][] = [
    ['"hi"', 'hi'],
    ['"a\\nb\\x41\\101\\u00e9\\U0001F600"', 'a\nbAAé\u{1F600}'],
    ['`raw\\n`', 'raw\\n'],
    ['`a\rb`', 'ab'],
    ["'a'", 'a'],
    ["'ab'", null],
    ['"unterminated', null],
    ['"a"b"', null],
    ['"\\q"', null],
    ['"a\nb"', null],
    ['hi', null],
    ['"\\xff"', fromGoBytes(Uint8Array.from([0xff]))],
    ['"\\\'"', null],
    ["'\\\"'", null],
  ];
  for (const [s, want] of uq) {
    it(`unquote ${JSON.stringify(s)}`, () => {
      if (want === null) expect(() => unquote(s)).toThrow('invalid syntax');
      else expect(unquote(s)).toBe(want);
    });
  }
});
