/**
 * A real local HTTP server that speaks the LibreTranslate API (POST /translate, GET /languages) and DeepL's
 * POST /v2/translate, for tests of the machine translation clients and jobs. Its "translation" is deterministic:
 * every run of text between tags gets the target code in front (`Pass.` → `[ar] Pass.`), tags stay as they are.
 *
 * Knobs: `apiKey` (required key; wrong or missing → 403), `failWith` (answer every translate call with this HTTP
 * status, e.g. 503 for "provider down"), `delayMs`. It counts requests and keeps the texts it was asked to translate.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMtServer = {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Translate requests received (LibreTranslate and DeepL). */
  requests: number;
  /** Every text sent for translation, in order. */
  texts: string[];
  /** Bodies of the translate requests (parsed JSON). */
  bodies: Record<string, unknown>[];
  /** Authorization headers of DeepL requests. */
  authorizations: string[];
  apiKey: string | null;
  failWith: number | null;
  delayMs: number;
  reset(): void;
  close(): Promise<void>;
};

/** The fake translation: `[target] ` before every run of text, tags (and entities) untouched. */
export function fakeTranslate(text: string, target: string, format: 'html' | 'text'): string {
  const mark = (run: string) => run.replace(/^(\s*)(\S[\s\S]*)$/, (_m, lead: string, rest: string) => `${lead}[${target}] ${rest}`);
  if (format === 'text') return mark(text);
  return text.split(/(<[^>]*>)/).map((part) => (part.startsWith('<') || !/\S/.test(part) ? part : mark(part))).join('');
}

const LANGUAGES = ['de', 'en', 'ar', 'fa', 'uk', 'tr', 'ru', 'fr', 'es', 'it', 'pl'];

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Starts the server on a free port (127.0.0.1). Close it in `after()`. */
export async function startFakeMtServer(opts: { apiKey?: string | null } = {}): Promise<FakeMtServer> {
  const state = {
    url: '',
    requests: 0,
    texts: [] as string[],
    bodies: [] as Record<string, unknown>[],
    authorizations: [] as string[],
    apiKey: opts.apiKey ?? null,
    failWith: null as number | null,
    delayMs: 0,
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method === 'GET' && path === '/languages') {
        send(res, 200, LANGUAGES.map((code) => ({ code, name: code, targets: LANGUAGES.filter((l) => l !== code) })));
        return;
      }
      if (req.method !== 'POST' || (path !== '/translate' && path !== '/v2/translate')) {
        send(res, 404, { error: 'Not found' });
        return;
      }
      const raw = await readBody(req);
      state.requests += 1;
      if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
      if (state.failWith) {
        send(res, state.failWith, { error: `failing with ${state.failWith}` });
        return;
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        send(res, 400, { error: 'Invalid request: body is not JSON' });
        return;
      }
      state.bodies.push(body);

      if (path === '/v2/translate') {
        const auth = String(req.headers.authorization ?? '');
        state.authorizations.push(auth);
        if (state.apiKey !== null && auth !== `DeepL-Auth-Key ${state.apiKey}`) {
          send(res, 403, { message: 'Wrong endpoint or authorization key' });
          return;
        }
        const texts = Array.isArray(body.text) ? body.text.map(String) : null;
        const target = typeof body.target_lang === 'string' ? body.target_lang : '';
        if (!texts || !target) {
          send(res, 400, { message: "Parameter 'text' or 'target_lang' not specified." });
          return;
        }
        state.texts.push(...texts);
        const format = body.tag_handling === 'html' ? 'html' : 'text';
        send(res, 200, { translations: texts.map((text) => ({ detected_source_language: String(body.source_lang ?? 'DE'), text: fakeTranslate(text, target, format) })) });
        return;
      }

      if (state.apiKey !== null && body.api_key !== state.apiKey) {
        send(res, 403, { error: 'Invalid API key' });
        return;
      }
      const { q, source, target } = body;
      const format = body.format === 'html' ? 'html' : 'text';
      if (typeof source !== 'string' || typeof target !== 'string' || !LANGUAGES.includes(target) || (source !== 'auto' && !LANGUAGES.includes(source))) {
        send(res, 400, { error: `${String(target)} is not supported` });
        return;
      }
      if (typeof q === 'string') {
        state.texts.push(q);
        send(res, 200, { translatedText: fakeTranslate(q, target, format) });
      } else if (Array.isArray(q)) {
        const texts = q.map(String);
        state.texts.push(...texts);
        send(res, 200, { translatedText: texts.map((text) => fakeTranslate(text, target, format)) });
      } else send(res, 400, { error: 'Invalid request: missing q parameter' });
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String(err) });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  return Object.assign(state, {
    reset() {
      state.requests = 0;
      state.texts = [];
      state.bodies = [];
      state.authorizations = [];
      state.failWith = null;
      state.delayMs = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
