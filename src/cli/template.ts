import type { Command } from 'commander';
import { CliError, type IO } from './io.js';

// Placeholder until the `template` command lands: it says so and fails, it does not pretend.
/** registerTemplate adds `podtpl template` to program. */
export function registerTemplate(program: Command, _io: IO, _setExit: (code: number) => void): void {
  program
    .command('template')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new CliError('podtpl template is not implemented yet');
    });
}
