#!/usr/bin/env node
// Differential conformance: podtpl against the oracle (../shared/oracle), see docs/conformance.md.
//
//   node scripts/conformance.mjs [--n 100000] [--mode go,helm] [--seed 1] [--jobs 2]
//        [--podtpl "node dist/src/cli/main.js batch"] [--self-check] [--timeout 10000]
//        [--minimize 3] [--no-public] [--no-golden] [--no-random] [--quiet]
//
// (a) replays ../shared/conformance/fuzz-public.jsonl and test/golden/*.jsonl against their
// stored expectations; (b) sends N generated cases per mode to both the oracle and podtpl.
// Mismatches go to .tmp/conformance/mismatches-<phase>.jsonl as {category, request, want, got}.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { oracleAvailable, oraclePath, projectRoot, toGolden } from './oracle.mjs';
import { Pool, ProcRunner, WorkerRunner } from './gen/runners.mjs';
import { judge, outcome } from './gen/compare.mjs';
import { genCase } from './gen/index.mjs';

// ---- options ---------------------------------------------------------------------------------
const opts = { n: 100000, mode: 'go,helm', seed: '1', jobs: 2, timeout: 10000, minimize: 3, public: true, golden: true, random: true, selfCheck: false, podtpl: null, quiet: false, window: 64 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => {
    const v = argv[++i];
    if (v === undefined) usage(`${a} needs a value`);
    return v;
  };
  if (a === '--n') opts.n = Number(val());
  else if (a === '--mode') opts.mode = val();
  else if (a === '--seed') opts.seed = val();
  else if (a === '--jobs') opts.jobs = Number(val());
  else if (a === '--timeout') opts.timeout = Number(val());
  else if (a === '--minimize') opts.minimize = Number(val());
  else if (a === '--window') opts.window = Number(val());
  else if (a === '--podtpl') opts.podtpl = val();
  else if (a === '--self-check') opts.selfCheck = true;
  else if (a === '--no-public') opts.public = false;
  else if (a === '--no-golden') opts.golden = false;
  else if (a === '--no-random') opts.random = false;
  else if (a === '--quiet') opts.quiet = true;
  else if (a === '-h' || a === '--help') usage();
  else usage(`unknown option ${a}`);
}
if (opts.seed === 'random') opts.seed = String(Date.now() % 1e9);
const modes = opts.mode.split(',').filter(Boolean);
for (const m of modes) if (!['go', 'sprig', 'helm'].includes(m)) usage(`--mode: ${m} is not go, sprig or helm`);
if (!(opts.n >= 0 && opts.jobs >= 1)) usage('--n and --jobs must be numbers');

function usage(msg) {
  if (msg) console.error(`conformance: ${msg}`);
  console.error('usage: node scripts/conformance.mjs [--n N] [--mode go,sprig,helm] [--seed S|random] [--jobs J] [--podtpl CMD] [--self-check] [--timeout MS] [--minimize K] [--no-public] [--no-golden] [--no-random]');
  process.exit(msg ? 2 : 0);
}

if (!oracleAvailable()) {
  console.log(`conformance: skipped, the oracle is not built (${oraclePath}); run ../shared/oracle/build.sh`);
  process.exit(0);
}
process.chdir(projectRoot); // chart-mode cases use paths relative to the project

// ---- podtpl backend ------------------------------------------------------------------------
const handlePath = join(projectRoot, 'dist/src/batch/handle.js');
const cliPath = join(projectRoot, 'dist/src/cli/main.js');
let backend;
let makePodtpl;
if (opts.selfCheck) {
  backend = 'self-check: a second oracle stands in for podtpl';
  makePodtpl = (k) => new ProcRunner(`oracle#${k}b`, oraclePath, ['serve'], { cwd: projectRoot, timeoutMs: opts.timeout + 5000 });
} else if (opts.podtpl) {
  const [cmd, ...args] = opts.podtpl.split(/\s+/).filter(Boolean);
  backend = `subprocess: ${opts.podtpl}`;
  makePodtpl = (k) => new ProcRunner(`podtpl#${k}`, cmd, args, { cwd: projectRoot, timeoutMs: opts.timeout });
} else if (existsSync(handlePath) && (await hasHandleRequest(handlePath))) {
  backend = 'in-process: dist/src/batch/handle.js handleRequest (worker threads)';
  makePodtpl = (k) => new WorkerRunner(`podtpl#${k}`, handlePath, { timeoutMs: opts.timeout });
} else if (existsSync(cliPath)) {
  backend = 'subprocess: node dist/src/cli/main.js batch';
  makePodtpl = (k) => new ProcRunner(`podtpl#${k}`, process.execPath, [cliPath, 'batch'], { cwd: projectRoot, timeoutMs: opts.timeout });
} else {
  console.error('conformance: podtpl is not built (run `npm run build`); `--self-check` tests the harness against the oracle alone');
  process.exit(1);
}

