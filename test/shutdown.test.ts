import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { childEnv, ENGINES, freePort, freshPostgres, sleep, startMain, tempDir } from './child-process.js';

/** Opens a raw connection and sends a POST whose body is held back, so the request stays in flight. */
function startSlowRequest(port: number, body: string): Promise<{ socket: Socket; response: Promise<string>; finish(): void }> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const response = new Promise<string>((answered) => {
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (received += d));
      socket.on('close', () => answered(received));
      socket.on('error', () => answered(received));
    });
    socket.once('error', fail);
    socket.once('connect', () => {
      const half = Math.floor(body.length / 2);
      socket.write(
        'POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, half)}`,
      );
      done({ socket, response, finish: () => socket.write(body.slice(half)) });
    });
  });
}

describe('graceful shutdown on SIGTERM', () => {
  for (const engine of ENGINES) {
    test(engine, async () => {
      const dir = tempDir('ww-shutdown-');
      const pgdb = engine === 'postgres' ? await freshPostgres('ww_shut') : null;
      try {
        const port = await freePort();
        const server = await startMain(childEnv({ DATA_DIR: dir.path, ...(pgdb ? { DATABASE_URL: pgdb.url } : {}) }), port);
        // A request in flight: headers and half the body sent, the rest follows after SIGTERM.
        const slow = await startSlowRequest(port, 'email=someone%40example.org&password=not-the-password&_csrf=none');
        await sleep(200);
        server.proc.kill('SIGTERM');
        await sleep(500);
        assert.equal(server.proc.exitCode, null, 'the server waits for the request in flight');
        slow.finish();
        const response = await slow.response;
        assert.match(response, /^HTTP\/1\.1 \d{3} /, `the in-flight request got a complete answer, got: ${response.slice(0, 200)}`);
        assert.doesNotMatch(response, /^HTTP\/1\.1 5\d\d /, 'not a 5xx');
        const result = await server.exited;
        assert.equal(result.code, 0, `exit code 0 after SIGTERM\nstderr: ${result.stderr}`);
        assert.equal(result.signal, null);
        // Nobody listens any more.
        await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`));
      } finally {
        await pgdb?.drop();
        dir.remove();
      }
    });
  }
});
