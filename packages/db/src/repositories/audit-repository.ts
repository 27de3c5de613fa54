// The audit log: appended in the caller's transaction (so an event exists exactly when its change
// does), chained per account through a locked head row, and verified by streaming the chain.
import {
  type AuditContent,
  auditHash,
  type ChainVerification,
  GENESIS_HASH,
  type StoredAuditEvent,
  startVerification,
  verifyNext,
} from '@licentia/core';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../schema.ts';
import { type Page, type PageRequest, toPage } from './page.ts';

export type AuditInput = Omit<AuditContent, 'seq' | 'occurredAt'> & { id: string; occurredAt: Date };

export interface HeadCheck {
  /** The chain head recorded at append time disagrees with the last stored event: events were cut. */
  tailMissing: boolean;
}

const columns = [
  'id',
  'chain_id as chainId',
  'seq',
  'occurred_at as occurredAt',
  'actor_type as actorType',
  'actor_id as actorId',
  'action',
  'target_type as targetType',
  'target_id as targetId',
  'changes',
  'request_id as requestId',
  'prev_hash as prevHash',
  'hash',
] as const;

function toStored(row: Record<string, unknown>): StoredAuditEvent {
  return { ...(row as unknown as StoredAuditEvent), occurredAt: (row.occurredAt as Date).toISOString() };
}

export const auditRepository = {
  /** Append one event; must run inside the transaction that makes the change. */
  async append(trx: Transaction<Schema>, input: AuditInput): Promise<StoredAuditEvent> {
    await trx
      .insertInto('audit_chain_heads')
      .values({ chain_id: input.chainId, seq: 0, hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('chain_id').doNothing())
      .execute();
    const head = await trx
      .selectFrom('audit_chain_heads')
      .select(['seq', 'hash'])
      .where('chain_id', '=', input.chainId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const content: AuditContent = { ...input, seq: head.seq + 1, occurredAt: input.occurredAt.toISOString() };
    const hash = auditHash(head.hash, content);
    await trx
      .insertInto('audit_events')
      .values({
        id: input.id,
        chain_id: content.chainId,
        seq: content.seq,
        occurred_at: input.occurredAt,
        actor_type: content.actorType,
        actor_id: content.actorId,
        action: content.action,
        target_type: content.targetType,
        target_id: content.targetId,
        changes: JSON.stringify(content.changes ?? {}),
        request_id: content.requestId,
        prev_hash: head.hash,
        hash,
      })
      .execute();
    await trx
      .updateTable('audit_chain_heads')
      .set({ seq: content.seq, hash })
      .where('chain_id', '=', input.chainId)
      .execute();
    return { ...content, id: input.id, prevHash: head.hash, hash };
  },

  /** Events of one chain, oldest first, optionally for one target. Paged by seq. */
  async list(
    db: Kysely<Schema>,
    chainId: string,
    page: PageRequest & { afterSeq?: number; targetId?: string },
  ): Promise<Page<StoredAuditEvent>> {
    let q = db.selectFrom('audit_events').select(columns).where('chain_id', '=', chainId);
    if (page.targetId) q = q.where('target_id', '=', page.targetId);
    if (page.afterSeq) q = q.where('seq', '>', page.afterSeq);
    const rows = await q
      .orderBy('seq')
      .limit(page.limit + 1)
      .execute();
    const result = toPage(rows.map(toStored), page.limit);
    return { data: result.data, nextCursor: result.nextCursor ? String(result.data.at(-1)?.seq) : null };
  },

  /** Events stored in one chain, or in all chains: read from the heads, not by counting events. */
  async countEvents(db: Kysely<Schema>, chainId?: string): Promise<number> {
    let q = db
      .selectFrom('audit_chain_heads')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('seq'), eb.lit(0)).as('n'));
    if (chainId) q = q.where('chain_id', '=', chainId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },

  async chainIds(db: Kysely<Schema>): Promise<string[]> {
    const rows = await db.selectFrom('audit_chain_heads').select('chain_id').orderBy('chain_id').execute();
    return rows.map((r) => r.chain_id);
  },

  /** Recompute a chain from its first event, streaming pages; names the first broken event. */
  async verify(db: Kysely<Schema>, chainId: string, pageSize = 2000): Promise<ChainVerification & HeadCheck> {
    let state = startVerification();
    let afterSeq = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .select(columns)
        .where('chain_id', '=', chainId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(pageSize)
        .execute();
      for (const row of rows) state = verifyNext(state, toStored(row));
      if (!state.ok || rows.length < pageSize) break;
      afterSeq = rows.at(-1)!.seq;
    }
    const head = await db
      .selectFrom('audit_chain_heads')
      .select(['seq', 'hash'])
      .where('chain_id', '=', chainId)
      .executeTakeFirst();
    const tailMissing = state.ok && !!head && (head.seq !== state.lastSeq || head.hash !== state.lastHash);
    return { ...state, ok: state.ok && !tailMissing, tailMissing };
  },
};
