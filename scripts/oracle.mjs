// A client for the reference renderer (../shared/oracle), used by the golden, conformance and
// bench scripts. The project never depends on it at run time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** projectRoot is the folder holding package.json. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** oraclePath is where the oracle binary is expected (ORACLE overrides). */
export const oraclePath = process.env.ORACLE ?? resolve(projectRoot, '../shared/oracle/bin/gotpl-oracle');

/** oracleAvailable reports whether the oracle binary has been built. */
export function oracleAvailable() {
  return existsSync(oraclePath);
}

/**
 * LineClient sends one JSON request per line to a JSON-lines server process and resolves
 * each answer in order. It restarts the process when it exits (the oracle exits on timeouts).
 */
export class LineClient {
  constructor(cmd, args = [], opts = {}) {
    this.cmd = cmd;
    this.args = args;
    this.opts = opts;
    this.start();
  }

  start() {
    this.proc = spawn(this.cmd, this.args, { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'], ...this.opts });
    this.waiting = [];
    const rl = createInterface({ input: this.proc.stdout });
    rl.on('line', (line) => {
      const w = this.waiting.shift();
      if (w) w.resolve(JSON.parse(line));
    });
    this.proc.on('exit', (code) => {
      const pending = this.waiting;
      this.waiting = [];
      for (const w of pending) w.resolve({ id: w.id, outputs: {}, error: `process exited (${code})`, fatal: true });
      this.dead = true;
    });
  }

  /** request sends req and resolves its answer. */
  request(req) {
    if (this.dead) {
      this.dead = false;
      this.start();
    }
    return new Promise((res) => {
      this.waiting.push({ id: req.id, resolve: res });
      this.proc.stdin.write(JSON.stringify(req) + '\n');
    });
  }

  close() {
    this.proc.stdin.end();
  }
}

/** toGolden adds the oracle's answer to a request in the format of ../shared/conformance. */
export function toGolden(req, res) {
  const out = { ...req };
  if (res.error == null) {
    out.expect = res.outputs;
    if (res.outputsBase64) out.expectBase64 = res.outputsBase64;
  } else {
    out.expectError = res.error;
    if (res.helmError) out.expectHelmError = res.helmError;
    if (res.errorKind) out.expectErrorKind = res.errorKind;
    if (res.outputs && Object.keys(res.outputs).length) out.expectPartial = res.outputs;
  }
  if (res.chartValues !== undefined) out.expectChartValues = res.chartValues;
  if (res.warnings) out.expectWarnings = res.warnings;
  return out;
}
