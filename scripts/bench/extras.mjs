// The measurements that are not a load: the dashboard's First Load JS, the memory of a full
// CSV export, and how long the embedded database takes to start from nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { serverMemory, startServer, stopServer } from './server.mjs';

/**
 * What a browser downloads to run the signed-in `/customers` page: every script the page's
 * HTML names, gzipped as a server would send them (`next build` no longer prints sizes).
 */
export async function firstLoadJs(server, cookie) {
  const response = await fetch(`${server.origin}/customers`, { headers: { Cookie: cookie } });
  if (!response.ok) throw new Error(`GET /customers answered ${response.status}`);
  const html = await response.text();
  // `noModule` scripts (Next's polyfills) are for browsers without ES modules: current
  // browsers neither download nor run them, and Next's own First Load JS leaves them out.
  const sources = [
    ...new Set(
      [...html.matchAll(/<script([^>]*)>/g)]
        .filter(([, attributes]) => !/\bnomodule\b/i.test(attributes))
        .map(([, attributes]) => /\bsrc="([^"]+\.js[^"]*)"/.exec(attributes)?.[1])
        .filter(Boolean),
    ),
  ];
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const source of sources) {
    const script = await fetch(new URL(source.replaceAll('&amp;', '&'), server.origin));
    if (!script.ok) throw new Error(`GET ${source} answered ${script.status}`);
    const body = Buffer.from(await script.arrayBuffer());
    rawBytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { files: sources.length, rawBytes, gzipBytes };
}

/**
 * Downloads the CSV export of every customer while sampling the server's RSS every 100 ms:
 * a streamed export holds one page of rows at a time, whatever the table's size.
 */
export async function csvExportMemory(server, cookie) {
  const before = serverMemory(server).serving.rssKb;
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, serverMemory(server).serving.rssKb);
      await sleep(100);
    }
  })();
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  try {
    const response = await fetch(`${server.origin}/api/customers/export`, {
      headers: { Cookie: cookie },
      signal: AbortSignal.timeout(30 * 60_000),
    });
    if (!response.ok) throw new Error(`the export answered ${response.status}`);
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
  } finally {
    sampling = false;
    await sampler;
  }
  return {
    seconds: (performance.now() - started) / 1000,
    bytes,
    rows: Math.max(0, lines - 1), // the header line
    rssBeforeKb: before,
    rssPeakKb: peak,
    growthKb: peak - before,
  };
}

/**
 * The README's first start without a database server: `next start` on an empty data folder,
 * timed until the sign-in page answers (PGlite created, migrated and seeded with demo data).
 */
export async function embeddedFirstStart() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-bench-embedded-'));
  const started = performance.now();
  let server;
  try {
    server = await startServer({ databaseUrl: null, pgliteDir: dataDir, label: 'embedded' });
    return { seconds: (performance.now() - started) / 1000 };
  } finally {
    if (server) await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
