import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';

/**
 * Small secrets at rest (TOTP secrets): AES-256-GCM with a key derived from the session secret.
 * Stored form: `v1:<iv>:<tag>:<ciphertext>`, each base64url. Pure functions; callers pass the key.
 */

const PREFIX = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The AES-256 key for TOTP secrets: HKDF-SHA256 of the session secret (info "wegweiser totp v1"). */
export function deriveTotpKey(sessionSecret: string): KeyObject {
  const bytes = hkdfSync('sha256', Buffer.from(sessionSecret, 'utf8'), Buffer.alloc(0), 'wegweiser totp v1', 32);
  return createSecretKey(Buffer.from(bytes));
}

/** True when the stored value is sealed (else it is a plain value written before encryption existed). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${PREFIX}:`);
}

/**
 * Encrypts `plain`. `context` (e.g. the account id) is authenticated but not stored: a sealed value copied to
 * another row does not open there.
 */
export function sealSecret(key: KeyObject, plain: string, context = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [PREFIX, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':');
}

/** Thrown when a sealed value is malformed, was changed, or was sealed with another key or context. */
export class SecretBoxError extends Error {
  constructor() {
    super('sealed secret cannot be opened');
  }
}

/** Decrypts a value from sealSecret; throws SecretBoxError when it cannot be opened. */
export function openSecret(key: KeyObject, sealed: string, context = ''): string {
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== PREFIX) throw new SecretBoxError();
  const [, ivText = '', tagText = '', ciphertextText = ''] = parts;
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  const ciphertext = Buffer.from(ciphertextText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError();
  }
}
