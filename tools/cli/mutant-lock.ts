import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './errors';

/**
 * One mutant check at a time per checkout: two runs sharing .mutant/ would test each other's
 * copies. The lock is a file holding the owner's process id; a lock whose process is gone is
 * stale and taken over. Returns the function that releases it.
 */
export function lockMutantDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lock, 'utf8'));
      if (isRunning(owner)) {
        throw new CliError(
          `Another mutant check (process ${owner}) is using ${dir}: wait for it to finish.`,
        );
      }
      fs.rmSync(lock, { force: true });
    }
  }
  throw new CliError(`Could not lock ${dir}.`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
