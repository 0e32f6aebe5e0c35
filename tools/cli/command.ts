import { Command, type CommanderError } from 'commander';
import { coloursFor } from './colour';

/**
 * A commander program for one npm script. Commander's own complaints (a missing argument, an
 * unknown option) are bad input like an unknown kata, so they exit with 2 rather than commander's
 * 1, and print the help after the error so the valid katas are on screen.
 */
export function toolProgram(name: string): Command {
  return new Command(name)
    .showHelpAfterError()
    .configureOutput({
      outputError: (text, write) => write(coloursFor(process.stderr).red(text)),
    })
    .exitOverride((error) => process.exit(commanderExitCode(error)));
}

/** Help and --version end with 0; every other commander error is a usage error. */
export function commanderExitCode(error: Pick<CommanderError, 'exitCode'>): number {
  return error.exitCode === 0 ? 0 : 2;
}
