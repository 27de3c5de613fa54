// Token strings: kind-prefixed, 256-bit secrets, and anything else is rejected before any lookup.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatToken, parseTokenKind, tokenHint } from './token-format.ts';

const bytes = new Uint8Array(32).fill(7);

describe('token format', () => {
  it('round-trips every kind', () => {
    for (const kind of ['operator', 'account', 'organization'] as const) {
      assert.equal(parseTokenKind(formatToken(kind, bytes)), kind);
    }
  });
  it('rejects short, long, unprefixed and non-base64url secrets', () => {
    const good = formatToken('account', bytes);
    for (const bad of [
      good.slice(0, -1),
      `${good}A`,
      good.slice(7),
      `${good.slice(0, -1)}!`,
      '',
      'Bearer x',
    ]) {
      assert.equal(parseTokenKind(bad), null, bad);
    }
  });
  it('refuses secrets that are not 32 bytes', () => {
    assert.throws(() => formatToken('operator', new Uint8Array(16)), RangeError);
  });
  it('hints show the kind and a few characters only', () => {
    const token = formatToken('organization', bytes);
    assert.equal(tokenHint(token), `lt_org_${token.slice(7, 11)}…`);
  });
});
