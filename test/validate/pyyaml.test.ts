// PyYAML's typing of plain scalars. Expected values were produced by PyYAML 6.0.3 itself:
//   python3 -c 'import yaml; print(yaml.safe_load("v: 1e+06"))'  (timestamps as isoformat(), floats ±Infinity/NaN as strings)
import { describe, expect, it } from 'vitest';
import { constructPlain, resolvePlainTag } from '../../src/validate/pyyaml.js';

const pyyamlCases: [string, string, unknown][] = [
  ["1e+06", 'str', "1e+06"],
  ["1e6", 'str', "1e6"],
  ["1.0e+6", 'float', 1000000.0],
  ["1.5", 'float', 1.5],
  ["1.", 'float', 1.0],
  ["1_000", 'int', 1000],
  ["0777", 'int', 511],
  ["0o17", 'str', "0o17"],
  ["0x1F", 'int', 31],
  ["0b101", 'int', 5],
  ["08", 'str', "08"],
  ["+12", 'int', 12],
  ["-0", 'int', 0],
  ["190:20:30", 'int', 685230],
  ["1:30.5", 'float', 90.5],
  ["yes", 'bool', true],
  ["No", 'bool', false],
  ["ON", 'bool', true],
  ["off", 'bool', false],
  ["y", 'str', "y"],
  ["n", 'str', "n"],
  ["true", 'bool', true],
  ["False", 'bool', false],
  ["~", 'null', null],
  ["null", 'null', null],
  ["NULL", 'null', null],
  ["", 'null', null],
  ["2024-01-02", 'timestamp', "2024-01-02"],
  ["2024-01-02T03:04:05Z", 'timestamp', "2024-01-02T03:04:05+00:00"],
  ["2001-12-14 21:59:43.10 -5", 'timestamp', "2001-12-14T21:59:43.100000-05:00"],
  [".inf", 'float', "Infinity"],
  ["-.Inf", 'float', "-Infinity"],
  [".NaN", 'float', "NaN"],
  ["1e", 'str', "1e"],
  ["abc", 'str', "abc"],
  ["1.5Gi", 'str', "1.5Gi"],
  ["500m", 'str', "500m"],
  ["0.5", 'float', 0.5],
  ["3.", 'float', 3.0],
  ["1__0", 'int', 10],
  ["+.5", 'str', "+.5"],
  [".5", 'float', 0.5],
  ["-1", 'int', -1],
  ["1,000", 'str', "1,000"],
  ["0xff_ff", 'int', 65535],
  ["077_7", 'int', 511],
];

describe('PyYAML plain scalar resolution (YAML 1.1)', () => {
  it.each(pyyamlCases)('%j', (src, tag, want) => {
    expect(resolvePlainTag(src)).toBe(tag);
    const v = constructPlain(src);
    if (tag === 'timestamp') {
      expect(v).toBeInstanceOf(Date);
      expect((v as Date).getTime()).toBe(new Date(want as string).getTime());
    } else if (want === 'Infinity' || want === '-Infinity' || want === 'NaN') expect(String(v)).toBe(want);
    else expect(v).toEqual(want);
  });
});
