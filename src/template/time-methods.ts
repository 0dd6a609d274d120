// Go: time.Time's methods as a template sees them ({{ $t.Year }}, {{ (now).Unix }}).
import { def } from '../functions/def.js';
import { civil, formatTime, goDate, timeString } from './gotime.js';
import { GoInt, GoTime, type GoFunc, type GoValue } from './value.js';

const monthNames = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const int = (n: number): GoInt => new GoInt('int', BigInt(n));
const int64 = (n: bigint): GoInt => new GoInt('int64', BigInt.asIntN(64, n));

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** timeMethod returns the method `name` of t bound to it, or undefined (Go: time.Time's method set). */
export function timeMethod(t: GoTime, name: string): GoFunc | undefined {
  switch (name) {
    case 'Year':
      return def(name, [], 'int', () => int(civil(t).year));
    case 'Month':
      return def(name, [], 'time.Month', () => {
        const m = civil(t).month;
        return new GoInt('int', BigInt(m), 'time.Month', () => monthNames[m - 1]!);
      });
    case 'Day':
      return def(name, [], 'int', () => int(civil(t).day));
    case 'Hour':
      return def(name, [], 'int', () => int(civil(t).hour));
    case 'Minute':
      return def(name, [], 'int', () => int(civil(t).min));
    case 'Second':
      return def(name, [], 'int', () => int(civil(t).sec));
    case 'Nanosecond':
      return def(name, [], 'int', () => int(civil(t).nsec));
    case 'YearDay':
      return def(name, [], 'int', () => int(civil(t).yday));
    case 'Weekday':
      return def(name, [], 'time.Weekday', () => {
        const d = civil(t).weekday;
        return new GoInt('int', BigInt(d), 'time.Weekday', () => dayNames[d]!);
      });
    case 'Unix':
      return def(name, [], 'int64', () => int64(floorDiv(t.unixNano, 1000000000n)));
    case 'UnixMilli':
      return def(name, [], 'int64', () => int64(floorDiv(t.unixNano, 1000000n)));
    case 'UnixMicro':
      return def(name, [], 'int64', () => int64(floorDiv(t.unixNano, 1000n)));
    case 'UnixNano':
      return def(name, [], 'int64', () => int64(t.unixNano));
    case 'Format':
      return def(name, ['string'], 'string', ([layout]) => formatTime(t, layout as string));
    case 'String':
      return def(name, [], 'string', () => timeString(t));
    case 'UTC':
    case 'Local':
      // podtpl: Local is UTC (the process never reads the host's zone).
      return def(name, [], 'time.Time', () => new GoTime(t.unixNano));
    case 'IsZero':
      return def(name, [], 'bool', () => t.unixNano === -62135596800000000000n);
    case 'Before':
      return def(name, ['time.Time'], 'bool', ([u]) => t.unixNano < (u as GoTime).unixNano);
    case 'After':
      return def(name, ['time.Time'], 'bool', ([u]) => t.unixNano > (u as GoTime).unixNano);
    case 'Equal':
      return def(name, ['time.Time'], 'bool', ([u]) => t.unixNano === (u as GoTime).unixNano);
    case 'AddDate':
      return def(name, ['int', 'int', 'int'], 'time.Time', ([y, m, d]) => {
        const c = civil(t);
        const n = (x: GoValue): number => Number((x as GoInt).v);
        return goDate(c.year + n(y), c.month + n(m), c.day + n(d), c.hour, c.min, c.sec, c.nsec, t.locName, t.offsetSec);
      });
  }
  return undefined;
}
