// Machines activated on licenses. Activation counts and inserts under the license row's lock
// (`lockLicense` … in one transaction), so max machines holds under any concurrency.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { LicenseSnapshotRow } from './license-snapshot-repository.ts';
import { licenseTermsColumns } from './license-snapshot-repository.ts';
import type { Page, PageRequest } from './page.ts';

export interface MachineRow {
  id: string;
  accountId: string;
  licenseId: string;
  fingerprint: string;
  hostname: string | null;
  platform: string | null;
  components: unknown;
  activatedAt: Date;
  deactivatedAt: Date | null;
  lastSeenAt: Date | null;
}

/** A MACHINE_TRANSFER approval request (decided by the approval routes, which apply it). */
export interface MachineTransferRequestRow {
  id: string;
  accountId: string;
  licenseId: string;
  kind: 'LICENSE_TRANSFER' | 'MACHINE_TRANSFER';
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  payload: unknown;
  requestedBy: string;
  decidedBy: string | null;
  reason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

/** The license as activation needs it: its row and policy spec, without releases or machines. */
export type LockedLicense = Omit<LicenseSnapshotRow, 'releases' | 'fingerprints'>;

const columns = [
  'id',
  'account_id as accountId',
  'license_id as licenseId',
  'fingerprint',
  'hostname',
  'platform',
  'components',
  'activated_at as activatedAt',
  'deactivated_at as deactivatedAt',
  'last_seen_at as lastSeenAt',
] as const;

export const machineRepository = {
  /**
   * Lock the license row (`FOR UPDATE`) until the transaction ends: concurrent activations of one
   * license queue here, so each counts the machines the previous one inserted.
   */
  async lockLicense(
    trx: Transaction<Schema>,
    where: { keyHash: string } | { accountId: string; licenseId: string },
  ): Promise<LockedLicense | undefined> {
    let query = trx
      .selectFrom('licenses as l')
      .innerJoin('policies as p', 'p.id', 'l.policy_id')
      .select(licenseTermsColumns)
      .forUpdate('l');
    query =
      'keyHash' in where
        ? query.where('l.key_hash', '=', where.keyHash)
        : query.where('l.account_id', '=', where.accountId).where('l.id', '=', where.licenseId);
    return query.executeTakeFirst();
  },

  /** Live machines of a license: the count activation decides on, and whether `fingerprint` is one. */
  async liveCount(
    trx: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    fingerprint: string,
  ): Promise<{ count: number; existing: MachineRow | undefined }> {
    const live = trx
      .selectFrom('machines')
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .where('deactivated_at', 'is', null);
    const { count } = await live
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const existing = await live.select(columns).where('fingerprint', '=', fingerprint).executeTakeFirst();
    return { count: Number(count), existing };
  },

  async insert(
    trx: Kysely<Schema>,
    accountId: string,
    row: Pick<MachineRow, 'id' | 'licenseId' | 'fingerprint' | 'hostname' | 'platform' | 'components'> & {
      activatedAt: Date;
    },
  ): Promise<MachineRow> {
    return trx
      .insertInto('machines')
      .values({
        id: row.id,
        account_id: accountId,
        license_id: row.licenseId,
        fingerprint: row.fingerprint,
        hostname: row.hostname,
        platform: row.platform,
        components: JSON.stringify(row.components ?? {}),
        activated_at: row.activatedAt,
        last_seen_at: row.activatedAt,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /** Start a first-activation trial's clock (the caller holds the license lock). */
  async startTrial(
    trx: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    trial: { trialActivatedAt: Date; expiresAt: Date },
  ): Promise<void> {
    await trx
      .updateTable('licenses')
      .set((eb) => ({
        trial_activated_at: trial.trialActivatedAt,
        expires_at: trial.expiresAt,
        revision: eb('revision', '+', 1),
        updated_at: trial.trialActivatedAt,
      }))
      .where('account_id', '=', accountId)
      .where('id', '=', licenseId)
      .execute();
  },

  /** Deactivate the live machine with this fingerprint, or the machine with this id. */
  async deactivate(
    trx: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    which: { fingerprint: string } | { machineId: string },
    at: Date,
  ): Promise<MachineRow | undefined> {
    const query = trx
      .updateTable('machines')
      .set({ deactivated_at: at })
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .where('deactivated_at', 'is', null);
    return (
      'fingerprint' in which
        ? query.where('fingerprint', '=', which.fingerprint)
        : query.where('id', '=', which.machineId)
    )
      .returning(columns)
      .executeTakeFirst();
  },

  /** File a hardware change: move `machineId`'s seat from one fingerprint to another, once approved. */
  async requestTransfer(
    trx: Kysely<Schema>,
    accountId: string,
    row: {
      id: string;
      licenseId: string;
      payload: { machineId: string; fromFingerprint: string; toFingerprint: string };
      requestedBy: string;
      reason: string | null;
      createdAt: Date;
    },
  ): Promise<MachineTransferRequestRow> {
    return trx
      .insertInto('approval_requests')
      .values({
        id: row.id,
        account_id: accountId,
        license_id: row.licenseId,
        kind: 'MACHINE_TRANSFER',
        status: 'PENDING',
        payload: JSON.stringify(row.payload),
        requested_by: row.requestedBy,
        reason: row.reason,
        created_at: row.createdAt,
        decided_at: null,
        decided_by: null,
      })
      .returning([
        'id',
        'account_id as accountId',
        'license_id as licenseId',
        'kind',
        'status',
        'payload',
        'requested_by as requestedBy',
        'decided_by as decidedBy',
        'reason',
        'created_at as createdAt',
        'decided_at as decidedAt',
      ])
      .executeTakeFirstOrThrow();
  },

  async get(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    machineId: string,
  ): Promise<MachineRow | undefined> {
    return db
      .selectFrom('machines')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId)
      .where('id', '=', machineId)
      .executeTakeFirst();
  },

  /** Machines of a license by id (activation order); deactivated ones only when asked. */
  async list(
    db: Kysely<Schema>,
    accountId: string,
    licenseId: string,
    page: PageRequest,
    includeDeactivated: boolean,
  ): Promise<Page<MachineRow>> {
    let query = db
      .selectFrom('machines')
      .select(columns)
      .where('account_id', '=', accountId)
      .where('license_id', '=', licenseId);
    if (!includeDeactivated) query = query.where('deactivated_at', 'is', null);
    return keysetPage(query, 'id', page);
  },
};