async function hasHandleRequest(path) {
  try {
    const m = await import(new URL(`file://${path}`).href);
    return typeof m.handleRequest === 'function';
  } catch (e) {
    console.error(`conformance: cannot import ${path}: ${e.message}`);
    return false;
  }
}

const outDir = join(projectRoot, '.tmp/conformance');
mkdirSync(outDir, { recursive: true });
const podtpl = new Pool(Array.from({ length: opts.jobs }, (_, k) => makePodtpl(k)), opts.window * opts.jobs);
let oracle = null;
const getOracle = () =>
  (oracle ??= new Pool(Array.from({ length: opts.jobs }, (_, k) => new ProcRunner(`oracle#${k}`, oraclePath, ['serve'], { cwd: projectRoot, timeoutMs: 0 })), opts.window * opts.jobs));
log(`conformance: podtpl = ${backend}; oracle = ${oraclePath}; jobs ${opts.jobs}`);

// ---- bookkeeping -----------------------------------------------------------------------------
const total = { passed: 0, failed: 0, skipped: 0 };
const phases = [];

class Phase {
  constructor(name) {
    this.name = name;
    this.passed = 0;
    this.failed = 0;
    this.skipped = 0;
    this.skips = new Map(); // why → count (oracle timeout/crash, unstable oracle answer)
    this.categories = new Map(); // failure category → count
    this.outcomes = new Map(); // oracle outcome → count
    this.file = join(outDir, `mismatches-${name}.jsonl`);
    this.mismatches = [];
    writeFileSync(this.file, '');
    phases.push(this);
  }

  record(req, want, got, wantRes) {
    if (wantRes) this.outcomes.set(outcome(wantRes), (this.outcomes.get(outcome(wantRes)) ?? 0) + 1);
    const { ok, category } = judge(want, got);
    if (ok) {
      this.passed++;
      total.passed++;
      return;
    }
    this.failed++;
    total.failed++;
    this.categories.set(category, (this.categories.get(category) ?? 0) + 1);
    const { expect, expectBase64, expectError, expectHelmError, expectErrorKind, expectPartial, expectChartValues, expectWarnings, ...request } = req;
    const line = { category, request, want: wantRes ?? { expect, expectBase64, expectError, expectHelmError, expectErrorKind }, got };
    appendFileSync(this.file, JSON.stringify(line) + '\n');
    if (this.mismatches.length < opts.minimize) this.mismatches.push(line);
  }

  skip(why) {
    this.skips.set(why, (this.skips.get(why) ?? 0) + 1);
    this.skipped++;
    total.skipped++;
  }

