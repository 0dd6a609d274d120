import type { Command } from 'commander';
import { CliError, type IO } from './io.js';

// Placeholder until the `validate` command lands: it says so and fails, it does not pretend.
/** registerValidate adds `podtpl validate` to program. */
export function registerValidate(program: Command, _io: IO, _setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new CliError('podtpl validate is not implemented yet');
    });
}
