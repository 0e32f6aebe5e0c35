/**
 * One progress bar per epoch (cli-progress). Without a terminal (CI, a pipe) the bar would print
 * nothing useful, so each epoch prints its summary line instead.
 */
import { SingleBar } from 'cli-progress';

export interface EpochProgress {
  start(epoch: number, steps: number): void;
  step(done: number, loss: number): void;
  /** Ends the epoch's bar, leaving its summary on screen. */
  finish(summary: string): void;
}

export function epochProgress(
  totalEpochs: number,
  stream: NodeJS.WriteStream = process.stdout,
): EpochProgress {
  const width = String(totalEpochs).length;
  const label = (epoch: number) => `epoch ${String(epoch).padStart(width)}/${totalEpochs}`;
  if (!stream.isTTY) {
    let current = 0;
    return {
      start: (epoch) => void (current = epoch),
      step: () => undefined,
      finish: (summary) => void stream.write(`${label(current)}  ${summary}\n`),
    };
  }
  let bar: SingleBar | null = null;
  let steps = 0;
  return {
    start(epoch, total) {
      steps = total;
      bar = new SingleBar({
        stream,
        format: `${label(epoch)} [{bar}] {value}/{total} steps | loss {loss} {summary}`,
        barsize: 24,
        hideCursor: true,
        clearOnComplete: false,
      });
      bar.start(total, 0, { loss: '  -   ', summary: '' });
    },
    step(done, loss) {
      bar?.update(done, { loss: loss.toFixed(4) });
    },
    finish(summary) {
      bar?.update(steps, { summary: `| ${summary}` });
      bar?.stop();
      bar = null;
    },
  };
}
