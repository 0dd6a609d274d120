/**
 * Sprig 3.2.3's conversion functions (Sprig: functions.go, numeric.go): atoi, int, int64,
 * float64, toDecimal. The string and list conversions (toString, toStrings) live in strings.ts.
 */
import { goInt, goInt64, type GoFunc } from '../../template/value.js';
import { formatValue } from '../../template/fmt.js';
import { NumError, parseInt } from '../../template/strconv.js';
import { def } from '../def.js';
import { atoiValue, toFloat64, toInt, toInt64 } from './cast.js';

/** conversionFuncs are Sprig 3.2.3's conversion functions. */
export const conversionFuncs: GoFunc[] = [
  // Sprig: `i, _ := strconv.Atoi(a)`: errors are dropped, a range error keeps the clamped value.
  def('atoi', ['string'], 'int', ([s]) => goInt(atoiValue(s as string))),
  def('int64', ['interface {}'], 'int64', ([v]) => goInt64(toInt64(v ?? null))),
  def('int', ['interface {}'], 'int', ([v]) => goInt(toInt(v ?? null))),
  def('float64', ['interface {}'], 'float64', ([v]) => toFloat64(v ?? null)),
  // Sprig: strconv.ParseInt(fmt.Sprint(v), 8, 64), 0 on error.
  def('toDecimal', ['interface {}'], 'int64', ([v]) => {
    try {
      return goInt64(parseInt(formatValue(v ?? null), 8, 64));
    } catch (e) {
      if (e instanceof NumError) return goInt64(0);
      throw e;
    }
  }),
];
