/**
 * A real local HTTP server that serves iCalendar feeds whose bodies a test changes between imports: for tests of the
 * iCal import (src/modules/events/import.ts) and of anything that fetches a feed.
 *
 * Each path ("/city.ics") has a body set with `set(path, body)`; unknown paths answer 404. With `validators` on (the
 * default) it sends a strong ETag (a hash of the body) and a Last-Modified (when the body was set), and answers
 * 304 to a matching If-None-Match or If-Modified-Since — like a well-behaved calendar server.
 *
 * Knobs (per server): `mode` — 'ok'; 'error' answers `status` (default 500); 'slow' waits `delayMs` before
 * answering; 'stall' sends the headers and the first bytes, then waits `delayMs` before the rest; 'huge' streams
 * `hugeBytes` of calendar text without a Content-Length; `contentType`. It keeps the requests it got (path and
 * headers) so tests can check what was sent.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type IcalRequest = { path: string; headers: IncomingHttpHeaders };

export type FakeIcalServer = {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The full URL of a path ("/city.ics"). */
  url(path: string): string;
  set(path: string, body: string): void;
  mode: 'ok' | 'error' | 'slow' | 'stall' | 'huge';
  status: number;
  delayMs: number;
  hugeBytes: number;
  validators: boolean;
  contentType: string;
  requests: IcalRequest[];
  reset(): void;
  close(): Promise<void>;
};

type Entry = { body: string; etag: string; lastModified: string };

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server on a free port (127.0.0.1). Close it in `after()`. */
export async function startIcalServer(): Promise<FakeIcalServer> {
  const entries = new Map<string, Entry>();
  const state: FakeIcalServer = {
    origin: '',
    url: (path) => `${state.origin}${path}`,
    set(path, body) {
      // Last-Modified has one-second resolution; a body changed within the same second must still count as newer.
      const previous = entries.get(path);
      let at = Math.floor(Date.now() / 1000) * 1000;
      if (previous && Date.parse(previous.lastModified) >= at) at = Date.parse(previous.lastModified) + 1000;
      entries.set(path, { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 20)}"`, lastModified: new Date(at).toUTCString() });
    },
    mode: 'ok',
    status: 500,
    delayMs: 2000,
    hugeBytes: 6 * 1024 * 1024,
    validators: true,
    contentType: 'text/calendar; charset=utf-8',
    requests: [],
    reset() {
      state.mode = 'ok';
      state.status = 500;
      state.delayMs = 2000;
      state.validators = true;
      state.contentType = 'text/calendar; charset=utf-8';
      state.requests = [];
    },
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      state.requests.push({ path, headers: req.headers });
      if (state.mode === 'slow') await wait(state.delayMs);
      if (state.mode === 'error') {
        res.writeHead(state.status, { 'content-type': 'text/plain' });
        res.end('error');
        return;
      }
      if (state.mode === 'huge') {
        res.writeHead(200, { 'content-type': state.contentType });
        const chunk = Buffer.from(`X-FILLER:${'x'.repeat(1000)}\r\n`);
        for (let sent = 0; sent < state.hugeBytes && !res.destroyed; sent += chunk.length) {
          if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
        }
        res.end();
        return;
      }
      const entry = entries.get(path);
      if (!entry) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      const headers: Record<string, string | number> = { 'content-type': state.contentType };
      if (state.validators) {
        headers.etag = entry.etag;
        headers['last-modified'] = entry.lastModified;
        const inm = req.headers['if-none-match'];
        const ims = req.headers['if-modified-since'];
        const fresh = inm ? inm.split(',').some((v) => v.trim() === entry.etag) : ims ? Date.parse(ims) >= Date.parse(entry.lastModified) : false;
        if (fresh) {
          res.writeHead(304, headers);
          res.end();
          return;
        }
      }
      const body = Buffer.from(entry.body);
      if (state.mode === 'stall') {
        res.writeHead(200, headers);
        res.write(body.subarray(0, Math.min(20, body.length)));
        await wait(state.delayMs);
        if (!res.destroyed) res.end(body.subarray(Math.min(20, body.length)));
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': body.length });
      res.end(body);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    });
  return state;
}

/** Joins content lines with CRLF and a final CRLF (test feeds are written as arrays of lines). */
export function ics(lines: readonly string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}
