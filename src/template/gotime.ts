/**
 * Go's time printing and parsing for GoTime (value.ts): Time.String, Time.Format's layout
 * language, time.Parse / ParseInLocation with Go's error texts, ParseDuration and
 * Duration.String. Go: src/time/{format,time}.go (Go 1.19).
 *
 * Zones: GoTime carries a zone abbreviation (locName) and a fixed offset. `Local` is UTC
 * (the oracle runs with TZ unset and /etc/localtime = UTC). Named IANA zones (Sprig's
 * dateInZone) get their offset at the instant from Intl and their abbreviation from the
 * system's zoneinfo file when readable (Go reads the same files).
 */
import { readFileSync } from 'node:fs';
import { GoTime } from './value.js';

const longDayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const shortDayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const shortMonthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const longMonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// ---------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01)

/** daysFromCivil returns the days since 1970-01-01 of y-m-d (m 1..12; out-of-range m, d normalise like Go's Date). */
function daysFromCivil(y: number, m: number, d: number): number {
  // Normalise month into 1..12.
  const m0 = m - 1;
  y += Math.floor(m0 / 12);
  m = (((m0 % 12) + 12) % 12) + 1;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** civilFromDays is the inverse of daysFromCivil: [year, month 1..12, day]. */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [m <= 2 ? y + 1 : y, m, d];
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const daysBefore = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

function daysIn(m: number, y: number): number {
  if (m === 2 && isLeap(y)) return 29;
  return daysBefore[m]! - daysBefore[m - 1]!;
}

/** Civil is a GoTime broken into its fields in its own zone. */
export interface Civil {
  year: number;
  month: number; // 1..12
  day: number;
  yday: number; // 1..366
  weekday: number; // 0 = Sunday
  hour: number;
  min: number;
  sec: number;
  nsec: number;
}

const nsPerSec = 1000000000n;

/** civil breaks t into calendar fields in t's zone. */
export function civil(t: GoTime): Civil {
  const local = t.unixNano + BigInt(t.offsetSec) * nsPerSec;
  let secs = local / nsPerSec;
  let nsec = local % nsPerSec;
  if (nsec < 0n) {
    nsec += nsPerSec;
    secs -= 1n;
  }
  let days = secs / 86400n;
  let rem = secs % 86400n;
  if (rem < 0n) {
    rem += 86400n;
    days -= 1n;
  }
  const dn = Number(days);
  const [year, month, day] = civilFromDays(dn);
  const r = Number(rem);
  const yday = dn - daysFromCivil(year, 1, 1) + 1;
  return {
    year,
    month,
    day,
    yday,
    weekday: (((dn + 4) % 7) + 7) % 7,
    hour: Math.floor(r / 3600),
    min: Math.floor((r % 3600) / 60),
    sec: r % 60,
    nsec: Number(nsec),
  };
}

/** goDate is time.Date(year, month, day, hour, min, sec, nsec, zone) with Go's normalisation. */
export function goDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  min: number,
  sec: number,
  nsec: number,
  locName = 'UTC',
  offsetSec = 0,
): GoTime {
  const days = daysFromCivil(year, month, 1) + (day - 1);
  const secs = BigInt(days) * 86400n + BigInt(hour * 3600 + min * 60 + sec) - BigInt(offsetSec);
  return new GoTime(secs * nsPerSec + BigInt(nsec), locName, offsetSec);
}

// ---------------------------------------------------------------------------
// Layout chunks

const enum Std {
  None = 0,
  LongMonth = 1,
  Month,
  NumMonth,
  ZeroMonth,
  LongWeekDay,
  WeekDay,
  Day,
  UnderDay,
  ZeroDay,
  UnderYearDay,
  ZeroYearDay,
  Hour,
  Hour12,
  ZeroHour12,
  Minute,
  ZeroMinute,
  Second,
  ZeroSecond,
  LongYear,
  Year,
  PM,
  pm,
  TZ,
  ISO8601TZ,
  ISO8601SecondsTZ,
  ISO8601ShortTZ,
  ISO8601ColonTZ,
  ISO8601ColonSecondsTZ,
  NumTZ,
  NumSecondsTz,
  NumShortTZ,
  NumColonTZ,
  NumColonSecondsTZ,
  FracSecond0,
  FracSecond9,
}

interface Chunk {
  prefix: string;
  std: Std;
  suffix: string;
  /** FracSecond digits count and separator. */
  digits?: number;
  sep?: string;
}

const std0x = [Std.ZeroMonth, Std.ZeroDay, Std.ZeroHour12, Std.ZeroMinute, Std.ZeroSecond, Std.Year];

function startsWithLowerCase(s: string): boolean {
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  return c >= 97 && c <= 122;
}

