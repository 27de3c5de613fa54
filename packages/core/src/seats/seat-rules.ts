// Named-user seats (MISSION D7): a license with a user limit (effective maxUsers) has that many seats;
// each is assigned to one person of the license's organization. Pure checks and utilization figures.
import { AppError } from '../errors/app-error.ts';

/** A license as seat assignment sees it; `assigned` counts its current seat holders. */
export interface SeatLicense {
  id: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
  /** The effective user limit (policy maxUsers, overridable per license); null = not a named-user license. */
  maxUsers: number | null;
  assigned: number;
}

export interface SeatPerson {
  id: string;
  status: 'ACTIVE' | 'DISABLED';
}

function assignable(license: SeatLicense): number {
  if (license.maxUsers === null) {
    throw new AppError(
      'CONFLICT',
      `License ${license.id} does not limit users: it has no named-user seats to assign`,
    );
  }
  if (license.status === 'REVOKED') throw new AppError('CONFLICT', `License ${license.id} is revoked`);
  return license.maxUsers;
}

function activeOrThrow(person: SeatPerson): void {
  if (person.status !== 'ACTIVE') {
    throw new AppError('CONFLICT', `Person ${person.id} is disabled: enable them before assigning a seat`);
  }
}

/**
 * Throw unless `person` may take a seat of `license` now: a named-user license that is not revoked,
 * an active person who holds no seat of it yet, and a free seat (SEATS_EXHAUSTED otherwise).
 * @example checkSeatAssignment({ id: 'lic_1', status: 'ACTIVE', maxUsers: 2, assigned: 2 }, ann, false) // throws SEATS_EXHAUSTED
 */
export function checkSeatAssignment(license: SeatLicense, person: SeatPerson, alreadyHolds: boolean): void {
  const capacity = assignable(license);
  activeOrThrow(person);
  if (alreadyHolds)
    throw new AppError('CONFLICT', `Person ${person.id} already holds a seat of license ${license.id}`);
  if (license.assigned >= capacity) {
    throw new AppError(
      'SEATS_EXHAUSTED',
      `All ${capacity} seats of license ${license.id} are assigned: unassign or transfer one, or ask your vendor for more`,
      { extensions: { capacity, assigned: license.assigned } },
    );
  }
}

/**
 * Throw unless the seat of `from` may move to `to`. A transfer never changes the number of assigned
 * seats, so it is allowed even when the license is at (or, after a lowered limit, above) capacity.
 */
export function checkSeatTransfer(
  license: SeatLicense,
  from: { id: string; holds: boolean },
  to: SeatPerson & { holds: boolean },
): void {
  assignable(license);
  if (!from.holds)
    throw new AppError('NOT_FOUND', `Person ${from.id} holds no seat of license ${license.id}`);
  if (from.id === to.id)
    throw new AppError('CONFLICT', 'A seat cannot be transferred to the person who holds it');
  activeOrThrow(to);
  if (to.holds)
    throw new AppError('CONFLICT', `Person ${to.id} already holds a seat of license ${license.id}`);
}
