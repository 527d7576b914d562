// Helpers shared by the auth module's tests (not loaded by the app).
import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/client.js';
import { mails } from '../../platform/schema.js';
import type { Browser } from '../../../test/helpers.js';

/** Signs a browser in through the form; returns the response of the POST. */
export function signIn(browser: Browser, email: string, password: string, next?: string): Promise<LightMyRequestResponse> {
  return browser.submit(next ? `/login?next=${encodeURIComponent(next)}` : '/login', { email, password, ...(next ? { next } : {}) }, { formUrl: '/login' });
}

/** The newest mail to an address. */
export async function lastMailTo(db: Db, to: string) {
  const [mail] = await db.select().from(mails).where(eq(mails.to, to)).orderBy(desc(mails.createdAt)).limit(1);
  return mail;
}

/** The path of the first link to `prefix` in a mail text (e.g. "/invitation/"). */
export function linkPath(text: string, prefix: string): string {
  const match = new RegExp(`https?://[^/\\s]+(${prefix}[A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${prefix} link in mail`);
  return match[1];
}

/** The body without per-request values (CSRF tokens), for comparing two responses. */
export function stableBody(body: string): string {
  return body.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');
}
