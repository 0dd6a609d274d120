// Runs batch requests through the oracle (../shared/oracle) synchronously, from the project root
// (chart paths in requests are relative to it). Tests skip when the oracle is not built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GoValue, fromJSON } from '../../src/template/value.js';
import { marshalJson } from '../../src/yaml/json.js';

/** projectRoot is /work/main. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const oraclePath = process.env.ORACLE ?? resolve(projectRoot, '../shared/oracle/bin/gotpl-oracle');

/** haveOracle reports whether the oracle binary exists. */
export const haveOracle = existsSync(oraclePath);

/** OracleResponse is the subset of the oracle's answer the chart tests read. */
export interface OracleResponse {
  id: unknown;
  outputs: Record<string, string>;
  error: string | null;
  helmError?: string;
  errorKind?: string;
  chartValues?: unknown;
  warnings?: string[];
}

/** askOracle sends requests and returns the answers in order. */
export function askOracle(reqs: object[]): OracleResponse[] {
  if (!haveOracle) return [];
  const input = reqs.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const res = spawnSync(oraclePath, ['serve'], { input, cwd: projectRoot, maxBuffer: 1 << 28, encoding: 'utf8' });
  return res.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as OracleResponse);
}

/** canonJson prints a Go value as Go's json.Marshal would (sorted keys), for comparisons. */
export function canonJson(v: GoValue): string {
  return marshalJson(v);
}

/** oracleJson canonicalises the oracle's JSON the same way. */
export function oracleJson(j: unknown): string {
  return marshalJson(fromJSON(j));
}
