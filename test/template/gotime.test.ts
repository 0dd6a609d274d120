// Tests for src/template/gotime.ts. test/golden/fmt-time.jsonl holds the oracle's answers to Sprig's
// date, dateInZone, mustToDate and duration (each case's `timeOp` says what it exercises); they are
// re-run here through formatTime / parseTime / durationString directly. Local = UTC, as for the oracle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  durationString,
  formatTime,
  inLocation,
  loadLocation,
  parseDuration,
  parseTime,
  timeString,
} from '../../src/template/gotime.js';
import { GoTime } from '../../src/template/value.js';

const here = import.meta.dirname ?? new URL('.', import.meta.url).pathname;

interface TimeCase {
  id: string;
  timeOp: { op: string; layout?: string; unix?: number; zone?: string; value?: string; ns?: string };
  expect?: { t: string };
  expectError?: string;
}

const cases = readFileSync(join(here, '../golden/fmt-time.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as TimeCase);

function run(c: TimeCase): string {
  const op = c.timeOp;
  switch (op.op) {
    case 'format': {
      const t = inLocation(new GoTime(BigInt(op.unix!) * 1000000000n), loadLocation(op.zone!));
      return formatTime(t, op.layout!);
    }
    case 'parse':
      try {
        return timeString(parseTime(op.layout!, op.value!));
      } catch (e) {
        // Sprig: `error calling mustToDate: ` + Go's ParseError text, wrapped by exec.
        return 'ERR ' + (e as Error).message;
      }
    case 'duration':
      return durationString(BigInt(op.ns!));
  }
  throw new Error('unknown op');
}

describe('gotime vs oracle (test/golden/fmt-time.jsonl)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(200));
  for (const c of cases) {
    it(`${c.id} ${JSON.stringify(c.timeOp)}`, () => {
      const got = run(c);
      if (c.expectError) {
        const m = /error calling mustToDate: (.*)$/s.exec(c.expectError);
        expect(got).toBe('ERR ' + m![1]);
      } else expect(got).toBe(c.expect!.t);
    });
  }
});

describe('parseDuration / durationString (Go time_test)', () => {
  const ok: [string, bigint][] = [
    ['0', 0n],
    ['5s', 5000000000n],
    ['30s', 30000000000n],
    ['1478s', 1478000000000n],
    ['-5s', -5000000000n],
    ['+5s', 5000000000n],
    ['-0', 0n],
    ['5.0s', 5000000000n],
    ['5.6s', 5600000000n],
    ['.5s', 500000000n],
    ['1.s', 1000000000n],
    ['1.004s', 1004000000n],
    ['100.00100s', 100001000000n],
    ['10ns', 10n],
    ['11us', 11000n],
    ['12µs', 12000n],
    ['12μs', 12000n],
    ['13ms', 13000000n],
    ['14s', 14000000000n],
    ['15m', 900000000000n],
    ['16h', 57600000000000n],
    ['3h30m', 12600000000000n],
    ['10.5s4m', 250500000000n],
    ['-2m3.4s', -123400000000n],
    ['1h2m3s4ms5us6ns', 3723004005006n],
    ['39h9m14.425s', 140954425000000n],
    ['52763797000ns', 52763797000n],
    ['0.3333333333333333333h', 1200000000000n],
    ['9007199254740993ns', 9007199254740993n],
    ['9223372036854775807ns', 9223372036854775807n],
    ['-9223372036854775808ns', -9223372036854775808n],
    ['0.100000000000000000000h', 360000000000n],
  ];
  for (const [s, want] of ok) it(s, () => expect(parseDuration(s)).toBe(want));
  const bad: [string, string][] = [
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['\x85\x85', 'time: invalid duration "\\xc2\\x85\\xc2\\x85"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['9223372036854775.808us', 'time: invalid duration "9223372036854775.808us"'],
  ];
  for (const [s, want] of bad) it(`error ${JSON.stringify(s)}`, () => expect(() => parseDuration(s)).toThrow(want));
  const str: [bigint, string][] = [
    [0n, '0s'],
    [1n, '1ns'],
    [1100n, '1.1µs'],
    [2200000n, '2.2ms'],
    [3300000000n, '3.3s'],
    [4n * 60000000000n + 5000000000n, '4m5s'],
    [4n * 60000000000n + 5001000000n, '4m5.001s'],
    [5n * 3600000000000n + 6n * 60000000000n + 7001000000n, '5h6m7.001s'],
    [8n * 60000000000n + 1n, '8m0.000000001s'],
    [9223372036854775807n, '2562047h47m16.854775807s'],
    [-9223372036854775808n, '-2562047h47m16.854775808s'],
  ];
  for (const [d, want] of str) it(`string ${d}`, () => expect(durationString(d)).toBe(want));
});

describe('formatTime extras', () => {
  it('fractional seconds and years', () => {
    const t = parseTime('2006-01-02T15:04:05.999999999Z07:00', '0001-02-03T04:05:06.000700800-02:30');
    expect(formatTime(t, '2006-01-02 15:04:05.000000000 .999999 ,000 -07:00:00 MST')).toBe('0001-02-03 04:05:06.000700800 .0007 ,000 -02:30:00 -0230');
    expect(timeString(t)).toBe('0001-02-03 04:05:06.0007008 -0230 -0230');
  });
});
