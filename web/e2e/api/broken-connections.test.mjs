// A browser that navigates away while files are still streaming resets its connections; the
// server must shrug that off. Once it did not: a static file is sent with sendfile, which raises
// SIGPIPE on a reset connection, and the process died. Here a client asks for the largest file of
// the web app many times and resets each connection after the first bytes; the server must still
// answer afterwards, and still be running when stopped.
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { request } from '../support/http.mjs';
import { startServer } from '../support/server.mjs';

/** The largest file under the web app's assets: the longest to stream. */
async function largestAsset(webDir) {
  const dir = path.join(webDir, 'assets');
  let best = null;
  for (const name of await readdir(dir)) {
    const { size } = await stat(path.join(dir, name));
    if (!best || size > best.size) best = { name, size };
  }
  assert.ok(best, `no files in ${dir}`);
  return best;
}

/**
 * Asks for `pathname` on a raw connection and resets it (TCP RST) as soon as the first bytes of
 * the answer arrive, as a browser's cancelled request can.
 */
function askAndReset(port, pathname) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
    });
    socket.once('data', (chunk) => {
      resolve(chunk.toString('latin1').split('\r\n', 1)[0]);
      socket.resetAndDestroy();
    });
    // After the reset the socket may still report it: that is the point, not a failure.
    socket.on('error', reject);
  });
}

describe('connections the client resets', () => {
  let server;
  let asset;

  before(async () => {
    server = await startServer({}, { demoUsers: 5 });
    asset = await largestAsset(server.env.WEB_DIR);
  });

  after(async () => {
    await server?.stop();
  });

  it('reset in the middle of a static file do not stop the server', async () => {
    assert.ok(asset.size > 64 * 1024, `${asset.name} is big enough to be sent in parts`);
    const port = Number(new URL(server.url).port);
    // In waves, so that several files are streaming when their connections go.
    for (let wave = 0; wave < 10; wave += 1) {
      const statuses = await Promise.all(
        Array.from({ length: 8 }, () => askAndReset(port, `/assets/${asset.name}`)),
      );
      for (const status of statuses) assert.match(status, /^HTTP\/1\.1 200/);
    }
    const health = await request(server.url, '/health');
    assert.equal(health.response.status, 200);
    // stop() throws if the server had died on its own in the meantime.
    assert.equal(await server.stop(), 0);
  });
});
