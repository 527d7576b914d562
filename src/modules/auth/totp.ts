import { Secret, TOTP } from 'otpauth';

const ISSUER = 'wegweiser';

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** A new random base32 secret (160 bits, as RFC 4226 recommends). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI authenticator apps read. */
export function totpUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/**
 * The time step (unix time / 30 s) the 6-digit code belongs to when it matches now (± one step for clock drift),
 * else null. The caller refuses a step it has accepted before (a code works once).
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  try {
    const totp = totpFor(secret, 'check');
    const delta = totp.validate({ token: clean, timestamp: now, window: 1 });
    return delta === null ? null : totp.counter({ timestamp: now }) + delta;
  } catch {
    return null;
  }
}

/** The secret grouped in fours for reading and typing. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}
