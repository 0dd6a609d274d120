// Direct calls of Sprig's dates functions. Expected values come from the oracle
// (gotpl-oracle, mode "sprig": `{{ fn args… }}` with the same literal arguments).
import { describe, expect, it } from 'vitest';
import { GoTime } from '../../src/template/value.js';
import { describeOracleTable, funcMap, type Row } from './helpers.js';
import { datesFuncs } from '../../src/functions/sprig/dates.js';

const table: Row[] = [
  ["date",["\"2006-01-02\"","0"],"1970-01-01"],
  ["date",["\"2006-01-02T15:04:05Z07:00\"","1700000000"],"2023-11-14T22:13:20Z"],
  ["date",["\"Mon Jan _2 15:04:05 MST 2006\"","1700000000"],"Tue Nov 14 22:13:20 UTC 2023"],
  ["date",["\"02/01/06 03:04PM .000\"","1700000000"],"14/11/23 10:13PM .000"],
  ["date",["\"\"","5"],""],
  ["date",["\"2006\"","-62135596800"],"0001"],
  ["htmlDate",["1700000000"],"2023-11-14"],
  ["htmlDate",["0"],"1970-01-01"],
  ["htmlDateInZone",["1700000000","\"Asia/Tokyo\""],"2023-11-15"],
  ["htmlDateInZone",["1700000000","\"Nowhere/City\""],"2023-11-14"],
  ["htmlDateInZone",["1700000000","\"\""],"2023-11-14"],
  ["dateInZone",["\"2006-01-02 15:04:05 MST -0700\"","1700000000","\"America/New_York\""],"2023-11-14 17:13:20 EST -0500"],
  ["dateInZone",["\"2006-01-02 15:04:05 MST\"","1700000000","\"UTC\""],"2023-11-14 22:13:20 UTC"],
  ["dateInZone",["\"2006-01-02 15:04:05 MST\"","1700000000","\"Local\""],"2023-11-14 22:13:20 UTC"],
  ["dateInZone",["\"2006-01-02 15:04:05 MST\"","1700000000","\"Europe/Berlin\""],"2023-11-14 23:13:20 CET"],
  ["dateInZone",["\"15:04 MST\"","1700000000","\"Asia/Kolkata\""],"03:43 IST"],
  ["dateInZone",["\"15:04 Z07:00\"","1700000000","\"bogus\""],"22:13 Z"],
  ["date_in_zone",["\"2006-01-02\"","1700000000","\"UTC\""],"2023-11-14"],
  ["duration",["95"],"0s"],
  ["duration",["\"95\""],"1m35s"],
  ["duration",["\"3600\""],"1h0m0s"],
  ["duration",["\"-61\""],"-1m1s"],
  ["duration",["\"x\""],"0s"],
  ["duration",["\"99999999999999999999\""],"-1s"],
  ["duration",["0"],"0s"],
  ["duration",["nil"],"0s"],
  ["duration",["1.5"],"0s"],
  ["duration",["\"1.5\""],"0s"],
  ["duration",["\"9223372037\""],"-2562047h47m16.709551616s"],
  ["durationRound",["\"2h10m5s\""],"2h"],
  ["durationRound",["\"1h\""],"60m"],
  ["durationRound",["\"61m\""],"1h"],
  ["durationRound",["\"-3h\""],"3h"],
  ["durationRound",["\"400h\""],"16d"],
  ["durationRound",["\"9000h\""],"1y"],
  ["durationRound",["\"9500h\""],"1y"],
  ["durationRound",["\"45s\""],"45s"],
  ["durationRound",["\"1s\""],"0s"],
  ["durationRound",["\"1.5s\""],"1s"],
  ["durationRound",["\"bogus\""],"0s"],
  ["durationRound",["5"],"0s"],
  ["durationRound",["nil"],"0s"],
  ["durationRound",["\"\""],"0s"],
];

const funcs = funcMap(datesFuncs);

describeOracleTable('dates functions vs the oracle', funcs, table);

describe('dates: times', () => {
  const f = (n: string) => funcs.get(n)!;
  const t = f('toDate').call(['2006-01-02', '2017-12-31']) as GoTime;
  it('toDate parses in Local (UTC) and unixEpoch floors', () => {
    expect(t.unixNano).toBe(1514678400n * 1_000_000_000n);
    expect(f('unixEpoch').call([t])).toBe('1514678400');
    const neg = f('toDate').call(['2006-01-02 15:04:05.000', '1969-12-31 23:59:59.500']) as GoTime;
    expect(f('unixEpoch').call([neg])).toBe('-1');
  });
  it('toDate gives the zero time on errors; mustToDate returns Go\'s error', () => {
    expect((f('toDate').call(['2006-01-02', 'bad']) as GoTime).unixNano).toBe(-62135596800n * 1_000_000_000n);
    expect(() => f('mustToDate').call(['2006-01-02', '2017-02-30'])).toThrow('parsing time "2017-02-30": day out of range');
  });
  it('dateModify adds a Go duration and ignores bad ones; mustDateModify reports them', () => {
    expect((f('dateModify').call(['-25h', t]) as GoTime).unixNano).toBe(t.unixNano - 25n * 3600n * 1_000_000_000n);
    expect(f('dateModify').call(['bad', t])).toBe(t);
    expect(() => f('mustDateModify').call(['1x', t])).toThrow('time: unknown unit "x" in duration "1x"');
  });
  it('dateInZone formats time.Time values in a zone', () => {
    expect(f('dateInZone').call(['2006-01-02 15:04 MST', t, 'Asia/Tokyo'])).toBe('2017-12-31 09:00 JST');
    expect(f('date').call(['Jan 2, 2006', t])).toBe('Dec 31, 2017');
  });
  it('now, ago and durationRound of now', () => {
    const now = f('now').call([]) as GoTime;
    expect(Math.abs(Number(now.unixNano / 1_000_000n) - Date.now())).toBeLessThan(5000);
    expect(f('ago').call([now])).toBe('0s');
    expect(f('durationRound').call([now])).toBe('0s');
    // Sprig: a float64 (any number from values) is not a date: it means now.
    expect(f('date').call(['2006', 1700000000])).toBe(String(new Date().getUTCFullYear()));
  });
});
