// Options rules: each subject kind, and the documented precedence EXCLUDE, then RESERVE, then MAX, then INCLUDE.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DenialCode } from './denial-codes.ts';
import type { FeatureOptions, Subject } from './options.ts';
import { evaluateOptionRules } from './options-rules.ts';
import type { PoolState, SeatHolder } from './pool-state.ts';
import { subjectMatches } from './subject-matches.ts';
import { lease, opts, pool, req } from './test-pool.ts';

const alice: SeatHolder = {
  user: 'alice',
  host: 'ws-a',
  group: 'cad-users',
  department: 'R&D',
  ip: '10.0.3.7',
};
const defs = { groups: { eng: ['alice', 'bob'] }, hostGroups: { lab: ['ws-a', 'ws-b'] } };

describe('subjectMatches', () => {
  const cases: [Subject, boolean][] = [
    [{ kind: 'USER', name: 'alice' }, true],
    [{ kind: 'USER', name: 'Alice' }, false],
    [{ kind: 'HOST', name: 'ws-a' }, true],
    [{ kind: 'HOST', name: 'ws-b' }, false],
    [{ kind: 'GROUP', name: 'eng' }, true],
    [{ kind: 'GROUP', name: 'cad-users' }, true],
    [{ kind: 'GROUP', name: 'sales' }, false],
    [{ kind: 'HOST_GROUP', name: 'lab' }, true],
    [{ kind: 'HOST_GROUP', name: 'office' }, false],
    [{ kind: 'DEPARTMENT', name: 'R&D' }, true],
    [{ kind: 'DEPARTMENT', name: 'Sales' }, false],
    [{ kind: 'INTERNET', name: '10.0.0.0/16' }, true],
    [{ kind: 'INTERNET', name: '10.0.*.*' }, true],
    [{ kind: 'INTERNET', name: '10.1.*.*' }, false],
  ];
  for (const [subject, expected] of cases) {
    it(`${expected ? 'matches' : 'does not match'} ${subject.kind} ${subject.name}`, () => {
      assert.equal(subjectMatches(subject, alice, defs), expected);
    });
  }
});

const aliceReq = () => req({ user: 'alice', host: 'ws-a' });
const reserveAlice = { count: 1, subject: { kind: 'USER' as const, name: 'alice' } };
const maxAlice = { count: 0, subject: { kind: 'USER' as const, name: 'alice' } };

describe('evaluateOptionRules precedence', () => {
  const cases: [string, PoolState, FeatureOptions, DenialCode[], boolean][] = [
    ['no rules: allowed', pool(), opts(), [], false],
    [
      'EXCLUDE beats RESERVE: an excluded subject of a reservation is still excluded',
      pool(),
      opts({ exclude: [{ kind: 'USER', name: 'alice' }], reserve: [reserveAlice] }),
      ['EXCLUDED'],
      true,
    ],
    [
      'RESERVE beats MAX: a reserved seat is granted even at MAX',
      pool(),
      opts({ reserve: [reserveAlice], max: [maxAlice] }),
      [],
      true,
    ],
    [
      'RESERVE beats INCLUDE: a reserved seat is granted outside the INCLUDE list',
      pool(),
      opts({ reserve: [reserveAlice], include: [{ kind: 'USER', name: 'bob' }] }),
      [],
      true,
    ],
    [
      'MAX applies once the reservation is used',
      pool({ leases: [lease({ user: 'alice' })] }),
      opts({ reserve: [reserveAlice], max: [{ count: 1, subject: reserveAlice.subject }] }),
      ['MAX_REACHED'],
      false,
    ],
    [
      'MAX and INCLUDE are both reported',
      pool(),
      opts({ max: [maxAlice], include: [{ kind: 'USER', name: 'bob' }] }),
      ['MAX_REACHED', 'NOT_INCLUDED'],
      false,
    ],
    ['INCLUDE admits its subjects', pool(), opts({ include: [{ kind: 'HOST', name: 'ws-a' }] }), [], false],
  ];
  for (const [name, state, options, codes, reserved] of cases) {
    it(name, () => {
      const out = evaluateOptionRules(state, aliceReq(), options);
      assert.deepEqual(
        out.violations.map((v) => v.code),
        codes,
      );
      assert.equal(out.reserved, reserved);
    });
  }
});
