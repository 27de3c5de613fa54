// Reservation accounting with overlapping subjects, and INTERNET address patterns.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ipMatches } from './internet-address.ts';
import type { CountedRule } from './options.ts';
import { reservationUse } from './reservation-flow.ts';
import { opts } from './test-pool.ts';

const user = (name: string, count: number): CountedRule => ({ count, subject: { kind: 'USER', name } });
const group = (name: string, count: number): CountedRule => ({ count, subject: { kind: 'GROUP', name } });
const h = (u: string, count = 1) => ({ user: u, host: `${u}-host`, count });

describe('reservationUse', () => {
  const groups = { eng: ['alice', 'bob'] };
  const cases: [string, ReturnType<typeof h>[], CountedRule[], { used: number; unused: number }][] = [
    ['nothing reserved', [h('alice')], [], { used: 0, unused: 0 }],
    ['an unused reservation', [], [user('alice', 2)], { used: 0, unused: 2 }],
    ['a holder uses its own reservation', [h('alice')], [user('alice', 2)], { used: 1, unused: 1 }],
    ['a non-subject uses nothing', [h('carol')], [user('alice', 2)], { used: 0, unused: 2 }],
    [
      'a holder counts once even when it matches two rules',
      [h('alice')],
      [user('alice', 1), group('eng', 1)],
      { used: 1, unused: 1 },
    ],
    // Greedy would put alice on GROUP eng and leave bob nothing; the flow moves alice to USER alice.
    [
      'overlaps are resolved to use as many reserved seats as possible',
      [h('alice'), h('bob')],
      [group('eng', 1), user('alice', 1)],
      { used: 2, unused: 0 },
    ],
    [
      'a multi-seat holder fills several rules',
      [h('alice', 3)],
      [user('alice', 1), group('eng', 1)],
      { used: 2, unused: 0 },
    ],
  ];
  for (const [name, holders, reserve, expected] of cases) {
    it(name, () => assert.deepEqual(reservationUse(holders, opts({ reserve, groups })), expected));
  }
});

describe('ipMatches', () => {
  const cases: [string, string, boolean | undefined][] = [
    ['10.0.0.0/8', '10.200.1.1', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['192.168.1.0/24', '192.168.1.255', true],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['192.168.*.*', '192.168.9.9', true],
    ['192.168.*.*', '192.169.9.9', false],
    ['1.2.3.4', '1.2.3.4', true],
    ['1.2.3.4', 'not-an-ip', false],
    ['1.2.3.400', '1.2.3.4', undefined],
    ['10.0.0.0/33', '10.0.0.1', undefined],
  ];
  for (const [pattern, ip, expected] of cases) {
    it(`${pattern} vs ${ip} → ${expected}`, () => assert.equal(ipMatches(pattern, ip), expected));
  }
});
