// Sprig conversions (spf13/cast 1.5.0 rules); expectations from the oracle (mode "sprig").
import { describe, expect, it } from 'vitest';
import { goInt, goInt64, type GoValue } from '../../src/template/value.js';
import { conversionFuncs } from '../../src/functions/sprig/conversion.js';

const call = (name: string, ...args: GoValue[]) => conversionFuncs.find((x) => x.name === name)!.call(args);

const table: [string, GoValue, GoValue][] = [
  ['atoi', '99999999999999999999', goInt(9223372036854775807n)],
  ['atoi', '1_0', goInt(0)],
  ['int64', '0x_1F', goInt64(31)],
  ['int64', '012', goInt64(10)],
  ['int64', '1.000', goInt64(1)],
  ['int64', '1.50', goInt64(0)],
  ['int64', 1e300, goInt64(-9223372036854775808n)],
  ['int64', true, goInt64(1)],
  ['int', -3.9, goInt(-3)],
  ['int', [goInt(1)], goInt(0)],
  ['float64', '1_000.5', 1000.5],
  ['float64', '0x1p-2', 0.25],
  ['float64', '0x10', 0],
  ['float64', '1e400', 0],
  ['float64', 'infinity', Infinity],
  ['toDecimal', '0777', goInt64(511)],
  ['toDecimal', 1.5, goInt64(0)],
];

describe('sprig conversion', () => {
  for (const [name, arg, want] of table) {
    it(`${name} ${String(arg)}`, () => expect(call(name, arg)).toEqual(want));
  }
});
