// Every case of ../shared/conformance/fuzz-public.jsonl through podtpl's in-process
// handleRequest, judged like scripts/conformance.mjs does. Cases that do not pass yet are
// listed with a reason in test/conformance-known-failures.json ({id: reason}); a listed case
// that passes, or an unlisted case that fails, fails this test, so the list stays exact.
// UPDATE_KNOWN_FAILURES=1 rewrites the list from the current results (keeping old reasons).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handleRequest } from '../src/batch/handle.js';
// @ts-ignore: plain ESM script without types, shared with scripts/conformance.mjs
import { judge } from '../scripts/gen/compare.mjs';

type Case = Record<string, unknown> & { id: string };
type Verdict = { ok: boolean; category: string };

const here = dirname(fileURLToPath(import.meta.url));
const publicFile = join(here, '../../shared/conformance/fuzz-public.jsonl');
const knownFile = join(here, 'conformance-known-failures.json');

const cases: Case[] = existsSync(publicFile)
  ? readFileSync(publicFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case)
  : [];
const known: Record<string, string> = existsSync(knownFile) ? (JSON.parse(readFileSync(knownFile, 'utf8')) as Record<string, string>) : {};

/** run sends the request part of a case (every field but expect*) to podtpl and judges it. */
function run(c: Case): Verdict & { got: unknown } {
  const req: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (!k.startsWith('expect')) req[k] = v;
  let got: Record<string, unknown>;
  try {
    got = handleRequest(req as never) as unknown as Record<string, unknown>;
  } catch (e) {
    got = { id: c.id, outputs: {}, error: `uncaught ${(e as Error)?.stack ?? String(e)}`, jsException: true };
  }
  return { ...(judge(c, got) as Verdict), got };
}

describe.skipIf(cases.length === 0)('conformance: fuzz-public.jsonl', () => {
  const verdicts = new Map<string, Verdict & { got: unknown }>();
  const verdict = (c: Case) => {
    let v = verdicts.get(c.id);
    if (!v) verdicts.set(c.id, (v = run(c)));
    return v;
  };

  it.runIf(process.env.UPDATE_KNOWN_FAILURES === '1')('rewrites the known-failures list', () => {
    const next: Record<string, string> = {};
    for (const c of cases) {
      const v = verdict(c);
      if (!v.ok) next[c.id] = known[c.id] ?? `${v.category} (not triaged)`;
    }
    writeFileSync(knownFile, JSON.stringify(next, null, 2) + '\n');
    for (const k of Object.keys(known)) delete known[k];
    Object.assign(known, next);
  });

  it('the known-failures list names only existing cases', () => {
    const ids = new Set(cases.map((c) => c.id));
    expect(Object.keys(known).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every case not listed as a known failure passes', () => {
    const failures: string[] = [];
    for (const c of cases) {
      if (c.id in known) continue;
      const v = verdict(c);
      if (!v.ok) failures.push(`${c.id} [${v.category}]`);
    }
    expect(failures, `${failures.length} unexpected failures (add fixes, or list them in test/conformance-known-failures.json)`).toEqual([]);
  });

  it('every known failure still fails (remove fixed ones from the list)', () => {
    const fixed = cases.filter((c) => c.id in known && verdict(c).ok).map((c) => c.id);
    const still = Object.keys(known).length - fixed.length;
    console.log(`conformance-public: ${cases.length} cases, ${still} known failures`);
    expect(fixed).toEqual([]);
  });

  // One `it.fails` per known failure, so each stays visible in the report.
  for (const c of cases.filter((x) => x.id in known)) {
    it.fails(`known failure ${c.id}: ${known[c.id]}`, () => {
      expect(verdict(c).ok).toBe(true);
    });
  }
});
