// The tamper-evident audit log: list, verify, export.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { exportAudit } from './export-audit.ts';
import { listAuditEvents } from './list-audit-events.ts';
import { verifyAudit } from './verify-audit.ts';

export function registerAuditRoutes(app: App, ctx: AppContext): void {
  listAuditEvents(app, ctx);
  verifyAudit(app, ctx);
  exportAudit(app, ctx);
}
