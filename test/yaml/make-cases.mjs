#!/usr/bin/env node
// Writes test/cases/yaml-scalars.jsonl and test/cases/yaml-errors.jsonl (then run
// `node scripts/update-golden.mjs yaml-scalars yaml-errors` for the oracle's answers).
import { writeFileSync } from 'node:fs';

const T = '{{ toJson .Values }}|{{ typeOf .Values.x }}';
const scalars = [
  // zeros and signs
  '0', '-0', '+0', '00', '-00', '0.0', '-0.0', '+0.0', '-0.', '-.0', '.0', '0.', '-0e0', '-0E5', '0e0', '-0x0', '+0x0', '0x0',
  '-0o0', '0o0', '-0b0', '0b0', '-0_0', '0_0', '-0.0_0', '-0.0e-0',
  // ints and bases
  '1', '-1', '+1', '12', '1_000', '1__0', '_1', '1_', '0777', '-0777', '0778', '08', '09', '010', '0o17', '0O17', '0o8', '0x1F', '0X1f', '-0x1F',
  '+0x1F', '0x', '0o', '0b', '0b101', '0B101', '-0b101', '+0b101', '0b-101', '0b+11', '-0b-1', '0b2', '0x_1F', '0x1_F', '1_2_3', '0_7_7',
  // int64 / uint64 / overflow
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615',
  '18446744073709551616', '99999999999999999999', '-99999999999999999999', '0x7fffffffffffffff', '0x8000000000000000',
  '0xffffffffffffffff', '0x10000000000000000', '01777777777777777777777', '02000000000000000000000',
  '0b1111111111111111111111111111111111111111111111111111111111111111', '9007199254740993', '9007199254740992', '-9007199254740993',
  '123456789012345678', '1234567890123456789012',
  // floats
  '1.5', '-1.5', '+1.5', '.5', '-.5', '+.5', '5.', '-5.', '1e3', '1E3', '1e+3', '1e-3', '1.5e3', '-1.5E-3', '.5e3', '.5E-3', '5.e3',
  '1e', '1e+', '.e5', '.', '-.', '+.', '..5', '1.2.3', '1e400', '-1e400', '1e-400', '.5e-400', '.5e400', '1_0.5', '1.5_0', '1_0e1_0',
  '0.1', '0.2', '0.30000000000000004', '3.141592653589793', '2.718281828459045235360287', '1e21', '1e20', '123456789.123456789',
  '4.9e-324', '5e-324', '2e-324', '1.7976931348623157e308', '1.7976931348623159e308', '0x1p-2', '0x1.8p1', '1e06', '1.0', '100.0',
  '1000000', '1e6', '0.000001', '0.0000001', '12e', 'e12', '0e', '1.5.', '00.5', '-00.5', '007.5', '1,5',
  // inf / nan
  '.inf', '.Inf', '.INF', '+.inf', '-.inf', '-.Inf', '-.INF', '.iNf', 'inf', 'Inf', '-inf', 'infinity', '.nan', '.NaN', '.NAN', 'nan', 'NaN', '.naN',
  // bool / null
  'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'yes', 'Yes', 'YES', 'yEs', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  'y', 'Y', 'n', 'N', 't', 'f', 'T', 'F', 'null', 'Null', 'NULL', 'nUll', '~', '', 'nil', 'None', 'o', 'O',
  // timestamps
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.10Z', '2001-12-14 21:59:43.10', '2001-12-15 2:59:43.10', '2002-12-14',
  '2001-1-1', '2001-13-01', '2001-02-30', '2000-02-29', '1900-02-29', '2001-12-14T21:59:43Z', '2001-12-14T25:00:00Z', '2001-12-14 21:59:43.10 -5',
  '12:30', '1:20:30', '190:20:30.15', '2001-12-14T21:59:43.1234567891Z', '20011-12-14', '2001-12-14x', '2001-12-14T21:59:43+01:00',
  // strings that look like numbers
  '1.2.3.4', '1-2', '+', '-', '--', '+-1', '1+1', '0x1G', '0o9', '1e3e3', '1 2', '- 1', '1 #c', '12abc', 'abc12', '٣', '１', '1_000_', '1__', '_',
  '0.5.', '1..', '-_1', '+_1', '1_e3', '0x-1', '0x+1', '-0x-1',
  // quoted and tagged
  '"1"', "'1'", '"true"', '"null"', '"-0.0"', '"~"', '!!str 1', '!!str true', '!!int "12"', '!!float 1', '!!float "1.5"', '!!float -0',
  '!!int 1.5', '!!bool yes', '!!bool 1', '!!null ~', '!!null x', '!!str', '!!int', '! 12', '! true', '!foo 12', '!!timestamp 2001-01-01',
  '!!timestamp 1', '!!float 18446744073709551615', '!!int 0x10', '!!binary aGVsbG8=', '!!binary "aGVs\\nbG8="', '!!binary aGVsbG8', '!!binary /w==',
  '!<tag:yaml.org,2002:int> 7', '!!float .nan', '!!float .inf', '!!str .nan', '"\\x41\\u00e9\\U0001F600"', '"\\0"', '"a\\tb"',
];
const lines = [];
scalars.forEach((s, i) => {
  lines.push(JSON.stringify({ id: `yaml-scalars-${i + 1}`, mode: 'helm', templates: { t: T }, valuesYaml: `x: ${s}\n` }));
});
// The same texts as keys (sigs's key conversion) and inside a flow sequence.
const KT = '{{ toJson .Values }}';
scalars.forEach((s, i) => {
  if (s.startsWith('!!binary') || s === '') return;
  lines.push(JSON.stringify({ id: `yaml-scalars-key-${i + 1}`, mode: 'helm', templates: { t: KT }, valuesYaml: `${s}: v\n` }));
});
scalars.forEach((s, i) => {
  lines.push(JSON.stringify({ id: `yaml-scalars-seq-${i + 1}`, mode: 'helm', templates: { t: KT }, valuesYaml: `x: [${s}]\n` }));
});
writeFileSync(new URL('../cases/yaml-scalars.jsonl', import.meta.url), lines.join('\n') + '\n');
console.log('yaml-scalars', lines.length);

