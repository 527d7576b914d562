import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Raised when an environment variable is invalid; `message` is one line naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

const booleanish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL (${protocols.join(', ')})` },
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number({ error: 'must be a whole number from 0 to 65535' }).int('must be a whole number from 0 to 65535').min(0, 'must be a whole number from 0 to 65535').max(65535, 'must be a whole number from 0 to 65535').default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: url(['http:', 'https:']).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('wegweiser <noreply@localhost>'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | number | string => {
      if (['true', '1', 'yes'].includes(v)) return true;
      if (['false', '0', 'no', ''].includes(v)) return false;
      if (/^\d+$/.test(v)) return Number(v);
      return v; // comma-separated addresses / CIDR ranges, as Fastify accepts them
    }),
  REQUIRE_ADMIN_2FA: booleanish.default(false),
  WORKER: z.enum(['inline', 'off']).default('inline'),
  SEED_DEMO: booleanish.optional(),
  /** Let editors import iCal feeds from private and loopback addresses (intranet calendars; tests). */
  FEEDS_ALLOW_PRIVATE_HOSTS: booleanish.default(false),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string;
  logLevel: string;
  trustProxy: boolean | number | string;
  requireAdmin2fa: boolean;
  /** `inline`: the web process also runs the job worker; `off`: run `wegweiser worker` separately. */
  worker: 'inline' | 'off';
  /** Seed the demo region on an empty database (never in production). */
  seedDemo: boolean;
  /** True when the public URL is https: cookies get `Secure`, HSTS is sent. */
  secureCookies: boolean;
  /** iCal import may fetch from private, loopback and link-local addresses. */
  feedsAllowPrivateHosts: boolean;
};

/** Reads the session secret from DATA_DIR, creating it on first start. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** Turns the environment into a validated config; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    // The value itself is not echoed: it may be a secret or a URL with a password.
    throw new ConfigError(variable, issue?.message ?? 'is invalid');
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const baseUrl = (e.BASE_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/$/, '');
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET && e.DATABASE_URL) {
    // Several instances must share one secret; a generated file is per machine.
    throw new ConfigError('SESSION_SECRET', 'must be set in production when DATABASE_URL is used (shared by all instances)');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret: e.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    requireAdmin2fa: e.REQUIRE_ADMIN_2FA,
    worker: e.WORKER,
    seedDemo: e.NODE_ENV === 'production' ? false : (e.SEED_DEMO ?? true),
    secureCookies: baseUrl.startsWith('https:'),
    feedsAllowPrivateHosts: e.FEEDS_ALLOW_PRIVATE_HOSTS,
  };
}
