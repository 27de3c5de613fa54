// Per-organization usage settings, and the rebuild a change of the username rule needs: every event
// is re-keyed and the last-seen, per-day and denial counters are recomputed from the events.
import { normalizeUsername } from '@licentia/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Schema } from '../schema.ts';
import { lockUsageExclusive } from './usage-event-repository.ts';

export interface UsageSettingsRow {
  organizationId: string;
  usernamesCaseSensitive: boolean;
  updatedAt: Date | null;
}

const CHUNK = 5000;

export const usageSettingsRepository = {
  /** The settings of an organization (defaults when none were saved). */
  async get(db: Kysely<Schema>, accountId: string, organizationId: string): Promise<UsageSettingsRow> {
    const row = await db
      .selectFrom('usage_settings')
      .select(['usernames_case_sensitive as usernamesCaseSensitive', 'updated_at as updatedAt'])
      .where('account_id', '=', accountId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    return {
      organizationId,
      usernamesCaseSensitive: row?.usernamesCaseSensitive ?? false,
      updatedAt: row?.updatedAt ?? null,
    };
  },

  /**
   * Save the username rule. When it changes, holds the organization's usage lock exclusively (writers
   * wait), re-keys the events and rebuilds every counter in the caller's transaction.
   */
  async setCaseSensitive(
    trx: Transaction<Schema>,
    accountId: string,
    organizationId: string,
    caseSensitive: boolean,
    now: Date,
  ): Promise<{ changed: boolean; rekeyed: number }> {
    await lockUsageExclusive(trx, organizationId);
    const before = await usageSettingsRepository.get(trx, accountId, organizationId);
    await trx
      .insertInto('usage_settings')
      .values({
        organization_id: organizationId,
        account_id: accountId,
        usernames_case_sensitive: caseSensitive,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .column('organization_id')
          .doUpdateSet({ usernames_case_sensitive: caseSensitive, updated_at: now }),
      )
      .execute();
    if (before.usernamesCaseSensitive === caseSensitive) return { changed: false, rekeyed: 0 };
    const rekeyed = await rekeyEvents(trx, organizationId, caseSensitive);
    await rebuildUsageCounters(trx, accountId, organizationId);
    return { changed: true, rekeyed };
  },
};

/** Recompute username_key of every event of the organization through a temporary name → key map. */
async function rekeyEvents(
  trx: Transaction<Schema>,
  organizationId: string,
  caseSensitive: boolean,
): Promise<number> {
  const { rows } = await sql<{ username: string }>`
    SELECT DISTINCT username FROM usage_events WHERE organization_id = ${organizationId}`.execute(trx);
  await sql`CREATE TEMP TABLE usage_rekey (username text PRIMARY KEY, username_key text NOT NULL) ON COMMIT DROP`.execute(
    trx,
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    const names = rows.slice(i, i + CHUNK).map((r) => r.username);
    const keys = names.map((n) => normalizeUsername(n, { caseSensitive }));
    await sql`INSERT INTO usage_rekey SELECT * FROM unnest(${names}::text[], ${keys}::text[])`.execute(trx);
  }
  const result = await sql`UPDATE usage_events AS e SET username_key = m.username_key FROM usage_rekey AS m
    WHERE e.organization_id = ${organizationId} AND e.username = m.username
      AND e.username_key <> m.username_key`.execute(trx);
  await sql`DROP TABLE usage_rekey`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Recompute the organization's last-seen, per-day and denial-day tables from its events: what the
 * incremental maintenance of every insert keeps equal to. Used after re-keying, and by tools.
 */
export async function rebuildUsageCounters(
  trx: Kysely<Schema>,
  accountId: string,
  organizationId: string,
): Promise<void> {
  const org = organizationId;
  await sql`DELETE FROM usage_user_days WHERE organization_id = ${org}`.execute(trx);
  await sql`DELETE FROM usage_user_last_seen WHERE organization_id = ${org}`.execute(trx);
  await sql`INSERT INTO usage_user_last_seen
      (organization_id, username_key, account_id, username, last_seen_at, last_seen_day)
    SELECT ${org}, username_key, ${accountId}, min(username), max(occurred_at), (max(occurred_at) AT TIME ZONE 'UTC')::date
    FROM usage_events WHERE organization_id = ${org} GROUP BY username_key`.execute(trx);
  await sql`INSERT INTO usage_user_days (organization_id, day, users)
    SELECT ${org}, last_seen_day, count(*)::int FROM usage_user_last_seen WHERE organization_id = ${org}
    GROUP BY last_seen_day`.execute(trx);
  await sql`DELETE FROM usage_license_user_days WHERE license_id IN
    (SELECT DISTINCT license_id FROM usage_license_user_last_seen WHERE organization_id = ${org})`.execute(
    trx,
  );
  await sql`DELETE FROM usage_license_user_last_seen WHERE organization_id = ${org}`.execute(trx);
  await sql`INSERT INTO usage_license_user_last_seen
      (license_id, username_key, account_id, organization_id, username, last_seen_at, last_seen_day)
    SELECT license_id, username_key, ${accountId}, ${org}, min(username), max(occurred_at),
      (max(occurred_at) AT TIME ZONE 'UTC')::date
    FROM usage_events WHERE organization_id = ${org} AND license_id IS NOT NULL
    GROUP BY license_id, username_key`.execute(trx);
  await sql`INSERT INTO usage_license_user_days (license_id, day, users)
    SELECT license_id, last_seen_day, count(*)::int FROM usage_license_user_last_seen
    WHERE organization_id = ${org} GROUP BY license_id, last_seen_day`.execute(trx);
  await sql`DELETE FROM usage_denial_days WHERE organization_id = ${org}`.execute(trx);
  await sql`INSERT INTO usage_denial_days
      (organization_id, day, feature, username_key, account_id, username, denials, first_at, last_at)
    SELECT ${org}, (occurred_at AT TIME ZONE 'UTC')::date, feature, username_key, ${accountId}, min(username),
      count(*)::int, min(occurred_at), max(occurred_at)
    FROM usage_events WHERE organization_id = ${org} AND kind = 'DENIED' GROUP BY 2, 3, 4`.execute(trx);
}
