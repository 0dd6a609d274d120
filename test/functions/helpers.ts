// Shared helpers of the Sprig function tables (math, regex, dates, crypto, encoding):
// each table row is `[fn, literal args, want | {err}]`, with expected values taken from
// the oracle (gotpl-oracle, mode "sprig": `{{ fn args… }}` with the same literal arguments).
import { describe, expect, it } from 'vitest';
import { GoFuncError, GoInt, GoSlice, goInt, type GoFunc, type GoValue } from '../../src/template/value.js';

/** lit converts a template literal the way text/template reads constants. */
export function lit(s: string): GoValue {
  if (s === 'nil') return null;
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s.startsWith('"')) return JSON.parse(s) as string;
  if (/^-?0x[0-9a-f]+$/i.test(s)) return goInt(s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s));
  if (/^-?\d+$/.test(s)) return goInt(BigInt(s));
  return Number(s);
}

/** call converts arguments to the parameter types (as the evaluator does for constants) and calls f. */
export function call(f: GoFunc, args: GoValue[]): GoValue {
  const conv = args.map((a, i) => {
    const t = f.in[Math.min(i, f.in.length - 1)];
    if (t === 'float64' && a instanceof GoInt) return Number(a.v);
    return a;
  });
  return f.call(conv);
}

/** formatG is Go's %v of a float64 (strconv 'g', shortest). */
export function formatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [m = '', e = '0'] = f.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 21) return m + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  if (exp >= 6) return m + 'e+' + String(exp).padStart(2, '0');
  return String(f);
}

/** show prints a result the way the template prints it (fmt's %v). */
export function show(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatG(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoInt) return v.v.toString();
  if (v instanceof GoSlice) return '[' + v.items.map(show).join(' ') + ']';
  if (Array.isArray(v)) return '[' + v.map(show).join(' ') + ']';
  return String(v);
}

/** Row is one oracle case: function name, argument literals, and the printed result or Go's error text. */
export type Row = [string, string[], string | { err: string }];

/** funcMap indexes function definitions by name. */
export function funcMap(defs: readonly GoFunc[]): Map<string, GoFunc> {
  return new Map(defs.map((f) => [f.name, f]));
}

/** describeOracleTable runs every row of table against funcs: `want` is the printed result, `{err}` a GoFuncError's message. */
export function describeOracleTable(title: string, funcs: Map<string, GoFunc>, table: readonly Row[]): void {
  describe(title, () => {
    for (const [fn, args, want] of table) {
      it(`${fn} ${args.join(' ')}`, () => {
        const f = funcs.get(fn);
        expect(f, fn).toBeDefined();
        if (typeof want === 'string') {
          expect(show(call(f!, args.map(lit)))).toBe(want);
        } else {
          let err: unknown;
          try {
            call(f!, args.map(lit));
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(GoFuncError);
          expect((err as Error).message).toBe(want.err);
        }
      });
    }
  });
}
