#!/usr/bin/env node
// podtpl's command line. Commands are thin: parse flags, call the library, print.
// Only this file maps errors to exit codes (1 for failures, 2 for usage errors).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { runBatch, type IO } from './batch.js';

/** main runs the CLI with argv (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: IO): Promise<number> {
  const program = new Command();
  program
    .name('podtpl')
    .description('Render Helm charts and the Airflow worker pod template exactly as Helm 3.14 does, offline.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  program
    .command('batch')
    .description('answer JSON-lines render requests on stdin, one JSON line each on stdout (the oracle protocol)')
    .action(async () => {
      await runBatch(io);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
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
  main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
