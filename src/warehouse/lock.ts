import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../cli/command.ts';

/**
 * One writer at a time per warehouse. The lock file holds the writer's pid; a lock whose process
 * is gone (a killed load) is taken over, which is safe because loads publish atomically.
 */
export function acquireLock(lockFile: string, what: string): () => void {
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${process.pid} ${what} ${new Date().toISOString()}\n`);
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readFileSync(lockFile, 'utf8').trim();
      const pid = Number(holder.split(' ')[0]);
      if (pid && isAlive(pid)) {
        throw new UserError(`the warehouse is busy: ${holder} (lock ${lockFile}); wait for it to finish`);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new UserError(`could not take the warehouse lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
