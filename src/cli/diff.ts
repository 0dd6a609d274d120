import type { Command } from 'commander';
import { CliError, type IO } from './io.js';

// Placeholder until the `diff` command lands: it says so and fails, it does not pretend.
/** registerDiff adds `podtpl diff` to program. */
export function registerDiff(program: Command, _io: IO, _setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new CliError('podtpl diff is not implemented yet');
    });
}
