// Reading import files: header checks, quoting, blank lines and line numbers of records.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readImportCsv } from './import-csv.ts';

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
