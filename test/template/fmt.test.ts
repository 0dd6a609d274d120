// Tests for src/template/fmt.ts: every case of test/golden/fmt-printf.jsonl (expectations from
// the oracle, i.e. Go 1.19's fmt) run through sprintf directly, plus a table of values that
// templates cannot build (float32, []byte, structs, times, undefined).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatValue, sprint, sprintf, sprintln } from '../../src/template/fmt.js';
import {
  GoComplex,
  GoFloat32,
  GoInt,
  GoSlice,
  GoStruct,
  GoTime,
  fromGoBytes,
  fromJSON,
  goByteSlice,
  goBytes,
  goInt,
  type GoValue,
} from '../../src/template/value.js';

interface FmtArg {
  t: string;
  v?: unknown;
  s?: string;
  ints?: boolean;
  re?: number;
  im?: number;
  b?: number[];
}

function toGo(a: FmtArg): GoValue {
  switch (a.t) {
    case 'int':
      return new GoInt('int', BigInt(a.v as string));
    case 'int64':
      return new GoInt('int64', BigInt(a.v as string));
    case 'f64':
      if (a.s !== undefined) return Number(a.s.replace('Inf', 'Infinity'));
      return a.v as number;
    case 'str':
      return a.v as string;
    case 'json':
      return fromJSON(a.v, a.ints ?? false);
    case 'bool':
      return a.v as boolean;
    case 'nil':
      return null;
    case 'complex':
      return new GoComplex(a.re!, a.im!);
    case 'bytesStr':
      return fromGoBytes(Uint8Array.from(a.b!));
    case 'strings':
      return new GoSlice('string', a.v as string[]);
  }
  throw new Error('unknown arg type ' + a.t);
}

interface GoldenCase {
  id: string;
  data: { f: string };
  fmtArgs: FmtArg[];
  expect?: { t: string };
  expectBase64?: { t: string };
  expectError?: string;
}

const golden = readFileSync(join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../golden/fmt-printf.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldenCase);

describe('sprintf vs oracle (test/golden/fmt-printf.jsonl)', () => {
  it('has cases', () => expect(golden.length).toBeGreaterThan(300));
  const failures: string[] = [];
  for (const c of golden) {
    if (c.expectError) continue;
    const got = sprintf(c.data.f, c.fmtArgs.map(toGo));
    if (c.expectBase64) {
      const want = Buffer.from(c.expectBase64.t, 'base64');
      if (!Buffer.from(goBytes(got)).equals(want)) failures.push(`${c.id} ${JSON.stringify(c.data.f)}: got ${JSON.stringify(got)}`);
    } else if (got !== c.expect!.t) {
      failures.push(`${c.id} ${JSON.stringify(c.data.f)} ${JSON.stringify(c.fmtArgs)}: got ${JSON.stringify(got)} want ${JSON.stringify(c.expect!.t)}`);
    }
  }
  it('matches every golden case', () => {
    expect(failures.slice(0, 40)).toEqual([]);
  });
});

const meta = new GoStruct(
  'chart.Metadata',
  new Map<string, GoValue>([
    ['Name', 'mychart'],
    ['Version', '0.1.0'],
    ['Deps', null],
  ]),
);
const metaPtr = new GoStruct('chart.Metadata', meta.fields, new Map(), true);
const stringer = new GoStruct('chartutil.KubeVersion', new Map([['Major', '1']]), new Map(), true, () => 'v1.20.0');
const t0 = new GoTime(1700000000123456789n);

