// Denials by feature, user and department: counting, distinct users, order and the top-N limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY0, rec } from './analytics-test-records.ts';
import { denialBreakdown } from './denial-breakdown.ts';

const denied = (user: string, feature: string, department: string | null) =>
  rec('DENIED', DAY0, 1, { user, feature, department, reason: 'NO_SEATS' });

describe('denialBreakdown', () => {
  const records = [
    denied('alice', 'cad', 'eng'),
    denied('alice', 'cad', 'eng'),
    denied('bob', 'cad', 'eng'),
    denied('carol', 'sim', null),
    rec('OUT', DAY0, 1, { user: 'dave' }),
    rec('QUEUED', DAY0, 1, { user: 'erin' }),
  ];
  const result = denialBreakdown(records);

  it('counts denials per feature with the distinct users denied', () =>
    assert.deepEqual(result.byFeature, [
      { key: 'cad', denials: 3, users: 2 },
      { key: 'sim', denials: 1, users: 1 },
    ]));

  it('counts denials per user, most denied first', () =>
    assert.deepEqual(
      result.byUser.map((r) => [r.key, r.denials]),
      [
        ['alice', 2],
        ['bob', 1],
        ['carol', 1],
      ],
    ));

  it('groups requesters without a department under null, listed last on a tie', () =>
    assert.deepEqual(result.byDepartment, [
      { key: 'eng', denials: 3, users: 2 },
      { key: null, denials: 1, users: 1 },
    ]));

  it('ignores every kind but DENIED', () =>
    assert.equal(
      result.byUser.some((r) => r.key === 'dave' || r.key === 'erin'),
      false,
    ));

  it('keeps the top N of each grouping', () =>
    assert.deepEqual(
      denialBreakdown(records, { limit: 1 }).byUser.map((r) => r.key),
      ['alice'],
    ));
});
