/**
 * Sprig 3.2.3's math functions (Sprig: numeric.go and the arithmetic in functions.go):
 * integer arithmetic on int64 through cast.ToInt64, float arithmetic through
 * shopspring/decimal, floor/ceil/round on float64, and the int sequences until/untilStep/seq.
 */
import { def } from '../def.js';
import { GoFuncError, GoInt, GoSlice, goInt, goInt64, type GoFunc, type GoValue } from '../../template/value.js';
import { toFloat64, toInt64 } from './cast.js';
import * as decimal from './decimal-op.js';

/**
 * maxSeqLen bounds until, untilStep and seq.
 * podtpl: Go would allocate any count (`until 100000000` makes 100 million ints, and an
 * overflowing untilStep loops until memory runs out); podtpl stops with a clean error instead.
 */
export const maxSeqLen = 1_000_000;

const int64Min = -(1n << 63n);
const int64Max = (1n << 63n) - 1n;

function wrap64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

const divideByZero = 'runtime error: integer divide by zero';

/**
 * untilStep is Sprig's untilStep over Go ints: start, start+step, … up to (excluding) stop.
 * Go's loop variable wraps on overflow (and then loops forever); podtpl reports the limit.
 */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const v: bigint[] = [];
  const tooMany = (): GoFuncError =>
    new GoFuncError(`podtpl: sequence from ${start} to ${stop} by ${step} is longer than the limit of ${maxSeqLen} elements`);
  if (stop < start) {
    if (step >= 0n) return v;
    for (let i = start; i > stop; i = wrap64(i + step)) {
      if (v.length >= maxSeqLen) throw tooMany();
      v.push(i);
      // Go: i += step wraps from MinInt64 to a large positive value, still > stop: endless.
      if (i + step < int64Min) throw tooMany();
    }
    return v;
  }
  if (step <= 0n) return v;
  for (let i = start; i < stop; i = wrap64(i + step)) {
    if (v.length >= maxSeqLen) throw tooMany();
    v.push(i);
    if (i + step > int64Max) throw tooMany();
  }
  return v;
}

function intSlice(xs: bigint[]): GoSlice {
  return new GoSlice('int', xs.map((x) => goInt(x)));
}

function intOf(v: GoValue): bigint {
  return (v as GoInt).v;
}

/** seq is Sprig's seq: 1, 2 or 3 int arguments → the numbers joined by spaces. */
function seq(params: bigint[]): string {
  let increment = 1n;
  const join = (xs: bigint[]): string => xs.join(' ');
  switch (params.length) {
    case 0:
      return '';
    case 1: {
      const start = 1n;
      const end = params[0]!;
      if (end < start) increment = -1n;
      return join(untilStep(start, wrap64(end + increment), increment));
    }
    case 3: {
      const start = params[0]!;
      const end = params[2]!;
      const step = params[1]!;
      if (end < start) {
        increment = -1n;
        if (step > 0n) return '';
      }
      return join(untilStep(start, wrap64(end + increment), step));
    }
    case 2: {
      const start = params[0]!;
      const end = params[1]!;
      let step = 1n;
      if (end < start) step = -1n;
      return join(untilStep(start, wrap64(end + step), step));
    }
    default:
      return '';
  }
}

// ---- float helpers with Go's math semantics ----

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** frexp is math.Frexp: f = frac × 2^exp with |frac| in [0.5, 1). */
function frexp(f: number): [number, number] {
  if (f === 0 || !Number.isFinite(f)) return [f, 0];
  let exp = 0;
  if (Math.abs(f) < 2.2250738585072014e-308) {
    f *= 4503599627370496; // 2^52: normalise a subnormal
    exp = -52;
  }
  f64[0] = f;
  const bits = u64[0]!;
  exp += Number((bits >> 52n) & 0x7ffn) - 1022;
  u64[0] = (bits & ~(0x7ffn << 52n)) | (1022n << 52n);
  return [f64[0]!, exp];
}

