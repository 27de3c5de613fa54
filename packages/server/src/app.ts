// The only composition root: builds the Fastify app from its dependencies. Routes are registered
// per capability folder; cross-cutting concerns (request ids, auth, errors, metrics) live in http/.
import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '@licentia/core';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { authenticate } from './http/authenticate.ts';
import { type AppContext, type AppDeps, createContext } from './http/context.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerOpenApi } from './http/openapi.ts';
import { TOKENS_CHANGED_CHANNEL } from './http/principal-cache.ts';
import { sendProblem } from './http/problem.ts';
import { validatorCompiler } from './http/validation.ts';
import { registerWeb, wantsWebPage } from './http/web.ts';
import { registerAccountRoutes } from './routes/accounts/index.ts';
import { registerAgentRoutes } from './routes/agents/index.ts';
import { registerAllocationRoutes } from './routes/allocation/index.ts';
import { registerApprovalRoutes } from './routes/approvals/index.ts';
import { registerAuditRoutes } from './routes/audit/index.ts';
import { registerCatalogRoutes } from './routes/catalog/index.ts';
import { registerChangeRequestRoutes } from './routes/change-requests/index.ts';
import { registerComplianceRoutes } from './routes/compliance/index.ts';
import { registerEntitlementRoutes } from './routes/entitlements/index.ts';
import { registerEnvironmentRoutes } from './routes/environments/index.ts';
import { registerFloatingRoutes } from './routes/floating/index.ts';
import { registerFloatingAnalyticsRoutes } from './routes/floating-analytics/index.ts';
import { registerHealthRoutes } from './routes/health/index.ts';
import { registerImportRoutes } from './routes/imports/index.ts';
import { registerLicenseOverviewRoutes } from './routes/license-overview/index.ts';
import { registerLicenseServerRoutes } from './routes/license-servers/index.ts';
import { registerLicenseRoutes } from './routes/licenses/index.ts';
import { registerMachineRoutes } from './routes/machines/index.ts';
import { registerNotificationRoutes } from './routes/notifications/index.ts';
import { registerOrganizationRoutes } from './routes/organizations/index.ts';
import { registerOverviewRoutes } from './routes/overview/index.ts';
import { registerPeopleRoutes } from './routes/people/index.ts';
import { registerPermissionGroupRoutes } from './routes/permission-groups/index.ts';
import { registerPolicyRoutes } from './routes/policies/index.ts';
import { registerPrivilegeRoutes } from './routes/privileges/index.ts';
import { registerSeatRoutes } from './routes/seats/index.ts';
import { registerSigningKeyRoutes } from './routes/signing-keys/index.ts';
import { registerTokenRoutes } from './routes/tokens/index.ts';
import { registerUsageRoutes } from './routes/usage/index.ts';
import { registerValidationRoutes } from './routes/validation/index.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface BuildOptions extends AppDeps {
  logger?: FastifyServerOptions['logger'];
  /** Built web console (packages/web/dist); null serves no UI. */
  webRoot?: string | null;
  bodyLimitBytes?: number;
  version?: string;
  defaultMetrics?: boolean;
  /** Floating lease sweeper period (ms); 0 disables it. Default 5000 (LICENTIA_FLOATING_SWEEP_MS). */
  floatingSweepMs?: number;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export async function buildApp(options: BuildOptions): Promise<{ app: App; ctx: AppContext }> {
  const ctx = createContext(options);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler());
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Unmatched URLs skip authentication: the route table is public (OpenAPI), so a 404 leaks nothing.
    const matched = request.routeOptions.url !== undefined;
    if (matched && request.url.startsWith('/v1/') && !request.routeOptions.config.public) {
      request.principal = await authenticate(request, ctx);
    }
  });
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  const webRoot = options.webRoot ?? null;
  app.setNotFoundHandler((request, reply) => {
    if (webRoot && wantsWebPage(request)) return reply.sendFile('index.html');
    const path = request.url.split('?')[0];
    return sendProblem(request, reply, new AppError('ROUTE_NOT_FOUND', `No route ${request.method} ${path}`));
  });

  // Cached principals are only trusted while token-change notifications reach this process.
  let unlistenTokens: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    unlistenTokens = await ctx.database.listen(TOKENS_CHANGED_CHANNEL, {
      onNotify: () => ctx.principals.clear(),
      onState: (live) => ctx.principals.setLive(live),
    });
  });
  app.addHook('onClose', async () => {
    ctx.principals.setLive(false);
    await unlistenTokens?.();
  });

  const metrics = registerMetrics(app, { defaultMetrics: options.defaultMetrics ?? false });
  await registerOpenApi(app, options.version ?? '0.1.0');
  registerHealthRoutes(app, ctx, metrics);
  registerAccountRoutes(app, ctx);
  registerOrganizationRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerOverviewRoutes(app, ctx);
  registerSigningKeyRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerPolicyRoutes(app, ctx);
  registerLicenseRoutes(app, ctx);
  registerApprovalRoutes(app, ctx);
  registerValidationRoutes(app, ctx);
  registerMachineRoutes(app, ctx);
  registerFloatingRoutes(app, ctx, { sweepMs: options.floatingSweepMs });
  registerEnvironmentRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerPermissionGroupRoutes(app, ctx);
  registerEntitlementRoutes(app, ctx);
  registerLicenseOverviewRoutes(app, ctx);
  registerSeatRoutes(app, ctx);
  registerPrivilegeRoutes(app, ctx);
  registerChangeRequestRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerFloatingAnalyticsRoutes(app, ctx);
  registerLicenseServerRoutes(app, ctx);
  registerUsageRoutes(app, ctx);
  registerComplianceRoutes(app, ctx);
  registerAllocationRoutes(app, ctx);
  registerAgentRoutes(app, ctx);
  if (webRoot) await registerWeb(app, webRoot);
  await app.ready();
  return { app, ctx };
}
