// Table tests of the mode machine: one case per transition of E3 (and the non-transitions that keep
// the grace clock), each with its clock passed in. L = 10 unless stated; the 125% ceiling is 12.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  ComplianceInput,
  ComplianceMode,
  ComplianceReason,
  ComplianceState,
} from './compliance-types.ts';
import { evaluateCompliance } from './evaluate-compliance.ts';
import { REASON_RULES } from './remedies.ts';
import { day, T0 } from './test-clock.ts';
import { CEILING, expired, GRACE, input, LIGHT, NORMAL, state } from './test-states.ts';

interface Case {
  name: string;
  previous: ComplianceState | null;
  input: ComplianceInput;
  now: Date;
  mode: ComplianceMode;
  reason: ComplianceReason;
  /** The transition's instant; null = no transition expected. */
  at: Date | null;
  graceStartedAt: Date | null;
}

const cases: Case[] = [
  {
    name: 'stays NORMAL while counted ≤ L',
    previous: NORMAL,
    input: input(10),
    now: day(1),
    mode: 'NORMAL',
    reason: 'WITHIN_LIMIT',
    at: null,
    graceStartedAt: null,
  },
  {
    name: 'NORMAL → GRACE when L is exceeded, starting the grace clock',
    previous: NORMAL,
    input: input(11),
    now: day(1),
    mode: 'GRACE',
    reason: 'OVER_USER_LIMIT',
    at: day(1),
    graceStartedAt: day(1),
  },
  {
    name: 'NORMAL → GRACE at exactly 125% of L (12 of 10)',
    previous: NORMAL,
    input: input(12),
    now: day(1),
    mode: 'GRACE',
    reason: 'OVER_USER_LIMIT',
    at: day(1),
    graceStartedAt: day(1),
  },
  {
    name: 'NORMAL → RESTRICTED when counted > 125% L',
    previous: NORMAL,
    input: input(13),
    now: day(1),
    mode: 'RESTRICTED',
    reason: 'OVER_USER_LIMIT_CEILING',
    at: day(1),
    graceStartedAt: day(1),
  },
  {
    name: 'first evaluation over L starts in GRACE',
    previous: null,
    input: input(11),
    now: T0,
    mode: 'GRACE',
    reason: 'OVER_USER_LIMIT',
    at: T0,
    graceStartedAt: T0,
  },
  {
    name: 'stays in GRACE before the grace period ends, keeping its start',
    previous: GRACE,
    input: input(12),
    now: day(29.9),
    mode: 'GRACE',
    reason: 'OVER_USER_LIMIT',
    at: null,
    graceStartedAt: T0,
  },
  {
    name: 'GRACE → LIGHT_RESTRICTED when the grace period ends, dated at its end',
    previous: GRACE,
    input: input(11),
    now: day(31),
    mode: 'LIGHT_RESTRICTED',
    reason: 'GRACE_PERIOD_ENDED',
    at: day(30),
    graceStartedAt: T0,
  },
  {
    name: 'GRACE → LIGHT_RESTRICTED at the exact end instant',
    previous: GRACE,
    input: input(11),
    now: day(30),
    mode: 'LIGHT_RESTRICTED',
    reason: 'GRACE_PERIOD_ENDED',
    at: day(30),
    graceStartedAt: T0,
  },
  {
    name: 'GRACE → NORMAL when counted drops to L, resetting the grace clock',
    previous: GRACE,
    input: input(10),
    now: day(5),
    mode: 'NORMAL',
    reason: 'WITHIN_LIMIT',
    at: day(5),
    graceStartedAt: null,
  },
  {
    name: 'GRACE → RESTRICTED when counted exceeds 125% L',
    previous: GRACE,
    input: input(13),
    now: day(5),
    mode: 'RESTRICTED',
    reason: 'OVER_USER_LIMIT_CEILING',
    at: day(5),
    graceStartedAt: T0,
  },
  {
    name: 'stays LIGHT_RESTRICTED while over L',
    previous: LIGHT,
    input: input(11),
    now: day(40),
    mode: 'LIGHT_RESTRICTED',
    reason: 'GRACE_PERIOD_ENDED',
    at: null,
    graceStartedAt: T0,
  },
  {
    name: 'LIGHT_RESTRICTED → NORMAL when counted ≤ L',
    previous: LIGHT,
    input: input(9),
    now: day(40),
    mode: 'NORMAL',
    reason: 'WITHIN_LIMIT',
    at: day(40),
    graceStartedAt: null,
  },
  {
    name: 'LIGHT_RESTRICTED → RESTRICTED when counted > 125% L',
    previous: LIGHT,
    input: input(20),
    now: day(40),
    mode: 'RESTRICTED',
    reason: 'OVER_USER_LIMIT_CEILING',
    at: day(40),
    graceStartedAt: T0,
  },
  {
    name: 'RESTRICTED → NORMAL when counted ≤ L',
    previous: CEILING,
    input: input(10),
    now: day(3),
    mode: 'NORMAL',
    reason: 'WITHIN_LIMIT',
    at: day(3),
    graceStartedAt: null,
  },
  {
    name: 'RESTRICTED → GRACE when counted drops under the ceiling within the grace period',
    previous: CEILING,
    input: input(11),
    now: day(3),
    mode: 'GRACE',
    reason: 'OVER_USER_LIMIT',
    at: day(3),
    graceStartedAt: T0,
  },
  {
    name: 'RESTRICTED → LIGHT_RESTRICTED when counted drops under the ceiling after the grace period',
    previous: CEILING,
    input: input(11),
    now: day(45),
    mode: 'LIGHT_RESTRICTED',
    reason: 'GRACE_PERIOD_ENDED',
    at: day(45),
    graceStartedAt: T0,
  },
  {
    name: 'NORMAL → RESTRICTED on a license problem, whatever the count',
    previous: NORMAL,
    input: input(1, { problems: [expired] }),
    now: day(2),
    mode: 'RESTRICTED',
    reason: 'LICENSE_EXPIRED',
    at: day(2),
    graceStartedAt: null,
  },
  {
    name: 'GRACE → RESTRICTED on a license problem, the grace clock kept',
    previous: GRACE,
    input: input(11, { problems: [expired] }),
    now: day(2),
    mode: 'RESTRICTED',
    reason: 'LICENSE_EXPIRED',
    at: day(2),
    graceStartedAt: T0,
  },
  {
    name: 'RESTRICTED (ceiling) → RESTRICTED (problem) records the reason change',
    previous: CEILING,
    input: input(13, { problems: [expired] }),
    now: day(2),
    mode: 'RESTRICTED',
    reason: 'LICENSE_EXPIRED',
    at: day(2),
    graceStartedAt: T0,
  },
  {
    name: 'RESTRICTED (problem) → NORMAL once the problem is remedied',
    previous: state('RESTRICTED', 'LICENSE_EXPIRED', T0, null),
    input: input(3),
    now: day(2),
    mode: 'NORMAL',
    reason: 'WITHIN_LIMIT',
    at: day(2),
    graceStartedAt: null,
  },
  {
    name: 'GRACE → NORMAL when an extension raises L above the count',
    previous: GRACE,
    input: input(11, { extension: { userLimit: 15, until: day(20) } }),
    now: day(5),
    mode: 'NORMAL',
    reason: 'WITHIN_LIMIT',
    at: day(5),
    graceStartedAt: null,
  },
  {
    name: 'RESTRICTED → GRACE when an extension lifts the ceiling (15 → 18)',
    previous: CEILING,
    input: input(16, { extension: { userLimit: 15, until: day(20) } }),
    now: day(5),
    mode: 'GRACE',
    reason: 'OVER_USER_LIMIT',
    at: day(5),
    graceStartedAt: T0,
  },
  {
    name: 'NORMAL → GRACE when the extension ends with the count still over L',
    previous: NORMAL,
    input: input(11, { extension: { userLimit: 15, until: day(20) } }),
    now: day(20),
    mode: 'GRACE',
    reason: 'OVER_USER_LIMIT',
    at: day(20),
    graceStartedAt: day(20),
  },
  {
    name: 'a configured 7-day grace period ends on day 7',
    previous: GRACE,
    input: input(11, { gracePeriodDays: 7 }),
    now: day(7),
    mode: 'LIGHT_RESTRICTED',
    reason: 'GRACE_PERIOD_ENDED',
    at: day(7),
    graceStartedAt: T0,
  },
  {
    name: 'an unlimited license stays NORMAL at any count',
    previous: NORMAL,
    input: input(10_000, { userLimit: null }),
    now: day(1),
    mode: 'NORMAL',
    reason: 'WITHIN_LIMIT',
    at: null,
    graceStartedAt: null,
  },
  {
    name: 'L = 4: 5 users (125%) is GRACE',
    previous: NORMAL,
    input: input(5, { userLimit: 4 }),
    now: day(1),
    mode: 'GRACE',
    reason: 'OVER_USER_LIMIT',
    at: day(1),
    graceStartedAt: day(1),
  },
  {
    name: 'L = 4: 6 users is RESTRICTED',
    previous: NORMAL,
    input: input(6, { userLimit: 4 }),
    now: day(1),
    mode: 'RESTRICTED',
    reason: 'OVER_USER_LIMIT_CEILING',
    at: day(1),
    graceStartedAt: day(1),
  },
];

describe('evaluateCompliance transitions', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { state: next, status, transition } = evaluateCompliance(c.previous, c.input, c.now);
      assert.equal(next.mode, c.mode);
      assert.equal(next.reason, c.reason);
      assert.deepEqual(next.graceStartedAt, c.graceStartedAt);
      assert.equal(status.mode, c.mode);
      assert.deepEqual(status.remedy, REASON_RULES[c.reason].remedy);
      if (c.at === null) {
        assert.equal(transition, null);
        assert.deepEqual(next.since, c.previous?.since ?? c.now);
      } else {
        assert.ok(transition, 'a transition is reported');
        assert.deepEqual(transition.from, {
          mode: c.previous?.mode ?? 'NORMAL',
          reason: c.previous?.reason ?? 'WITHIN_LIMIT',
        });
        assert.deepEqual(transition.to, { mode: c.mode, reason: c.reason });
        assert.deepEqual(transition.at, c.at);
        assert.deepEqual(next.since, c.at);
        assert.deepEqual(transition.remedy, REASON_RULES[c.reason].remedy);
      }
    });
  }
});
