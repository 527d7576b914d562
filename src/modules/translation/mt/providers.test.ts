import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeMtServer, type FakeMtServer } from '../../../../test/support/libretranslate-server.js';
import { deeplProvider, libreTranslateProvider, MtProviderError, pairSupported, providerLanguage } from './providers.js';

describe('machine translation providers', () => {
  let server: FakeMtServer;
  before(async () => {
    server = await startFakeMtServer({ apiKey: 'k-123' });
  });
  beforeEach(() => server.reset());
  after(() => server.close());

  it('maps language codes; easy-to-read German is never sent', () => {
    assert.equal(providerLanguage('deepl', 'en', 'target'), 'EN-GB');
    assert.equal(providerLanguage('deepl', 'pt', 'target'), 'PT-PT');
    assert.equal(providerLanguage('deepl', 'en', 'source'), 'EN');
    assert.equal(providerLanguage('deepl', 'ar', 'target'), 'AR');
    assert.equal(providerLanguage('libretranslate', 'fa', 'target'), 'fa');
    assert.equal(providerLanguage('libretranslate', 'de-x-ls', 'target'), null);
    assert.equal(pairSupported('deepl', 'de', 'de-x-ls'), false);
    assert.equal(pairSupported('libretranslate', 'de', 'ar'), true);
  });

  it('LibreTranslate: sends a batch as q, keeps HTML tags, returns the texts in order', async () => {
    const p = libreTranslateProvider({ endpoint: server.url, apiKey: 'k-123' });
    const out = await p.translate(['Sie brauchen einen <strong>gültigen</strong> <a href="/pass">Pass</a>.', 'Foto'], { source: 'de', target: 'ar', format: 'html' });
    assert.deepEqual(out, ['[ar] Sie brauchen einen <strong>[ar] gültigen</strong> <a href="/pass">[ar] Pass</a>[ar] .', '[ar] Foto']);
    assert.equal(server.requests, 1);
    assert.deepEqual(server.bodies[0], { q: ['Sie brauchen einen <strong>gültigen</strong> <a href="/pass">Pass</a>.', 'Foto'], source: 'de', target: 'ar', format: 'html', api_key: 'k-123' });
  });

  it('LibreTranslate: a wrong key is a readable refusal (not retried); a 503 is retryable', async () => {
    const wrong = libreTranslateProvider({ endpoint: server.url, apiKey: 'nope' });
    await assert.rejects(wrong.translate(['Hallo'], { source: 'de', target: 'en', format: 'text' }), (e: unknown) => e instanceof MtProviderError && e.reason === 'auth' && !e.retryable && /Invalid API key/.test(e.message));
    server.failWith = 503;
    const p = libreTranslateProvider({ endpoint: server.url, apiKey: 'k-123' });
    await assert.rejects(p.translate(['Hallo'], { source: 'de', target: 'en', format: 'text' }), (e: unknown) => e instanceof MtProviderError && e.reason === 'server' && e.retryable);
  });

  it('LibreTranslate: an unsupported language is a refusal', async () => {
    const p = libreTranslateProvider({ endpoint: server.url, apiKey: 'k-123' });
    await assert.rejects(p.translate(['Hallo'], { source: 'de', target: 'ti', format: 'text' }), (e: unknown) => e instanceof MtProviderError && e.reason === 'request' && !e.retryable);
  });

  it('a server that is not there, or too slow, is retryable', async () => {
    const gone = await startFakeMtServer();
    const url = gone.url;
    await gone.close();
    const p = libreTranslateProvider({ endpoint: url, apiKey: null });
    await assert.rejects(p.translate(['Hallo'], { source: 'de', target: 'en', format: 'text' }), (e: unknown) => e instanceof MtProviderError && e.reason === 'unreachable' && e.retryable);
    server.delayMs = 300;
    const slow = libreTranslateProvider({ endpoint: server.url, apiKey: 'k-123', timeoutMs: 50 });
    await assert.rejects(slow.translate(['Hallo'], { source: 'de', target: 'en', format: 'text' }), (e: unknown) => e instanceof MtProviderError && e.reason === 'timeout' && e.retryable);
  });

  it('DeepL: POST /v2/translate with the DeepL-Auth-Key header, tag_handling html and EN-GB', async () => {
    const p = deeplProvider({ endpoint: server.url, apiKey: 'k-123' });
    const out = await p.translate(['Ein <em>kurzer</em> Satz.'], { source: 'de', target: 'en', format: 'html' });
    assert.deepEqual(out, ['[EN-GB] Ein <em>[EN-GB] kurzer</em> [EN-GB] Satz.']);
    assert.deepEqual(server.authorizations, ['DeepL-Auth-Key k-123']);
    assert.equal(server.bodies[0]?.tag_handling, 'html');
    assert.equal(server.bodies[0]?.source_lang, 'DE');
    assert.equal(server.bodies[0]?.target_lang, 'EN-GB');
  });

  it('DeepL: a wrong key (403) and a used-up quota (456) are refusals with readable messages', async () => {
    const wrong = deeplProvider({ endpoint: server.url, apiKey: 'other' });
    await assert.rejects(wrong.translate(['Hallo'], { source: 'de', target: 'ar', format: 'text' }), (e: unknown) => e instanceof MtProviderError && e.reason === 'auth' && /API key/.test(e.message));
    server.failWith = 456;
    const p = deeplProvider({ endpoint: server.url, apiKey: 'k-123' });
    await assert.rejects(p.translate(['Hallo'], { source: 'de', target: 'ar', format: 'text' }), (e: unknown) => e instanceof MtProviderError && e.reason === 'quota' && !e.retryable);
    server.failWith = 429;
    await assert.rejects(p.translate(['Hallo'], { source: 'de', target: 'ar', format: 'text' }), (e: unknown) => e instanceof MtProviderError && e.retryable);
  });

  it('sends large batches in several requests', async () => {
    const p = deeplProvider({ endpoint: server.url, apiKey: 'k-123' });
    const texts = Array.from({ length: 120 }, (_, i) => `Satz ${i}`);
    const out = await p.translate(texts, { source: 'de', target: 'uk', format: 'text' });
    assert.equal(out.length, 120);
    assert.equal(out[119], '[UK] Satz 119');
    assert.equal(server.requests, 3);
  });

  it('does not repeat a body that is not the provider JSON error (the address is set by region admins)', async () => {
    const { createServer } = await import('node:http');
    const other = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html>internal admin console, password=hunter2</html>');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const address = other.address();
    const port = address && typeof address === 'object' ? address.port : 0;
    const p = libreTranslateProvider({ endpoint: `http://127.0.0.1:${port}`, apiKey: null });
    await assert.rejects(p.translate(['Hallo'], { source: 'de', target: 'en', format: 'text' }), (e: unknown) => e instanceof MtProviderError && e.message === 'LibreTranslate refused the request (HTTP 404)');
    await new Promise<void>((r) => other.close(() => r()));
  });
});
