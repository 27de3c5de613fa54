// Table tests for seat assignment, transfer and utilization.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors/app-error.ts';
import { checkSeatAssignment, checkSeatTransfer, type SeatLicense } from './seat-rules.ts';
import { seatUtilization } from './seat-utilization.ts';

const license = (over: Partial<SeatLicense> = {}): SeatLicense => ({
  id: 'lic_1',
  status: 'ACTIVE',
  maxUsers: 2,
  assigned: 0,
  ...over,
});
const ann = { id: 'person_ann', status: 'ACTIVE' as const };
const codeOf = (run: () => void) => {
  try {
    run();
    return 'OK';
  } catch (error) {
    assert.ok(error instanceof AppError);
    return error.code;
  }
};

describe('checkSeatAssignment', () => {
  const cases: [string, () => void, string][] = [
    ['assigns a free seat', () => checkSeatAssignment(license({ assigned: 1 }), ann, false), 'OK'],
    [
      'assigns on a suspended license (seats are managed while it is suspended)',
      () => checkSeatAssignment(license({ status: 'SUSPENDED' }), ann, false),
      'OK',
    ],
    [
      'refuses the seat after the last one',
      () => checkSeatAssignment(license({ assigned: 2 }), ann, false),
      'SEATS_EXHAUSTED',
    ],
    [
      'refuses a license without a user limit',
      () => checkSeatAssignment(license({ maxUsers: null }), ann, false),
      'CONFLICT',
    ],
    [
      'refuses a revoked license',
      () => checkSeatAssignment(license({ status: 'REVOKED' }), ann, false),
      'CONFLICT',
    ],
    [
      'refuses a disabled person',
      () => checkSeatAssignment(license(), { id: 'p', status: 'DISABLED' }, false),
      'CONFLICT',
    ],
    [
      'refuses a second seat for the same person',
      () => checkSeatAssignment(license(), ann, true),
      'CONFLICT',
    ],
  ];
  for (const [name, run, code] of cases) it(name, () => assert.equal(codeOf(run), code));
});

describe('checkSeatTransfer', () => {
  const bo = { id: 'person_bo', status: 'ACTIVE' as const, holds: false };
  const cases: [string, () => void, string][] = [
    [
      'moves a seat on a full license',
      () => checkSeatTransfer(license({ assigned: 2 }), { id: ann.id, holds: true }, bo),
      'OK',
    ],
    [
      'refuses when the giver holds no seat',
      () => checkSeatTransfer(license(), { id: ann.id, holds: false }, bo),
      'NOT_FOUND',
    ],
    [
      'refuses when the receiver already holds one',
      () => checkSeatTransfer(license(), { id: ann.id, holds: true }, { ...bo, holds: true }),
      'CONFLICT',
    ],
    [
      'refuses a disabled receiver',
      () => checkSeatTransfer(license(), { id: ann.id, holds: true }, { ...bo, status: 'DISABLED' }),
      'CONFLICT',
    ],
    [
      'refuses a transfer to oneself',
      () => checkSeatTransfer(license(), { id: ann.id, holds: true }, { ...ann, holds: true }),
      'CONFLICT',
    ],
  ];
  for (const [name, run, code] of cases) it(name, () => assert.equal(codeOf(run), code));
});

describe('seatUtilization', () => {
  const result = seatUtilization([
    { licenseId: 'lic_a', environmentId: 'env_p', capacity: 10, assigned: 4 },
    { licenseId: 'lic_b', environmentId: 'env_p', capacity: 5, assigned: 5 },
    { licenseId: 'lic_c', environmentId: null, capacity: 3, assigned: 0 },
    { licenseId: 'lic_site', environmentId: 'env_p', capacity: null, assigned: 0 },
  ]);

  it('reports each named-user license and leaves out licenses without a user limit', () => {
    assert.deepEqual(
      result.licenses.map((l) => [l.licenseId, l.assigned, l.available, l.ratio]),
      [
        ['lic_a', 4, 6, 0.4],
        ['lic_b', 5, 0, 1],
        ['lic_c', 0, 3, 0],
      ],
    );
  });
  it('adds up per environment, with licenses not installed yet under null', () => {
    assert.deepEqual(
      result.environments.map((e) => [e.environmentId, e.licenseCount, e.capacity, e.assigned]),
      [
        ['env_p', 2, 15, 9],
        [null, 1, 3, 0],
      ],
    );
  });
  it('totals every named-user seat', () => {
    assert.deepEqual(result.total, { capacity: 18, assigned: 9, available: 9, ratio: 0.5 });
  });
  it('never reports negative availability after a lowered limit', () => {
    const over = seatUtilization([{ licenseId: 'l', environmentId: null, capacity: 1, assigned: 3 }]);
    assert.deepEqual(over.total, { capacity: 1, assigned: 3, available: 0, ratio: 3 });
  });
});