function isDigitAt(s: string, i: number): boolean {
  if (s.length <= i) return false;
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** nextStdChunk is Go's nextStdChunk: the text before the first layout element, the element and the rest. */
function nextStdChunk(layout: string): Chunk {
  const at = (i: number, s: string): boolean => layout.startsWith(s, i);
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    const pre = layout.slice(0, i);
    switch (c) {
      case 'J':
        if (at(i, 'Jan')) {
          if (at(i, 'January')) return { prefix: pre, std: Std.LongMonth, suffix: layout.slice(i + 7) };
          if (!startsWithLowerCase(layout.slice(i + 3))) return { prefix: pre, std: Std.Month, suffix: layout.slice(i + 3) };
        }
        break;
      case 'M':
        if (layout.length >= i + 3) {
          if (at(i, 'Mon')) {
            if (at(i, 'Monday')) return { prefix: pre, std: Std.LongWeekDay, suffix: layout.slice(i + 6) };
            if (!startsWithLowerCase(layout.slice(i + 3))) return { prefix: pre, std: Std.WeekDay, suffix: layout.slice(i + 3) };
          }
          if (at(i, 'MST')) return { prefix: pre, std: Std.TZ, suffix: layout.slice(i + 3) };
        }
        break;
      case '0': {
        const n = layout.charCodeAt(i + 1);
        if (layout.length >= i + 2 && n >= 49 && n <= 54) return { prefix: pre, std: std0x[n - 49]!, suffix: layout.slice(i + 2) };
        if (at(i, '002')) return { prefix: pre, std: Std.ZeroYearDay, suffix: layout.slice(i + 3) };
        break;
      }
      case '1':
        if (at(i, '15')) return { prefix: pre, std: Std.Hour, suffix: layout.slice(i + 2) };
        return { prefix: pre, std: Std.NumMonth, suffix: layout.slice(i + 1) };
      case '2':
        if (at(i, '2006')) return { prefix: pre, std: Std.LongYear, suffix: layout.slice(i + 4) };
        return { prefix: pre, std: Std.Day, suffix: layout.slice(i + 1) };
      case '_':
        if (at(i, '_2')) {
          if (at(i, '_2006')) return { prefix: layout.slice(0, i + 1), std: Std.LongYear, suffix: layout.slice(i + 5) };
          return { prefix: pre, std: Std.UnderDay, suffix: layout.slice(i + 2) };
        }
        if (at(i, '__2')) return { prefix: pre, std: Std.UnderYearDay, suffix: layout.slice(i + 3) };
        break;
      case '3':
        return { prefix: pre, std: Std.Hour12, suffix: layout.slice(i + 1) };
      case '4':
        return { prefix: pre, std: Std.Minute, suffix: layout.slice(i + 1) };
      case '5':
        return { prefix: pre, std: Std.Second, suffix: layout.slice(i + 1) };
      case 'P':
        if (at(i, 'PM')) return { prefix: pre, std: Std.PM, suffix: layout.slice(i + 2) };
        break;
      case 'p':
        if (at(i, 'pm')) return { prefix: pre, std: Std.pm, suffix: layout.slice(i + 2) };
        break;
      case '-':
        if (at(i, '-070000')) return { prefix: pre, std: Std.NumSecondsTz, suffix: layout.slice(i + 7) };
        if (at(i, '-07:00:00')) return { prefix: pre, std: Std.NumColonSecondsTZ, suffix: layout.slice(i + 9) };
        if (at(i, '-0700')) return { prefix: pre, std: Std.NumTZ, suffix: layout.slice(i + 5) };
        if (at(i, '-07:00')) return { prefix: pre, std: Std.NumColonTZ, suffix: layout.slice(i + 6) };
        if (at(i, '-07')) return { prefix: pre, std: Std.NumShortTZ, suffix: layout.slice(i + 3) };
        break;
      case 'Z':
        if (at(i, 'Z070000')) return { prefix: pre, std: Std.ISO8601SecondsTZ, suffix: layout.slice(i + 7) };
        if (at(i, 'Z07:00:00')) return { prefix: pre, std: Std.ISO8601ColonSecondsTZ, suffix: layout.slice(i + 9) };
        if (at(i, 'Z0700')) return { prefix: pre, std: Std.ISO8601TZ, suffix: layout.slice(i + 5) };
        if (at(i, 'Z07:00')) return { prefix: pre, std: Std.ISO8601ColonTZ, suffix: layout.slice(i + 6) };
        if (at(i, 'Z07')) return { prefix: pre, std: Std.ISO8601ShortTZ, suffix: layout.slice(i + 3) };
        break;
      case '.':
      case ',':
        if (i + 1 < layout.length && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
          const ch = layout[i + 1];
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          if (!isDigitAt(layout, j)) {
            return {
              prefix: pre,
              std: ch === '9' ? Std.FracSecond9 : Std.FracSecond0,
              suffix: layout.slice(j),
              digits: j - (i + 1),
              sep: c,
            };
          }
        }
        break;
    }
  }
  return { prefix: layout, std: Std.None, suffix: '' };
}

function needDate(s: Std): boolean {
  return (s >= Std.LongMonth && s <= Std.ZeroYearDay) || s === Std.LongYear || s === Std.Year;
}

function appendInt(x: number, width: number): string {
  let s = Math.abs(x).toString();
  if (s.length < width) s = '0'.repeat(width - s.length) + s;
  return (x < 0 ? '-' : '') + s;
}

