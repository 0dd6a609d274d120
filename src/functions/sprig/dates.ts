/**
 * Sprig 3.2.3's date functions (Sprig: date.go, and `now` = time.Now) over Go's time layouts
 * and durations (template/gotime.ts). The process zone `Local` is UTC, as on the oracle.
 */
import { def } from '../def.js';
import { GoFuncError, GoInt, GoTime, type GoFunc, type GoValue } from '../../template/value.js';
import {
  TimeParseError,
  durationString,
  formatTime,
  inLocation,
  loadLocation,
  parseDuration,
  parseTime,
  type GoLocation,
} from '../../template/gotime.js';
import { NumError, errRange, parseInt as goParseInt } from '../../template/strconv.js';

const nsPerSec = 1_000_000_000n;
const int64Min = -(1n << 63n);
const int64Max = (1n << 63n) - 1n;

/** timeNow is time.Now() in Local (UTC here). Go's monotonic reading is not modelled. */
export function timeNow(): GoTime {
  return new GoTime(BigInt(Date.now()) * 1_000_000n, 'UTC', 0);
}

/** timeUnix is time.Unix(sec, 0) in Local (UTC here). */
function timeUnix(sec: bigint): GoTime {
  return new GoTime(sec * nsPerSec, 'UTC', 0);
}

/** zeroTime is time.Time{}: 0001-01-01 00:00:00 UTC. */
export const zeroTime = new GoTime(-62135596800n * nsPerSec, 'UTC', 0);

/** since is time.Since(t) as an int64 Duration (saturating as Go's Sub does). */
function since(t: GoTime): bigint {
  const d = timeNow().unixNano - t.unixNano;
  return d > int64Max ? int64Max : d < int64Min ? int64Min : d;
}

/** durationRound is time.Duration.Round(m) for m > 0 (halves away from zero, saturating). */
function roundDuration(d: bigint, m: bigint): bigint {
  let r = d % m;
  const lessThanHalf = (x: bigint): boolean => 2n * x < m;
  if (d < 0n) {
    r = -r;
    if (lessThanHalf(r)) return d + r;
    const d1 = d - m + r;
    return d1 >= int64Min ? d1 : int64Min;
  }
  if (lessThanHalf(r)) return d - r;
  const d1 = d + m - r;
  return d1 <= int64Max ? d1 : int64Max;
}

/** dateArg is dateInZone's type switch: time.Time, int64, int, int32 (seconds); anything else is now. */
function dateArg(date: GoValue, withInt32: boolean): GoTime {
  if (date instanceof GoTime) return date;
  if (date instanceof GoInt && (date.kind === 'int64' || date.kind === 'int' || (withInt32 && date.kind === 'int32'))) {
    return timeUnix(date.v);
  }
  // Sprig: float64 (every number from values), strings, nil… fall to time.Now().
  return timeNow();
}

function zoneOrUTC(zone: string): GoLocation {
  try {
    return loadLocation(zone);
  } catch {
    return loadLocation('UTC');
  }
}

/** dateInZone is Sprig's dateInZone. */
function dateInZone(layout: string, date: GoValue, zone: string): string {
  return formatTime(inLocation(dateArg(date, true), zoneOrUTC(zone)), layout);
}

function addDuration(t: GoTime, d: bigint): GoTime {
  return new GoTime(t.unixNano + d, t.locName, t.offsetSec);
}

function durationErr(e: unknown): GoFuncError {
  if (e instanceof GoFuncError) return e;
  return new GoFuncError((e as Error).message);
}

/** durationRoundString is Sprig's durationRound. */
function durationRoundString(v: GoValue): string {
  let d = 0n;
  if (typeof v === 'string') {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (v instanceof GoInt && v.kind === 'int64') {
    d = v.v;
  } else if (v instanceof GoTime) {
    d = since(v);
  }
  let u = BigInt.asUintN(64, d);
  if (d < 0n) u = BigInt.asUintN(64, -u);
  const hour = 3600n * nsPerSec;
  const units: [bigint, string][] = [
    [hour * 24n * 365n, 'y'],
    [hour * 24n * 30n, 'mo'],
    [hour * 24n, 'd'],
    [hour, 'h'],
    [60n * nsPerSec, 'm'],
    [nsPerSec, 's'],
  ];
  for (const [size, suffix] of units) if (u > size) return `${u / size}${suffix}`;
  return '0s';
}

/** durationSeconds is Sprig's duration: seconds (string or int64) as a Duration string. */
function durationSeconds(v: GoValue): string {
  let n = 0n;
  if (typeof v === 'string') {
    try {
      n = goParseInt(v, 10, 64);
    } catch (e) {
      // Go: ParseInt returns the clamped value alongside a range error, 0 on a syntax error.
      if (!(e instanceof NumError)) throw e;
      n = e.err === errRange ? (v.startsWith('-') ? int64Min : int64Max) : 0n;
    }
  } else if (v instanceof GoInt && v.kind === 'int64') {
    n = v.v;
  }
  return durationString(BigInt.asIntN(64, n * nsPerSec));
}

function toDate(layout: string, s: string): GoTime {
  return parseTime(layout, s, loadLocation('Local'));
}

const I = 'interface {}';
const S = 'string';
const T = 'time.Time';

/** datesFuncs are Sprig 3.2.3's date functions. */
export const datesFuncs: GoFunc[] = [
  def('now', [], T, () => timeNow()),
  def('date', [S, I], S, ([f, d]) => dateInZone(f as string, d, 'Local')),
  def('htmlDate', [I], S, ([d]) => dateInZone('2006-01-02', d, 'Local')),
  def('htmlDateInZone', [I, S], S, ([d, z]) => dateInZone('2006-01-02', d, z as string)),
  ...['dateInZone', 'date_in_zone'].map((name) => def(name, [S, I, S], S, ([f, d, z]) => dateInZone(f as string, d, z as string))),
  ...['dateModify', 'date_modify'].map((name) =>
    def(name, [S, T], T, ([f, t]) => {
      try {
        return addDuration(t as GoTime, parseDuration(f as string));
      } catch {
        return t as GoTime;
      }
    }),
  ),
  ...['mustDateModify', 'must_date_modify'].map((name) =>
    def(name, [S, T], T, ([f, t]) => {
      let d: bigint;
      try {
        d = parseDuration(f as string);
      } catch (e) {
        throw durationErr(e);
      }
      return addDuration(t as GoTime, d);
    }, { err: true }),
  ),
  def('ago', [I], S, ([d]) => durationString(roundDuration(since(dateArg(d, false)), nsPerSec))),
  def('duration', [I], S, ([v]) => durationSeconds(v)),
  def('durationRound', [I], S, ([v]) => durationRoundString(v)),
  def('toDate', [S, S], T, ([f, s]) => {
    try {
      return toDate(f as string, s as string);
    } catch (e) {
      if (e instanceof TimeParseError) return zeroTime;
      throw e;
    }
  }),
  def('mustToDate', [S, S], T, ([f, s]) => {
    try {
      return toDate(f as string, s as string);
    } catch (e) {
      if (e instanceof TimeParseError) throw new GoFuncError(e.message);
      throw e;
    }
  }, { err: true }),
  def('unixEpoch', [T], S, ([t]) => {
    const ns = (t as GoTime).unixNano;
    const q = ns / nsPerSec;
    return String(ns % nsPerSec !== 0n && ns < 0n ? q - 1n : q);
  }),
];
