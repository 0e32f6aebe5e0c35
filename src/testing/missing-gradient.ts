/**
 * A backward pass run in the wrong order reads a `.g` that nothing has set yet, and fails with
 * `Cannot read properties of undefined (reading 'matmul')` or the engine's
 * `mul(): argument 'other' (position 1) must be Tensor or number, not undefined`. Neither says
 * which gradient was missing. Reading the learner's line that failed usually does: this turns such
 * an error into "out.g was not set yet when this line ran".
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './stack';

const READ_OF_UNDEFINED = /^Cannot read properties of undefined \(reading '([^']+)'\)/;
const UNDEFINED_OPERAND =
  /^\w+\(\): argument '\w+' \(position \d\) must be Tensor(?: or number)?, not undefined/;

/** The source line of a `file:line:column` frame (relative to the repository or absolute). */
function sourceLine(frame: string): string | undefined {
  const match = /^(.*):(\d+):\d+$/.exec(frame);
  if (!match) return undefined;
  const file = path.isAbsolute(match[1]) ? match[1] : path.join(repoRoot, match[1]);
  try {
    return fs.readFileSync(file, 'utf8').split('\n')[Number(match[2]) - 1];
  } catch {
    return undefined;
  }
}

/** The `.g` expressions a line reads (`out.g`, `this.w.g`, `l2.g`), in order; not one it assigns. */
function gradientsOn(line: string): string[] {
  const read = line.replace(/^\s*[\w$.]+\.g\s*=(?!=)/, '');
  return [...read.matchAll(/([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.g\b(?![\w$])/g)].map(
    (match) => `${match[1]}.g`,
  );
}

/**
 * A sentence naming the gradient that was missing, for an error the learner's code threw at
 * `frame`; undefined when the error is not a read of something undefined or the line names no
 * `.g`.
 */
export function explainMissingGradient(
  error: unknown,
  frame: string | undefined,
): string | undefined {
  if (!(error instanceof Error) || frame === undefined) return undefined;
  const read = READ_OF_UNDEFINED.exec(error.message);
  if (!read && !UNDEFINED_OPERAND.test(error.message)) return undefined;
  const line = sourceLine(frame);
  if (line === undefined) return undefined;
  const gradients = gradientsOn(line);
  // `out.g.matmul(…)`: the .g right before the method that was read is the missing one
  const exact = read
    ? gradients.find((g) =>
        new RegExp(`${g.replace(/[.$]/g, '\\$&')}!?\\s*\\.\\s*${read[1]}\\b`).test(line),
      )
    : undefined;
  const missing = exact ?? (gradients.length === 1 ? gradients[0] : undefined);
  if (missing === undefined) {
    if (gradients.length === 0) return undefined;
    return `one of ${gradients.join(', ')} was not set yet when ${frame} ran. Backward runs from the loss back to the input: each step reads the .g the step after it in the forward pass has set.`;
  }
  return `${missing} was not set yet when ${frame} ran. Backward runs from the loss back to the input: each step reads the .g the step after it in the forward pass has set.`;
}