/** ldexp is math.Ldexp (Go's bit-level version, including its underflow cut-off at 2^-1075). */
function ldexp(frac: number, exp: number): number {
  if (frac === 0 || !Number.isFinite(frac)) return frac;
  if (Math.abs(frac) < 2.2250738585072014e-308) {
    frac *= 4503599627370496; // normalize: 2^52
    exp -= 52;
  }
  f64[0] = frac;
  let x = u64[0]!;
  exp += Number((x >> 52n) & 0x7ffn) - 1023;
  if (exp < -1075) return frac < 0 ? -0 : 0;
  if (exp > 1023) return frac < 0 ? -Infinity : Infinity;
  let m = 1;
  if (exp < -1022) {
    exp += 53;
    m = 1.1102230246251565e-16; // 2^-53
  }
  x &= ~(0x7ffn << 52n);
  x |= BigInt(exp + 1023) << 52n;
  u64[0] = x;
  return m * f64[0]!;
}

/** pow is math.Pow (Go's portable algorithm) for the integral exponents `round` uses. */
function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0) {
    const odd = Number.isInteger(y) && Math.abs(y) % 2 === 1;
    if (y < 0) return odd ? (Object.is(x, -0) ? -Infinity : Infinity) : Infinity;
    return odd ? x : 0;
  }
  if (!Number.isFinite(y)) {
    if (x === -1) return 1;
    return (Math.abs(x) < 1) === (y > 0) ? 0 : Infinity;
  }
  if (!Number.isFinite(x)) {
    if (x < 0) return pow(1 / x, -y);
    return y < 0 ? 0 : Infinity;
  }
  if (y === 0.5) return Math.sqrt(x);
  if (y === -0.5) return 1 / Math.sqrt(x);
  let yi = Math.trunc(Math.abs(y));
  let yf = Math.abs(y) - yi;
  if (yf !== 0 && x < 0) return NaN;
  if (yi >= 9223372036854775808) {
    if (x === -1) return 1;
    return (Math.abs(x) < 1) === (y > 0) ? 0 : Infinity;
  }
  let a1 = 1.0;
  let ae = 0;
  if (yf !== 0) {
    if (yf > 0.5) {
      yf--;
      yi++;
    }
    a1 = Math.exp(yf * Math.log(x));
  }
  let [x1, xe] = frexp(x);
  for (let i = BigInt(yi); i !== 0n; i >>= 1n) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if ((i & 1n) === 1n) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}

/** goMax is math.Max: +Inf wins over NaN, then NaN, then +0 over -0. */
function goMax(x: number, y: number): number {
  if (x === Infinity || y === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && x === y) return Object.is(x, -0) ? y : x;
  return x > y ? x : y;
}

/** goMin is math.Min: -Inf wins over NaN, then NaN, then -0 over +0. */
function goMin(x: number, y: number): number {
  if (x === -Infinity || y === -Infinity) return -Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && x === y) return Object.is(x, -0) ? x : y;
  return x < y ? x : y;
}

/** round is Sprig's round: ceil when the fraction of a·10^p reaches roundOn (default .5), else floor. */
function round(a: GoValue, p: bigint, rOpt: number[]): number {
  const roundOn = rOpt.length > 0 ? rOpt[0]! : 0.5;
  const val = toFloat64(a);
  const places = Number(p);
  const pw = pow(10, places);
  const digit = pw * val;
  // Go: math.Modf; the fraction of ±Inf is NaN, of NaN is NaN.
  const frac = Number.isFinite(digit) ? digit - Math.trunc(digit) : NaN;
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pw;
}

/** execDecimalOp is Sprig's helper: each operand through decimal.NewFromFloat(toFloat64(x)), folded with f. */
function execDecimalOp(a: GoValue, b: GoValue[], f: (x: decimal.Decimal, y: decimal.Decimal) => decimal.Decimal): number {
  let prt = decimal.newFromFloat(toFloat64(a));
  for (const x of b) prt = f(prt, decimal.newFromFloat(toFloat64(x)));
  return decimal.float64(prt);
}

const I = 'interface {}';

