import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveTotpKey, isSealed, openSecret, sealSecret, SecretBoxError } from './secret-box.js';

const key = deriveTotpKey('a'.repeat(48));
const plain = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The sealed value with one character of the given part (1 iv, 2 tag, 3 ciphertext) changed. */
function tamper(sealed: string, part: number): string {
  const parts = sealed.split(':');
  const text = parts[part] ?? '';
  parts[part] = (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
  return parts.join(':');
}

describe('secret box', () => {
  it('round-trips and never stores the plain value', () => {
    const sealed = sealSecret(key, plain, 'account-1');
    assert.ok(isSealed(sealed));
    assert.match(sealed, /^v1:[\w-]+:[\w-]+:[\w-]+$/);
    assert.equal(sealed.includes(plain), false);
    assert.equal(openSecret(key, sealed, 'account-1'), plain);
    assert.notEqual(sealSecret(key, plain, 'account-1'), sealed, 'a fresh IV each time');
  });

  it('rejects a changed ciphertext, tag or IV', () => {
    const sealed = sealSecret(key, plain);
    for (const part of [1, 2, 3]) assert.throws(() => openSecret(key, tamper(sealed, part)), SecretBoxError, `part ${part}`);
    assert.throws(() => openSecret(key, sealed.slice(0, -2)), SecretBoxError, 'truncated');
    assert.throws(() => openSecret(key, 'v1:abc'), SecretBoxError, 'malformed');
  });

  it('rejects another key and another context', () => {
    const sealed = sealSecret(key, plain, 'account-1');
    assert.throws(() => openSecret(deriveTotpKey('b'.repeat(48)), sealed, 'account-1'), SecretBoxError);
    assert.throws(() => openSecret(key, sealed, 'account-2'), SecretBoxError);
  });

  it('tells plain values from sealed ones', () => {
    assert.equal(isSealed(plain), false);
  });
});