function formatNano(nanosec: number, digits: number, sep: string, trim: boolean): string {
  let buf = nanosec.toString().padStart(9, '0');
  let n = Math.min(digits, 9);
  if (trim) {
    while (n > 0 && buf[n - 1] === '0') n--;
    if (n === 0) return '';
  }
  buf = buf.slice(0, n);
  return sep + buf;
}

const isoTZ = new Set([Std.ISO8601TZ, Std.ISO8601ColonTZ, Std.ISO8601SecondsTZ, Std.ISO8601ShortTZ, Std.ISO8601ColonSecondsTZ]);

/** formatTime is Time.Format(layout) (Go's reference layout `Mon Jan 2 15:04:05 MST 2006`). */
export function formatTime(t: GoTime, layout: string): string {
  const c = civil(t);
  const offset = t.offsetSec;
  let b = '';
  while (layout !== '') {
    const ch = nextStdChunk(layout);
    b += ch.prefix;
    if (ch.std === Std.None) break;
    layout = ch.suffix;
    void needDate;
    switch (ch.std) {
      case Std.Year:
        b += appendInt(Math.abs(c.year) % 100, 2);
        break;
      case Std.LongYear:
        b += appendInt(c.year, 4);
        break;
      case Std.Month:
        b += shortMonthNames[c.month - 1];
        break;
      case Std.LongMonth:
        b += longMonthNames[c.month - 1];
        break;
      case Std.NumMonth:
        b += appendInt(c.month, 0);
        break;
      case Std.ZeroMonth:
        b += appendInt(c.month, 2);
        break;
      case Std.WeekDay:
        b += shortDayNames[c.weekday];
        break;
      case Std.LongWeekDay:
        b += longDayNames[c.weekday];
        break;
      case Std.Day:
        b += appendInt(c.day, 0);
        break;
      case Std.UnderDay:
        if (c.day < 10) b += ' ';
        b += appendInt(c.day, 0);
        break;
      case Std.ZeroDay:
        b += appendInt(c.day, 2);
        break;
      case Std.UnderYearDay:
        if (c.yday < 100) {
          b += ' ';
          if (c.yday < 10) b += ' ';
        }
        b += appendInt(c.yday, 0);
        break;
      case Std.ZeroYearDay:
        b += appendInt(c.yday, 3);
        break;
      case Std.Hour:
        b += appendInt(c.hour, 2);
        break;
      case Std.Hour12:
      case Std.ZeroHour12: {
        const hr = c.hour % 12 === 0 ? 12 : c.hour % 12;
        b += appendInt(hr, ch.std === Std.Hour12 ? 0 : 2);
        break;
      }
      case Std.Minute:
        b += appendInt(c.min, 0);
        break;
      case Std.ZeroMinute:
        b += appendInt(c.min, 2);
        break;
      case Std.Second:
        b += appendInt(c.sec, 0);
        break;
      case Std.ZeroSecond:
        b += appendInt(c.sec, 2);
        break;
      case Std.PM:
        b += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case Std.pm:
        b += c.hour >= 12 ? 'pm' : 'am';
        break;
      case Std.ISO8601TZ:
      case Std.ISO8601ColonTZ:
      case Std.ISO8601SecondsTZ:
      case Std.ISO8601ShortTZ:
      case Std.ISO8601ColonSecondsTZ:
      case Std.NumTZ:
      case Std.NumColonTZ:
      case Std.NumSecondsTz:
      case Std.NumShortTZ:
      case Std.NumColonSecondsTZ: {
        const s = ch.std;
        if (offset === 0 && isoTZ.has(s)) {
          b += 'Z';
          break;
        }
        let zone = Math.trunc(offset / 60);
        let absoffset = offset;
        if (zone < 0) {
          b += '-';
          zone = -zone;
          absoffset = -absoffset;
        } else b += '+';
        b += appendInt(Math.trunc(zone / 60), 2);
        if (s === Std.ISO8601ColonTZ || s === Std.NumColonTZ || s === Std.ISO8601ColonSecondsTZ || s === Std.NumColonSecondsTZ) b += ':';
        if (s !== Std.NumShortTZ && s !== Std.ISO8601ShortTZ) b += appendInt(zone % 60, 2);
        if (s === Std.ISO8601SecondsTZ || s === Std.NumSecondsTz || s === Std.NumColonSecondsTZ || s === Std.ISO8601ColonSecondsTZ) {
          if (s === Std.NumColonSecondsTZ || s === Std.ISO8601ColonSecondsTZ) b += ':';
          b += appendInt(absoffset % 60, 2);
        }
        break;
      }
      case Std.TZ: {
        if (t.locName !== '') {
          b += t.locName;
          break;
        }
        let zone = Math.trunc(offset / 60);
        if (zone < 0) {
          b += '-';
          zone = -zone;
        } else b += '+';
        b += appendInt(Math.trunc(zone / 60), 2) + appendInt(zone % 60, 2);
        break;
      }
      case Std.FracSecond0:
      case Std.FracSecond9:
        b += formatNano(c.nsec, ch.digits!, ch.sep!, ch.std === Std.FracSecond9);
        break;
    }
  }
  return b;
}

