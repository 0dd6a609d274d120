// `podtpl template` against `helm template`'s framed output, as the oracle's CLI prints it
// (`gotpl-oracle render --chart DIR -f …`), recorded in golden/framed.jsonl by gen-goldens.mjs.
//  (a) every case: the oracle's per-template outputs (test/golden/chart-render-*.jsonl) through
//      our releaseutil (sortManifests + templateOutput) give the oracle's framed stdout;
//  (b) a subset end to end through the CLI in-process (load, values, render, sort, print,
//      errors and exit code). Random documents (generated secrets, their checksums) are
//      compared by shape.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { ManifestError, isNotes, sortManifests, templateOutput } from '../../src/chart/manifests.js';
import { main } from '../../src/cli/main.js';
import { type GoldenCase, readCases, shapeOf } from '../golden-cases.js';

interface FramedCase {
  id: string;
  chart: string;
  values: { name: string; text: string }[];
  set?: string[];
  release?: { name?: string; namespace?: string; isUpgrade?: boolean };
  kubeVersion?: string;
  skipSchemaValidation?: boolean;
  random: string[];
  exit: number;
  stdout?: string;
  stdoutShapeSha256?: string;
  stderr: string;
}

const root = resolve(import.meta.dirname, '../..');
const framed: FramedCase[] = readFileSync(join(import.meta.dirname, 'golden/framed.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as FramedCase);
const goldenDir = join(root, 'test/golden');
const batch = new Map<string, GoldenCase>();
for (const f of readdirSync(goldenDir).filter((f) => f.startsWith('chart-render-') && f.endsWith('.jsonl'))) {
  for (const c of readCases(join(goldenDir, f))) batch.set(String(c.id), c);
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** checkStdout compares our framed text with the recorded one (by shape when the case has random templates). */
function checkStdout(c: FramedCase, got: string): void {
  const norm = c.random.length > 0 ? shapeOf : (s: string) => s;
  if (c.stdout !== undefined) expect(norm(got)).toBe(norm(c.stdout));
  else expect(sha256(shapeOf(got)), `${c.id}: framed output differs (shape hash)`).toBe(c.stdoutShapeSha256);
}

describe('framed output from the oracle per-template outputs', () => {
  for (const c of framed) {
    const g = batch.get(c.id);
    const yamlError = c.stderr.startsWith('Error: YAML parse error');
    if (g === undefined || (c.exit !== 0 && !yamlError)) continue;
    it(c.id, () => {
      const files = new Map(Object.entries(g.expect ?? {}).filter(([n]) => !isNotes(n)));
      if (yamlError) {
        expect(() => sortManifests(files)).toThrow(ManifestError);
        try {
          sortManifests(files);
        } catch (e) {
          expect(`Error: ${(e as Error).message}\n\nUse --debug flag to render out invalid YAML\n`).toBe(c.stderr);
        }
        return;
      }
      checkStdout(c, templateOutput(sortManifests(files)));
    });
  }
});

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

const endToEnd = new Set([
  'chart-render-default-airflow-1.17.3-astro',
  'chart-render-default-astronomer-airflow-1.17.20',
  'chart-render-airflow-airflow-gitsync-https',
  'chart-render-astronomer-astro-dag-deploy',
  'chart-render-astronomer-stacked',
]);
const tmp = mkdtempSync(join(tmpdir(), 'podtpl-framed-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('podtpl template end to end', () => {
  for (const c of framed) {
    if (!(endToEnd.has(c.id) || c.exit !== 0 || c.stdout !== undefined)) continue;
    it(c.id, async () => {
      const args = ['template', resolve(root, c.chart)];
      c.values.forEach((v, i) => {
        const p = join(tmp, `${i}-${v.name}`);
        writeFileSync(p, v.text);
        args.push('-f', p);
      });
      for (const s of c.set ?? []) args.push('--set', s);
      if (c.release?.name) args.push('--release-name', c.release.name);
      if (c.release?.namespace) args.push('--namespace', c.release.namespace);
      if (c.release?.isUpgrade) args.push('--is-upgrade');
      if (c.kubeVersion) args.push('--kube-version', c.kubeVersion);
      if (c.skipSchemaValidation) args.push('--skip-schema-validation');
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await main(args, { stdin: process.stdin, stdout, stderr });
      expect(stderr.text.replaceAll(tmp + '/', '')).toBe(c.stderr);
      expect(code).toBe(c.exit);
      if (c.exit === 0) checkStdout(c, stdout.text);
    });
  }
});
