import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data folder both write and corrupt it
 * silently. We take an exclusive lock file ourselves so the second process fails clearly.
 */
export function embeddedDataDir(): string {
  const configured = process.env.PGLITE_DIR;
  if (configured) return configured;
  const flavour = process.env.NODE_ENV === 'production' ? 'start' : 'dev';
  return path.join(process.cwd(), '.data', flavour);
}

export function isInMemory(dir: string): boolean {
  return dir.startsWith('memory://');
}

export class EmbeddedDatabaseError extends Error {}

export function lockDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, '.console.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      process.once('exit', () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new EmbeddedDatabaseError(
          `The embedded database in ${dir} is in use by process ${holder}. Stop that process, or set PGLITE_DIR to another folder.`,
        );
      }
      if (holder === process.pid) return;
      fs.rmSync(lockFile, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