/** timeString is Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST` (no monotonic reading). */
export function timeString(t: GoTime): string {
  return formatTime(t, '2006-01-02 15:04:05.999999999 -0700 MST');
}

// ---------------------------------------------------------------------------
// Parse

/** quoteTime is time's own quote(): non-ASCII and control bytes as \x escapes. */
export function quoteTime(s: string): string {
  let out = '"';
  const bytes = new TextEncoder().encode(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || c < 0x20) {
      // Escape every UTF-8 byte of this character (escaped raw bytes are one byte).
      let cp = s.codePointAt(i)!;
      if (cp >= 0xdc80 && cp <= 0xdcff) {
        out += '\\x' + (cp - 0xdc00).toString(16).padStart(2, '0');
        continue;
      }
      if (cp > 0xffff) i++;
      if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
      for (const byte of new TextEncoder().encode(String.fromCodePoint(cp))) out += '\\x' + byte.toString(16).padStart(2, '0');
      continue;
    }
    if (c === 34 || c === 92) out += '\\';
    out += s[i];
  }
  void bytes;
  return out + '"';
}

/** TimeParseError is time.ParseError. */
export class TimeParseError extends Error {
  constructor(
    readonly layout: string,
    readonly value: string,
    readonly layoutElem: string,
    readonly valueElem: string,
    readonly msg: string,
  ) {
    super(
      msg === ''
        ? `parsing time ${quoteTime(value)} as ${quoteTime(layout)}: cannot parse ${quoteTime(valueElem)} as ${quoteTime(layoutElem)}`
        : `parsing time ${quoteTime(value)}${msg}`,
    );
    this.name = 'TimeParseError';
  }
}

class Bad extends Error {}

function matchFold(s1: string, s2: string): boolean {
  for (let i = 0; i < s1.length; i++) {
    let c1 = s1.charCodeAt(i);
    let c2 = s2.charCodeAt(i);
    if (c1 !== c2) {
      c1 |= 32;
      c2 |= 32;
      if (c1 !== c2 || c1 < 97 || c1 > 122) return false;
    }
  }
  return true;
}

function lookup(tab: string[], val: string): [number, string] {
  for (let i = 0; i < tab.length; i++) {
    const v = tab[i]!;
    if (val.length >= v.length && matchFold(val.slice(0, v.length), v)) return [i, val.slice(v.length)];
  }
  throw new Bad();
}

function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) throw new Bad();
  if (!isDigitAt(s, 1)) {
    if (fixed) throw new Bad();
    return [s.charCodeAt(0) - 48, s.slice(1)];
  }
  return [(s.charCodeAt(0) - 48) * 10 + s.charCodeAt(1) - 48, s.slice(2)];
}

function getnum3(s: string, fixed: boolean): [number, string] {
  let n = 0;
  let i = 0;
  for (; i < 3 && isDigitAt(s, i); i++) n = n * 10 + s.charCodeAt(i) - 48;
  if (i === 0 || (fixed && i !== 3)) throw new Bad();
  return [n, s.slice(i)];
}

function cutspace(s: string): string {
  let i = 0;
  while (i < s.length && s[i] === ' ') i++;
  return s.slice(i);
}

/** skip removes prefix from value, runs of spaces matching; on mismatch it returns the rest and false. */
function skip(value: string, prefix: string): [string, boolean] {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') return [value, false];
      prefix = cutspace(prefix);
      value = cutspace(value);
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return [value, false];
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return [value, true];
}

/** leadingInt consumes [0-9]* (Go's leadingInt): [x, rem], throws Bad on overflow. */
function leadingInt(s: string): [bigint, string] {
  let i = 0;
  let x = 0n;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (x > (1n << 63n) / 10n) throw new Bad();
    x = x * 10n + BigInt(c - 48);
    if (x > 1n << 63n) throw new Bad();
  }
  return [x, s.slice(i)];
}

function timeAtoi(s: string): number {
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const [q, rem] = leadingInt(s);
  if (rem !== '') throw new Bad();
  const x = Number(BigInt.asIntN(64, q));
  return neg ? -x : x;
}

function commaOrPeriod(c: string | undefined): boolean {
  return c === '.' || c === ',';
}

function parseNanoseconds(value: string, nbytes: number): [number, string] {
  if (!commaOrPeriod(value[0])) throw new Bad();
  if (nbytes > 10) {
    value = value.slice(0, 10);
    nbytes = 10;
  }
  let ns = timeAtoi(value.slice(1, nbytes));
  if (ns < 0) return [0, 'fractional second'];
  for (let i = 0; i < 10 - nbytes; i++) ns *= 10;
  return [ns, ''];
}

function parseSignedOffset(value: string): number {
  const sign = value[0];
  if (sign !== '-' && sign !== '+') return 0;
  let x: bigint;
  let rem: string;
  try {
    [x, rem] = leadingInt(value.slice(1));
  } catch {
    return 0;
  }
  if (value.slice(1) === rem) return 0;
  if (x > 23n) return 0;
  return value.length - rem.length;
}

