// Signing keys per account: at most one ACTIVE (enforced by a partial unique index), any number
// VERIFY_ONLY during a rotation overlap, RETIRED ones kept for the record.
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

export type SigningKeyStatus = 'ACTIVE' | 'VERIFY_ONLY' | 'RETIRED';

export interface SigningKeyRow {
  id: string;
  accountId: string;
  publicKeyX: string;
  privateKeyEncrypted: string;
  status: SigningKeyStatus;
  createdAt: Date;
  rotatedAt: Date | null;
  retiredAt: Date | null;
}

const columns = [
  'id',
  'account_id as accountId',
  'public_key_x as publicKeyX',
  'private_key_encrypted as privateKeyEncrypted',
  'status',
  'created_at as createdAt',
  'rotated_at as rotatedAt',
  'retired_at as retiredAt',
] as const;

export const signingKeyRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: { id: string; publicKeyX: string; privateKeyEncrypted: string },
  ): Promise<SigningKeyRow> {
    return db
      .insertInto('signing_keys')
      .values({
        id: row.id,
        account_id: accountId,
        public_key_x: row.publicKeyX,
        private_key_encrypted: row.privateKeyEncrypted,
        status: 'ACTIVE',
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /** All keys of an account, oldest first. */
  async list(db: Kysely<Schema>, accountId: string): Promise<SigningKeyRow[]> {
    return db
      .selectFrom('signing_keys')
      .select(columns)
      .where('account_id', '=', accountId)
      .orderBy('id')
      .execute();
  },

  async get(db: Kysely<Schema>, accountId: string, id: string): Promise<SigningKeyRow | undefined> {
    return db
      .selectFrom('signing_keys')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async getActive(db: Kysely<Schema>, accountId: string): Promise<SigningKeyRow | undefined> {
    return db
      .selectFrom('signing_keys')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('status', '=', 'ACTIVE')
      .executeTakeFirst();
  },

  /** Demote the ACTIVE key to VERIFY_ONLY (before inserting its successor, in one transaction). */
  async demoteActive(db: Kysely<Schema>, accountId: string, at: Date): Promise<string | null> {
    const r = await db
      .updateTable('signing_keys')
      .set({ status: 'VERIFY_ONLY', rotated_at: at })
      .where('account_id', '=', accountId)
      .where('status', '=', 'ACTIVE')
      .returning('id')
      .executeTakeFirst();
    return r?.id ?? null;
  },

  /** Retire a VERIFY_ONLY key: it leaves the JWKS and its tokens stop verifying. */
  async retire(
    db: Kysely<Schema>,
    accountId: string,
    id: string,
    at: Date,
  ): Promise<SigningKeyRow | undefined> {
    return db
      .updateTable('signing_keys')
      .set({ status: 'RETIRED', retired_at: at })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('status', '=', 'VERIFY_ONLY')
      .returning(columns)
      .executeTakeFirst();
  },
};
