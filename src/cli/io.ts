/** IO is the streams a command reads and writes (injected so commands run in-process in tests). */
export interface IO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Whether stdout is a terminal (colour, progress); false in tests. */
  isTTY?: boolean;
  /** The environment the CLI may read (NO_COLOR only); never passed to templates. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** CliError is a failure a command reports as one message on stderr with an exit code (1, or 2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** ExitCode lets a command set the process exit code without throwing (e.g. diff's 2 = changes). */
export interface CommandResult {
  exitCode: number;
}
