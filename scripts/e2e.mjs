#!/usr/bin/env node
// `npm run test:e2e`: the Playwright suite against the production build (`next build` first).
// Gives the run its own database and removes it afterwards: a fresh database on the
// DATABASE_URL server when set (migrated and seeded here), else a fresh embedded folder that
// the server migrates and seeds itself at start.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

if (!fs.existsSync('.next/BUILD_ID')) {
  console.error('No production build found: run `npx next build` first (npm test does).');
  process.exit(1);
}

const suffix = randomBytes(4).toString('hex');
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString('base64url'),
  SANDBOX: 'true',
  E2E_PORT: String(await freePort()),
};

const serverUrl = process.env.DATABASE_URL;
let cleanup;
if (serverUrl) {
  const name = `cc_e2e_${suffix}`;
  await admin(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = () => admin(serverUrl, `drop database if exists "${name}" with (force)`);
  for (const script of ['db/migrate.ts', 'db/seed.ts']) {
    run('npx', ['tsx', '--conditions=react-server', script], env);
  }
} else {
  const dir = path.join(process.cwd(), '.data', `e2e-${suffix}`);
  env.PGLITE_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

let status = 1;
try {
  status =
    spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env,
    }).status ?? 1;
} finally {
  await cleanup();
}
process.exit(status);

function run(command, args, runEnv) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: runEnv });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
}

async function admin(url, statement) {
  const target = new URL(url);
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