/** mathFuncs are Sprig 3.2.3's math functions. */
export const mathFuncs: GoFunc[] = [
  def('add1', [I], 'int64', ([i]) => goInt64(toInt64(i) + 1n)),
  def('add', [I], 'int64', (xs) => {
    let a = 0n;
    for (const b of xs) a = wrap64(a + toInt64(b));
    return goInt64(a);
  }, { variadic: true }),
  def('sub', [I, I], 'int64', ([a, b]) => goInt64(toInt64(a) - toInt64(b))),
  def('div', [I, I], 'int64', ([a, b]) => {
    const d = toInt64(b);
    if (d === 0n) throw new GoFuncError(divideByZero);
    return goInt64(toInt64(a) / d);
  }),
  def('mod', [I, I], 'int64', ([a, b]) => {
    const d = toInt64(b);
    if (d === 0n) throw new GoFuncError(divideByZero);
    return goInt64(toInt64(a) % d);
  }),
  def('mul', [I, I], 'int64', ([a, ...v]) => {
    let val = toInt64(a);
    for (const b of v) val = wrap64(val * toInt64(b));
    return goInt64(val);
  }, { variadic: true }),
  def('randInt', ['int', 'int'], 'int', ([min, max]) => {
    const n = wrap64(intOf(max) - intOf(min));
    // Go: rand.Intn panics for n <= 0.
    if (n <= 0n) throw new GoFuncError('invalid argument to Intn');
    return goInt(wrap64(randBelow(n) + intOf(min)));
  }),
  def('add1f', [I], 'float64', ([i]) => execDecimalOp(i, [goInt(1)], decimal.add)),
  def('addf', [I], 'float64', (xs) => execDecimalOp(0, xs, decimal.add), { variadic: true }),
  def('subf', [I, I], 'float64', ([a, ...v]) => execDecimalOp(a, v, decimal.sub), { variadic: true }),
  def('divf', [I, I], 'float64', ([a, ...v]) => execDecimalOp(a, v, decimal.div), { variadic: true }),
  def('mulf', [I, I], 'float64', ([a, ...v]) => execDecimalOp(a, v, decimal.mul), { variadic: true }),
  ...['biggest', 'max'].map((name) =>
    def(name, [I, I], 'int64', ([a, ...rest]) => {
      let aa = toInt64(a);
      for (const b of rest) {
        const bb = toInt64(b);
        if (bb > aa) aa = bb;
      }
      return goInt64(aa);
    }, { variadic: true }),
  ),
  def('min', [I, I], 'int64', ([a, ...rest]) => {
    let aa = toInt64(a);
    for (const b of rest) {
      const bb = toInt64(b);
      if (bb < aa) aa = bb;
    }
    return goInt64(aa);
  }, { variadic: true }),
  def('maxf', [I, I], 'float64', ([a, ...rest]) => rest.reduce<number>((acc, b) => goMax(acc, toFloat64(b)), toFloat64(a)), { variadic: true }),
  def('minf', [I, I], 'float64', ([a, ...rest]) => rest.reduce<number>((acc, b) => goMin(acc, toFloat64(b)), toFloat64(a)), { variadic: true }),
  def('ceil', [I], 'float64', ([a]) => Math.ceil(toFloat64(a))),
  def('floor', [I], 'float64', ([a]) => Math.floor(toFloat64(a))),
  def('round', [I, 'int', 'float64'], 'float64', ([a, p, ...r]) => round(a, intOf(p), r as number[]), { variadic: true }),
  def('until', ['int'], '[]int', ([count]) => {
    const c = intOf(count);
    return intSlice(untilStep(0n, c, c < 0n ? -1n : 1n));
  }),
  def('untilStep', ['int', 'int', 'int'], '[]int', ([a, b, c]) => intSlice(untilStep(intOf(a), intOf(b), intOf(c)))),
  def('seq', ['int'], 'string', (params) => seq(params.map(intOf)), { variadic: true }),
];

/** randBelow returns a uniformly random integer in [0, n) for 0 < n < 2^63. */
function randBelow(n: bigint): bigint {
  if (n <= 0x1fffffffffffffn) return BigInt(Math.floor(Math.random() * Number(n)));
  const hi = BigInt(Math.floor(Math.random() * 2 ** 31));
  const lo = BigInt(Math.floor(Math.random() * 2 ** 32));
  return ((hi << 32n) | lo) % n;
}
