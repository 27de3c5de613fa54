// Where an import's events go: the license server named by the upload (created on first use, with
// the upload's time zone) and, optionally, a license of the same organization.
import { AppError, notFound } from '@licentia/core';
import { type LicenseServerRow, licenseRepository, licenseServerRepository } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import { type AppContext, mutate } from '../../http/context.ts';
import { isUniqueViolation } from '../catalog/input-errors.ts';

interface Scope {
  accountId: string;
  organizationId: string;
}

/** Call after the access check and before any transaction (PGlite has one connection). */
export async function importTarget(
  request: FastifyRequest,
  ctx: AppContext,
  scope: Scope,
  query: { server: string; timezone?: string | undefined; licenseId?: string | undefined },
): Promise<{ server: LicenseServerRow; licenseId: string | null }> {
  let licenseId: string | null = null;
  if (query.licenseId) {
    const license = await licenseRepository.get(ctx.db, scope.accountId, query.licenseId);
    if (!license || license.organizationId !== scope.organizationId)
      throw notFound('license', query.licenseId);
    licenseId = license.id;
  }
  const name = query.server.trim();
  const server =
    (await licenseServerRepository.getByName(ctx.db, scope, name)) ??
    (await create(request, ctx, scope, name, query.timezone));
  if (!server.enabled) {
    throw new AppError(
      'CONFLICT',
      `License server ${server.name} is disabled: enable it to import usage again`,
    );
  }
  return { server, licenseId };
}

async function create(
  request: FastifyRequest,
  ctx: AppContext,
  scope: Scope,
  name: string,
  timeZone: string | undefined,
): Promise<LicenseServerRow> {
  try {
    return await mutate(ctx, request, async (trx, audit) => {
      const row = await licenseServerRepository.insert(trx, scope, {
        id: ctx.newId('licenseServer'),
        name,
        hosts: [],
        vendorDaemons: [],
        timeZone: timeZone ?? 'UTC',
        enabled: true,
        now: ctx.clock(),
      });
      await audit({
        chainId: scope.accountId,
        action: 'license-server.created',
        targetType: 'license-server',
        targetId: row.id,
        changes: { organizationId: scope.organizationId, name, timeZone: row.timeZone, by: 'usage import' },
      });
      return row;
    });
  } catch (error) {
    // Two first imports of one server at once: the other created it; use that one.
    const existing = isUniqueViolation(error)
      ? await licenseServerRepository.getByName(ctx.db, scope, name)
      : undefined;
    if (existing) return existing;
    throw error;
  }
}
