import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.ts';
import { processIo, UserError, type CliIo } from './command.ts';

/** Builds the `entrepot` program; exported so tests can parse arguments without spawning. */
export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command('entrepot')
    .description('Entrepot: open clinical data warehouse (ingest, pseudonymise, build, KPIs, dashboards)')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const command of commands) {
    const sub = program.command(command.name).description(command.describe).exitOverride();
    command.configure(sub);
    sub.action(async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const options = { ...cmd.opts(), args: cmd.args };
      const result = await command.run(options, io);
      command.print?.(result, io, options);
    });
  }
  return program;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof UserError) {
      io.err(`entrepot: ${error.message}`);
      return error.exitCode;
    }
    io.err(`entrepot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
