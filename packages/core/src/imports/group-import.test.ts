// Group import plans: one case per row rule, and what would change against the stored groups.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GroupImportState, planGroupImport } from './group-import.ts';
import { readImportCsv } from './import-csv.ts';

const state: GroupImportState = {
  environments: [
    { id: 'env_prod', name: 'Production' },
    { id: 'env_test', name: 'Test' },
  ],
  groups: [
    { id: 'pgrp_ed', environmentId: 'env_prod', name: 'Editors', userLicenseType: 'USER' },
    { id: 'pgrp_rd', environmentId: 'env_test', name: 'Readers', userLicenseType: 'MEMBER' },
  ],
};
const plan = (...rows: string[]) =>
  planGroupImport(readImportCsv('groups', ['environment,name,user_license_type', ...rows].join('\n')), state);

describe('planGroupImport', () => {
  const cases: [string, string, string, RegExp][] = [
    ['an unknown environment', 'Staging,Readers,MEMBER', 'environment', /unknown environment "Staging"/],
    ['a missing name', 'Test,,MEMBER', 'name', /name is required/],
    ['an unknown user-license type', 'Test,Guests,GUEST', 'user_license_type', /USER, LIGHT, MEMBER/],
    ['a group repeated in one environment', 'test,viewers,LIGHT', 'name', /already on line 2/],
  ];
  for (const [what, row, field, reason] of cases) {
    it(`refuses ${what} with the row's line`, () => {
      const p = plan('Test,Viewers,MEMBER', row);
      assert.equal(p.errors.length, 1, JSON.stringify(p.errors));
      assert.equal(p.errors[0]!.line, 3);
      assert.equal(p.errors[0]!.field, field);
      assert.match(p.errors[0]!.reason, reason);
      assert.deepEqual(p.ops, []);
    });
  }

  it('creates, updates the type, and leaves matching groups unchanged', () => {
    const p = plan('Test,Editors,USER', 'production,EDITORS,light', 'test,Readers,MEMBER');
    assert.deepEqual(
      p.changes.map((c) => [c.line, c.action, c.fields]),
      [
        [2, 'create', []],
        [3, 'update', ['name', 'user_license_type']],
        [4, 'unchanged', []],
      ],
    );
    assert.deepEqual(p.errors, [], 'the same name in another environment is another group');
    assert.deepEqual(p.ops[1], {
      action: 'update',
      line: 3,
      groupId: 'pgrp_ed',
      changes: { name: 'EDITORS', userLicenseType: 'LIGHT' },
    });
  });
});