function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return 3 + (value.length > 3 ? parseSignedOffset(value.slice(3)) : 0);
  if (value[0] === '+' || value[0] === '-') return parseSignedOffset(value);
  let nUpper = 0;
  for (; nUpper < 6; nUpper++) {
    if (nUpper >= value.length) break;
    const c = value.charCodeAt(nUpper);
    if (c < 65 || c > 90) break;
  }
  switch (nUpper) {
    case 5:
      if (value[4] === 'T') return 5;
      break;
    case 4:
      if (value[3] === 'T' || value.startsWith('WITA')) return 4;
      break;
    case 3:
      return 3;
  }
  return 0;
}

/** GoLocation is a time zone for parsing defaults: its abbreviation and offset (UTC and Local are both UTC here). */
export interface GoLocation {
  name: string;
  /** Abbreviation and offset at a Unix second. */
  lookup(unixSec: bigint): { abbr: string; offset: number };
}

/** utcLocation is time.UTC (also time.Local: the oracle runs in UTC). */
export const utcLocation: GoLocation = { name: 'UTC', lookup: () => ({ abbr: 'UTC', offset: 0 }) };

/** inLocation is t.In(loc). */
export function inLocation(t: GoTime, loc: GoLocation): GoTime {
  const { abbr, offset } = loc.lookup(floorDiv(t.unixNano, nsPerSec));
  return new GoTime(t.unixNano, abbr, offset);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * parseTime is time.ParseInLocation(layout, value, loc) (loc defaults to UTC, which is also
 * Local here, so it equals time.Parse). Throws TimeParseError with Go's text.
 */
export function parseTime(layout: string, value: string, loc: GoLocation = utcLocation): GoTime {
  const alayout = layout;
  const avalue = value;
  let rangeErrString = '';
  let amSet = false;
  let pmSet = false;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let zUTC = false;
  let zoneOffset = -1;
  let zoneName = '';

  for (;;) {
    const ch = nextStdChunk(layout);
    const stdstr = layout.slice(ch.prefix.length, layout.length - ch.suffix.length);
    let skipped: boolean;
    [value, skipped] = skip(value, ch.prefix);
    if (!skipped) throw new TimeParseError(alayout, avalue, ch.prefix, value, '');
    if (ch.std === Std.None) {
      if (value.length !== 0) throw new TimeParseError(alayout, avalue, '', value, ': extra text: ' + quoteTime(value));
      break;
    }
    layout = ch.suffix;
    const hold = value;
    try {
      switch (ch.std) {
        case Std.Year: {
          if (value.length < 2) throw new Bad();
          const p = value.slice(0, 2);
          value = value.slice(2);
          try {
            year = timeAtoi(p);
          } catch (e) {
            value = hold;
            throw e;
          }
          year += year >= 69 ? 1900 : 2000;
          break;
        }
        case Std.LongYear:
          if (value.length < 4 || !isDigitAt(value, 0)) throw new Bad();
          {
            const p = value.slice(0, 4);
            value = value.slice(4);
            year = timeAtoi(p);
          }
          break;
        case Std.Month:
          [month, value] = lookup(shortMonthNames, value);
          month++;
          break;
        case Std.LongMonth:
          [month, value] = lookup(longMonthNames, value);
          month++;
          break;
        case Std.NumMonth:
        case Std.ZeroMonth:
          [month, value] = getnum(value, ch.std === Std.ZeroMonth);
          if (month <= 0 || month > 12) rangeErrString = 'month';
          break;
        case Std.WeekDay:
          [, value] = lookup(shortDayNames, value);
          break;
        case Std.LongWeekDay:
          [, value] = lookup(longDayNames, value);
          break;
        case Std.Day:
        case Std.UnderDay:
        case Std.ZeroDay:
          if (ch.std === Std.UnderDay && value[0] === ' ') value = value.slice(1);
          [day, value] = getnum(value, ch.std === Std.ZeroDay);
          break;
        case Std.UnderYearDay:
        case Std.ZeroYearDay:
          for (let i = 0; i < 2; i++) if (ch.std === Std.UnderYearDay && value[0] === ' ') value = value.slice(1);
          [yday, value] = getnum3(value, ch.std === Std.ZeroYearDay);
          break;
        case Std.Hour:
          [hour, value] = getnum(value, false);
          if (hour < 0 || hour >= 24) rangeErrString = 'hour';
          break;
        case Std.Hour12:
        case Std.ZeroHour12:
          [hour, value] = getnum(value, ch.std === Std.ZeroHour12);
          if (hour < 0 || hour > 12) rangeErrString = 'hour';
          break;
        case Std.Minute:
        case Std.ZeroMinute:
          [min, value] = getnum(value, ch.std === Std.ZeroMinute);
          if (min < 0 || min >= 60) rangeErrString = 'minute';
          break;
        case Std.Second:
        case Std.ZeroSecond: {
          [sec, value] = getnum(value, ch.std === Std.ZeroSecond);
          if (sec < 0 || sec >= 60) {
            rangeErrString = 'second';
            break;
          }
          if (value.length >= 2 && commaOrPeriod(value[0]) && isDigitAt(value, 1)) {
            const next = nextStdChunk(layout).std;
            if (next === Std.FracSecond0 || next === Std.FracSecond9) break;
            let n = 2;
            while (n < value.length && isDigitAt(value, n)) n++;
            [nsec, rangeErrString] = parseNanoseconds(value, n);
            value = value.slice(n);
          }
          break;
        }
        case Std.PM:
        case Std.pm: {
          if (value.length < 2) throw new Bad();
          const p = value.slice(0, 2);
          value = value.slice(2);
          const [P, A] = ch.std === Std.PM ? ['PM', 'AM'] : ['pm', 'am'];
          if (p === P) pmSet = true;
          else if (p === A) amSet = true;
          else throw new Bad();
          break;
        }
        case Std.ISO8601TZ:
        case Std.ISO8601ColonTZ:
        case Std.ISO8601SecondsTZ:
        case Std.ISO8601ShortTZ:
        case Std.ISO8601ColonSecondsTZ:
        case Std.NumTZ:
        case Std.NumShortTZ:
        case Std.NumColonTZ:
        case Std.NumSecondsTz:
        case Std.NumColonSecondsTZ: {
          const s = ch.std;
          if ((s === Std.ISO8601TZ || s === Std.ISO8601ShortTZ || s === Std.ISO8601ColonTZ) && value[0] === 'Z') {
            value = value.slice(1);
            zUTC = true;
            break;
          }
          let sign: string, hh: string, mm: string, ss: string;
          if (s === Std.ISO8601ColonTZ || s === Std.NumColonTZ) {
            if (value.length < 6 || value[3] !== ':') throw new Bad();
            [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6), '00'];
            value = value.slice(6);
          } else if (s === Std.NumShortTZ || s === Std.ISO8601ShortTZ) {
            if (value.length < 3) throw new Bad();
            [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), '00', '00'];
            value = value.slice(3);
          } else if (s === Std.ISO8601ColonSecondsTZ || s === Std.NumColonSecondsTZ) {
            if (value.length < 9 || value[3] !== ':' || value[6] !== ':') throw new Bad();
            [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(4, 6), value.slice(7, 9)];
            value = value.slice(9);
          } else if (s === Std.ISO8601SecondsTZ || s === Std.NumSecondsTz) {
            if (value.length < 7) throw new Bad();
            [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5), value.slice(5, 7)];
            value = value.slice(7);
          } else {
            if (value.length < 5) throw new Bad();
            [sign, hh, mm, ss] = [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5), '00'];
            value = value.slice(5);
          }
          // Go: the offset is computed even when a part fails; the error is reported after.
          let err = false;
          let hr = 0;
          let m = 0;
          let sc = 0;
          try {
            hr = timeAtoi(hh);
            m = timeAtoi(mm);
            sc = timeAtoi(ss);
          } catch {
            err = true;
          }
          zoneOffset = (hr * 60 + m) * 60 + sc;
          if (sign === '-') zoneOffset = -zoneOffset;
          else if (sign !== '+') err = true;
          if (err) throw new Bad();
          break;
        }
        case Std.TZ: {
          if (value.startsWith('UTC')) {
            zUTC = true;
            value = value.slice(3);
            break;
          }
          const n = parseTimeZone(value);
          if (n === 0) throw new Bad();
          zoneName = value.slice(0, n);
          value = value.slice(n);
          break;
        }
        case Std.FracSecond0: {
          const ndigit = 1 + ch.digits!;
          if (value.length < ndigit) throw new Bad();
          const v0 = value;
          value = value.slice(ndigit);
          [nsec, rangeErrString] = parseNanoseconds(v0, ndigit);
          break;
        }
        case Std.FracSecond9: {
          if (value.length < 2 || !commaOrPeriod(value[0]) || !isDigitAt(value, 1)) break;
          let i = 0;
          while (i < 9 && i + 1 < value.length && isDigitAt(value, i + 1)) i++;
          [nsec, rangeErrString] = parseNanoseconds(value, 1 + i);
          value = value.slice(1 + i);
          break;
        }
      }
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      if (rangeErrString !== '') throw new TimeParseError(alayout, avalue, stdstr, value, ': ' + rangeErrString + ' out of range');
      throw new TimeParseError(alayout, avalue, stdstr, value, '');
    }
    if (rangeErrString !== '') throw new TimeParseError(alayout, avalue, stdstr, value, ': ' + rangeErrString + ' out of range');
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) throw new TimeParseError(alayout, avalue, '', value, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (daysBefore[m]! < yday) m++;
      d = yday - daysBefore[m - 1]!;
    }
    if (month >= 0 && month !== m) throw new TimeParseError(alayout, avalue, '', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) throw new TimeParseError(alayout, avalue, '', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) throw new TimeParseError(alayout, avalue, '', value, ': day out of range');

  if (zUTC) return goDate(year, month, day, hour, min, sec, nsec, 'UTC', 0);
  if (zoneOffset !== -1) {
    const t = goDate(year, month, day, hour, min, sec, nsec, '', zoneOffset);
    const { abbr, offset } = loc.lookup(floorDiv(t.unixNano, nsPerSec));
    if (offset === zoneOffset && (zoneName === '' || abbr === zoneName)) return new GoTime(t.unixNano, abbr, offset);
    return new GoTime(t.unixNano, zoneName, zoneOffset);
  }
  if (zoneName !== '') {
    const t = goDate(year, month, day, hour, min, sec, nsec, 'UTC', 0);
    // Go: local.lookupName; with UTC/Local only "UTC" is known (handled above).
    let offset = 0;
    if (zoneName.length > 3 && zoneName.startsWith('GMT')) offset = timeAtoi(zoneName.slice(3)) * 3600;
    // Go: the instant is left as if the clock were UTC; only the zone records the offset.
    return new GoTime(t.unixNano, zoneName, offset);
  }
  const t = goDate(year, month, day, hour, min, sec, nsec, 'UTC', 0);
  return inLocation(new GoTime(t.unixNano - BigInt(localOffsetGuess(loc, t.unixNano)) * nsPerSec), loc);
}