  report() {
    const n = this.passed + this.failed;
    const lines = [`  ${this.name}: ${this.passed}/${n} passed${this.skipped ? `, ${this.skipped} skipped (${[...this.skips].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`];
    if (this.outcomes.size) {
      const all = [...this.outcomes.values()].reduce((a, b) => a + b, 0);
      lines.push(`    oracle outcome: ${[...this.outcomes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${((100 * v) / all).toFixed(1)}%`).join(', ')}`);
    }
    for (const [c, v] of [...this.categories].sort((a, b) => b[1] - a[1])) lines.push(`    ${c}: ${v}`);
    if (this.failed) lines.push(`    mismatches: ${this.file.slice(projectRoot.length + 1)}`);
    return lines.join('\n');
  }
}

function log(msg) {
  if (!opts.quiet) console.error(msg);
}

/** askPodtpl sends one request to podtpl through the pool. */
async function askPodtpl(req) {
  const k = await podtpl.slot();
  try {
    return await podtpl.runners[k].request(req);
  } finally {
    podtpl.release();
  }
}

async function askOracle(req) {
  const pool = getOracle();
  const k = await pool.slot();
  try {
    return await pool.runners[k].request(req);
  } finally {
    pool.release();
  }
}

/** runStream runs fn over items with bounded concurrency. */
async function runStream(items, fn, progressLabel) {
  const limit = opts.window * opts.jobs * 2;
  const running = new Set();
  let done = 0;
  let last = Date.now();
  for (const item of items) {
    const p = fn(item).then(() => {
      running.delete(p);
      done++;
      if (Date.now() - last > 5000) {
        last = Date.now();
        log(`  ${progressLabel}: ${done} done (${total.failed} failed so far)`);
      }
    });
    running.add(p);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
}

// ---- (a) stored expectations -----------------------------------------------------------------
function readJsonl(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

async function replay(name, cases) {
  const phase = new Phase(name);
  const t0 = Date.now();
  await runStream(cases, async (c) => {
    const { expect, expectBase64, expectError, expectHelmError, expectErrorKind, expectPartial, expectChartValues, expectWarnings, ...req } = c;
    const got = await askPodtpl(req);
    phase.record(c, c, got);
  }, name);
  log(`  ${name}: ${cases.length} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (opts.public) {
  const file = resolve(projectRoot, '../shared/conformance/fuzz-public.jsonl');
  if (existsSync(file)) await replay('public', readJsonl(file));
  else log(`conformance: ${file} not found, public cases skipped`);
}
if (opts.golden) {
  const dir = join(projectRoot, 'test/golden');
  const cases = [];
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) cases.push(...readJsonl(join(dir, f)));
  }
  await replay('golden', cases);
}

// ---- (b) random differential cases -----------------------------------------------------------
/** diff sends req to both sides; returns {skip} or {want, wantRes, got}. */
async function diff(req) {
  const [wantRes, got] = await Promise.all([askOracle(req), askPodtpl(req)]);
  // The oracle timed out or crashed (Go cannot recover from a stack overflow): no reference.
  if (wantRes.fatal || wantRes.crash || wantRes.errorKind === 'timeout') return { skip: 'oracle' };
  const want = toGolden(req, wantRes);
  if (!judge(want, got).ok) {
    // Go itself is not deterministic for some templates (map order of `keys`, pointers in
    // `%v` of Helm's root): ask again and skip the case when the oracle disagrees with itself.
    const again = await askOracle(req);
    if (!judge(want, again).ok) return { skip: 'unstable' };
  }
  return { want, wantRes, got };
}

function* generate(mode, n) {
  for (let i = 0; i < n; i++) yield genCase(mode, opts.seed, i);
}

if (opts.random && opts.n > 0) {
  for (const mode of modes) {
    const phase = new Phase(mode);
    const t0 = Date.now();
    await runStream(generate(mode, opts.n), async (req) => {
      const r = await diff(req);
      if (r.skip) phase.skip(r.skip);
      else phase.record(req, r.want, r.got, r.wantRes);
    }, `random ${mode}`);
    log(`  random ${mode}: ${opts.n} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s (seed ${opts.seed})`);
  }
}

// ---- minimisation of the first mismatches (delta debugging over template text) ----------------
const budgetPerCase = 400;

/** stillFails reports whether the candidate request keeps failing with the same category. */
async function stillFails(req, category) {
  const r = await diff(req);
  if (r.skip) return false;
  const j = judge(r.want, r.got);
  return !j.ok && j.category === category;
}

/** ddmin removes chunks of units while test(units) holds (Zeller's delta debugging, simplified). */
async function ddmin(units, test, budget) {
  let n = 2;
  while (units.length >= 2 && budget.left > 0) {
    const size = Math.ceil(units.length / n);
    let reduced = false;
    for (let start = 0; start < units.length && budget.left > 0; start += size) {
      const cand = units.slice(0, start).concat(units.slice(start + size));
      budget.left--;
      if (await test(cand)) {
        units = cand;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= units.length) break;
      n = Math.min(n * 2, units.length);
    }
  }
  return units;
}

async function minimize(line) {
  const req = structuredClone(line.request);
  req.id = `${req.id}-min`;
  const budget = { left: budgetPerCase };
  for (const name of Object.keys(req.templates ?? {})) {
    // Drop whole templates first, then lines, then characters.
    if (Object.keys(req.templates).length > 1) {
      const without = structuredClone(req);
      delete without.templates[name];
      budget.left--;
      if (await stillFails(without, line.category)) {
        delete req.templates[name];
        continue;
      }
    }
    for (const split of [(s) => s.split(/(?<=\n)/), (s) => s.match(/\{\{-? ?|\s?-?\}\}|[^{}\s|()]+|\s+|[{}|()]/g) ?? [], (s) => [...s]]) {
      const units = await ddmin(split(req.templates[name]), (u) => {
        const cand = structuredClone(req);
        cand.templates[name] = u.join('');
        return stillFails(cand, line.category);
      }, budget);
      req.templates[name] = units.join('');
    }
  }
  const r = await diff(req);
  return { category: line.category, budgetUsed: budgetPerCase - budget.left, request: req, want: r.wantRes, got: r.got };
}

const minimized = [];
for (const phase of phases) {
  if (!['go', 'sprig', 'helm'].includes(phase.name)) continue;
  for (const line of phase.mismatches) {
    try {
      minimized.push(await minimize(line));
    } catch (e) {
      log(`conformance: minimising ${line.request.id} failed: ${e.message}`);
    }
  }
  if (phase.mismatches.length) {
    const file = join(outDir, `minimized-${phase.name}.jsonl`);
    writeFileSync(file, minimized.filter((m) => m.request.mode === phase.name).map((m) => JSON.stringify(m)).join('\n') + '\n');
    log(`  minimised ${phase.mismatches.length} ${phase.name} mismatches → ${file.slice(projectRoot.length + 1)}`);
  }
}

// ---- summary ---------------------------------------------------------------------------------
podtpl.close();
oracle?.close();
console.log(`conformance (${backend})`);
for (const p of phases) console.log(p.report());
if (total.skipped) console.log(`${total.skipped} skipped`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
