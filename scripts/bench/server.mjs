// The production server under test: build, start in its own process group, wait, sign in,
// read its memory, stop (the whole group, so no `next-server` child keeps the port).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { run } from './exec.mjs';

export const DIST_DIR = '.next-bench';
/** The NODE_OPTIONS of package.json's `start` script, so the bench runs the server as deployed. */
const START_NODE_OPTIONS =
  JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start.match(
    /NODE_OPTIONS=(\S+)/,
  )?.[1] ?? '';
const STAFF = { email: 'admin@example.com', password: 'console-demo-2026' };
/** Sign-in throttling is per client address; a fixed documentation address keeps it one. */
const CLIENT_ADDRESS = '203.0.113.77';
const LOG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-'));

/**
 * `next build` in two steps, compile then generate: the same output without the type check,
 * which would fail the benchmark on any half-edited file of a shared work tree and rewrites
 * the tracked tsconfig.json for a custom distDir (type checking is `npm test`'s job).
 */
/** Server logs are evidence only when something failed. */
export function serverLogs({ keep }) {
  if (keep) return LOG_DIR;
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  return null;
}

export async function buildApp() {
  const env = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' };
  delete env.DATABASE_URL; // the build must never need one
  const tsconfig = fs.readFileSync('tsconfig.json', 'utf8');
  let seconds = 0;
  try {
    for (const mode of ['compile', 'generate']) {
      const step = await run('npx', ['next', 'build', '--experimental-build-mode', mode], {
        env,
        quiet: true,
        label: `next build --experimental-build-mode ${mode} (${DIST_DIR})`,
      });
      seconds += step.seconds;
    }
  } finally {
    restoreTsconfig(tsconfig);
  }
  return { seconds };
}

/** Undoes Next's tsconfig.json rewrite for our distDir, and nothing else anyone changed. */
function restoreTsconfig(before) {
  const now = fs.readFileSync('tsconfig.json', 'utf8');
  if (now === before) return;
  try {
    const parsed = JSON.parse(now);
    parsed.include = parsed.include?.filter((entry) => !entry.startsWith(`${DIST_DIR}/`));
    if (JSON.stringify(parsed) === JSON.stringify(JSON.parse(before))) {
      fs.writeFileSync('tsconfig.json', before);
    }
  } catch {
    // someone else's edit in progress: leave it alone
  }
}

export function assertBuilt() {
  if (!fs.existsSync(path.join(DIST_DIR, 'BUILD_ID'))) {
    throw new Error(`No build in ${DIST_DIR}: run without --skip-build first.`);
  }
}

export function freePort() {
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

/** One secret for every start, so a session signed in on one start stays valid on the next. */
const AUTH_SECRET = randomBytes(32).toString('base64url');
const running = new Set();

/**
 * Starts `next start` on a free loopback port against `databaseUrl` (or, when it is null, the
 * embedded database in `pgliteDir`), detached into its own process group, and waits until it
 * serves pages.
 */
export async function startServer({ databaseUrl, pgliteDir, label }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(LOG_DIR, `server-${label}.log`);
  const log = fs.openSync(logFile, 'w');
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: AUTH_SECRET,
    // better-auth checks the Origin of a sign-in against its base URL.
    BETTER_AUTH_URL: origin,
    BENCHMARK: '1',
    API_RATE_LIMIT: '1000000',
    // As `npm start` runs it (package.json): V8's heap capped, so memory stays bounded.
    NODE_OPTIONS: START_NODE_OPTIONS,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.PGLITE_DIR;
  if (databaseUrl === null) {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = pgliteDir;
  }
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    { env, detached: true, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  const server = { child, pid: child.pid, port, origin, logFile, label, exited: false };
  child.on('exit', () => (server.exited = true));
  running.add(server);
  try {
    await waitUntilServing(server);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return server;
}

async function waitUntilServing(server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exited) {
      throw new Error(`The server (${server.label}) exited during start-up:\n${logTail(server)}`);
    }
    try {
      const response = await fetch(`${server.origin}/sign-in`, {
        redirect: 'manual',
        signal: AbortSignal.timeout(5_000),
      });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(
    `The server (${server.label}) did not answer within ${timeoutMs / 1000} s:\n${logTail(server)}`,
  );
}

export function logTail(server, lines = 20) {
  try {
    return fs.readFileSync(server.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function portFree(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** SIGTERM to the whole process group, SIGKILL after 10 s; returns once the port is free. */
export async function stopServer(server) {
  if (!running.has(server)) return;
  running.delete(server);
  const signal = (name) => {
    try {
      process.kill(-server.pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  for (let waited = 0; groupAlive(server.pid) && waited < 10_000; waited += 100) await sleep(100);
  if (groupAlive(server.pid)) signal('SIGKILL');
  for (let waited = 0; groupAlive(server.pid) && waited < 5_000; waited += 100) await sleep(100);
  for (let waited = 0; !(await portFree(server.port)) && waited < 10_000; waited += 200) {
    await sleep(200);
  }
  if (!(await portFree(server.port))) {
    throw new Error(
      `Port ${server.port} is still bound after stopping the server (${server.label}).`,
    );
  }
}

export async function stopAllServers() {
  for (const server of [...running]) await stopServer(server).catch(() => undefined);
}

/** Synchronous last resort (process exit): kill every group we started. */
export function killAllServersNow() {
  for (const server of running) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

function descendants(pid) {
  const found = [];
  const stack = [pid];
  while (stack.length) {
    const current = stack.pop();
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${current}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = fs.readFileSync(`/proc/${current}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.trim().split(/\s+/).filter(Boolean)) {
        found.push(Number(child));
        stack.push(Number(child));
      }
    }
  }
  return found;
}

function processMemory(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) =>
      Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
    // The title `next start` gives itself (`next-server (v16…)`) is longer than Name's 15 chars.
    const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
    const name = title || (status.match(/^Name:\s+(.*)$/m)?.[1] ?? '?');
    return { pid, name, rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
  } catch {
    return null;
  }
}

/**
 * The process that serves requests: `next start` may run the server in a child
 * (`next-server`); that child, when there is one, else the process we spawned.
 */
export function serverMemory(server) {
  const processes = [server.pid, ...descendants(server.pid)].map(processMemory).filter(Boolean);
  const serving =
    processes.find((p) => p.name.startsWith('next-server')) ??
    processes.reduce((a, b) => (b.rssKb > a.rssKb ? b : a));
  const groupRssKb = processes.reduce((sum, p) => sum + p.rssKb, 0);
  return { serving, processes, groupRssKb };
}

/** A staff session for the dashboard, as a Cookie header. */
export async function signIn(server) {
  const response = await fetch(`${server.origin}/api/auth/sign-in/email`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/json',
      Origin: server.origin,
      'X-Forwarded-For': CLIENT_ADDRESS,
    },
    body: JSON.stringify(STAFF),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  if (!response.ok || !cookies.some((cookie) => cookie.includes('session_token='))) {
    throw new Error(
      `Sign-in as ${STAFF.email} failed: ${response.status} ${(await response.text()).slice(0, 300)}`,
    );
  }
  return cookies.join('; ');
}
