import { coloursFor } from './colour';

/**
 * An error meant for the person at the terminal: its message is the whole story (no stack), and
 * its exit code tells scripts what kind of failure it was (2 = bad input, 1 = the check failed).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad input from the command line: an unknown kata, a malformed id, a seed that is not a number. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/**
 * Runs a tool's main function and turns its outcome into an exit code. Expected failures print
 * one clear message; anything else is a bug in the tool and keeps its stack trace.
 */
export function runMain(main: () => Promise<number | void> | number | void): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code ?? 0;
      },
      (error: unknown) => {
        if (error instanceof CliError) {
          console.error(coloursFor(process.stderr).red(error.message));
          process.exitCode = error.exitCode;
          return;
        }
        console.error(error);
        process.exitCode = 1;
      },
    );
}
