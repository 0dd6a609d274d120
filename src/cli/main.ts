#!/usr/bin/env -S node --stack-size=4000
// podtpl's command line. Commands are thin: parse flags, call the library, print. Each command
// lives in its own file and registers itself; only this file maps errors to exit codes
// (1 for failures, 2 for usage errors; a command may ask for another code, e.g. diff's 2).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { registerBatch } from './batch.js';
import { registerDiff } from './diff.js';
import { CliError, type IO } from './io.js';
import { registerRender } from './render.js';
import { registerTemplate } from './template.js';
import { registerValidate } from './validate.js';

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
  registerRender(program, io, setExit);
  registerTemplate(program, io, setExit);
  registerValidate(program, io, setExit);
  registerDiff(program, io, setExit);
  registerBatch(program, io);
  try {
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

if (isEntry()) {
  main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stdout.isTTY === true,
    env: { NO_COLOR: process.env.NO_COLOR },
  }).then((code) => {
    process.exitCode = code;
  });
}
