// The one way privileges change (set, grant one, remove one): lock the organization, load the person,
// let the core decide (never remove the last supervisor), store, audit — in one transaction.
import { AppError, decidePrivilegeChange, notFound, type OrgPrivilege } from '@licentia/core';
import { type PrivilegedPerson, privilegeRepository } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import { type AppContext, mutate } from '../../http/context.ts';

export interface PrivilegeTarget {
  accountId: string;
  organizationId: string;
  personId: string;
}

/** Apply `next(current)` to the person's privileges; answers the person after and the warning. */
export async function changePrivileges(
  ctx: AppContext,
  request: FastifyRequest,
  target: PrivilegeTarget,
  next: (current: readonly OrgPrivilege[]) => OrgPrivilege[],
): Promise<{ person: PrivilegedPerson; warning: string | null }> {
  const { accountId, organizationId, personId } = target;
  return mutate(ctx, request, async (trx, audit) => {
    // Serializes privilege changes of the organization: two supervisors removing each other at once
    // must not both see the other one remaining.
    if (!(await privilegeRepository.lockOrganization(trx, accountId, organizationId))) {
      throw notFound('person', personId);
    }
    const person = await privilegeRepository.person(trx, accountId, organizationId, personId);
    if (!person) throw notFound('person', personId);
    const supervisors = await privilegeRepository.activeSupervisors(trx, accountId, organizationId);
    const decision = decidePrivilegeChange({
      personId,
      personActive: person.status === 'ACTIVE',
      current: person.privileges,
      next: next(person.privileges),
      activeSupervisorIds: supervisors.map((s) => s.id),
    });
    if (!decision.ok) throw new AppError('LAST_SUPERVISOR', decision.detail);
    if (decision.granted.length > 0 || decision.removed.length > 0) {
      await privilegeRepository.replace(
        trx,
        accountId,
        organizationId,
        personId,
        decision.privileges,
        ctx.clock(),
      );
      await audit({
        chainId: accountId,
        action: 'person.privileges_changed',
        targetType: 'person',
        targetId: personId,
        changes: { organizationId, granted: decision.granted, removed: decision.removed },
      });
    }
    return { person: { ...person, privileges: decision.privileges }, warning: decision.warning };
  });
}
