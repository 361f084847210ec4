import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Keeps a second Turno from opening the same PGlite folder, which would corrupt it. A lock
 * left by a process that no longer runs is taken over.
 */
export function acquireDirLock(path: string): () => void {
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(path, 'utf8'));
    if (holder === process.pid || isRunning(holder)) {
      throw new Error(`Another Turno (pid ${holder}) is using this data folder: ${path}`);
    }
    writeFileSync(path, String(process.pid));
  }
  return () => rmSync(path, { force: true });
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
