// Direct calls of Sprig's math functions. Expected values come from the oracle
// (gotpl-oracle, mode "sprig": `{{ fn args… }}` with the same literal arguments).
import { describe, expect, it } from 'vitest';
import { GoFuncError, GoInt, GoSlice, goInt, type GoFunc, type GoValue } from '../../src/template/value.js';
import { mathFuncs } from '../../src/functions/sprig/math.js';

/** lit converts a template literal the way text/template reads constants. */
function lit(s: string): GoValue {
  if (s === 'nil') return null;
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s.startsWith('"')) return JSON.parse(s) as string;
  if (/^-?0x[0-9a-f]+$/i.test(s)) return goInt(s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s));
  if (/^-?\d+$/.test(s)) return goInt(BigInt(s));
  return Number(s);
}

/** call converts arguments to the parameter types (as the evaluator does for constants) and calls f. */
function call(f: GoFunc, args: GoValue[]): GoValue {
  const conv = args.map((a, i) => {
    const t = f.in[Math.min(i, f.in.length - 1)];
    if (t === 'float64' && a instanceof GoInt) return Number(a.v);
    return a;
  });
  return f.call(conv);
}

/** formatG is Go's %v of a float64 (strconv 'g', shortest). */
function formatG(f: number): string {
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
function show(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatG(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoInt) return v.v.toString();
  if (v instanceof GoSlice) return '[' + v.items.map(show).join(' ') + ']';
  if (Array.isArray(v)) return '[' + v.map(show).join(' ') + ']';
  return String(v);
}

type Row = [string, string[], string | { err: string }];
const table: Row[] = [
  ["add",["1","2"],"3"],
  ["add",[],"0"],
  ["add",["1"],"1"],
  ["add",["1","2","3","4"],"10"],
  ["add",["1.9","1.9"],"2"],
  ["add",["-1.9","0"],"-1"],
  ["add",["\"3\"","\"4\""],"7"],
  ["add",["\"0x10\"","\"010\""],"24"],
  ["add",["\"0b101\"","\"0o17\""],"20"],
  ["add",["\"1_000\"","1"],"1001"],
  ["add",["\"1.00\"","1"],"2"],
  ["add",["\"1.50\"","1"],"1"],
  ["add",["\"abc\"","1"],"1"],
  ["add",["nil","1"],"1"],
  ["add",["true","true"],"2"],
  ["add",["9223372036854775807","1"],"-9223372036854775808"],
  ["add",["-9223372036854775808","-1"],"9223372036854775807"],
  ["add",["1e19","0"],"-9223372036854775808"],
  ["add",["-1e19","0"],"-9223372036854775808"],
  ["add",["\"9223372036854775808\"","1"],"1"],
  ["add",["\" 1\"","1"],"1"],
  ["add",["\"+5\"","1"],"6"],
  ["add",["\"-0x10\"","0"],"-16"],
  ["add1",["1"],"2"],
  ["add1",["1.5"],"2"],
  ["add1",["-1.5"],"0"],
  ["add1",["\"41\""],"42"],
  ["add1",["nil"],"1"],
  ["add1",["\"x\""],"1"],
  ["add1",["9223372036854775807"],"-9223372036854775808"],
  ["add1",["false"],"1"],
  ["sub",["5","3"],"2"],
  ["sub",["3","5"],"-2"],
  ["sub",["1.9","0.9"],"1"],
  ["sub",["\"10\"","\"3\""],"7"],
  ["sub",["-9223372036854775808","1"],"9223372036854775807"],
  ["sub",["nil","nil"],"0"],
  ["div",["7","2"],"3"],
  ["div",["-7","2"],"-3"],
  ["div",["7","-2"],"-3"],
  ["div",["7","0"],{"err":"runtime error: integer divide by zero"}],
  ["div",["7","nil"],{"err":"runtime error: integer divide by zero"}],
  ["div",["7","\"0\""],{"err":"runtime error: integer divide by zero"}],
  ["div",["7.9","2.9"],"3"],
  ["div",["-9223372036854775808","-1"],"-9223372036854775808"],
  ["div",["\"100\"","\"7\""],"14"],
  ["mod",["7","3"],"1"],
  ["mod",["-7","3"],"-1"],
  ["mod",["7","-3"],"1"],
  ["mod",["7","0"],{"err":"runtime error: integer divide by zero"}],
  ["mod",["7","0.5"],{"err":"runtime error: integer divide by zero"}],
  ["mod",["-9223372036854775808","-1"],"0"],
  ["mod",["\"17\"","\"5\""],"2"],
  ["mul",["2","3"],"6"],
  ["mul",["2"],"2"],
  ["mul",["2","3","4"],"24"],
  ["mul",["2.5","2.5"],"4"],
  ["mul",["4294967296","4294967296"],"0"],
  ["mul",["9223372036854775807","2"],"-2"],
  ["mul",["-1","\"5\""],"-5"],
  ["mul",["0","nil"],"0"],
  ["max",["1","2","3"],"3"],
  ["max",["3"],"3"],
  ["max",["-1","-2"],"-1"],
  ["max",["1.9","1"],"1"],
  ["max",["\"5\"","2"],"5"],
  ["max",["nil","-1"],"0"],
  ["biggest",["1","5","3"],"5"],
  ["biggest",["7"],"7"],
  ["min",["1","2","3"],"1"],
  ["min",["3"],"3"],
  ["min",["-1","-2"],"-2"],
  ["min",["\"5\"","2"],"2"],
  ["min",["nil","1"],"0"],
  ["min",["1.9","1.5"],"1"],
  ["maxf",["1","2.5"],"2.5"],
  ["maxf",["1"],"1"],
  ["maxf",["-1.5","-2.5"],"-1.5"],
  ["maxf",["1","\"nan\""],"NaN"],
  ["maxf",["\"inf\"","\"nan\""],"+Inf"],
  ["maxf",["\"x\"","-1"],"0"],
  ["maxf",["0","\"-0\""],"0"],
  ["maxf",["1","2","3.5","2"],"3.5"],
  ["minf",["1","2.5"],"1"],
  ["minf",["1"],"1"],
  ["minf",["\"-inf\"","\"nan\""],"-Inf"],
  ["minf",["-1.5","-2.5","0"],"-2.5"],
  ["minf",["\"2.5\"","\"1e2\""],"2.5"],
  ["floor",["1.5"],"1"],
  ["floor",["-1.5"],"-2"],
  ["floor",["2"],"2"],
  ["floor",["\"3.7\""],"3"],
  ["floor",["nil"],"0"],
  ["floor",["\"x\""],"0"],
  ["floor",["-0.5"],"-1"],
  ["floor",["\"1e400\""],"0"],
  ["ceil",["1.2"],"2"],
  ["ceil",["-1.2"],"-1"],
  ["ceil",["-0.5"],"-0"],
  ["ceil",["3"],"3"],
  ["ceil",["\"2.01\""],"3"],
  ["ceil",["true"],"1"],
  ["round",["2.5","0"],"3"],
  ["round",["-2.5","0"],"-3"],
  ["round",["1.23456","2"],"1.23"],
  ["round",["1.235","2"],"1.24"],
  ["round",["1.2","0","0.1"],"2"],
  ["round",["1.05","1","0.5"],"1.1"],
  ["round",["1.5","-1"],"0"],
  ["round",["15","-1"],"20"],
  ["round",["123.456","-1"],"120"],
  ["round",["1e300","10"],"+Inf"],
  ["round",["1.5","400"],"NaN"],
  ["round",["123.456","-400"],"NaN"],
  ["round",["\"3.14159\"","3"],"3.142"],
  ["round",["nil","2"],"0"],
  ["round",["0.5","0","0.6"],"0"],
  ["round",["2.675","2"],"2.68"],
  ["round",["1.005","2"],"1"],
  ["round",["1","0","0","0"],"1"],
  ["round",["1.4999999999999999","0"],"2"],
  ["addf",["1.1","2.2"],"3.3"],
  ["addf",[],"0"],
  ["addf",["1"],"1"],
  ["addf",["0.1","0.2","0.3"],"0.6"],
  ["addf",["\"1.5\"","2"],"3.5"],
  ["addf",["nil","1"],"1"],
  ["addf",["\"inf\"","1"],{"err":"Cannot create a Decimal from +Inf"}],
  ["addf",["\"nan\"","1"],{"err":"Cannot create a Decimal from NaN"}],
  ["addf",["1e308","1e308"],"+Inf"],
  ["addf",["1e-320","1e-320"],"2e-320"],
  ["add1f",["1.1"],"2.1"],
  ["add1f",["0.1"],"1.1"],
  ["add1f",["\"x\""],"1"],
  ["add1f",["-1"],"0"],
  ["add1f",["1e16"],"1e+16"],
  ["subf",["1","0.9"],"0.1"],
  ["subf",["1"],"1"],
  ["subf",["10","1","2","3.3"],"3.7"],
  ["subf",["0.3","0.1"],"0.2"],
  ["subf",["\"5\"","nil"],"5"],
  ["mulf",["1.1","3"],"3.3"],
  ["mulf",["2"],"2"],
  ["mulf",["0.1","0.1"],"0.01"],
  ["mulf",["1e200","1e200"],"+Inf"],
  ["mulf",["1.5","2","3"],"9"],
  ["mulf",["3","\"1e-5\""],"3e-05"],
  ["divf",["1","3"],"0.3333333333333333"],
  ["divf",["2","3"],"0.6666666666666667"],
  ["divf",["10","4"],"2.5"],
  ["divf",["2","0"],{"err":"decimal division by 0"}],
  ["divf",["2","nil"],{"err":"decimal division by 0"}],
  ["divf",["1"],"1"],
  ["divf",["1","3","3"],"0.1111111111111111"],
  ["divf",["1e-20","3"],"0"],
  ["divf",["22","7"],"3.142857142857143"],
  ["divf",["-1","3"],"-0.3333333333333333"],
  ["divf",["1","-3"],"-0.3333333333333333"],
  ["divf",["0","3"],"0"],
  ["divf",["123456789","1000"],"123456.789"],
  ["until",["3"],"[0 1 2]"],
  ["until",["0"],"[]"],
  ["until",["-3"],"[0 -1 -2]"],
  ["until",["1"],"[0]"],
  ["untilStep",["0","10","2"],"[0 2 4 6 8]"],
  ["untilStep",["0","10","3"],"[0 3 6 9]"],
  ["untilStep",["10","0","-3"],"[10 7 4 1]"],
  ["untilStep",["10","0","3"],"[]"],
  ["untilStep",["0","10","-1"],"[]"],
  ["untilStep",["0","10","0"],"[]"],
  ["untilStep",["5","5","1"],"[]"],
  ["untilStep",["-5","5","5"],"[-5 0]"],
  ["seq",["5"],"1 2 3 4 5"],
  ["seq",["0"],"1 0"],
  ["seq",["1"],"1"],
  ["seq",["-3"],"1 0 -1 -2 -3"],
  ["seq",["5","1"],"5 4 3 2 1"],
  ["seq",["1","5"],"1 2 3 4 5"],
  ["seq",["1","2","10"],"1 3 5 7 9"],
  ["seq",["10","-3","1"],"10 7 4 1"],
  ["seq",["10","3","1"],""],
  ["seq",["1","-3","10"],""],
  ["seq",["1","0","5"],""],
  ["seq",[],""],
  ["seq",["1","2","3","4"],""],
  ["seq",["3","3"],"3"],
];

const funcs = new Map(mathFuncs.map((f) => [f.name, f]));

describe('math functions vs the oracle', () => {
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

describe('math functions: podtpl-specific and Helm-pinned behaviour', () => {
  it('bounds until/untilStep/seq instead of allocating without limit', () => {
    expect(() => call(funcs.get('until')!, [goInt(100_000_000)])).toThrow(GoFuncError);
    expect(() => call(funcs.get('seq')!, [goInt(0), goInt(2_000_000)])).toThrow(/limit/);
    // Go's loop variable wraps here and the loop never ends.
    expect(() => call(funcs.get('untilStep')!, [goInt(0), goInt(9223372036854775807n), goInt(4611686018427387904n)])).toThrow(/limit/);
    expect(() => call(funcs.get('untilStep')!, [goInt(9223372036854775800n), goInt(9223372036854775807n), goInt(5)])).toThrow(/limit/);
    expect((call(funcs.get('until')!, [goInt(1_000_000)]) as GoSlice).items.length).toBe(1_000_000);
  });
  it('follows decimal 1.3.1 (Helm), not the oracle\'s 1.2.0, for NewFromFloat', () => {
    // Oracle README: Helm -1.0421391605026344e+18, Debian (decimal 1.2.0) -1.0421391605026342e+18.
    expect(show(call(funcs.get('mulf')!, [-3.4737972016754477e17, goInt(3)]))).toBe('-1.0421391605026344e+18');
    const x = -3.4737972016754477e17;
    expect(show(call(funcs.get('addf')!, [x, x, x]))).toBe('-1.0421391605026344e+18');
  });
  it('randInt stays in [min, max)', () => {
    for (let i = 0; i < 200; i++) {
      const v = call(funcs.get('randInt')!, [goInt(-3), goInt(4)]) as GoInt;
      expect(v.kind).toBe('int');
      expect(v.v >= -3n && v.v < 4n).toBe(true);
    }
  });
  it('returns Go-typed results', () => {
    expect((call(funcs.get('add')!, [goInt(1)]) as GoInt).kind).toBe('int64');
    expect((call(funcs.get('until')!, [goInt(2)]) as GoSlice).elem).toBe('int');
  });
});
