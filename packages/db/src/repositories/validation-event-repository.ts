// Validation history and last-validated times, written in batches by the server's recorder (never
// in a validation's request path) and read newest first.
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';

export interface ValidationEventRow {
  id: string;
  accountId: string;
  licenseId: string;
  occurredAt: Date;
  code: string;
  valid: boolean;
  fingerprint: string | null;
  version: string | null;
  details: unknown;
}

const columns = [
  'id',
  'account_id as accountId',
  'license_id as licenseId',
  'occurred_at as occurredAt',
  'code',
  'valid',
  'fingerprint',
  'version',
  'details',
] as const;

export const validationEventRepository = {
  /** Insert a batch (each row carries its own account). */
  async insertMany(db: Kysely<Schema>, rows: readonly ValidationEventRow[]): Promise<void> {
    if (rows.length === 0) return;
    await db
      .insertInto('validation_events')
      .values(
        rows.map((r) => ({
          id: r.id,
          account_id: r.accountId,
          license_id: r.licenseId,
          occurred_at: r.occurredAt,
          code: r.code,
          valid: r.valid,
          fingerprint: r.fingerprint,
          version: r.version,
          details: JSON.stringify(r.details ?? {}),
        })),
      )
      .execute();
  },

  /** Move last_validated_at forward (never back) for a batch of licenses, in one statement. */
  async touchLastValidated(
    db: Kysely<Schema>,
    entries: readonly { accountId: string; licenseId: string; at: Date }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const accounts = entries.map((e) => e.accountId);
    const ids = entries.map((e) => e.licenseId);
    const ats = entries.map((e) => e.at.toISOString());
    await sql`UPDATE licenses AS l SET last_validated_at = v.at
      FROM unnest(${accounts}::text[], ${ids}::text[], ${ats}::timestamptz[]) AS v(account_id, id, at)
      WHERE l.account_id = v.account_id AND l.id = v.id
        AND (l.last_validated_at IS NULL OR l.last_validated_at < v.at)`.execute(db);
  },

  /** A license's validations, newest first (ids are time-sortable; the cursor is the last id seen). */
  async list(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    page: PageRequest,
  ): Promise<Page<ValidationEventRow>> {
    const query = db
      .selectFrom('validation_events')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId);
    return keysetPage(query, 'id', page, 'desc');
  },
};
