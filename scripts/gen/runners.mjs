// Runners that answer batch-protocol requests for the conformance harness: a JSON-lines
// subprocess (the oracle, `podtpl batch`) and a worker thread calling podtpl's in-process
// handleRequest. Both pipeline requests, answer in order, and enforce a per-case timeout by
// killing and restarting the process/worker (a hang is a failure, never a stuck run).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/**
 * PipeRunner is the shared core: a queue of requests written ahead, answered in order.
 * Subclasses implement spawnBackend(), write(req), kill().
 */
class PipeRunner {
  constructor(name, timeoutMs) {
    this.name = name;
    this.timeoutMs = timeoutMs;
    this.pending = []; // {req, resolve}
    this.headSince = 0;
    this.restarts = 0;
    this.closed = false;
    if (timeoutMs > 0) {
      this.timer = setInterval(() => this.watch(), Math.min(250, Math.max(20, timeoutMs / 4)));
      this.timer.unref();
    }
  }

  /** request sends req and resolves its answer. */
  request(req) {
    return new Promise((resolve) => {
      if (this.pending.length === 0) this.headSince = Date.now();
      this.pending.push({ req, resolve });
      this.write(req);
    });
  }

  answer(res) {
    const p = this.pending.shift();
    this.headSince = Date.now();
    if (p) p.resolve(res);
  }

  watch() {
    if (!this.pending.length || this.timeoutMs <= 0) return;
    if (Date.now() - this.headSince < this.timeoutMs) return;
    const head = this.pending.shift();
    head.resolve({ id: head.req.id, outputs: {}, error: `${this.name}: no answer within ${this.timeoutMs} ms`, timeout: true });
    this.restart();
  }

  /** backendDied handles an exit: the head (unanswered) crashed it; the rest are resent. */
  backendDied(why) {
    if (this.closed || this.restarting) return;
    const head = this.pending.shift();
    if (head) head.resolve({ id: head.req.id, outputs: {}, error: `${this.name}: ${why}`, crash: true });
    this.restart();
  }

  restart() {
    this.restarting = true;
    this.kill();
    this.restarting = false;
    this.restarts++;
    this.spawnBackend();
    this.headSince = Date.now();
    for (const p of this.pending) this.write(p.req);
  }

  close() {
    this.closed = true;
    clearInterval(this.timer);
    this.end();
  }
}

/** ProcRunner talks JSON lines to a subprocess (cmd args…), cwd = projectRoot. */
export class ProcRunner extends PipeRunner {
  constructor(name, cmd, args, { cwd, timeoutMs = 0, env } = {}) {
    super(name, timeoutMs);
    this.cmd = cmd;
    this.args = args;
    this.cwd = cwd;
    this.env = env;
    this.spawnBackend();
  }

  spawnBackend() {
    const proc = spawn(this.cmd, this.args, { cwd: this.cwd, env: this.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc = proc;
    proc.stdin.on('error', () => {}); // EPIPE after a crash: handled by 'exit'
    proc.stderr.on('data', (d) => {
      this.stderrTail = ((this.stderrTail ?? '') + d.toString()).slice(-2000);
    });
    const rl = createInterface({ input: proc.stdout });
    rl.on('line', (line) => {
      if (proc !== this.proc) return;
      let res;
      try {
        res = JSON.parse(line);
      } catch {
        res = { outputs: {}, error: `${this.name}: answer is not JSON: ${line.slice(0, 200)}`, crash: true };
      }
      // The oracle answers `fatal: true` and exits: the next exit is expected.
      if (res && res.fatal) proc.expectedExit = true;
      this.answer(res);
    });
    // 'close' comes after every stdout line has been read, so the culprit is the head.
    proc.on('close', (code, signal) => {
      if (proc !== this.proc) return;
      if (proc.expectedExit) {
        this.restart();
        return;
      }
      this.backendDied(`process exited (${code ?? signal})${this.stderrTail ? ': ' + this.stderrTail.trim().split('\n').slice(-3).join(' | ') : ''}`);
    });
  }

  write(req) {
    this.proc.stdin.write(JSON.stringify(req) + '\n');
  }

  kill() {
    const p = this.proc;
    this.proc = null;
    if (p && p.exitCode === null) p.kill('SIGKILL');
  }

  end() {
    this.proc?.stdin.end();
  }
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.url).then((m) => {
  const handle = m.handleRequest;
  parentPort.on('message', async (req) => {
    let res;
    try {
      res = await handle(req);
    } catch (e) {
      res = { id: req.id, outputs: {}, error: 'uncaught ' + (e && e.stack ? e.stack : String(e)), jsException: true };
    }
    try {
      parentPort.postMessage(res);
    } catch (e) {
      parentPort.postMessage({ id: req.id, outputs: {}, error: 'answer not cloneable: ' + e, jsException: true });
    }
  });
  parentPort.postMessage({ ready: true });
}, (e) => parentPort.postMessage({ loadError: String(e && e.stack || e) }));
`;

/** WorkerRunner calls handleRequest of the module at handlePath in a worker thread. */
export class WorkerRunner extends PipeRunner {
  constructor(name, handlePath, { timeoutMs = 0 } = {}) {
    super(name, timeoutMs);
    this.url = pathToFileURL(handlePath).href;
    this.spawnBackend();
  }

  spawnBackend() {
    const w = new Worker(workerSource, { eval: true, workerData: { url: this.url }, resourceLimits: { maxOldGenerationSizeMb: 1024 }, stderr: false });
    this.worker = w;
    w.on('message', (m) => {
      if (w !== this.worker) return;
      if (m && m.ready) return;
      if (m && m.loadError) {
        console.error(`${this.name}: cannot load ${this.url}: ${m.loadError}`);
        process.exit(2);
      }
      this.answer(m);
    });
    w.on('error', (e) => {
      if (w !== this.worker) return;
      this.backendDied(`worker error: ${e && e.stack ? e.stack : e}`);
    });
    w.on('exit', (code) => {
      if (w !== this.worker) return;
      this.backendDied(`worker exited (${code})`);
    });
  }

  write(req) {
    // Send what the oracle reads: the request as JSON text (structured cloning would keep -0
    // and other values that JSON cannot carry).
    this.worker.postMessage(JSON.parse(JSON.stringify(req)));
  }

  kill() {
    const w = this.worker;
    this.worker = null;
    if (w) w.terminate();
  }

  end() {
    this.kill();
  }
}

/** Pool spreads requests over several runners, keeping at most `window` in flight. */
export class Pool {
  constructor(runners, window = 64) {
    this.runners = runners;
    this.window = window;
    this.next = 0;
    this.inFlight = 0;
    this.waiters = [];
  }

  /** slot waits until fewer than `window` requests are in flight; returns a runner index. */
  async slot() {
    while (this.inFlight >= this.window) await new Promise((r) => this.waiters.push(r));
    this.inFlight++;
    const k = this.next;
    this.next = (this.next + 1) % this.runners.length;
    return k;
  }

  release() {
    this.inFlight--;
    const w = this.waiters.shift();
    if (w) w();
  }

  close() {
    for (const r of this.runners) r.close();
  }
}
