// GET …/organizations/{organizationId}/license-overview/users.csv — the Users tab per person, as
// CSV: who consumes which user license and where. Report export is a plan feature (PROFESSIONAL+).
import { countUserLicenses, requirePlanFeature } from '@licentia/core';
import { environmentRepository, personRepository, userLicenseRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ORG_PATH, orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function exportUserLicenses(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/license-overview/users.csv`,
    {
      schema: {
        summary: 'Export the user licenses per person as CSV',
        tags: ['license-overview'],
        params: OrganizationParams,
        response: {
          200: {
            description: 'CSV with the header username,name,email,type,environments',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId } = request.params;
      const { plan } = await orgAccess(request, ctx, { accountId, organizationId }, REPORTS);
      requirePlanFeature(plan, 'REPORTING_EXPORT');
      const [environments, users, people] = await Promise.all([
        environmentRepository.listAll(ctx.db, accountId, organizationId),
        userLicenseRepository.countingInput(ctx.db, accountId, organizationId),
        personRepository.directory(ctx.db, accountId, organizationId),
      ]);
      const count = countUserLicenses({ ...users, environments, purchased: { USER: 0, LIGHT: 0 } });
      const personById = new Map(people.map((p) => [p.id, p]));
      const envName = new Map(environments.map((e) => [e.id, e.name]));
      const lines = ['username,name,email,type,environments'];
      for (const row of count.perPerson) {
        const p = personById.get(row.personId);
        if (!p) continue;
        const where = row.environments.map((id) => envName.get(id) ?? id).join('; ');
        lines.push([p.username, p.name, p.email, row.type, where].map(cell).join(','));
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="user-licenses.csv"')
        .send(`${lines.join('\r\n')}\r\n`);
    },
  );
}