/** localOffsetGuess is the zone offset of loc near a wall-clock instant (Go's Date lookup, one refinement). */
function localOffsetGuess(loc: GoLocation, wallNano: bigint): number {
  const first = loc.lookup(floorDiv(wallNano, nsPerSec)).offset;
  return loc.lookup(floorDiv(wallNano, nsPerSec) - BigInt(first)).offset;
}

// ---------------------------------------------------------------------------
// Named zones

const zoneCache = new Map<string, GoLocation>();

interface TzInfo {
  types: { offset: number; abbr: string; isDst: boolean }[];
  /** Transition times (Unix seconds) and the type index each one starts. */
  times: number[];
  idx: number[];
}

/** tzAbbreviations reads the zone types (offset, abbreviation) and transitions from a TZif file. */
function tzInfo(name: string): TzInfo {
  const empty: TzInfo = { types: [], times: [], idx: [] };
  if (!/^[A-Za-z0-9_+\-]+(\/[A-Za-z0-9_+\-]+)*$/.test(name) || name.includes('..')) return empty;
  const types = tzAbbreviations(name);
  if (types.times.length === 0 && types.types.length === 0) return empty;
  return types;
}

function tzAbbreviations(name: string): TzInfo {
  const none: TzInfo = { types: [], times: [], idx: [] };
  let buf: Buffer;
  try {
    buf = readFileSync('/usr/share/zoneinfo/' + name);
  } catch {
    return none;
  }
  if (buf.length < 44 || buf.toString('latin1', 0, 4) !== 'TZif') return none;
  const version = buf[4]!;
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((k) => buf.readUInt32BE(at + 20 + 4 * k));
  let at = 0;
  let [isutc, isstd, leap, timecnt, typecnt, charcnt] = counts(at) as [number, number, number, number, number, number];
  let timeSize = 4;
  if (version >= 0x32) {
    at = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isutc;
    if (buf.length < at + 44) return none;
    [isutc, isstd, leap, timecnt, typecnt, charcnt] = counts(at) as [number, number, number, number, number, number];
    timeSize = 8;
  }
  if (buf.length < at + 44 + timecnt * (timeSize + 1)) return none;
  const times: number[] = [];
  const idx: number[] = [];
  for (let i = 0; i < timecnt; i++) {
    const p = at + 44 + i * timeSize;
    times.push(timeSize === 8 ? Number(buf.readBigInt64BE(p)) : buf.readInt32BE(p));
    idx.push(buf[at + 44 + timecnt * timeSize + i]!);
  }
  const types = at + 44 + timecnt * timeSize + timecnt;
  const chars = types + typecnt * 6;
  const out: { offset: number; abbr: string; isDst: boolean }[] = [];
  for (let i = 0; i < typecnt; i++) {
    const p = types + i * 6;
    if (p + 6 > buf.length) break;
    const offset = buf.readInt32BE(p);
    const isDst = buf[p + 4] === 1;
    const idx = buf[p + 5]!;
    let end = chars + idx;
    while (end < buf.length && buf[end] !== 0) end++;
    out.push({ offset, abbr: buf.toString('latin1', chars + idx, end), isDst });
  }
  return { types: out, times, idx };
}

