// Armour of offline license files: exact layout, round trip, tolerated and refused variations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  armorLicenseFile,
  dearmorLicenseFile,
  LICENSE_FILE_BEGIN,
  LICENSE_FILE_END,
} from './license-file-armor.ts';

const jws = `${'a'.repeat(70)}.${'b'.repeat(100)}.${'c'.repeat(86)}`;

describe('armorLicenseFile', () => {
  it('wraps the JWS at 64 characters between the BEGIN and END lines, ending with a newline', () => {
    const file = armorLicenseFile(jws);
    const lines = file.split('\n');
    assert.equal(lines[0], LICENSE_FILE_BEGIN);
    assert.equal(lines.at(-2), LICENSE_FILE_END);
    assert.equal(lines.at(-1), '');
    assert.ok(lines.slice(1, -3).every((l) => l.length === 64));
    assert.equal(lines.slice(1, -2).join(''), jws);
  });
  it('refuses text that is not a compact JWS', () => {
    assert.throws(() => armorLicenseFile('not a jws\n'), RangeError);
  });
});

describe('dearmorLicenseFile', () => {
  it('round-trips any JWS-shaped text', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9_-]{1,200}$/);
    fc.assert(
      fc.property(
        part,
        part,
        part,
        (a, b, c) => dearmorLicenseFile(armorLicenseFile(`${a}.${b}.${c}`)) === `${a}.${b}.${c}`,
      ),
    );
  });
  it('tolerates CRLF line ends and surrounding whitespace', () => {
    assert.equal(dearmorLicenseFile(`\n  ${armorLicenseFile(jws).replace(/\n/g, '\r\n')}  \n`), jws);
  });
  const refused: [string, string][] = [
    ['a missing END line', armorLicenseFile(jws).replace(LICENSE_FILE_END, '')],
    ['a foreign marker', armorLicenseFile(jws).replace('LICENSE FILE-----', 'LICENSE KEY-----')],
    ['text before the block', `hello\n${armorLicenseFile(jws)}`],
    ['a blank line inside', armorLicenseFile(jws).replace('\n', '\n\n')],
    ['a foreign character inside', armorLicenseFile(jws).replace('aaaa', 'aa+a')],
    ['a body line longer than 64', `${LICENSE_FILE_BEGIN}\n${jws}\n${LICENSE_FILE_END}\n`],
    ['two parts instead of three', armorLicenseFile('aaaa.bbbb')],
    ['an empty block', `${LICENSE_FILE_BEGIN}\n${LICENSE_FILE_END}\n`],
  ];
  for (const [name, text] of refused)
    it(`refuses ${name}`, () => assert.equal(dearmorLicenseFile(text), null));
});
