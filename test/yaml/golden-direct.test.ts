// Runs the yaml-* golden cases whose template is one of a few fixed shapes directly
// through src/yaml (no template engine needed); the lead's runner covers the rest.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromJSON, type GoValue, typeOf } from '../../src/template/value.js';
import { helmToYaml } from '../../src/yaml/emit.js';
import { helmFromJson, helmFromJsonArray, marshalJson, toPrettyJson, toRawJson } from '../../src/yaml/json.js';
import { fromYaml, fromYamlArray, loadValuesYaml } from '../../src/yaml/load.js';
import { YamlError } from '../../src/yaml/errors.js';

interface Golden {
  id: string;
  templates: { t: string };
  values?: Record<string, unknown>;
  valuesYaml?: string;
  expect?: { t: string };
  expectHelmError?: string;
}

const read = (name: string): Golden[] =>
  readFileSync(new URL(`../golden/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Golden);

const safe = (f: () => string): string => {
  try {
    return f();
  } catch {
    return '';
  }
};

function values(g: Golden): Map<string, GoValue> {
  return fromJSON(g.values ?? {}) as Map<string, GoValue>;
}

const runners: Record<string, (g: Golden) => string> = {
  '{{ toJson .Values }}': (g) => marshalJson(g.valuesYaml !== undefined ? loadValuesYaml(g.valuesYaml) : values(g)),
  '{{ toYaml .Values }}': (g) => helmToYaml(values(g)),
  '{{ toJson .Values }}|{{ typeOf .Values.x }}': (g) => {
    const v = loadValuesYaml(g.valuesYaml ?? '') as Map<string, GoValue>;
    return marshalJson(v) + '|' + typeOf(v.get('x') ?? null);
  },
  '{{ len (toJson .Values) }}': (g) => String(Buffer.byteLength(marshalJson(loadValuesYaml(g.valuesYaml ?? '')))),
  '{{ toJson .Values }}|{{ toPrettyJson .Values }}|{{ toRawJson .Values }}': (g) => {
    const v = values(g);
    return [safe(() => marshalJson(v)), safe(() => toPrettyJson(v)), toRawJson(v)].join('|');
  },
  '{{ toJson (fromJson .Values.s) }}|{{ toJson (fromJsonArray .Values.s) }}': (g) => {
    const s = g.values!.s as string;
    return marshalJson(helmFromJson(s)) + '|' + marshalJson(helmFromJsonArray(s));
  },
  '{{ toJson (fromYaml .Values.s) }}|{{ toJson (fromYamlArray .Values.s) }}': (g) => {
    const s = g.values!.s as string;
    return marshalJson(fromYaml(s)) + '|' + marshalJson(fromYamlArray(s));
  },
};

/** Known gaps: none since the loader runs on the go-yaml v2 port (scanner.ts, parser.ts). */
const knownGaps = new Map<string, string>();

for (const suite of ['yaml-load', 'yaml-toyaml', 'yaml-json', 'yaml-scalars', 'yaml-errors', 'yaml-depth', 'yaml-robust']) {
  describe(suite, () => {
    for (const g of read(suite)) {
      const run = runners[g.templates.t];
      if (!run) continue;
      (knownGaps.has(g.id) ? it.skip : it)(g.id, () => {
        if (g.expectHelmError !== undefined) {
          let msg = '';
          try {
            run(g);
          } catch (e) {
            msg = e instanceof YamlError ? 'failed to parse values.yaml: ' + e.message : String(e);
          }
          expect(msg).toBe(g.expectHelmError);
        } else {
          expect(run(g)).toBe(g.expect!.t);
        }
      });
    }
  });
}
