import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { Redis } from 'ioredis';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import qs from 'node:querystring';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { migrationsCurrent } from './db/migrate.js';
import { AppError, RateLimitedError, ValidationError } from './platform/errors.js';
import type { AppDeps, Flash } from './platform/http/context.js';
import './platform/http/context.js';
import { negotiateLanguage, translator, UI_LANGUAGES } from './platform/i18n/catalog.js';
import { languageInfo } from './platform/i18n/languages.js';
import { loadSession } from './platform/auth/sessions.js';
import { buildAssets } from './web/assets.js';
import { sendPage, setAssetUrls } from './web/render.js';
import { anonymousGet, PageCache } from './platform/http/page-cache.js';
import { ErrorPage } from './web/components/error-page.js';
import { registerModules } from './modules/index.js';
import { registerMailJob } from './platform/mail/mail.js';
import { registerRetentionJob } from './platform/maintenance/retention.js';

export const SESSION_COOKIE = 'ww_session';
const FLASH_COOKIE = 'ww_flash';
export const BODY_LIMIT = 1024 * 1024;
/** Largest file a multipart upload may carry (routes may lower it); images are limited to 10 MB by the media service. */
export const UPLOAD_LIMIT = 10 * 1024 * 1024;

/** The CSRF token of a form body: a urlencoded string, or a multipart field ({ value }). */
function csrfField(field: unknown): string | undefined {
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  return undefined;
}

/** Builds the application without listening (main.ts listens; tests use app.inject()). */
export async function buildApp(config: Config, database: Database, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false || config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // No personal data in logs: route pattern instead of the raw URL (tokens live in paths), no IPs.
            serializers: {
              req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
    trustProxy: typeof config.trustProxy === 'number' ? hopCount(config.trustProxy) : config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: config.trustProxy ? 'x-request-id' : false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  const deps: AppDeps = { config, database, db: database.db };
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie, { secret: config.sessionSecret, hook: 'onRequest' });
  await app.register(formbody, { bodyLimit: BODY_LIMIT, parser: (s) => qs.parse(s) });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    hsts: false, // sent below, only over TLS
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  // multipart/form-data (uploads): fields land in request.body as { value } objects, so the CSRF check below sees the
  // _csrf field. A file is only read when a CSRF token came first (field before the file, or x-csrf-token header;
  // the API uses bearer tokens instead);
  // over the size limit it is cut off and marked `file.truncated` (routes answer 422, not a bare 413).
  await app.register(multipart, {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 50, fieldSize: BODY_LIMIT, parts: 60 },
    onFile: async function (part) {
      // Fields are keyed in arrival order; a token that arrives after the file does not count.
      const keys = Object.keys(part.fields);
      const tokenFirst = csrfField(part.fields._csrf) !== undefined && keys.indexOf('_csrf') < keys.indexOf(part.fieldname);
      if (!this.url.startsWith('/api/') && !this.headers['x-csrf-token'] && !tokenFirst) {
        throw new AppError(403, 'csrf_invalid', 'errors.csrf_invalid');
      }
      await part.toBuffer();
    },
  });
  await app.register(csrf, {
    cookieKey: 'ww_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true },
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = csrfField(body?._csrf);
      return fromBody ?? (req.headers['x-csrf-token'] as string | undefined);
    },
  });
  await app.register(rateLimit, {
    global: false,
    skipOnError: true, // Redis down: keep serving rather than refuse everyone
    ...(config.redisUrl ? { redis: new Redis(config.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false }), nameSpace: 'ww-rl-' } : {}),
    errorResponseBuilder: (_req, context) => new RateLimitedError(Math.ceil(context.ttl / 1000)),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'wegweiser API', version: '1.0.0', description: 'Regions and languages of a wegweiser installation.' },
      components: { securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: 'Per-region API token' } } },
    },
    transform: (input) => {
      if (!input.url.startsWith('/api/v1')) return { schema: { ...input.schema, hide: true }, url: input.url };
      return jsonSchemaTransform(input);
    },
  });

  const assets = await buildAssets();
  setAssetUrls(assets);

  // Per-request context: language, translator, session, flash, CSRF.
  app.decorateRequest('ctx', null as unknown as FastifyRequest['ctx']);
  const readContentVersion = async () => {
    const result = await database.db.execute(sql`SELECT max(id)::text AS v FROM audit_events`);
    return (result as unknown as { rows: { v: string | null }[] }).rows[0]?.v ?? null;
  };
  const pageCache = new PageCache(readContentVersion);
  app.decorate('pageCache', pageCache);
  const pendingFlashes = new WeakMap<FastifyReply, Flash[]>();
  app.decorateReply('flash', function (this: FastifyReply, flash: Flash) {
    const pending = [...(pendingFlashes.get(this) ?? []), flash];
    pendingFlashes.set(this, pending);
    this.setCookie(FLASH_COOKIE, JSON.stringify(pending), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, signed: true, maxAge: 60 });
    return this;
  });
  app.addHook('onRequest', async (request, reply) => {
    const queryLang = (request.query as Record<string, unknown> | undefined)?.lang;
    const negotiated = negotiateLanguage(request.headers['accept-language'], UI_LANGUAGES, 'de');
    const lang = typeof queryLang === 'string' && (UI_LANGUAGES as readonly string[]).includes(queryLang) ? queryLang : negotiated;
    let csrfToken: string | undefined;
    request.ctx = {
      lang,
      dir: languageInfo(lang).direction,
      t: translator(lang),
      actor: null,
      session: null,
      requestId: request.id,
      flashes: [],
      csrfToken: () => (csrfToken ??= reply.generateCsrf()),
    };
    const flashCookie = request.cookies[FLASH_COOKIE];
    if (flashCookie) {
      const unsigned = request.unsignCookie(flashCookie);
      if (unsigned.valid && unsigned.value) {
        try {
          request.ctx.flashes = JSON.parse(unsigned.value) as Flash[];
        } catch {
          /* ignore a broken flash */
        }
      }
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    const raw = request.cookies[SESSION_COOKIE];
    if (raw && !request.url.startsWith('/assets/')) {
      const unsigned = request.unsignCookie(raw);
      const session = unsigned.valid && unsigned.value ? await loadSession(database.db, unsigned.value) : null;
      if (session) {
        request.ctx.session = session;
        // A session that still waits for its second factor is not signed in yet.
        if (session.verified) {
          request.ctx.actor = session.actor;
          if (typeof queryLang !== 'string') {
            request.ctx.lang = session.account.uiLanguage;
            request.ctx.dir = languageInfo(session.account.uiLanguage).direction;
            request.ctx.t = translator(session.account.uiLanguage);
          }
        }
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    // Anonymous readers of public pages: answer from the rendered-page cache when it is fresh.
    if (anonymousGet(request)) {
      await pageCache.refresh();
      if (pageCache.sendCached(request, reply)) return reply;
    }
  });
  // CSRF on every state-changing browser request; the JSON API uses bearer tokens and no cookies.
  app.addHook('preHandler', (request, reply, done) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || request.url.startsWith('/api/')) return done();
    // Anonymous public forms on cached pages (feedback) carry no per-session token; such a route opts out with
    // `config: { csrf: false }` and protects itself (same-origin check, rate limit, no session effects).
    if ((request.routeOptions.config as { csrf?: boolean } | undefined)?.csrf === false) return done();
    app.csrfProtection(request, reply, done);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => handleError(app, error, request, reply));
  app.setNotFoundHandler((request, reply) => handleError(app, new AppError(404, 'not_found', 'errors.not_found'), request, reply));

  // Health: alive, and ready (database reachable, migrations current).
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await database.db.execute(sql`SELECT 1`);
      const current = await migrationsCurrent(database);
      if (!current) return reply.code(503).send({ status: 'migrations_pending' });
      return { status: 'ready', database: database.engine };
    } catch {
      return reply.code(503).send({ status: 'database_unreachable' });
    }
  });
  app.get('/assets/:file', { schema: { hide: true } }, async (request, reply) => {
    const asset = assets.files.get((request.params as { file: string }).file);
    if (!asset) throw new AppError(404, 'not_found', 'errors.not_found');
    return reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').header('etag', `"${asset.hash}"`).send(asset.body);
  });
  app.get('/favicon.svg', { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .send('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d3f8f"/><path d="M8 16h13m-5-6 6 6-6 6" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>'),
  );

  registerMailJob({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom });
  registerRetentionJob();
  await registerModules(app);
  return app;
}

