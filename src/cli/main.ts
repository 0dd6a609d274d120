#!/usr/bin/env -S node --stack-size=4000
// podtpl's command line. Commands are thin: parse flags, call the library, print. Each command
// lives in its own file and registers itself; only this file maps errors to exit codes
// (1 for failures, 2 for usage errors; a command may ask for another code, e.g. diff's 2).
import { realpathSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { CliError, type IO } from './io.js';

type SetExit = (code: number) => void;

/**
 * commands registers each command; a command's module (and what it imports at the top) is
 * loaded only when that command may run, so that `podtpl render` does not pay for the others.
 */
const commands: Record<string, (program: Command, io: IO, setExit: SetExit) => Promise<void>> = {
  render: async (p, io, setExit) => (await import('./render.js')).registerRender(p, io, setExit),
  template: async (p, io, setExit) => (await import('./template.js')).registerTemplate(p, io, setExit),
  validate: async (p, io, setExit) => (await import('./validate.js')).registerValidate(p, io, setExit),
  diff: async (p, io, setExit) => (await import('./diff.js')).registerDiff(p, io, setExit),
  batch: async (p, io) => (await import('./batch.js')).registerBatch(p, io),
};

/** main runs the CLI with argv (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: IO): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('podtpl')
    .description(
      'Render the Airflow Kubernetes-executor worker pod template (and whole Helm charts) exactly as Helm 3.14 does, offline.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  const setExit = (code: number): void => {
    exitCode = code;
  };
  try {
    // With a command name first, commander only ever dispatches to that command (its own
    // help, options and errors); anything else (help, an unknown command) needs them all.
    const first = argv[0];
    const only = first !== undefined && Object.hasOwn(commands, first) ? [commands[first]!] : Object.values(commands);
    for (const register of only) await register(program, io, setExit);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof CliError) {
      io.stderr.write(`Error: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

function isEntry(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

/**
 * syncWriter writes straight to a file descriptor. Commands only call write(), and the
 * synchronous write keeps Node from setting up its stream machinery for stdout and stderr
 * (a noticeable part of a short command's start-up); stdin stays process.stdin.
 */
function syncWriter(fd: number, fallback: () => NodeJS.WritableStream): NodeJS.WritableStream {
  let broken = false;
  const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const cb = rest.find((x) => typeof x === 'function') as ((e?: Error | null) => void) | undefined;
    if (broken) return fallback().write(chunk, cb);
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let off = 0;
    try {
      while (off < buf.length) {
        try {
          off += writeSync(fd, buf, off, buf.length - off);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); // a non-blocking pipe is full: wait for the reader
        }
      }
    } catch (e) {
      // EPIPE and the like: let Node's own stream report it as it would have.
      broken = true;
      return fallback().write(buf.subarray(off), cb);
    }
    cb?.();
    return true;
  };
  return new Proxy(Object.create(null) as NodeJS.WritableStream, {
    get: (_, key) => {
      if (key === 'write') return write;
      const s = fallback();
      const v = Reflect.get(s, key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(s) : v;
    },
  });
}

if (isEntry()) {
  main(process.argv.slice(2), {
    // A getter: touching process.stdin sets up a stream, which only batch, validate - and -f - need.
    get stdin() {
      return process.stdin;
    },
    stdout: syncWriter(1, () => process.stdout),
    stderr: syncWriter(2, () => process.stderr),
    // Getters too: only commands that colour or show progress look, and looking sets up the stream.
    get isTTY() {
      return process.stdout.isTTY === true;
    },
    env: { NO_COLOR: process.env.NO_COLOR },
  }).then((code) => {
    process.exitCode = code;
  });
}
