// The periodic compliance evaluator: every interval, re-evaluates the least recently evaluated active
// licenses, each in its own transaction with its audit events (actor "system"). Several processes may
// tick at once: the per-license row lock makes each transition recorded exactly once.
import { auditRepository, complianceRepository } from '@licentia/db';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { evaluateLicenseCompliance, type LicenseCompliance } from './compliance-evaluator.ts';

export interface ComplianceTicker {
  /** One pass over up to `batch` licenses; resolves with the number evaluated. */
  tick(): Promise<number>;
  stop(): Promise<void>;
}

/** Evaluate one license now, as the system, in its own transaction. */
export function evaluateAsSystem(
  ctx: AppContext,
  accountId: string,
  licenseId: string,
): Promise<LicenseCompliance | undefined> {
  const now = ctx.clock();
  return ctx.db.transaction().execute((trx) =>
    evaluateLicenseCompliance(trx, accountId, licenseId, now, async (entry) => {
      await auditRepository.append(trx, {
        id: ctx.newId('auditEvent'),
        occurredAt: now,
        actorType: 'system',
        actorId: 'compliance-evaluator',
        requestId: null,
        ...entry,
        changes: entry.changes ?? {},
      });
    }),
  );
}

/**
 * Start ticking every `intervalMs` (the timer does not keep the process alive). A pass still running
 * when the next is due is not overlapped.
 */
export function startComplianceTicker(
  ctx: AppContext,
  log: FastifyBaseLogger,
  options: {
    intervalMs?: number;
    batch?: number;
    /** Which licenses a pass evaluates (tests narrow it to their tenant); default: the least recently evaluated. */
    due?: (batch: number) => Promise<{ id: string; accountId: string }[]>;
  } = {},
): ComplianceTicker {
  const { intervalMs = 60_000, batch = 200 } = options;
  const due = options.due ?? ((n: number) => complianceRepository.due(ctx.db, n));
  let running: Promise<number> | null = null;
  const pass = async () => {
    let done = 0;
    for (const license of await due(batch)) {
      try {
        await evaluateAsSystem(ctx, license.accountId, license.id);
        done += 1;
      } catch (error) {
        log.error({ err: error, licenseId: license.id }, 'compliance evaluation failed');
      }
    }
    return done;
  };
  const tick = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    tick().catch((error) => log.error({ err: error }, 'compliance tick failed'));
  }, intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
