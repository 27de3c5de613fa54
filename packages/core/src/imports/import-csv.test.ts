// Reading import files: header checks, quoting, blank lines and line numbers of records.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { planAssignmentImport } from './assignment-import.ts';
import { planGroupImport } from './group-import.ts';
import { readImportCsv } from './import-csv.ts';
import { planPeopleImport } from './people-import.ts';

describe('readImportCsv', () => {
  it('maps records to columns in any order and case, trimming values', () => {
    const read = readImportCsv('groups', 'Name,ENVIRONMENT,user_license_type\r\n Editors , Prod ,USER\r\n');
    assert.deepEqual(read, {
      records: 1,
      rows: [{ line: 2, values: { name: 'Editors', environment: 'Prod', user_license_type: 'USER' } }],
      errors: [],
    });
  });

  it('numbers records by the physical line they start on (quoted line breaks, blank lines, BOM)', () => {
    const csv = '\uFEFFusername,email,name\n\nann,ann@x.io,"Ann\nLee"\nbob,bob@x.io,"Bob ""B"" Ray"\n';
    const read = readImportCsv('people', csv);
    assert.deepEqual(
      read.rows.map((r) => [r.line, r.values.name]),
      [
        [3, 'Ann\nLee'],
        [5, 'Bob "B" Ray'],
      ],
    );
  });

  const headerCases: [string, string, RegExp][] = [
    ['an empty file', '', /file is empty/],
    ['a missing required column', 'username,email\nann,a@x.io', /missing column "name"/],
    ['an unknown column', 'username,email,name,phone\nann,a@x.io,Ann,1', /unknown column "phone"/],
    ['a column twice', 'username,email,name,email\nann,a@x.io,Ann,b@x.io', /appears twice/],
  ];
  for (const [what, csv, reason] of headerCases) {
    it(`reports ${what} on the header line and returns no rows`, () => {
      const read = readImportCsv('people', csv);
      assert.equal(read.rows.length, 0);
      assert.equal(read.errors[0]?.line, 1);
      assert.match(read.errors[0]!.reason, reason);
    });
  }

  it('reports a record with the wrong number of fields and an unterminated quote by line', () => {
    const read = readImportCsv('people', 'username,email,name\nann,a@x.io\nbob,b@x.io,Bob\ncy,c@x.io,"Cy');
    assert.equal(read.records, 3);
    assert.deepEqual(
      read.errors.map((e) => e.line),
      [2, 4],
    );
    assert.match(read.errors[0]!.reason, /2 fields, expected 3/);
    assert.match(read.errors[1]!.reason, /unterminated/);
  });

  it('refuses a record with a NUL character (PostgreSQL cannot store it)', () => {
    const read = readImportCsv('people', 'username,email,name\nann,a@x.io,A\u0000n\n');
    assert.deepEqual(read.errors, [{ line: 2, reason: 'contains a NUL character' }]);
  });
});

describe('any file content', () => {
  it('is read and planned without throwing; every error names a line within the file', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('"', '""', ',', '\n', ';', 'USER', 'Prod'),
    );
    const file = fc.array(
      fc.array(cell, { maxLength: 6 }).map((cells) => cells.join(',')),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.constantFrom('', 'username,email,name,status,environments\n'), file, (head, lines) => {
        const text = head + lines.join('\n');
        const lineCount = text.split('\n').length;
        const env = [{ id: 'env_p', name: 'Prod' }];
        const plans = [
          planPeopleImport(readImportCsv('people', text), {
            environments: env,
            people: [],
            activeSupervisorIds: [],
          }),
          planGroupImport(readImportCsv('groups', text), { environments: env, groups: [] }),
          planAssignmentImport(readImportCsv('assignments', text), {
            environments: env,
            people: [],
            groups: [],
            members: [],
          }),
        ];
        for (const p of plans) {
          for (const e of p.errors) assert.ok(e.line >= 1 && e.line <= lineCount, JSON.stringify(e));
          assert.ok(p.changes.length <= p.rows, 'at most one change per data record');
          if (p.errors.length > 0) assert.deepEqual(p.ops, []);
        }
      }),
    );
  });
});
