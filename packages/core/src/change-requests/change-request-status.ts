// The life of a change request: the vendor takes it (OPEN → IN_PROGRESS) and closes it (RESOLVED or
// REJECTED); it may also reject an OPEN request outright. Closed requests stay closed.
import type { ChangeRequestStatus } from './change-request-types.ts';

const NEXT: Record<ChangeRequestStatus, readonly ChangeRequestStatus[]> = {
  OPEN: ['IN_PROGRESS', 'REJECTED'],
  IN_PROGRESS: ['RESOLVED', 'REJECTED'],
  RESOLVED: [],
  REJECTED: [],
};

export type TransitionDecision = { ok: true } | { ok: false; reason: string };

/** True for RESOLVED and REJECTED. */
export function isClosed(status: ChangeRequestStatus): boolean {
  return NEXT[status].length === 0;
}

/** The statuses a request may move to from `status`. */
export function nextStatuses(status: ChangeRequestStatus): readonly ChangeRequestStatus[] {
  return NEXT[status];
}

/**
 * May a request move from `from` to `to`?
 * @example decideTransition('OPEN', 'RESOLVED') // { ok: false, reason: 'An OPEN request moves to IN_PROGRESS or REJECTED, not RESOLVED' }
 */
export function decideTransition(from: ChangeRequestStatus, to: ChangeRequestStatus): TransitionDecision {
  if (NEXT[from].includes(to)) return { ok: true };
  if (isClosed(from))
    return { ok: false, reason: `The request is already ${from}: it cannot change any more` };
  return { ok: false, reason: `An ${from} request moves to ${NEXT[from].join(' or ')}, not ${to}` };
}
