// Graceful shutdown: SIGTERM ends the server with exit code 0.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { request } from '../support/http.mjs';
import { startServer } from '../support/server.mjs';

describe('process lifecycle', () => {
  it('exits with code 0 after SIGTERM', async () => {
    const server = await startServer();
    try {
      const { response } = await request(server.url, '/health');
      assert.equal(response.status, 200);
    } finally {
      const code = await server.stop();
      assert.equal(code, 0, `exit code after SIGTERM\n${server.output()}`);
    }
  });
});
