import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadChart } from '../../src/chart/load.js';
import { ChartError, buildUserValues, prepareRender } from '../../src/chart/render-input.js';
import { askOracle, canonJson, haveOracle, oracleJson, projectRoot } from './oracle.js';

const noRender = 'podtpl-no-render';
const dirs = ['../shared/corpus/charts', '../shared/oracle/testdata/charts'];
const charts: string[] = [];
for (const d of dirs) {
  try {
    for (const n of readdirSync(join(projectRoot, d))) charts.push(`${d}/${n}`);
  } catch {
    // corpus absent
  }
}

function ours(chartDir: string, req: { skipDependencyCheck?: boolean; set?: string[] } = {}) {
  const warnings = new Set<string>();
  const warn = (m: string) => warnings.add(m);
  try {
    const chart = loadChart(join(projectRoot, chartDir), { warn: (m) => warn(m) });
    const user = buildUserValues({ sets: { set: req.set } });
    const input = prepareRender(chart, user, { warn, skipDependencyCheck: req.skipDependencyCheck });
    return { values: canonJson(input.values), error: null as string | null, warnings: [...warnings].sort(), input };
  } catch (e) {
    return { values: '', error: (e as Error).message, kind: e instanceof ChartError ? e.kind : 'chart', warnings: [], input: null };
  }
}

describe.runIf(haveOracle)('charts load like the oracle', () => {
  const reqs = charts.flatMap((c) => [
    // render names no template, so the oracle returns the values before any template mutates them.
    { id: c, chartDir: c, returnValues: true, render: [noRender] },
    { id: c + ':skip', chartDir: c, returnValues: true, skipDependencyCheck: true, render: [noRender] },
  ]);
  const answers = askOracle(reqs);
  for (const [i, r] of reqs.entries()) {
    it(r.id, () => {
      const want = answers[i]!;
      const got = ours(r.chartDir, r);
      if (want.errorKind && want.errorKind !== 'parse' && want.errorKind !== 'exec') {
        expect(got.error).toBe(want.helmError ?? want.error);
        return;
      }
      expect(got.error).toBeNull();
      const w = oracleJson(want.chartValues);
      if (got.values !== w) {
        let i = 0;
        while (i < w.length && w[i] === got.values[i]) i++;
        expect(got.values.slice(Math.max(0, i - 150), i + 150)).toBe(w.slice(Math.max(0, i - 150), i + 150));
      }
      const nonSymlink = (want.warnings ?? []).filter((w) => !w.startsWith('found symbolic link'));
      expect(got.warnings.filter((w) => !w.startsWith('found symbolic link'))).toEqual(nonSymlink);
    });
  }
});
