// Running the project's own commands (migrate, seed, API key, build) as child processes.
import { spawn } from 'node:child_process';

/** Children still running, so an interrupted run can end them (each leads its own group). */
const children = new Set();

export function killChildren() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}

/**
 * Runs a command to completion. Its output is echoed, indented, unless `quiet`, and returned
 * either way; a non-zero exit throws with the last lines of that output.
 */
export function run(command, args, { env = process.env, quiet = false, label } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child);
    let output = '';
    const echo = (chunk) => {
      const text = chunk.toString();
      output += text;
      if (!quiet) {
        for (const line of text.split('\n')) {
          if (line.trim() && !/Unknown user config "nodedir"/.test(line)) {
            process.stdout.write(`    ${line}\n`);
          }
        }
      }
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      children.delete(child);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) return resolve({ output, seconds });
      const tail = output.trim().split('\n').slice(-15).join('\n');
      reject(
        new Error(
          `${label ?? `${command} ${args.join(' ')}`} failed (${signal ?? `exit ${code}`}):\n${tail}`,
        ),
      );
    });
  });
}
