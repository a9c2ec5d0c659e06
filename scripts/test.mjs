#!/usr/bin/env node
// `npm test`: every check a change must pass, in the order that fails fastest.
// Formatting, lint and types; vitest against a real database; then a production build and
// the Playwright suite in Chromium against it.
import { spawnSync } from 'node:child_process';

const steps = [
  ['Formatting', 'npx', ['prettier', '--check', '.']],
  ['Lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['Types', 'npx', ['tsc', '--noEmit']],
  ['Unit and integration tests', 'npx', ['vitest', 'run']],
  ['Production build', 'npx', ['next', 'build']],
  ['End-to-end tests', 'node', ['scripts/e2e.mjs']],
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
for (const [title, command, args] of steps) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed after ${seconds}s.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds}s)`);
}
console.log('\nAll checks passed.');
