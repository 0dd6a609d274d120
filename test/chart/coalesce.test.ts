// Helm's coalescing of user values over chart defaults, checked against the oracle
// (template mode: chartValuesYaml + valuesYaml, `{{ toJson .Values }}`).
import { describe, expect, it } from 'vitest';
import { coalesceValues } from '../../src/chart/coalesce.js';
import { Chart, emptyMetadata } from '../../src/chart/metadata.js';
import { buildUserValues } from '../../src/chart/render-input.js';
import { loadValuesYaml } from '../../src/yaml/load.js';
import { marshalJson } from '../../src/yaml/json.js';
import { askOracle, haveOracle } from './oracle.js';

const cases: { name: string; chart: string; user: string[] }[] = [
  { name: 'override scalar', chart: 'a: 1\nb: 2', user: ['a: 3'] },
  { name: 'null deletes', chart: 'a: 1\nb: {c: 1}', user: ['a: null\nb: null'] },
  { name: 'null deletes nested', chart: 'a: {b: 1, c: 2}', user: ['a: {b: null}'] },
  { name: 'tables merge', chart: 'a: {b: 1, c: {d: 2}}', user: ['a: {c: {e: 3}}'] },
  { name: 'scalar over table', chart: 'a: {b: 1}', user: ['a: 5'] },
  { name: 'table over scalar', chart: 'a: 5', user: ['a: {b: 1}'] },
  { name: 'lists replace', chart: 'a: [1, 2, 3]', user: ['a: [4]'] },
  { name: 'chart null kept', chart: 'a: null\nb: {c: null}', user: ['d: 1'] },
  { name: 'two files', chart: 'a: {b: 1}', user: ['a: {c: 2}', 'a: {c: 3, d: 4}'] },
  { name: 'file null then value', chart: 'a: 1', user: ['a: null', 'a: 2'] },
  { name: 'empty', chart: '', user: [''] },
  { name: 'yaml 1.1 keys', chart: 'on: 1\nn: 2', user: ['y: 3'] },
  { name: 'proto', chart: '__proto__: {a: 1}', user: ['__proto__: {b: 2}\nconstructor: 1'] },
];

describe.runIf(haveOracle)('coalesce vs oracle', () => {
  const answers = askOracle(
    cases.map((c, i) => ({ id: i, mode: 'helm', templates: { t: '{{ toJson .Values }}' }, chartValuesYaml: c.chart, valuesYaml: c.user })),
  );
  for (const [i, c] of cases.entries()) {
    it(c.name, () => {
      const want = answers[i]!;
      const chart = new Chart({ ...emptyMetadata(), name: 'mychart', version: '0.1.0', apiVersion: 'v2' });
      chart.values = loadValuesYaml(c.chart) as Map<string, never>;
      const user = buildUserValues({ valuesFiles: c.user.map((text, j) => ({ name: `v${j}.yaml`, text })) });
      const got = marshalJson(coalesceValues(chart, user));
      expect(want.error).toBeNull();
      expect(got).toBe(want.outputs.t);
    });
  }
});
