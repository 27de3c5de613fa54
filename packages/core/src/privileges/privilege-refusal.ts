// The words of a refused organization action: which privilege it needs and whom to ask. The PTC
// model directs the person to their own supervisors, so the answer names them (name and email).
import type { OrgPrivilege } from './org-privileges.ts';

/** A supervisor to contact, as rendered in the `supervisors` member of the problem document. */
export interface SupervisorContact {
  id: string;
  name: string;
  email: string;
}

function needs(required: readonly OrgPrivilege[]): string {
  if (required.length === 1) return `the ${required[0]} privilege`;
  return `one of the privileges ${required.slice(0, -1).join(', ')} or ${required.at(-1)}`;
}

/**
 * The detail of a PRIVILEGE_REQUIRED answer.
 * @example
 * privilegeRefusalDetail(['LICENSING'], [{ id: 'p1', name: 'Ann Lee', email: 'ann@example.com' }])
 * // → 'This action needs the LICENSING privilege in your organization. Ask a supervisor: Ann Lee <ann@example.com>'
 */
export function privilegeRefusalDetail(
  required: readonly OrgPrivilege[],
  supervisors: readonly SupervisorContact[],
): string {
  const what = `This action needs ${needs(required)} in your organization.`;
  if (supervisors.length === 0) {
    return `${what} Your organization has no supervisor yet: ask your account manager to appoint one.`;
  }
  const list = supervisors.map((s) => `${s.name} <${s.email}>`).join(', ');
  return `${what} Ask a supervisor: ${list}`;
}

/** The detail of CONTACT_ACCOUNT_MANAGER: customers never change product or integration licenses. */
export const CONTACT_ACCOUNT_MANAGER_DETAIL =
  'Only your vendor changes product and integration licenses: file a change request or contact your account manager.';