// Expectations from Go 1.19 (fmt's documented rules, checked against the oracle where reachable).
const table: { name: string; format: string; args: GoValue[]; want: string }[] = [
  { name: 'float32 shortest', format: '%v', args: [new GoFloat32(Math.fround(0.1))], want: '0.1' },
  { name: 'float32 1/3', format: '%v %g', args: [new GoFloat32(Math.fround(1 / 3)), new GoFloat32(Math.fround(1 / 3))], want: '0.33333334 0.33333334' },
  { name: 'float32 %T', format: '%T', args: [new GoFloat32(1)], want: 'float32' },
  { name: 'float32 16777216', format: '%v', args: [new GoFloat32(16777216)], want: '1.6777216e+07' },
  { name: 'bytes %v', format: '%v', args: [goByteSlice(Uint8Array.from([1, 2, 255]))], want: '[1 2 255]' },
  { name: 'bytes %s', format: '%s', args: [goByteSlice(new TextEncoder().encode('hi'))], want: 'hi' },
  { name: 'bytes %x', format: '%x', args: [goByteSlice(Uint8Array.from([1, 171]))], want: '01ab' },
  { name: 'bytes %q', format: '%q', args: [goByteSlice(new TextEncoder().encode('a"'))], want: '"a\\""' },
  { name: 'bytes %#v', format: '%#v', args: [goByteSlice(Uint8Array.from([1, 171]))], want: '[]byte{0x1, 0xab}' },
  { name: 'bytes %T', format: '%T', args: [goByteSlice(Uint8Array.from([1]))], want: '[]uint8' },
  { name: 'uint8 %v', format: '%v %d %x %c', args: [new GoInt('uint8', 65n), new GoInt('uint8', 65n), new GoInt('uint8', 65n), new GoInt('uint8', 65n)], want: '65 65 41 A' },
  { name: 'uint64 max', format: '%v %x %#v', args: [new GoInt('uint64', 2n ** 64n - 1n), new GoInt('uint64', 2n ** 64n - 1n), new GoInt('uint', 10n)], want: '18446744073709551615 ffffffffffffffff 0xa' },
  { name: 'struct %v', format: '%v', args: [meta], want: '{mychart 0.1.0 <nil>}' },
  { name: 'struct %+v', format: '%+v', args: [meta], want: '{Name:mychart Version:0.1.0 Deps:<nil>}' },
  { name: 'struct %#v', format: '%#v', args: [meta], want: 'chart.Metadata{Name:"mychart", Version:"0.1.0", Deps:interface {}(nil)}' },
  { name: 'struct ptr top', format: '%v', args: [metaPtr], want: '&{mychart 0.1.0 <nil>}' },
  { name: 'struct ptr %+v', format: '%+v', args: [metaPtr], want: '&{Name:mychart Version:0.1.0 Deps:<nil>}' },
  { name: 'struct ptr nested', format: '%v', args: [[metaPtr]], want: '[0xc000010000]' },
  { name: 'struct %T', format: '%T %T', args: [meta, metaPtr], want: 'chart.Metadata *chart.Metadata' },
  { name: 'stringer', format: '%v %s %q %d', args: [stringer, stringer, stringer, new GoInt('int', 1n)], want: 'v1.20.0 v1.20.0 "v1.20.0" 1' },
  { name: 'stringer nested', format: '%v', args: [fromJSON({ a: 1 }) as Map<string, GoValue>], want: 'map[a:1]' },
  { name: 'stringer in list', format: '%v', args: [[stringer, 'x']], want: '[v1.20.0 x]' },
  { name: 'time', format: '%v', args: [t0], want: '2023-11-14 22:13:20.123456789 +0000 UTC' },
  { name: 'time %s padded', format: '%40s|', args: [new GoTime(0n)], want: '           1970-01-01 00:00:00 +0000 UTC|' },
  { name: 'time in map', format: '%v', args: [new Map<string, GoValue>([['t', new GoTime(0n)]])], want: 'map[t:1970-01-01 00:00:00 +0000 UTC]' },
  { name: 'undefined', format: '%v %d', args: [undefined, undefined], want: '<invalid reflect.Value> <invalid reflect.Value>' },
  { name: 'map __proto__ key', format: '%v', args: [new Map<string, GoValue>([['__proto__', 1], ['constructor', 2]])], want: 'map[__proto__:1 constructor:2]' },
  { name: 'complex %T', format: '%T', args: [new GoComplex(1, 2)], want: 'complex128' },
];

describe('sprintf on values templates cannot build', () => {
  for (const c of table) {
    it(c.name, () => expect(sprintf(c.format, c.args)).toBe(c.want));
  }
});

describe('sprint / sprintln / formatValue', () => {
  const cases: { name: string; fn: () => string; want: string }[] = [
    { name: 'sprint ints', fn: () => sprint([goInt(1), goInt(2)]), want: '1 2' },
    { name: 'sprint strings', fn: () => sprint(['a', 'b']), want: 'ab' },
    { name: 'sprint mixed', fn: () => sprint(['a', goInt(1), goInt(2), 'b', 'c', 3.5, null]), want: 'a1 2bc3.5 <nil>' },
    { name: 'sprint empty', fn: () => sprint([]), want: '' },
    { name: 'sprintln', fn: () => sprintln(['a', 'b', goInt(1)]), want: 'a b 1\n' },
    { name: 'formatValue float', fn: () => formatValue(1000000), want: '1e+06' },
    { name: 'formatValue big int float', fn: () => formatValue(123456789), want: '1.23456789e+08' },
    { name: 'formatValue nil', fn: () => formatValue(null), want: '<nil>' },
    { name: 'formatValue list', fn: () => formatValue(['a', null, 1.5]), want: '[a <nil> 1.5]' },
    { name: 'formatValue map', fn: () => formatValue(fromJSON({ b: ['x', 'y'], a: 1 })), want: 'map[a:1 b:[x y]]' },
  ];
  for (const c of cases) it(c.name, () => expect(c.fn()).toBe(c.want));
});
