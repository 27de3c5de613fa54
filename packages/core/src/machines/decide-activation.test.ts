// Activation decisions: limits with every overage strategy, node-locking, status and time refusals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { effectiveTerms } from '../licenses/effective-terms.ts';
import type { License } from '../licenses/license-types.ts';
import { day, makeLicense, makePolicy } from '../licenses/test-fixtures.ts';
import { effectiveLimit } from '../policies/effective-limit.ts';
import { OVERAGE_STRATEGIES, type Policy } from '../policies/policy-types.ts';
import { type ActivationRequest, decideActivation } from './decide-activation.ts';

type RequestPatch = Partial<Omit<ActivationRequest, 'license'>> & { license?: License };

function request(patch: RequestPatch = {}, policy: Partial<Policy> = {}): ActivationRequest {
  // Terms come from the (possibly patched) license, so bound fingerprints reach them.
  const license = makeLicense(patch.license);
  return {
    license,
    terms: effectiveTerms(makePolicy({ maxMachines: 10, ...policy }), license),
    fingerprint: 'fp-new',
    activeCount: 0,
    alreadyActivated: false,
    now: day(1),
    ...patch,
  };
}

describe('decideActivation', () => {
  const cases: [string, ActivationRequest, string, boolean?][] = [
    ['the 10th machine of 10 is allowed without overage', request({ activeCount: 9 }), 'allowed', false],
    [
      'the 11th machine of 10 with NO overage is TOO_MANY_MACHINES',
      request({ activeCount: 10 }),
      'TOO_MANY_MACHINES',
    ],
    [
      'the 11th machine of 10 with 1.25X is an allowed overage',
      request({ activeCount: 10 }, { overage: '1.25X' }),
      'allowed',
      true,
    ],
    [
      'the 13th machine of 10 with 1.25X is TOO_MANY_MACHINES',
      request({ activeCount: 12 }, { overage: '1.25X' }),
      'TOO_MANY_MACHINES',
    ],
    [
      'ALWAYS allows any count as overage',
      request({ activeCount: 1000 }, { overage: 'ALWAYS' }),
      'allowed',
      true,
    ],
    [
      'an unlimited license allows any count',
      request({ activeCount: 1000 }, { maxMachines: null }),
      'allowed',
      false,
    ],
    [
      'a known fingerprint at the limit is re-allowed',
      request({ activeCount: 10, alreadyActivated: true }),
      'allowed',
      false,
    ],
    ['a revoked license is REVOKED', request({ license: makeLicense({ status: 'REVOKED' }) }), 'REVOKED'],
    [
      'a suspended license is SUSPENDED',
      request({ license: makeLicense({ status: 'SUSPENDED' }) }),
      'SUSPENDED',
    ],
    ['an expired license is EXPIRED', request({ now: day(400) }), 'EXPIRED'],
    [
      'a license in grace may activate',
      request({ now: day(366) }, { gracePeriodIso: 'P7D' }),
      'allowed',
      false,
    ],
    [
      'a license before its start is NOT_YET_VALID',
      request({ license: makeLicense({ startsAt: day(5) }) }),
      'NOT_YET_VALID',
    ],
    [
      'a license bound to other fingerprints is FINGERPRINT_MISMATCH',
      request({ license: makeLicense({ boundFingerprints: ['fp-a'] }) }),
      'FINGERPRINT_MISMATCH',
    ],
  ];
  for (const [guarantee, req, expected, overage] of cases) {
    it(guarantee, () => {
      const decision = decideActivation(req);
      if (expected === 'allowed') {
        assert.deepEqual([decision.allowed, decision.allowed && decision.overage], [true, overage]);
      } else {
        assert.deepEqual([decision.allowed, !decision.allowed && decision.code], [false, expected]);
      }
    });
  }

  it('reports every violation, the most severe as code', () => {
    const decision = decideActivation(
      request({ license: makeLicense({ status: 'SUSPENDED' }), now: day(400), activeCount: 10 }),
    );
    assert.equal(decision.allowed, false);
    if (!decision.allowed)
      assert.deepEqual(
        [decision.code, decision.violations.map((v) => v.code)],
        ['SUSPENDED', ['SUSPENDED', 'EXPIRED', 'TOO_MANY_MACHINES']],
      );
  });

  it('sequential activations never exceed the overage allowance: exactly 10 with NO, 12 with 1.25X', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom(...OVERAGE_STRATEGIES.filter((o) => o !== 'ALWAYS')),
        (max, overage) => {
          let active = 0;
          for (let i = 0; i < 200; i++) {
            const d = decideActivation(
              request({ activeCount: active, fingerprint: `fp-${i}` }, { maxMachines: max, overage }),
            );
            if (d.allowed) active++;
          }
          return active === effectiveLimit(max, overage);
        },
      ),
    );
  });
});
