import type { Command } from 'commander';
import { CliError, type IO } from './io.js';

// Placeholder until the `render` command lands: it says so and fails, it does not pretend.
/** registerRender adds `podtpl render` to program. */
export function registerRender(program: Command, _io: IO, _setExit: (code: number) => void): void {
  program
    .command('render')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new CliError('podtpl render is not implemented yet');
    });
}
