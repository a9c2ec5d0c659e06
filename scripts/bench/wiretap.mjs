// A loopback TCP relay in front of PostgreSQL that reads the frontend half of the wire protocol
// and records every statement the app sends: simple queries (Q) and bound statements (P/B),
// with their parameters. Used for one diagnostic server start only (never while measuring), to
// learn how many statements each request makes and to replay exactly those for the SQL floor.
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

function cstring(buffer, offset) {
  const end = buffer.indexOf(0, offset);
  return { value: buffer.toString('utf8', offset, end), next: end + 1 };
}

/** Reads the frontend messages of one connection and reports statements through `record`. */
function frontendParser(connection, record) {
  let pending = Buffer.alloc(0);
  let started = false;
  const statements = new Map(); // prepared statement name → text, per connection ('' = unnamed)

  function message(type, body) {
    if (type === 'Q') {
      record({ connection, kind: 'simple', text: cstring(body, 0).value, values: [] });
    } else if (type === 'P') {
      const name = cstring(body, 0);
      const text = cstring(body, name.next);
      statements.set(name.value, text.value);
    } else if (type === 'B') {
      const portal = cstring(body, 0);
      const statement = cstring(body, portal.next);
      let offset = statement.next;
      const formatCount = body.readInt16BE(offset);
      offset += 2;
      const formats = [];
      for (let k = 0; k < formatCount; k++, offset += 2) formats.push(body.readInt16BE(offset));
      const valueCount = body.readInt16BE(offset);
      offset += 2;
      const values = [];
      for (let k = 0; k < valueCount; k++) {
        const length = body.readInt32BE(offset);
        offset += 4;
        if (length < 0) {
          values.push(null);
          continue;
        }
        const format = formatCount === 0 ? 0 : formatCount === 1 ? formats[0] : formats[k];
        const bytes = body.subarray(offset, offset + length);
        values.push(format === 0 ? bytes.toString('utf8') : Buffer.from(bytes));
        offset += length;
      }
      record({
        connection,
        kind: 'bound',
        name: statement.value || null,
        text: statements.get(statement.value) ?? '(statement parsed before the tap)',
        values,
      });
    }
  }

  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (!started) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        const code = pending.readInt32BE(4);
        // SSL/GSS negotiation and cancel requests precede (or replace) the startup message.
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST && code !== CANCEL_REQUEST) {
          started = true;
        }
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      message(String.fromCharCode(pending[0]), pending.subarray(5, 1 + length));
      pending = pending.subarray(1 + length);
    }
  };
}

/** Relays 127.0.0.1:<port> to the server of `databaseUrl`; returns the tapped URL and the log. */
export async function startWiretap(databaseUrl) {
  const target = new URL(databaseUrl);
  const events = [];
  const sockets = new Set();
  let connections = 0;
  const server = net.createServer((client) => {
    const connection = ++connections;
    const upstream = net.connect({
      host: target.hostname || '127.0.0.1',
      port: Number(target.port || 5432),
    });
    sockets.add(client).add(upstream);
    const parse = frontendParser(connection, (event) =>
      events.push({ ...event, at: performance.now() }),
    );
    client.on('data', (chunk) => {
      try {
        parse(chunk);
      } catch (error) {
        events.push({ connection, kind: 'error', text: String(error), values: [] });
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tapped = new URL(databaseUrl);
  tapped.hostname = '127.0.0.1';
  tapped.port = String(server.address().port);
  return {
    url: tapped.toString(),
    events,
    /** Everything recorded from index `from` on. */
    since: (from) => events.slice(from),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