/** TRUST_PROXY=n: trust the n nearest hops (as Express/proxy-addr do). */
function hopCount(n: number) {
  return (_address: string, hop: number) => hop < n;
}

/** RFC 9457 problem+json for the API, a localised page for HTML. 5xx details are logged, never shown. */
function handleError(app: FastifyInstance, error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, { key: string }> = {};
    for (const v of error.validation) fields[v.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(v.params?.issue ?? '_')] = { key: v.message ?? 'validation.invalid' };
    appError = new ValidationError(fields);
  } else if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') appError = new AppError(403, 'csrf_invalid', 'errors.csrf_invalid');
  else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || (error.statusCode === 413 && /^FST_(?:PARTS|FILES|FIELDS)_LIMIT|FST_REQ_FILE_TOO_LARGE/.test(error.code ?? ''))) appError = new AppError(413, 'body_too_large', 'errors.body_too_large');
  else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') appError = new AppError(415, 'unsupported_media_type', 'errors.unsupported_media_type');
  else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error.statusCode === 400 && error.code?.startsWith('FST_')))
    appError = new AppError(400, 'bad_request', 'errors.bad_request');
  else if (error.statusCode === 429) appError = new RateLimitedError(60);
  else {
    request.log.error({ err: error }, 'unhandled error');
    appError = new AppError(500, 'internal', 'errors.internal');
  }
  if (appError instanceof RateLimitedError) reply.header('retry-after', String(appError.retryAfterSeconds));
  const t = request.ctx?.t ?? translator('de');
  const wantsJson = request.url.startsWith('/api/') || (request.headers.accept ?? '').includes('application/json') && !(request.headers.accept ?? '').includes('text/html');
  if (wantsJson) {
    const body: Record<string, unknown> = {
      type: `${app.deps.config.baseUrl}/api/problems/${appError.code}`,
      title: translator('en')(appError.messageKey, appError.params),
      status: appError.status,
      detail: t(appError.messageKey, appError.params),
      code: appError.code,
      instance: request.url.split('?')[0] ?? request.url,
    };
    if (appError instanceof ValidationError) {
      body.errors = Object.entries(appError.fields).map(([field, e]) => ({ field, code: e.key, message: t(e.key, e.params) }));
    }
    return reply.code(appError.status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
  }
  if (!request.ctx) return reply.code(appError.status).type('text/plain; charset=utf-8').send(t(appError.messageKey, appError.params));
  return sendPage(request, reply, <ErrorPage error={appError} />, { status: appError.status });
}
