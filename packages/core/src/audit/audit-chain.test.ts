// The chain detects every kind of tampering: edited content, removed events, relinked events.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AuditContent,
  auditHash,
  GENESIS_HASH,
  type StoredAuditEvent,
  verifyChain,
} from './audit-chain.ts';

function chain(n: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: AuditContent = {
      chainId: 'acct_x',
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      actorType: 'token',
      actorId: 'tok_1',
      action: 'organization.created',
      targetType: 'organization',
      targetId: `org_${seq}`,
      changes: { name: `Org ${seq}`, tags: ['ä', '日本'] },
      requestId: `req-${seq}`,
    };
    const hash = auditHash(prev, content);
    events.push({ ...content, id: `aud_${seq}`, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('audit chain', () => {
  it('verifies an untouched chain and counts every event', () => {
    const result = verifyChain(chain(5));
    assert.equal(result.ok, true);
    assert.equal(result.checked, 5);
  });
  it('verifies an empty chain', () => assert.equal(verifyChain([]).ok, true));
  it('names the edited event when content changes', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, changes: { name: 'Forged' } };
    assert.deepEqual(verifyChain(events).firstBroken, { id: 'aud_3', seq: 3, reason: 'hash-mismatch' });
  });
  it('names the event after a removed one as a sequence gap', () => {
    const events = chain(5);
    events.splice(1, 1);
    assert.deepEqual(verifyChain(events).firstBroken, { id: 'aud_3', seq: 3, reason: 'sequence-gap' });
  });
  it('detects an event whose hash was recomputed after editing (the next link breaks)', () => {
    const events = chain(4);
    const forged = { ...events[1]!, changes: { name: 'Forged' } };
    forged.hash = auditHash(forged.prevHash, forged);
    events[1] = forged;
    assert.deepEqual(verifyChain(events).firstBroken, { id: 'aud_3', seq: 3, reason: 'broken-link' });
  });
  it('hashes independently of key order in the change summary', () => {
    const a = chain(1)[0]!;
    const reordered = { ...a, changes: { tags: ['ä', '日本'], name: 'Org 1' } };
    assert.equal(auditHash(a.prevHash, reordered), a.hash);
  });
});
