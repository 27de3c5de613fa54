// The status an evaluation shows: restricted capabilities per mode, remedies, warnings with the grace
// end and the ceiling, extensions, and a fresh grace period after a return to NORMAL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComplianceState } from './compliance-types.ts';
import { evaluateCompliance } from './evaluate-compliance.ts';
import { day } from './test-clock.ts';
import { GRACE, input, LIGHT, NORMAL } from './test-states.ts';

describe('compliance status', () => {
  it('lists the restricted capabilities of each mode', () => {
    const restricted = (n: number, prev: ComplianceState) =>
      evaluateCompliance(prev, input(n), day(40)).status.restricted;
    assert.deepEqual(restricted(10, NORMAL), []);
    assert.deepEqual(evaluateCompliance(NORMAL, input(11), day(1)).status.restricted, []);
    assert.deepEqual(restricted(11, GRACE), ['ADMINISTRATION', 'REPORTING']);
    assert.deepEqual(restricted(13, GRACE), ['ADMINISTRATION', 'REPORTING', 'USAGE_IMPORT', 'HARVESTING']);
  });

  it('names the remedies of seed 001 for an exceeded user limit', () => {
    assert.deepEqual(evaluateCompliance(NORMAL, input(13), day(1)).status.remedy, [
      'Load a license with a higher user limit.',
      'Wait for the user count to drop.',
      'Disable license servers and wait for the user count to drop.',
    ]);
  });

  it('warns in GRACE with the end of the grace period and the ceiling', () => {
    const { status } = evaluateCompliance(GRACE, input(11), day(2));
    assert.deepEqual(status.graceEndsAt, day(30));
    assert.equal(status.ceiling, 12);
    assert.match(
      status.warnings[0] ?? '',
      /11 users counted over the limit of 10; the grace period ends at 2025-03-31/,
    );
  });

  it('shows the extended limit and says until when', () => {
    const { status } = evaluateCompliance(
      NORMAL,
      input(11, { extension: { userLimit: 15, until: day(20) } }),
      day(1),
    );
    assert.equal(status.effectiveUserLimit, 15);
    assert.equal(status.ceiling, 18);
    assert.match(status.warnings.join(' '), /temporarily raised to 15 until 2025-03-21/);
  });

  it('an extension below L never lowers it', () => {
    const { status } = evaluateCompliance(
      NORMAL,
      input(9, { extension: { userLimit: 5, until: day(20) } }),
      day(1),
    );
    assert.equal(status.effectiveUserLimit, 10);
    assert.equal(status.mode, 'NORMAL');
  });

  it('a fresh overage after returning to NORMAL gets a full grace period', () => {
    const back = evaluateCompliance(LIGHT, input(10), day(40)).state;
    const again = evaluateCompliance(back, input(11), day(41));
    assert.equal(again.state.mode, 'GRACE');
    assert.deepEqual(again.status.graceEndsAt, day(71));
  });
});
