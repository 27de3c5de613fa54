// GET …/allocation/consumption — effective licenses consumed per product and per environment, the
// released ones and why, and the user licenses that implies next to the Users tab's count. With
// `?format=csv` (or at …/consumption.csv) the same report as CSV, a plan feature (report export).
import { consumptionCsv, requirePlanFeature } from '@licentia/core';
import { Type } from 'typebox';
import { loadConsumption } from '../../allocation/allocation-consumption.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH } from './allocation-access.ts';
import { Consumption, toConsumption } from './consumption-schema.ts';

const Query = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) },
  { additionalProperties: false },
);

const csvResponse = {
  description:
    'CSV: section,environment,product_code,product_name,kind,quantity,consumed,released,rule,in_favour_of',
  content: { 'text/csv': { schema: { type: 'string' } } },
};

export function getConsumption(app: App, ctx: AppContext): void {
  for (const csvPath of [false, true]) {
    app.get(
      `${ALLOCATION_PATH}/consumption${csvPath ? '.csv' : ''}`,
      {
        schema: {
          summary: csvPath ? 'Export the license consumption report as CSV' : 'License consumption report',
          tags: ['allocation'],
          params: OrganizationParams,
          ...(csvPath ? {} : { querystring: Query }),
          response: { 200: csvPath ? csvResponse : Consumption, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { accountId, organizationId } = request.params;
        const scope = { accountId, organizationId };
        const { plan } = await orgAccess(request, ctx, scope, REPORTS);
        const csv = csvPath || (request.query as { format?: string }).format === 'csv';
        if (csv) requirePlanFeature(plan, 'REPORTING_EXPORT');
        const answer = await loadConsumption(ctx, scope, plan);
        if (!csv) return toConsumption(organizationId, ctx.clock(), answer);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="license-consumption.csv"')
          .send(consumptionCsv(answer.report));
      },
    );
  }
}
