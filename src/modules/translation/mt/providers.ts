/**
 * Machine translation providers: DeepL (API v2) and servers that speak the LibreTranslate API. Both take a batch of
 * texts (HTML fragments or plain text) and return the translations in the same order.
 *
 * Errors are MtProviderError: `retryable` for a provider that is down, slow, overloaded (5xx, 429, network, timeout)
 * — the job tries again later with back-off — and not retryable for a refusal (bad key, unsupported language, quota
 * used up, malformed request), which ends the job with a readable message.
 */
import type { MtProviderName } from '../../guide/schema.js';

export type MtFormat = 'html' | 'text';
export type MtRequest = { source: string; target: string; format: MtFormat };

export interface MtProvider {
  readonly name: MtProviderName;
  translate(texts: string[], request: MtRequest): Promise<string[]>;
}

export type MtProviderConfig = {
  provider: MtProviderName;
  /** Base URL: DeepL `https://api-free.deepl.com` or `https://api.deepl.com`; LibreTranslate server root. */
  endpoint: string;
  apiKey: string | null;
  /** Per request (ms); default 30 s. */
  timeoutMs?: number;
};

export type MtErrorReason = 'unreachable' | 'timeout' | 'server' | 'rate_limited' | 'auth' | 'quota' | 'language' | 'request' | 'response';

export class MtProviderError extends Error {
  constructor(
    readonly reason: MtErrorReason,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'MtProviderError';
  }
  /** Worth trying again later (provider down, slow or overloaded). */
  get retryable(): boolean {
    return this.reason === 'unreachable' || this.reason === 'timeout' || this.reason === 'server' || this.reason === 'rate_limited';
  }
}

/** The official DeepL endpoints (a free key ends in ":fx"). */
export const DEEPL_FREE_ENDPOINT = 'https://api-free.deepl.com';
export const DEEPL_PRO_ENDPOINT = 'https://api.deepl.com';
/** Largest batch per request (DeepL allows 50 texts per request). */
const BATCH = 50;

// ---------- language codes ----------

/** DeepL target codes that need a variant; source codes are the bare language. */
const DEEPL_TARGET: Record<string, string> = { en: 'EN-GB', pt: 'PT-PT', zh: 'ZH-HANS', 'zh-hans': 'ZH-HANS', 'zh-hant': 'ZH-HANT', 'pt-br': 'PT-BR', 'en-us': 'EN-US' };
/** LibreTranslate codes that differ from the bare language. */
const LIBRE: Record<string, string> = { zh: 'zh-Hans', 'zh-hans': 'zh-Hans', 'zh-hant': 'zt' };

/**
 * The provider's code for a content language, or null when the provider cannot translate it. Private-use codes
 * (`de-x-ls`, easy-to-read German) are never machine translated: no provider offers them, and sending them as
 * plain German would produce ordinary German, not easy-to-read text.
 */
export function providerLanguage(provider: MtProviderName, code: string, role: 'source' | 'target'): string | null {
  const lower = code.toLowerCase();
  if (/(^|-)x-/.test(lower) || !/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(lower)) return null;
  const base = lower.split('-')[0] ?? lower;
  if (provider === 'deepl') {
    if (role === 'target') return DEEPL_TARGET[lower] ?? DEEPL_TARGET[base] ?? base.toUpperCase();
    return base.toUpperCase();
  }
  return LIBRE[lower] ?? LIBRE[base] ?? base;
}

/** True when both languages of a pair can be sent to the provider. */
export function pairSupported(provider: MtProviderName, source: string, target: string): boolean {
  return source !== target && providerLanguage(provider, source, 'source') !== null && providerLanguage(provider, target, 'target') !== null;
}

// ---------- HTTP ----------