const bad = [
  // unclosed flows
  '[', '{', 'a: [', 'a: {', 'a: [1, 2', 'a: {b: 1', 'a: [1, 2\n', '{"a":', '{"a": 1', '[1, [2, 3]', '{a: [1}', '[1}', '{a: 1]', 'a: [1,\n2,\n', 'x: {a: {b: {c: 1}}',
  '[1 2]', '{a 1}', '{"a" 1}', '{a: 1 b: 2}', '[a: 1, b]', '[,]', '[1,,2]', '{,}', '{a: 1,, b: 2}', '[1]]', '{a: 1}}', ']', '}', 'a: ]', 'a: }',
  '{a: 1} x', '{a: 1} b: 2', '[1] 2', '{a: 1}\n{b: 2}', '{a: 1} {b: 2}', '[1]\nb: 2', 'a: 1\n[2]', '{a: 1}: 2', '[a, b]: c',
  // unclosed quotes
  '"a', "'a", 'a: "b', "a: 'b", 'a: "b\n', 'a: "b\nc: d', "a: 'it''s", '"a\\"', 'a: "x\n---\n"', 'a: "x\n...\n"', '"', "'",
  // escapes
  '"\\q"', '"\\x4"', '"\\x4g"', '"\\u12"', '"\\u123g"', '"\\U0001F60"', '"\\ud800"', '"\\udfff"', '"\\ud83d\\ude00"', '"\\U00110000"', '"\\UFFFFFFFF"',
  'a: "\\z"', 'a: "\\/"', 'a: "ok\\', '"\\x"', '"\\u"', 'a: "\\N\\_\\L\\P\\e\\a\\b\\v\\f\\0"',
  // indentation
  'a:\n  b: 1\n c: 2', 'a:\n  b: 1\n   c: 2', 'a: 1\n b: 2', 'a:\n- 1\n - 2', '- 1\n  - 2', '- 1\n- 2\n  c: 3', 'a:\n  - 1\n  b: 2', 'a: b: c',
  'a: 1\n  b: 2', '  a: 1\nb: 2', 'a:\n    b: 1\n  c: 2', 'key: value\n  more', 'a:\n  b\n  c: 1', '- a\nb: 1', 'a: 1\n- b', '- a: 1\n  - b',
  'a:\n  b: |\n  x', 'a: |\n x\n  y\n z', 'a: >\n  x\n y', 'a: |0\n x', 'a: |-0\n x', 'a: |10\n x', 'a: |+-\n x', 'a: | x', 'a: |\n\tx', 'a: >\n \tx',
  // tabs
  '\ta: 1', 'a:\n\tb: 1', 'a: 1\n\t', '- \t1', 'a:\t1', 'a: \t1', '\t- 1', 'a: [\t1]', 'a:\n  b: 1\n\tc: 2', 'a: x\n\ty', 'a:\n  x\n\t y',
  // stray indicators
  ':', ': v', 'a: : b', '- : x', ':\n', 'a:: b', '? a\n: b', '? a', '?', '? [a]\n: b', '-', '- -', '--', '---', '--- a', '- - a\n - b', 'a: -', 'a: - b',
  'a:\n-b', '-a', '?a', '%', '@a', '`a`', 'a: @b', 'a: `b`', '|', '>', 'a: |\nb: 1', 'a: >-\nb', '#', 'a: #b', 'a:#b', 'a #b: c',
  'a: b #c\nd', ',', 'a, b', 'a: b, c', 'a: [b, c]d', '[a]b', 'a: "b"c', "a: 'b'c", 'a: "b" c', '"a" b: c', '"a"b: c', 'a: b\n"c"',
  // anchors and aliases
  '*a', 'a: *b', 'a: &x 1\nb: *y', '&a', '&', '*', 'a: &', 'a: *', 'a: &a &b 1', 'a: & x', 'a: *x y', '&a a: 1', 'a: &a [*a]', 'a: &a {b: *a}',
  'a: &a\n  b: *a', 'a: !!str &x 1\nb: *x', 'a: *a\nb: &a 1', '<<: 1', '<<: [1]', '<<: *a', 'a: &a 1\n<<: *a', 'a: &a [1]\nb:\n  <<: *a',
  'a: &a {x: 1}\nb:\n  <<: [*a, 2]', '<<: {a: 1}\na: 2', 'a: 2\n<<: {a: 1}', '&a [*a]', 'a: &a !!str', 'a: *a\n', 'a: &x\nb: *x',
  // tags
  '!!', '!', 'a: !<x', 'a: !<>', 'a: !x!y z', 'a: !x! z', 'a: !!int x', 'a: !!float x', 'a: !!bool 2', 'a: !!null 0', 'a: !!map x', 'a: !!seq x',
  'a: !!binary ***', 'a: !!binary "a b c d"', 'a: !!binary AAA', 'a: !%zz x', 'a: !a%41b x', 'a: !e! x', 'a: !!timestamp x', 'a: !!int 99999999999999999999',
  // directives and documents
  '%YAML 1.1\n---\na: 1', '%YAML 1.2\n---\na: 1', '%YAML 2.0\n---\na: 1', '%YAML 1.1\n%YAML 1.1\n---\na: 1', '%YAML\n---\na: 1', '%YAML 1\n---\na: 1',
  '%YAML 1.100\n---\na: 1', '%YAML a.b\n---', '%FOO bar\n---\na: 1', '%TAG ! tag:x,2000:\n---\na: !b c', '%TAG !e! tag:x,2000:\n%TAG !e! tag:y:\n---\na: 1',
  '%TAG e tag:x\n---\na: 1', '%TAG !e!\n---\na: 1', '%TAG !e! x y\n---', '%YAML 1.1 # c\n---\na: 1', '%YAML 1.1 x\n---', 'a: 1\n%YAML 1.1\n---\nb: 2',
  '%YAML 1.1\na: 1', '---\na: 1\n---\nb: [', 'a: 1\n---\nb: [', '---\n[\n---\na: 1', '---\n---\na: 1', '...\na: 1', 'a: 1\n...\nb: 2', '--- |\n  x', '--- >\nx',
  '--- a: 1', '---a: 1', 'a: 1 ---', '--- [1]\n--- [2]', '...', '... x', '--- !!map\na: 1', '--- &a\na: 1',
  // BOMs and control characters
  '\ufeffa: 1', '\ufeff\ufeffa: 1', 'a: 1\n\ufeffb: 2', 'a: \ufeff1', '\ufeff', 'a: "\u0001"', 'a: \u0001', '\u0000', 'a: 1\u0000', 'a: \u007f',
  'a: \u0085', 'a: x\u0085b: 1', 'a: x\u2028b: 1', 'a: \u001b[1m', 'a: \ud800x'.slice(0, 3) + 'x', 'a: \ufffe', 'a: \uffff', 'a\u000b: 1', 'a: "\u0009"',
  'a: 1\r\nb: [\r\n', 'a: 1\rb: 2', 'a: "x\ry"',
  // keys
  '? |\n  a\n: b', '[a]: b', '{a: b}: c', '? [a, b]\n: c', 'a: 1\na: 2', '~: 1', 'null: 1', '18446744073709551615: 1', '.nan: 1', '.inf: 1',
  '1.5: 1', '0x10: a', 'yes: 1', '2001-01-01: a', 'a:\n  ? x', '? - a\n  - b\n: c', '? a\n? b', 'a: 1\n? b', '{? a: 1}', '[? a: 1]', '[a: 1, b: 2]',
  '{a: 1, a: 2}', '{a, b}', '{a: 1, b}', '[a: ]', '{: a}', '[: a]', '{a: }', '{"a": 1, "b": [1, 2, {"c": null}]}',
  // long lines, multi-line keys, simple key limits
  'a'.repeat(1100) + ': 1', '"' + 'a'.repeat(1100) + '": 1', 'a\nb: 1', '"a\nb": 1', "'a\nb': 1", 'a b\nc d: 1', '[a\nb]: 1',
  // misc
  'a: 1\nb', 'a: 1\nb\n', 'a: 1\n  b', 'foo\nbar: 1', 'a: |\n  x\n b: 1', '- a\n-b', '- [a\n- b', 'a: {b: [c, {d: e]}}', 'x: "\\', 'x: [1, "2', 'x: {a: "b}',
];
const elines = [];
const ET = '{{ toJson .Values }}';
bad.forEach((s, i) => {
  elines.push(JSON.stringify({ id: `yaml-errors-${i + 1}`, mode: 'helm', templates: { t: ET }, valuesYaml: s }));
});
// Through fromYaml too (no file name, sigs error kept in the map).
bad.forEach((s, i) => {
  if (i % 3) return;
  elines.push(JSON.stringify({ id: `yaml-errors-fromyaml-${i + 1}`, mode: 'helm', templates: { t: '{{ toJson (fromYaml .Values.s) }}|{{ toJson (fromYamlArray .Values.s) }}' }, values: { s } }));
});
writeFileSync(new URL('../cases/yaml-errors.jsonl', import.meta.url), elines.join('\n') + '\n');
console.log('yaml-errors', elines.length);
