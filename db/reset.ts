import fs from 'node:fs';
import path from 'node:path';
import { embeddedDataDir, lockDataDir } from './embedded';

/**
 * `npm run db:reset`: deletes the embedded database folder (demo data is recreated at the next
 * start). Refuses while a running console holds the folder's lock. Never touches DATABASE_URL.
 */
const dirs = process.env.PGLITE_DIR
  ? [embeddedDataDir()]
  : ['dev', 'start'].map((name) => path.join(process.cwd(), '.data', name));

try {
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    lockDataDir(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`Removed the embedded database in ${dir}.`);
  }
  console.log('The next `npm run dev` or `npm start` creates and seeds a fresh one.');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
