// Table tests for change requests: payload validation per kind, case-number format, the status
// flow (OPEN → IN_PROGRESS → RESOLVED | REJECTED) and who is notified of each step.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCaseNumber, parseCaseNumber } from './case-number.ts';
import { notifyOtherSide } from './change-request-notifications.ts';
import { decideTransition, isClosed } from './change-request-status.ts';
import { validateChangeRequest } from './validate-change-request.ts';

const LIC = 'lic_01jz0000000000000000000000';
const ENV = 'env_01jz0000000000000000000000';
const PROD = 'prod_01jz0000000000000000000000';

describe('validateChangeRequest', () => {
  const valid: [string, unknown, Record<string, unknown>][] = [
    ['ADD_SEATS', { licenseId: LIC, quantity: 5 }, { licenseId: LIC, quantity: 5 }],
    ['ADD_INTEGRATION', { code: 'sap-hr', quantity: 1 }, { code: 'sap-hr', name: null, quantity: 1 }],
    [
      'RENAME_PRODUCT_DISPLAY_NAME',
      { productId: PROD, displayName: ' Goals ' },
      { productId: PROD, displayName: 'Goals' },
    ],
    [
      'MOVE_LICENSE_ENVIRONMENT',
      { licenseId: LIC, environmentId: ENV },
      { licenseId: LIC, environmentId: ENV },
    ],
    ['OTHER', { text: 'Please call me\nabout renewals' }, { text: 'Please call me\nabout renewals' }],
  ];
  for (const [kind, payload, expected] of valid) {
    it(`accepts a well-formed ${kind} request and derives a subject`, () => {
      const r = validateChangeRequest({ kind, payload });
      assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
      assert.deepEqual(r.value.payload, expected);
      assert.ok(r.value.subject.length > 0);
      assert.equal(r.value.description, null);
    });
  }

  const invalid: [string, unknown, unknown, string[]][] = [
    ['an unknown kind', 'DELETE_LICENSE', {}, ['kind']],
    ['a missing payload', 'ADD_SEATS', null, ['payload']],
    [
      'zero seats and a malformed license id',
      'ADD_SEATS',
      { licenseId: 'x', quantity: 0 },
      ['payload.licenseId', 'payload.quantity'],
    ],
    ['a license id of the wrong kind', 'ADD_SEATS', { licenseId: ENV, quantity: 1 }, ['payload.licenseId']],
    ['fractional quantity', 'ADD_INTEGRATION', { code: 'ai', quantity: 1.5 }, ['payload.quantity']],
    ['a bad integration code', 'ADD_INTEGRATION', { code: 'Has Spaces', quantity: 1 }, ['payload.code']],
    [
      'a blank display name',
      'RENAME_PRODUCT_DISPLAY_NAME',
      { productId: PROD, displayName: '  ' },
      ['payload.displayName'],
    ],
    ['a missing environment', 'MOVE_LICENSE_ENVIRONMENT', { licenseId: LIC }, ['payload.environmentId']],
    ['a member of another kind', 'OTHER', { text: 'x', quantity: 2 }, ['payload.quantity']],
  ];
  for (const [name, kind, payload, fields] of invalid) {
    it(`refuses ${name}, naming every bad field`, () => {
      const r = validateChangeRequest({ kind, payload });
      assert.equal(r.ok, false);
      assert.deepEqual(!r.ok && r.errors.map((e) => e.field), fields);
    });
  }
  it('keeps a given subject and description, trimmed', () => {
    const r = validateChangeRequest({
      kind: 'OTHER',
      payload: { text: 'x' },
      subject: ' Hi ',
      description: ' more ',
    });
    assert.ok(r.ok);
    assert.deepEqual([r.value.subject, r.value.description], ['Hi', 'more']);
  });
  it('refuses a blank subject', () => {
    const r = validateChangeRequest({ kind: 'OTHER', payload: { text: 'x' }, subject: ' ' });
    assert.deepEqual(!r.ok && r.errors.map((e) => e.field), ['subject']);
  });
});

describe('case numbers', () => {
  it('render with six digits and grow past them', () => {
    assert.equal(formatCaseNumber(4217), 'CASE-004217');
    assert.equal(formatCaseNumber(1), 'CASE-000001');
    assert.equal(formatCaseNumber(1_234_567), 'CASE-1234567');
  });
  it('parse back, and refuse what is not a case number', () => {
    assert.equal(parseCaseNumber('CASE-004217'), 4217);
    assert.equal(parseCaseNumber('case-000001'), 1);
    assert.equal(parseCaseNumber('CASE-42'), null);
    assert.equal(parseCaseNumber('CASE-000000'), null);
  });
});

describe('status flow', () => {
  const cases: [string, string, boolean][] = [
    ['OPEN', 'IN_PROGRESS', true],
    ['OPEN', 'REJECTED', true],
    ['OPEN', 'RESOLVED', false],
    ['OPEN', 'OPEN', false],
    ['IN_PROGRESS', 'RESOLVED', true],
    ['IN_PROGRESS', 'REJECTED', true],
    ['IN_PROGRESS', 'OPEN', false],
    ['RESOLVED', 'IN_PROGRESS', false],
    ['REJECTED', 'OPEN', false],
  ];
  for (const [from, to, ok] of cases) {
    it(`${ok ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
      const d = decideTransition(from as never, to as never);
      assert.equal(d.ok, ok);
    });
  }
  it('treats RESOLVED and REJECTED as closed', () => {
    assert.deepEqual((['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'] as const).map(isClosed), [
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('notifyOtherSide', () => {
  it('tells the vendor about a customer’s new request', () => {
    const n = notifyOtherSide('ORGANIZATION', 7, {
      type: 'created',
      subject: 'More seats',
      organizationName: 'Initech',
    });
    assert.deepEqual(n, {
      audience: 'VENDOR',
      kind: 'change_request.created',
      message: 'CASE-000007 new request from Initech: More seats',
    });
  });
  it('tells the organization about the vendor’s status change and comments', () => {
    assert.equal(
      notifyOtherSide('VENDOR', 7, { type: 'status', from: 'OPEN', to: 'IN_PROGRESS' }).audience,
      'ORGANIZATION',
    );
    const c = notifyOtherSide('VENDOR', 7, { type: 'comment', excerpt: `Done ${'x'.repeat(300)}` });
    assert.equal(c.kind, 'change_request.commented');
    assert.ok(c.message.length < 200);
  });
});
