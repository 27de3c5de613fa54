// Table tests for organization privileges: what each kind of token holds, the supervisor rules
// (warning below two, never remove the last) and the refusal words that name the supervisors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal } from '../access/authorize.ts';
import { type BoundPerson, effectivePrivileges, holdsAny, type OrgPrivilege } from './org-privileges.ts';
import { privilegeRefusalDetail } from './privilege-refusal.ts';
import { decidePrivilegeChange, supervisorWarning } from './supervisor-rules.ts';

const org = (roles: Principal['roles'], personId: string | null = null): Principal => ({
  kind: 'organization',
  tokenId: 'tok_1',
  roles,
  accountId: 'acct_1',
  organizationId: 'org_1',
  personId,
});
const person = (privileges: OrgPrivilege[], extra: Partial<BoundPerson> = {}): BoundPerson => ({
  organizationId: 'org_1',
  status: 'ACTIVE',
  privileges,
  ...extra,
});

describe('effectivePrivileges', () => {
  const cases: [string, Principal, BoundPerson | null, OrgPrivilege[]][] = [
    ['unbound org-admin holds all three', org(['org-admin']), null, ['SUPERVISOR', 'LICENSING', 'REPORTING']],
    ['unbound org-read holds REPORTING only', org(['org-read']), null, ['REPORTING']],
    [
      'person-bound org-admin holds exactly the person’s privileges',
      org(['org-admin'], 'person_1'),
      person(['LICENSING']),
      ['LICENSING'],
    ],
    [
      'person-bound org-read is capped at REPORTING',
      org(['org-read'], 'person_1'),
      person(['SUPERVISOR', 'LICENSING', 'REPORTING']),
      ['REPORTING'],
    ],
    [
      'person-bound org-read without REPORTING holds nothing',
      org(['org-read'], 'person_1'),
      person(['LICENSING']),
      [],
    ],
    ['a person with no grants holds nothing', org(['org-admin'], 'person_1'), person([]), []],
    ['a deleted person holds nothing', org(['org-admin'], 'person_1'), null, []],
    [
      'a disabled person holds nothing',
      org(['org-admin'], 'person_1'),
      person(['SUPERVISOR'], { status: 'DISABLED' }),
      [],
    ],
    [
      'a person of another organization holds nothing',
      org(['org-admin'], 'person_1'),
      person(['SUPERVISOR'], { organizationId: 'org_2' }),
      [],
    ],
    [
      'several privileges are all held (LICENSING does not include REPORTING)',
      org(['org-admin'], 'person_1'),
      person(['LICENSING', 'SUPERVISOR']),
      ['SUPERVISOR', 'LICENSING'],
    ],
    [
      'vendor tokens hold no organization privileges (they act through permissions)',
      { ...org(['admin']), kind: 'account', organizationId: null },
      null,
      [],
    ],
  ];
  for (const [name, principal, bound, expected] of cases) {
    it(name, () => assert.deepEqual([...effectivePrivileges(principal, bound)].sort(), [...expected].sort()));
  }
  it('accepts any of several privileges', () => {
    const held = effectivePrivileges(org(['org-read']));
    assert.equal(holdsAny(held, ['LICENSING', 'REPORTING']), true);
    assert.equal(holdsAny(held, ['LICENSING']), false);
  });
});

describe('supervisor rules', () => {
  it('warns while fewer than two active supervisors exist', () => {
    assert.match(supervisorWarning(0) ?? '', /no supervisor/);
    assert.match(supervisorWarning(1) ?? '', /only one supervisor/);
    assert.equal(supervisorWarning(2), null);
    assert.equal(supervisorWarning(5), null);
  });

  const base = { personId: 'p1', personActive: true };
  it('refuses to remove SUPERVISOR from the last active supervisor', () => {
    const d = decidePrivilegeChange({
      ...base,
      current: ['SUPERVISOR'],
      next: [],
      activeSupervisorIds: ['p1'],
    });
    assert.equal(d.ok, false);
    assert.equal(!d.ok && d.code, 'LAST_SUPERVISOR');
  });
  it('refuses it even when other privileges stay', () => {
    const d = decidePrivilegeChange({
      ...base,
      current: ['SUPERVISOR', 'LICENSING'],
      next: ['LICENSING'],
      activeSupervisorIds: ['p1'],
    });
    assert.equal(d.ok, false);
  });
  it('removes a supervisor while another remains, and then warns', () => {
    const d = decidePrivilegeChange({
      ...base,
      current: ['SUPERVISOR'],
      next: [],
      activeSupervisorIds: ['p1', 'p2'],
    });
    assert.ok(d.ok);
    assert.deepEqual([d.removed, d.granted, d.activeSupervisors], [['SUPERVISOR'], [], 1]);
    assert.match(d.warning ?? '', /only one supervisor/);
  });
  it('grants the first supervisor with a warning and the second without', () => {
    const first = decidePrivilegeChange({
      ...base,
      current: [],
      next: ['SUPERVISOR'],
      activeSupervisorIds: [],
    });
    assert.ok(first.ok);
    assert.equal(first.activeSupervisors, 1);
    assert.match(first.warning ?? '', /only one supervisor/);
    const second = decidePrivilegeChange({
      ...base,
      personId: 'p2',
      current: [],
      next: ['SUPERVISOR'],
      activeSupervisorIds: ['p1'],
    });
    assert.ok(second.ok);
    assert.deepEqual([second.activeSupervisors, second.warning], [2, null]);
  });
  it('does not count a disabled person as a supervisor, and lets their SUPERVISOR go', () => {
    const granted = decidePrivilegeChange({
      ...base,
      personActive: false,
      current: [],
      next: ['SUPERVISOR'],
      activeSupervisorIds: ['p9'],
    });
    assert.ok(granted.ok);
    assert.equal(granted.activeSupervisors, 1);
    const removed = decidePrivilegeChange({
      ...base,
      personActive: false,
      current: ['SUPERVISOR'],
      next: [],
      activeSupervisorIds: [],
    });
    assert.ok(removed.ok);
  });
  it('answers the new set in canonical order with what changed', () => {
    const d = decidePrivilegeChange({
      ...base,
      current: ['REPORTING'],
      next: ['REPORTING', 'LICENSING', 'SUPERVISOR'],
      activeSupervisorIds: ['p2', 'p3'],
    });
    assert.ok(d.ok);
    assert.deepEqual(d.privileges, ['SUPERVISOR', 'LICENSING', 'REPORTING']);
    assert.deepEqual(d.granted, ['SUPERVISOR', 'LICENSING']);
    assert.equal(d.activeSupervisors, 3);
  });
});

describe('privilegeRefusalDetail', () => {
  it('names every supervisor with their email', () => {
    const detail = privilegeRefusalDetail(
      ['LICENSING'],
      [
        { id: 'p1', name: 'Ann Lee', email: 'ann@example.com' },
        { id: 'p2', name: 'Bo Chan', email: 'bo@example.com' },
      ],
    );
    assert.equal(
      detail,
      'This action needs the LICENSING privilege in your organization. Ask a supervisor: Ann Lee <ann@example.com>, Bo Chan <bo@example.com>',
    );
  });
  it('lists alternatives and says when no supervisor exists', () => {
    const detail = privilegeRefusalDetail(['SUPERVISOR', 'LICENSING', 'REPORTING'], []);
    assert.match(detail, /one of the privileges SUPERVISOR, LICENSING or REPORTING/);
    assert.match(detail, /no supervisor yet: ask your account manager/);
  });
});
