// The supervisor rules: an organization should keep at least two supervisors (warn below that) and
// can never lose its last one, so someone is always able to grant privileges.
import { type OrgPrivilege, sortPrivileges } from './org-privileges.ts';

/** Below this many active supervisors every privilege answer carries a warning. */
export const RECOMMENDED_SUPERVISORS = 2;

/** The warning to show while fewer than two active supervisors exist, or null. */
export function supervisorWarning(activeSupervisors: number): string | null {
  if (activeSupervisors >= RECOMMENDED_SUPERVISORS) return null;
  if (activeSupervisors === 0) {
    return 'This organization has no supervisor: nobody can grant privileges. Appoint at least two supervisors.';
  }
  return 'This organization has only one supervisor. Appoint a second one so privileges can still be managed in their absence.';
}

/** A person whose privileges change, and the organization's active supervisors before the change. */
export interface PrivilegeChange {
  personId: string;
  /** Only ACTIVE people count as supervisors (a disabled one cannot be asked). */
  personActive: boolean;
  current: readonly OrgPrivilege[];
  next: readonly OrgPrivilege[];
  /** Ids of the ACTIVE people holding SUPERVISOR now (the person included when they hold it). */
  activeSupervisorIds: readonly string[];
}

export type PrivilegeChangeDecision =
  | {
      ok: true;
      privileges: OrgPrivilege[];
      granted: OrgPrivilege[];
      removed: OrgPrivilege[];
      activeSupervisors: number;
      warning: string | null;
    }
  | { ok: false; code: 'LAST_SUPERVISOR'; detail: string };

/** True when taking SUPERVISOR away from `personId` (or removing them) would leave no active supervisor. */
export function isLastSupervisor(personId: string, activeSupervisorIds: readonly string[]): boolean {
  return activeSupervisorIds.length === 1 && activeSupervisorIds[0] === personId;
}

export const LAST_SUPERVISOR_DETAIL =
  'This person is the organization’s last supervisor: appoint another supervisor before removing this one.';

/**
 * Decide a change of one person's privileges. Refuses to take SUPERVISOR from the last active
 * supervisor; otherwise answers the new set, what was granted and removed, and the warning that
 * applies after the change.
 * @example
 * decidePrivilegeChange({ personId: 'p1', personActive: true, current: ['SUPERVISOR'], next: [], activeSupervisorIds: ['p1'] })
 * // → { ok: false, code: 'LAST_SUPERVISOR', … }
 */
export function decidePrivilegeChange(change: PrivilegeChange): PrivilegeChangeDecision {
  const current = new Set(change.current);
  const next = new Set(change.next);
  const losesSupervisor = current.has('SUPERVISOR') && !next.has('SUPERVISOR');
  if (losesSupervisor && isLastSupervisor(change.personId, change.activeSupervisorIds)) {
    return { ok: false, code: 'LAST_SUPERVISOR', detail: LAST_SUPERVISOR_DETAIL };
  }
  const supervisors = new Set(change.activeSupervisorIds);
  supervisors.delete(change.personId);
  if (next.has('SUPERVISOR') && change.personActive) supervisors.add(change.personId);
  return {
    ok: true,
    privileges: sortPrivileges(next),
    granted: sortPrivileges([...next].filter((p) => !current.has(p))),
    removed: sortPrivileges([...current].filter((p) => !next.has(p))),
    activeSupervisors: supervisors.size,
    warning: supervisorWarning(supervisors.size),
  };
}
