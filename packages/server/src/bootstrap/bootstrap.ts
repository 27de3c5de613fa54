// First start: make sure an operator can get in, and give an empty deployment demo data.
// Idempotent: a second start with the same data finds both done and changes nothing.
import { accountRepository, auditRepository, organizationRepository, tokenRepository } from '@licentia/db';
import { hashToken } from '../http/authenticate.ts';
import type { AppContext, AuditEntry } from '../http/context.ts';
import { provisionSigningKey } from '../routes/signing-keys/provision-signing-key.ts';
import { issueToken } from '../routes/tokens/issue-token.ts';
import { seedDemoCatalog } from './demo-catalog.ts';
import { seedDemoCustomerOrg } from './demo-customer-org.ts';
import { seedDemoLicenses } from './demo-licenses.ts';

export interface BootstrapOptions {
  /** Operator token to accept (LICENTIA_BOOTSTRAP_TOKEN); otherwise one is generated once. */
  bootstrapToken: string | null;
  demo: boolean;
  /** Mint a fresh operator token even though one exists (operator lost theirs). */
  issueOperatorToken?: boolean;
}

export interface BootstrapResult {
  /** A newly minted operator token, to print once; null when none was minted now. */
  operatorToken: string | null;
  demoAccountId: string | null;
}

const SYSTEM_ACTOR = { actorType: 'system', actorId: 'bootstrap' } as const;

export async function bootstrap(ctx: AppContext, options: BootstrapOptions): Promise<BootstrapResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const audit = async (entry: AuditEntry) => {
      await auditRepository.append(trx, {
        id: ctx.newId('auditEvent'),
        occurredAt: ctx.clock(),
        ...SYSTEM_ACTOR,
        requestId: null,
        ...entry,
        changes: entry.changes ?? {},
      });
    };
    let operatorToken: string | null = null;
    const operatorSpec = {
      kind: 'operator' as const,
      name: 'Operator (bootstrap)',
      roles: ['operator' as const],
      accountId: null,
      organizationId: null,
      productId: null,
      expiresAt: null,
      createdBy: null,
    };
    if (options.bootstrapToken) {
      if (!(await tokenRepository.findByHash(trx, hashToken(options.bootstrapToken)))) {
        await issueToken(ctx, trx, audit, operatorSpec, options.bootstrapToken);
      }
    } else if (options.issueOperatorToken || (await tokenRepository.countOperatorTokens(trx)) === 0) {
      operatorToken = (await issueToken(ctx, trx, audit, operatorSpec)).secret;
    }

    let demoAccountId: string | null = null;
    if (options.demo && (await accountRepository.count(trx)) === 0) {
      const account = await accountRepository.insert(trx, {
        id: ctx.newId('account'),
        name: 'Acme Software',
        isDefault: true,
      });
      await audit({
        chainId: account.id,
        action: 'account.created',
        targetType: 'account',
        targetId: account.id,
        changes: { name: account.name, demo: true },
      });
      await provisionSigningKey(ctx, trx, audit, account.id);
      const org = await organizationRepository.insert(trx, account.id, {
        id: ctx.newId('organization'),
        name: 'Globex Corporation',
      });
      await audit({
        chainId: account.id,
        action: 'organization.created',
        targetType: 'organization',
        targetId: org.id,
        changes: { name: org.name, demo: true },
      });
      const catalog = await seedDemoCatalog(ctx, trx, audit, account.id);
      const licenses = await seedDemoLicenses(ctx, trx, audit, account.id, org.id, catalog);
      await seedDemoCustomerOrg(ctx, trx, audit, account.id, org.id, licenses);
      demoAccountId = account.id;
    }
    return { operatorToken, demoAccountId };
  });
}
