/**
 * Go's strconv.FormatFloat with precision -1 (shortest round-trip digits) for the
 * formats 'e', 'f' and 'g', used by encoding/json (floats) and go-yaml (float scalars).
 * JS's Number#toExponential() without an argument yields the same shortest digits.
 */

/** shortestDigits returns the shortest decimal digits d1d2… and exponent dp (value = 0.d1d2… × 10^dp). */
function shortestDigits(f: number, bits: 32 | 64): { digits: string; dp: number } {
  let s: string;
  if (bits === 32) {
    s = f.toExponential();
    for (let p = 1; p <= 9; p++) {
      const t = f.toExponential(p - 1);
      if (Math.fround(Number(t)) === f) {
        s = t;
        break;
      }
    }
  } else {
    s = f.toExponential();
  }
  const e = s.indexOf('e');
  const mant = s.slice(0, e).replace('.', '');
  const exp = Number(s.slice(e + 1));
  let digits = mant.replace(/0+$/, '');
  if (digits === '') digits = '0';
  return { digits, dp: exp + 1 };
}

/** formatFloat is Go's strconv.FormatFloat(f, fmt, -1, bits). */
export function formatFloat(f: number, fmt: 'e' | 'f' | 'g', bits: 32 | 64 = 64): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  const sign = neg ? '-' : '';
  if (a === 0) {
    if (fmt === 'e') return sign + '0e+00';
    return sign + '0';
  }
  const { digits, dp } = shortestDigits(a, bits);
  let useE = fmt === 'e';
  if (fmt === 'g') {
    // Go: with the shortest precision, eprec is 6: %e when exp < -4 || exp >= 6.
    const exp = dp - 1;
    useE = exp < -4 || exp >= 6;
  }
  if (useE) {
    const exp = dp - 1;
    let m = digits[0]!;
    if (digits.length > 1) m += '.' + digits.slice(1);
    const ae = Math.abs(exp);
    return sign + m + 'e' + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  }
  // %f
  if (dp <= 0) return sign + '0.' + '0'.repeat(-dp) + digits;
  if (dp >= digits.length) return sign + digits + '0'.repeat(dp - digits.length);
  return sign + digits.slice(0, dp) + '.' + digits.slice(dp);
}
