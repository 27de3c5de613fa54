// Table tests for the access decision: tenancy first (not-found), then permissions (forbidden).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorize, mayGrant, type Principal } from './authorize.ts';

const operator: Principal = {
  kind: 'operator',
  tokenId: 't0',
  roles: ['operator'],
  accountId: null,
  organizationId: null,
};
const admin: Principal = {
  kind: 'account',
  tokenId: 't1',
  roles: ['admin'],
  accountId: 'a1',
  organizationId: null,
};
const reader: Principal = {
  kind: 'account',
  tokenId: 't2',
  roles: ['read-only'],
  accountId: 'a1',
  organizationId: null,
};
const orgAdmin: Principal = {
  kind: 'organization',
  tokenId: 't3',
  roles: ['org-admin'],
  accountId: 'a1',
  organizationId: 'o1',
};

describe('authorize', () => {
  const cases: [
    string,
    Principal,
    Parameters<typeof authorize>[1],
    Parameters<typeof authorize>[2],
    string,
  ][] = [
    ['operator reaches any account', operator, 'organization:write', { accountId: 'a9' }, 'allow'],
    ['operator manages accounts', operator, 'account:manage', {}, 'allow'],
    ['account admin cannot create accounts', admin, 'account:manage', { accountId: 'a1' }, 'forbidden'],
    [
      'another account is invisible, not forbidden',
      admin,
      'organization:read',
      { accountId: 'a2' },
      'not-found',
    ],
    ['deployment-wide scope is invisible to account tokens', admin, 'account:read', {}, 'not-found'],
    ['read-only reads', reader, 'organization:read', { accountId: 'a1' }, 'allow'],
    ['read-only may not write', reader, 'organization:write', { accountId: 'a1' }, 'forbidden'],
    [
      'org token sees its organization',
      orgAdmin,
      'organization:read',
      { accountId: 'a1', organizationId: 'o1' },
      'allow',
    ],
    [
      'org token does not see a sibling organization',
      orgAdmin,
      'organization:read',
      { accountId: 'a1', organizationId: 'o2' },
      'not-found',
    ],
    [
      'org token does not see account-wide resources',
      orgAdmin,
      'audit:read',
      { accountId: 'a1' },
      'not-found',
    ],
  ];
  for (const [name, principal, permission, scope, expected] of cases) {
    it(name, () => assert.equal(authorize(principal, permission, scope), expected));
  }
});

describe('mayGrant', () => {
  it('refuses to let an account admin mint an operator token', () => {
    assert.equal(mayGrant(admin, 'operator', ['operator'], {}), 'not-found');
  });
  it('refuses roles that do not belong to the token kind', () => {
    assert.equal(mayGrant(operator, 'account', ['org-admin'], { accountId: 'a1' }), 'forbidden');
  });
  it('refuses a token without roles', () => {
    assert.equal(mayGrant(operator, 'account', [], { accountId: 'a1' }), 'forbidden');
  });
  it('lets an account admin mint a read-only token in its account', () => {
    assert.equal(mayGrant(admin, 'account', ['read-only'], { accountId: 'a1' }), 'allow');
  });
  it('refuses escalation: read-only cannot mint an admin token', () => {
    assert.equal(mayGrant(reader, 'account', ['admin'], { accountId: 'a1' }), 'forbidden');
  });
  it('lets an org admin mint an org-read token for its own organization only', () => {
    assert.equal(
      mayGrant(orgAdmin, 'organization', ['org-read'], { accountId: 'a1', organizationId: 'o1' }),
      'allow',
    );
    assert.equal(
      mayGrant(orgAdmin, 'organization', ['org-read'], { accountId: 'a1', organizationId: 'o2' }),
      'not-found',
    );
  });
});
