import type { Command as Commander } from 'commander';

/**
 * One `entrepot` sub-command. `configure` declares flags on the commander sub-command,
 * `run` does the work through the library and returns what `print` shows, so that tests call
 * `run()` directly and spawn the binary only to check the wiring.
 */
export interface CliCommand<Options = Record<string, unknown>, Result = unknown> {
  name: string;
  describe: string;
  configure(cmd: Commander): void;
  run(options: Options, io: CliIo): Promise<Result>;
  print?(result: Result, io: CliIo, options: Options): void;
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** True when stderr is a terminal: progress bars there, plain log lines otherwise. */
  interactive: boolean;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  interactive: Boolean(process.stderr.isTTY),
};

/** An error the user can act on: printed without a stack trace, exit code 1 (2 for usage). */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'UserError';
  }
}
