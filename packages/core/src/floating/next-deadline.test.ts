// The sweeper's index: the next deadline is exact, so a sweep before it changes nothing and one at it does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expire } from './expire.ts';
import { nextDeadline } from './next-deadline.ts';
import { lease, opts, pool, req, SECOND, T0 } from './test-pool.ts';

describe('nextDeadline', () => {
  it('is undefined for an empty pool', () => {
    assert.equal(nextDeadline(pool(), opts()), undefined);
  });

  it('is the earliest of lease expiry, idle timeout, hold end and queue timeout', () => {
    const p = pool({
      leases: [lease({ expiresAt: T0 + 90 * SECOND, lastActiveAt: T0 })],
      holds: [{ entryId: 'lease_h', request: req(), grantedAt: T0, holdUntil: T0 + 80 * SECOND }],
      queue: [{ entryId: 'lease_q', request: req(), enqueuedAt: T0, lastHeartbeatAt: T0, position: 1 }],
    });
    assert.equal(nextDeadline(p, opts()), T0 + 80 * SECOND);
    assert.equal(nextDeadline(p, opts({ timeoutSeconds: 30 })), T0 + 30 * SECOND);
    assert.equal(nextDeadline({ ...p, holds: [], queueTimeoutSeconds: 10 }, opts()), T0 + 10 * SECOND);
  });

  it('ignores the idle timeout of borrowed and lingering leases', () => {
    const borrowed = lease({ borrowedUntil: T0 + 3600 * SECOND, expiresAt: T0 + 3600 * SECOND });
    assert.equal(nextDeadline(pool({ leases: [borrowed] }), opts({ timeoutSeconds: 5 })), T0 + 3600 * SECOND);
  });

  it('a sweep just before the deadline changes nothing; at the deadline it reclaims', () => {
    const p = pool({ leases: [lease(), lease({ lastActiveAt: T0 - 50 * SECOND })] });
    const o = opts({ timeoutSeconds: 60 });
    const due = nextDeadline(p, o)!;
    assert.equal(expire(p, o, due - 1).events.length, 0);
    assert.ok(expire(p, o, due).events.length > 0);
  });
});
