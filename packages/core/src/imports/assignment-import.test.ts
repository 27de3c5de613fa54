// Assignment import plans: one case per row rule, and idempotence against stored memberships.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AssignmentImportState, planAssignmentImport } from './assignment-import.ts';
import { readImportCsv } from './import-csv.ts';

const state: AssignmentImportState = {
  environments: [
    { id: 'env_prod', name: 'Production' },
    { id: 'env_test', name: 'Test' },
  ],
  people: [
    { id: 'person_ann', username: 'ann' },
    { id: 'person_bob', username: 'bob' },
  ],
  groups: [
    { id: 'pgrp_ed', environmentId: 'env_prod', name: 'Editors' },
    { id: 'pgrp_rd', environmentId: 'env_test', name: 'Readers' },
  ],
  members: [{ groupId: 'pgrp_ed', personId: 'person_ann' }],
};
const plan = (...rows: string[]) =>
  planAssignmentImport(
    readImportCsv('assignments', ['username,environment,group', ...rows].join('\n')),
    state,
  );

describe('planAssignmentImport', () => {
  const cases: [string, string, string | undefined, RegExp][] = [
    ['an unknown person', 'cy,Production,Editors', 'username', /unknown person "cy"/],
    ['an unknown environment', 'bob,Staging,Editors', 'environment', /unknown environment "Staging"/],
    [
      'a group of another environment',
      'bob,Production,Readers',
      'group',
      /no group "Readers" in environment Production/,
    ],
    ['a missing group', 'bob,Production,', 'group', /group is required/],
    ['the same assignment twice', 'BOB,test,readers', undefined, /already on line 2/],
  ];
  for (const [what, row, field, reason] of cases) {
    it(`refuses ${what} with the row's line`, () => {
      const p = plan('bob,Test,Readers', row);
      assert.equal(p.errors.length, 1, JSON.stringify(p.errors));
      assert.equal(p.errors[0]!.line, 3);
      assert.equal(p.errors[0]!.field, field);
      assert.match(p.errors[0]!.reason, reason);
      assert.deepEqual(p.ops, []);
    });
  }

  it('creates missing memberships (with the environment for the account) and keeps stored ones', () => {
    const p = plan('bob,Test,Readers', 'ann,production,editors');
    assert.deepEqual([p.create, p.unchanged], [1, 1]);
    assert.deepEqual(p.ops, [
      { action: 'create', line: 2, personId: 'person_bob', groupId: 'pgrp_rd', environmentId: 'env_test' },
    ]);
  });
});