function endpointUrl(endpoint: string, path: string): string {
  let base: URL;
  try {
    base = new URL(endpoint);
  } catch {
    throw new MtProviderError('request', 'the provider address is not a valid URL');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new MtProviderError('request', 'the provider address must start with https://');
  return new URL(path.replace(/^\//, ''), base.href.endsWith('/') ? base.href : `${base.href}/`).href;
}

function statusError(provider: string, status: number, detail: string): MtProviderError {
  const said = detail ? `: ${detail}` : '';
  if (status === 401 || status === 403) return new MtProviderError('auth', `${provider} refused the API key (HTTP ${status})${said}`, status);
  if (status === 429) return new MtProviderError('rate_limited', `${provider} is busy (HTTP 429, too many requests)`, status);
  if (status === 456) return new MtProviderError('quota', `${provider}: the account's character quota is used up (HTTP 456)`, status);
  if (status >= 500) return new MtProviderError('server', `${provider} is not available (HTTP ${status})${said}`, status);
  if (status === 408) return new MtProviderError('timeout', `${provider} timed out (HTTP 408)`, status);
  return new MtProviderError('request', `${provider} refused the request (HTTP ${status})${said}`, status);
}

/**
 * The provider's own error message (`error` or `message` of a JSON body), at most 200 characters. Other bodies are
 * not repeated: the address is set by region admins, and an answer from some other service must not leak into
 * messages they read.
 */
async function errorDetail(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const data = JSON.parse(text) as unknown;
    if (data && typeof data === 'object') {
      if ('error' in data && typeof data.error === 'string') return data.error.slice(0, 200);
      if ('message' in data && typeof data.message === 'string') return data.message.slice(0, 200);
    }
  } catch {
    /* not JSON */
  }
  return '';
}

async function postJson(provider: string, url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new MtProviderError('timeout', `${provider} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err);
    throw new MtProviderError('unreachable', `${provider} cannot be reached (${cause})`);
  }
  if (!res.ok) throw statusError(provider, res.status, await errorDetail(res));
  try {
    return (await res.json()) as unknown;
  } catch {
    throw new MtProviderError('response', `${provider} sent an answer that is not JSON`);
  }
}

function batches<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function checkCount(provider: string, got: unknown[], want: number): void {
  if (got.length !== want) throw new MtProviderError('response', `${provider} returned ${got.length} translations for ${want} texts`);
}

// ---------- DeepL ----------

/** DeepL API v2: POST {endpoint}/v2/translate, `Authorization: DeepL-Auth-Key …`, tag_handling html. */
export function deeplProvider(config: Omit<MtProviderConfig, 'provider'>): MtProvider {
  const timeoutMs = config.timeoutMs ?? 30_000;
  return {
    name: 'deepl',
    async translate(texts, request) {
      if (texts.length === 0) return [];
      const source = providerLanguage('deepl', request.source, 'source');
      const target = providerLanguage('deepl', request.target, 'target');
      if (!source || !target) throw new MtProviderError('language', `DeepL cannot translate ${request.source} → ${request.target}`);
      if (!config.apiKey) throw new MtProviderError('auth', 'DeepL needs an API key');
      const url = endpointUrl(config.endpoint || (config.apiKey.endsWith(':fx') ? DEEPL_FREE_ENDPOINT : DEEPL_PRO_ENDPOINT), '/v2/translate');
      const out: string[] = [];
      for (const batch of batches(texts)) {
        const body: Record<string, unknown> = { text: batch, source_lang: source, target_lang: target, preserve_formatting: true };
        if (request.format === 'html') body.tag_handling = 'html';
        const data = await postJson('DeepL', url, body, { authorization: `DeepL-Auth-Key ${config.apiKey}` }, timeoutMs);
        const list = data && typeof data === 'object' && 'translations' in data && Array.isArray(data.translations) ? (data.translations as unknown[]) : null;
        if (!list) throw new MtProviderError('response', 'DeepL sent an answer without translations');
        checkCount('DeepL', list, batch.length);
        for (const item of list) {
          if (!item || typeof item !== 'object' || !('text' in item) || typeof item.text !== 'string') throw new MtProviderError('response', 'DeepL sent a translation without text');
          out.push(item.text);
        }
      }
      return out;
    },
  };
}

// ---------- LibreTranslate ----------

/** A LibreTranslate-compatible server: POST {endpoint}/translate { q: [...], source, target, format, api_key }. */
export function libreTranslateProvider(config: Omit<MtProviderConfig, 'provider'>): MtProvider {
  const timeoutMs = config.timeoutMs ?? 30_000;
  return {
    name: 'libretranslate',
    async translate(texts, request) {
      if (texts.length === 0) return [];
      const source = providerLanguage('libretranslate', request.source, 'source');
      const target = providerLanguage('libretranslate', request.target, 'target');
      if (!source || !target) throw new MtProviderError('language', `LibreTranslate cannot translate ${request.source} → ${request.target}`);
      if (!config.endpoint) throw new MtProviderError('request', 'LibreTranslate needs the server address');
      const url = endpointUrl(config.endpoint, '/translate');
      const out: string[] = [];
      for (const batch of batches(texts)) {
        const body: Record<string, unknown> = { q: batch, source, target, format: request.format };
        if (config.apiKey) body.api_key = config.apiKey;
        const data = await postJson('LibreTranslate', url, body, {}, timeoutMs);
        const translated = data && typeof data === 'object' && 'translatedText' in data ? data.translatedText : undefined;
        const list = Array.isArray(translated) ? (translated as unknown[]) : typeof translated === 'string' && batch.length === 1 ? [translated] : null;
        if (!list) throw new MtProviderError('response', 'LibreTranslate sent an answer without translatedText');
        checkCount('LibreTranslate', list, batch.length);
        for (const item of list) {
          if (typeof item !== 'string') throw new MtProviderError('response', 'LibreTranslate sent a translation that is not text');
          out.push(item);
        }
      }
      return out;
    },
  };
}

/** The provider for a region's settings. */
export function createProvider(config: MtProviderConfig): MtProvider {
  return config.provider === 'deepl' ? deeplProvider(config) : libreTranslateProvider(config);
}
