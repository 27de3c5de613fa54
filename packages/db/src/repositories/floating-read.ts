// Pool reads: under the lock (floating_lock_pool, one round trip) or as an unlocked snapshot (one
// statement, so one consistent state) for decisions that change nothing and for administrative views.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Schema } from '../schema.ts';
import type {
  FloatingPoolRow,
  LoadedPool,
  LockedPool,
  StoredLease,
  StoredQueueEntry,
} from './floating-repository.ts';

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::bigint`);

const holderJson = (t: string) =>
  sql.raw(`'count', ${t}.count, 'user', ${t}.user_name, 'host', ${t}.host, 'group', ${t}.group_name,
    'department', ${t}.department, 'ip', ${t}.ip, 'display', ${t}.display, 'fingerprint', ${t}.fingerprint,
    'idempotencyKey', ${t}.idempotency_key`);

interface LockRow {
  id: string;
  account_id: string;
  organization_id: string;
  license_id: string;
  feature: string;
  seats: number;
  next_due_at: Date | null;
  version: number;
  now_ms: number | string;
  leases: StoredLease[];
  queue: StoredQueueEntry[];
  occupied_slots: { slotNo: number; occupantId: string }[];
  options: unknown;
}

/** Lock and read a pool in one round trip (migration 0006's floating_lock_pool). */
export async function lockAndLoad(
  trx: Transaction<Schema>,
  by: {
    account?: string;
    license?: string;
    feature?: string;
    member?: string;
    pool?: string;
    skipLocked?: boolean;
  },
): Promise<LockedPool | undefined> {
  const { rows } = await sql<LockRow>`
    SELECT * FROM floating_lock_pool(${by.account ?? null}::text, ${by.license ?? null}::text,
      ${by.feature ?? null}::text, ${by.member ?? null}::text, ${by.pool ?? null}::text,
      ${by.skipLocked ?? false}::boolean)
  `.execute(trx);
  const r = rows[0];
  return r && toLocked(r);
}

function toLocked(r: LockRow): LockedPool {
  return {
    pool: {
      id: r.id,
      accountId: r.account_id,
      organizationId: r.organization_id,
      licenseId: r.license_id,
      feature: r.feature,
      seats: r.seats,
      nextDueAt: r.next_due_at,
      version: Number(r.version),
    },
    loaded: {
      now: Number(r.now_ms),
      leases: r.leases,
      queue: r.queue,
      occupiedSlots: r.occupied_slots,
      options: r.options,
    },
  };
}

/**
 * Read the pool of (license, feature) and its state without locking it, in one statement (so one
 * consistent snapshot). A decision on it that changes nothing — a denial, an idempotent retry — is
 * as valid as one made under the lock at the instant of the snapshot.
 */
export async function peekPool(
  db: Kysely<Schema>,
  accountId: string,
  licenseId: string,
  feature: string,
): Promise<LockedPool | undefined> {
  const { rows } = await sql<LockRow>`
    SELECT p.id, p.account_id, p.organization_id, p.license_id, p.feature, p.seats, p.next_due_at, p.version,
      floor(extract(epoch from clock_timestamp()) * 1000)::bigint AS now_ms,
      (SELECT coalesce(json_agg(json_build_object('id', l.id, ${holderJson('l')},
          'startedAt', ${ms('l.started_at')}, 'expiresAt', ${ms('l.expires_at')},
          'lastActiveAt', ${ms('l.last_active_at')}, 'borrowedUntil', ${ms('l.borrowed_until')},
          'lingerUntil', ${ms('l.linger_until')}) ORDER BY l.started_at, l.id), '[]'::json)
        FROM floating_leases l WHERE l.pool_id = p.id) AS leases,
      (SELECT coalesce(json_agg(json_build_object('id', q.id, ${holderJson('q')},
          'position', q.position, 'enqueuedAt', ${ms('q.enqueued_at')},
          'lastHeartbeatAt', ${ms('q.last_heartbeat_at')}, 'grantedAt', ${ms('q.granted_at')},
          'heldUntil', ${ms('q.held_until')}) ORDER BY q.position NULLS LAST, q.granted_at, q.id), '[]'::json)
        FROM floating_queue q WHERE q.pool_id = p.id) AS queue,
      (SELECT coalesce(json_agg(json_build_object('slotNo', s.slot_no, 'occupantId', s.occupant_id)), '[]'::json)
        FROM floating_slots s WHERE s.pool_id = p.id AND s.occupant_id IS NOT NULL) AS occupied_slots,
      (SELECT o.options FROM floating_options o
        WHERE o.license_id = p.license_id AND o.account_id = p.account_id) AS options
    FROM floating_pools p
    WHERE p.account_id = ${accountId} AND p.license_id = ${licenseId} AND p.feature = ${feature}
  `.execute(db);
  return rows[0] && toLocked(rows[0]);
}

/** Read a pool's state without locking it (administrative views); see floating_lock_pool for the locked read. */
export async function loadPool(db: Kysely<Schema>, pool: FloatingPoolRow): Promise<LoadedPool> {
  const { rows } = await sql<LoadedPool>`
    SELECT
      floor(extract(epoch from clock_timestamp()) * 1000)::bigint AS now,
      (SELECT coalesce(json_agg(json_build_object('id', l.id, ${holderJson('l')},
          'startedAt', ${ms('l.started_at')}, 'expiresAt', ${ms('l.expires_at')},
          'lastActiveAt', ${ms('l.last_active_at')}, 'borrowedUntil', ${ms('l.borrowed_until')},
          'lingerUntil', ${ms('l.linger_until')}) ORDER BY l.started_at, l.id), '[]'::json)
        FROM floating_leases l WHERE l.pool_id = ${pool.id}) AS leases,
      (SELECT coalesce(json_agg(json_build_object('id', q.id, ${holderJson('q')},
          'position', q.position, 'enqueuedAt', ${ms('q.enqueued_at')},
          'lastHeartbeatAt', ${ms('q.last_heartbeat_at')}, 'grantedAt', ${ms('q.granted_at')},
          'heldUntil', ${ms('q.held_until')}) ORDER BY q.position NULLS LAST, q.granted_at, q.id), '[]'::json)
        FROM floating_queue q WHERE q.pool_id = ${pool.id}) AS queue,
      (SELECT coalesce(json_agg(json_build_object('slotNo', s.slot_no, 'occupantId', s.occupant_id)), '[]'::json)
        FROM floating_slots s WHERE s.pool_id = ${pool.id} AND s.occupant_id IS NOT NULL) AS "occupiedSlots",
      (SELECT o.options FROM floating_options o
        WHERE o.license_id = ${pool.licenseId} AND o.account_id = ${pool.accountId}) AS options
  `.execute(db);
  const row = rows[0]!;
  return { ...row, now: Number(row.now) };
}
