// People import plans: one case per row rule, and what would change against the stored people.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readImportCsv } from './import-csv.ts';
import { type PeopleImportState, planPeopleImport } from './people-import.ts';

const state: PeopleImportState = {
  environments: [
    { id: 'env_prod', name: 'Production' },
    { id: 'env_test', name: 'Test' },
  ],
  people: [
    {
      id: 'person_ann',
      username: 'ann',
      email: 'ann@x.io',
      name: 'Ann',
      status: 'ACTIVE',
      environmentIds: ['env_prod'],
    },
    {
      id: 'person_sue',
      username: 'sue',
      email: 'sue@x.io',
      name: 'Sue',
      status: 'ACTIVE',
      environmentIds: [],
    },
  ],
  activeSupervisorIds: ['person_sue'],
};

const HEADER = 'username,email,name,status,environments';
const plan = (...rows: string[]) =>
  planPeopleImport(readImportCsv('people', [HEADER, ...rows].join('\n')), state);

describe('planPeopleImport rules', () => {
  const cases: [string, string, string | undefined, RegExp][] = [
    ['a bad email', 'bob,bob@,Bob,,', 'email', /invalid email "bob@"/],
    ['a missing email', 'bob,,Bob,,', 'email', /email is required/],
    ['a missing username', ',b@x.io,Bob,,', 'username', /username is required/],
    ['a username with a space', 'bob ray,b@x.io,Bob,,', 'username', /contains spaces/],
    ['a username over 100 characters', `${'u'.repeat(101)},b@x.io,Bob,,`, 'username', /longer than 100/],
    ['a missing name', 'bob,b@x.io,,,', 'name', /name is required/],
    ['an unknown status', 'bob,b@x.io,Bob,GONE,', 'status', /ACTIVE, DISABLED, not "GONE"/],
    [
      'an unknown environment',
      'bob,b@x.io,Bob,,Production;Staging',
      'environments',
      /unknown environment "Staging"/,
    ],
    [
      'disabling the last active supervisor',
      'sue,sue@x.io,Sue,DISABLED,',
      'status',
      /last active supervisor/,
    ],
  ];
  for (const [what, row, field, reason] of cases) {
    it(`refuses ${what}, naming line 3 and the field`, () => {
      const p = plan('cy,cy@x.io,Cy,,', row);
      assert.equal(p.errors.length, 1, JSON.stringify(p.errors));
      assert.deepEqual({ line: p.errors[0]!.line, field: p.errors[0]!.field }, { line: 3, field });
      assert.match(p.errors[0]!.reason, reason);
      assert.deepEqual(p.ops, [], 'nothing is written when any row is bad');
    });
  }

  it('refuses a username repeated within the file (any case), naming both lines', () => {
    const p = plan('bob,b@x.io,Bob,,', 'cy,cy@x.io,Cy,,', 'BOB,b2@x.io,Bob,,');
    assert.deepEqual(p.errors, [
      { line: 4, field: 'username', reason: 'username "BOB" is already on line 2' },
    ]);
  });

  it('reports every violated rule of a row, not only the first', () => {
    const p = plan('bob ray,nope,,MAYBE,Nowhere');
    assert.deepEqual(p.errors.map((e) => e.field).sort(), [
      'email',
      'environments',
      'name',
      'status',
      'username',
    ]);
  });
});

describe('planPeopleImport changes', () => {
  it('creates new people (ACTIVE by default) with their environment accounts', () => {
    const p = plan('bob,b@x.io,Bob Ray,,production; TEST');
    assert.deepEqual([p.create, p.update, p.unchanged, p.rows], [1, 0, 0, 1]);
    assert.deepEqual(p.ops, [
      {
        action: 'create',
        line: 2,
        username: 'bob',
        email: 'b@x.io',
        name: 'Bob Ray',
        status: 'ACTIVE',
        environmentIds: ['env_prod', 'env_test'],
      },
    ]);
  });

  it('updates only what differs and adds environments without removing any', () => {
    const p = plan('ANN,ann@new.io,Ann,,Test');
    assert.deepEqual(p.changes, [
      { line: 2, action: 'update', key: 'ANN', fields: ['username', 'email', 'environments'] },
    ]);
    assert.deepEqual(p.ops[0], {
      action: 'update',
      line: 2,
      personId: 'person_ann',
      changes: { username: 'ANN', email: 'ann@new.io' },
      addEnvironmentIds: ['env_test'],
    });
  });

  it('leaves a person unchanged when the row matches (empty status keeps the stored one)', () => {
    const p = plan('ann,ann@x.io,Ann,,Production', 'sue,sue@x.io,Sue,ACTIVE,');
    assert.deepEqual([p.create, p.update, p.unchanged], [0, 0, 2]);
    assert.deepEqual(p.ops, []);
  });

  it('may disable a supervisor while another active supervisor remains', () => {
    const p = planPeopleImport(readImportCsv('people', `${HEADER}\nsue,sue@x.io,Sue,disabled,`), {
      ...state,
      activeSupervisorIds: ['person_sue', 'person_ann'],
    });
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.changes[0]?.fields, ['status']);
  });
});
