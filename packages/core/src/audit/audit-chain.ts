// The tamper-evident audit chain: each event's hash covers the previous hash and the event's own
// canonical content (RFC 8785 JSON), so changing, removing or reordering any stored event breaks
// every later link. Pure: the repository feeds stored rows in order; nothing here touches storage.
import { createHash } from 'node:crypto';
import canonicalizeJson from 'canonicalize';

/** The hash before the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit event says. Everything here is covered by its hash. */
export interface AuditContent {
  chainId: string;
  seq: number;
  /** ISO 8601 UTC with milliseconds. */
  occurredAt: string;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  /** A JSON summary of the change. */
  changes: unknown;
  requestId: string | null;
}

export interface StoredAuditEvent extends AuditContent {
  id: string;
  prevHash: string;
  hash: string;
}

export function canonicalJson(value: unknown): string {
  const text = canonicalizeJson(value);
  if (text === undefined) throw new TypeError('value cannot be canonicalized');
  return text;
}

/** SHA-256 (hex) over the previous hash, a newline, and the canonical JSON of the content. */
export function auditHash(prevHash: string, content: AuditContent): string {
  const { chainId, seq, occurredAt, actorType, actorId, action, targetType, targetId, changes, requestId } =
    content;
  const canonical = canonicalJson({
    chainId,
    seq,
    occurredAt,
    actorType,
    actorId,
    action,
    targetType,
    targetId,
    changes,
    requestId,
  });
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

export type BrokenReason = 'hash-mismatch' | 'broken-link' | 'sequence-gap';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  lastHash: string;
  lastSeq: number;
  firstBroken: { id: string; seq: number; reason: BrokenReason } | null;
}

export function startVerification(): ChainVerification {
  return { ok: true, checked: 0, lastHash: GENESIS_HASH, lastSeq: 0, firstBroken: null };
}

/**
 * Fold one stored event (in seq order) into a verification. After the first break the state is
 * frozen: the first broken event is the one an auditor must look at.
 */
export function verifyNext(state: ChainVerification, event: StoredAuditEvent): ChainVerification {
  if (!state.ok) return state;
  const broken = (reason: BrokenReason): ChainVerification => ({
    ...state,
    ok: false,
    firstBroken: { id: event.id, seq: event.seq, reason },
  });
  if (event.seq !== state.lastSeq + 1) return broken('sequence-gap');
  if (event.prevHash !== state.lastHash) return broken('broken-link');
  if (auditHash(event.prevHash, event) !== event.hash) return broken('hash-mismatch');
  return {
    ok: true,
    checked: state.checked + 1,
    lastHash: event.hash,
    lastSeq: event.seq,
    firstBroken: null,
  };
}

/** Verify a whole chain held in memory. */
export function verifyChain(events: Iterable<StoredAuditEvent>): ChainVerification {
  let state = startVerification();
  for (const event of events) state = verifyNext(state, event);
  return state;
}
