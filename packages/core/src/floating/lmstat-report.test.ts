// The lmstat-like report: header format, holder lines, and a round trip through the usage lmstat parser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLmstatParser } from '../usage/lmstat-parser.ts';
import { formatLmstatReport } from './lmstat-report.ts';
import { lease, opts, pool, SECOND, T0 } from './test-pool.ts';

const cad = pool({
  seats: 10,
  leases: [
    lease({ user: 'alice', host: 'ws1', display: '/dev/tty', startedAt: T0 }),
    lease({ user: 'bob', host: 'ws2', count: 2, startedAt: T0 + 3600 * SECOND }),
  ],
});
const report = { server: 'lic1', port: 27000, version: '1.0', timeZone: 'UTC' };

describe('formatLmstatReport', () => {
  it('prints the feature header and one line per holder', () => {
    const text = formatLmstatReport([cad], report);
    assert.deepEqual(text.split('\n').slice(0, 4), [
      'Users of cad:  (Total of 10 licenses issued;  Total of 3 licenses in use)',
      '',
      '    alice ws1 /dev/tty (v1.0) (lic1/27000 1), start Tue 10/6 9:41',
      '    bob ws2 ws2 (v1.0) (lic1/27000 2), start Tue 10/6 10:41, 2 licenses',
    ]);
  });

  it('prints start times in the server’s zone', () => {
    const text = formatLmstatReport([cad], { ...report, timeZone: 'America/New_York' });
    assert.match(text, /start Tue 10\/6 5:41/);
  });

  it('reads back through the usage lmstat parser', () => {
    const options = { cad: opts({ reserve: [{ count: 2, subject: { kind: 'USER', name: 'carol' } }] }) };
    const text = formatLmstatReport([cad], { ...report, now: T0 + 7200 * SECOND, options });
    const parser = createLmstatParser({ timeZone: 'UTC' });
    for (const line of text.split('\n')) parser.push(line);
    const feature = parser.end().features[0]!;
    assert.deepEqual([feature.feature, feature.issued, feature.inUse], ['cad', 10, 3]);
    assert.deepEqual(
      feature.holders.map((h) => [h.user, h.host, h.count, h.startedAt.getTime()]),
      [
        ['alice', 'ws1', 1, T0],
        ['bob', 'ws2', 2, T0 + 3600 * SECOND],
      ],
    );
    assert.deepEqual(
      feature.reservations.map((r) => [r.count, r.target, r.name]),
      [[2, 'USER', 'carol']],
    );
  });
});