/** zoneAbbr picks the abbreviation in effect at unixSec with the given offset (nearest transition first). */
function zoneAbbr(info: TzInfo, unixSec: number, offset: number): string {
  let lo = 0;
  let hi = info.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (info.times[mid]! <= unixSec) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const t = info.types[info.idx[i]!];
    if (t && t.offset === offset) return t.abbr;
  }
  for (let i = lo; i < info.times.length; i++) {
    const t = info.types[info.idx[i]!];
    if (t && t.offset === offset) return t.abbr;
  }
  for (const t of info.types) if (t.offset === offset) return t.abbr;
  return '';
}

/**
 * loadLocation is time.LoadLocation: "" and "UTC" are UTC, "Local" is UTC here, other names
 * are IANA zones. Throws Go's `unknown time zone NAME` for names it cannot resolve.
 */
export function loadLocation(name: string): GoLocation {
  if (name === '' || name === 'UTC') return utcLocation;
  if (name === 'Local') return { name: 'Local', lookup: () => ({ abbr: 'UTC', offset: 0 }) };
  const cached = zoneCache.get(name);
  if (cached) return cached;
  let dtf: Intl.DateTimeFormat;
  try {
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    throw new Error(`unknown time zone ${name}`);
  }
  const info = tzInfo(name);
  const loc: GoLocation = {
    name,
    lookup(unixSec: bigint) {
      const ms = Number(unixSec) * 1000;
      let offset = 0;
      if (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15) {
        const parts = dtf.formatToParts(new Date(ms));
        const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? '0');
        let y = get('year');
        if (parts.find((p) => p.type === 'era')?.value === 'BC') y = 1 - y;
        const wall = daysFromCivil(y, get('month'), get('day')) * 86400 + get('hour') * 3600 + get('minute') * 60 + get('second');
        offset = wall - Math.floor(ms / 1000);
      }
      let abbr = zoneAbbr(info, Number(unixSec), offset);
      if (abbr === '') {
        // Go's zoneinfo names offset-only zones like "+03" / "-0330".
        const sign = offset < 0 ? '-' : '+';
        const a = Math.abs(offset);
        const h = Math.floor(a / 3600);
        const m = Math.floor((a % 3600) / 60);
        abbr = sign + String(h).padStart(2, '0') + (m ? String(m).padStart(2, '0') : '');
      }
      return { abbr, offset };
    },
  };
  zoneCache.set(name, loc);
  return loc;
}

