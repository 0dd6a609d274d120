import type { Command } from 'commander';

/** collect gathers a repeatable flag's values in order. */
export function collect(v: string, prev: string[]): string[] {
  return [...prev, v];
}

/**
 * addSetFlags adds Helm's --set family to a command (Helm's precedence, lowest first:
 * --set-json, --set, --set-string, --set-file, --set-literal; all after -f files).
 */
export function addSetFlags(cmd: Command): Command {
  return cmd
    .option('--set <key=value>', 'set values on the command line (repeatable; key1=val1,key2=val2)', collect, [])
    .option('--set-string <key=value>', 'set STRING values on the command line (repeatable)', collect, [])
    .option('--set-json <key=json>', 'set JSON values on the command line (repeatable)', collect, [])
    .option('--set-file <key=path>', "set values from files: the value is the file's content (repeatable)", collect, [])
    .option('--set-literal <key=value>', 'set a literal STRING value on the command line (repeatable)', collect, []);
}