// ---------------------------------------------------------------------------
// Durations

const unitMap = new Map<string, bigint>([
  ['ns', 1n],
  ['us', 1000n],
  ['\u00b5s', 1000n],
  ['\u03bcs', 1000n],
  ['ms', 1000000n],
  ['s', 1000000000n],
  ['m', 60000000000n],
  ['h', 3600000000000n],
]);

/** parseDuration is time.ParseDuration: nanoseconds as a bigint, or Go's error text thrown. */
export function parseDuration(s: string): bigint {
  const orig = s;
  const invalid = (): Error => new Error('time: invalid duration ' + quoteTime(orig));
  let d = 0n;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  const max = 1n << 63n;
  while (s !== '') {
    let v: bigint;
    let f = 0n;
    let scale = 1;
    if (!(s[0] === '.' || isDigitAt(s, 0))) throw invalid();
    const pl = s.length;
    try {
      [v, s] = leadingInt(s);
    } catch {
      throw invalid();
    }
    const pre = pl !== s.length;
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      const pl2 = s.length;
      // leadingFraction
      let i = 0;
      let overflow = false;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) break;
        if (overflow) continue;
        if (f > ((1n << 63n) - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(c - 48);
        if (y > max) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      s = s.slice(i);
      post = pl2 !== s.length;
    }
    if (!pre && !post) throw invalid();
    let i = 0;
    for (; i < s.length; i++) {
      const c = s[i]!;
      if (c === '.' || isDigitAt(s, i)) break;
    }
    if (i === 0) throw new Error('time: missing unit in duration ' + quoteTime(orig));
    const u = s.slice(0, i);
    s = s.slice(i);
    const unit = unitMap.get(u);
    if (unit === undefined) throw new Error('time: unknown unit ' + quoteTime(u) + ' in duration ' + quoteTime(orig));
    if (v > max / unit) throw invalid();
    v *= unit;
    if (f > 0n) {
      // Go: float64 arithmetic, truncated to uint64.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > max) throw invalid();
    }
    d += v;
    if (d > max) throw invalid();
  }
  if (neg) return -d;
  if (d > max - 1n) throw invalid();
  return d;
}

function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let out = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) out = digit.toString() + out;
    v /= 10n;
  }
  if (print) out = '.' + out;
  return [out, v];
}

/** durationString is time.Duration.String: `1h2m3.5s`, `1.5ms`, `0s`. */
export function durationString(ns: bigint): string {
  let u = BigInt.asUintN(64, ns);
  const neg = BigInt.asIntN(64, ns) < 0n;
  if (neg) u = BigInt.asUintN(64, -u);
  let out: string;
  if (u < 1000000000n) {
    let unit: string;
    let prec: number;
    if (u === 0n) return '0s';
    if (u < 1000n) {
      prec = 0;
      unit = 'ns';
    } else if (u < 1000000n) {
      prec = 3;
      unit = '\u00b5s';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, rest] = fmtFrac(u, prec);
    out = rest.toString() + frac + unit;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    out = (secs % 60n).toString() + frac + 's';
    let m = secs / 60n;
    if (m > 0n) {
      out = (m % 60n).toString() + 'm' + out;
      m /= 60n;
      if (m > 0n) out = m.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}
