// FlexNet options files: import, behaviour through decideCheckout, unsupported lines, and export round trip.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decideCheckout } from './checkout.ts';
import { exportOptionsFile } from './flexnet-options-export.ts';
import { type OptionsFile, optionsForFeature, parseOptionsFile } from './flexnet-options-file.ts';
import { SUBJECT_KINDS, type Subject } from './options.ts';
import { lease, pool, req, T0 } from './test-pool.ts';

const FILE = `# Options for the CAD daemon
GROUP engineers alice bob carol
GROUP contractors dave \\
      erin
HOST_GROUP lab ws1 ws2
RESERVE 1 cad USER alice
MAX 2 cad GROUP engineers
INCLUDE cad GROUP engineers
INCLUDE cad GROUP contractors
EXCLUDE cad HOST badhost
TIMEOUT cad 3600
LINGER cad 60
BORROW_LOWWATER cad 1
MAX_BORROW_HOURS cad 72
EXCLUDE cad INTERNET 10.9.*.*
INCLUDE cad:VERSION=2.0 USER frank
TIMEOUTALL 7200
RESERVE 1 cad DISPLAY :0
NOLOG IN
`;

describe('parseOptionsFile', () => {
  const { options, unsupported } = parseOptionsFile(FILE);

  it('reads groups (with continuations) and every supported rule', () => {
    assert.deepEqual(options.groups, { engineers: ['alice', 'bob', 'carol'], contractors: ['dave', 'erin'] });
    assert.deepEqual(options.hostGroups, { lab: ['ws1', 'ws2'] });
    assert.deepEqual(options.features.cad, {
      reserve: [{ count: 1, subject: { kind: 'USER', name: 'alice' } }],
      max: [{ count: 2, subject: { kind: 'GROUP', name: 'engineers' } }],
      include: [
        { kind: 'GROUP', name: 'engineers' },
        { kind: 'GROUP', name: 'contractors' },
      ],
      exclude: [
        { kind: 'HOST', name: 'badhost' },
        { kind: 'INTERNET', name: '10.9.*.*' },
      ],
      timeoutSeconds: 3600,
      lingerSeconds: 60,
      borrowLowwater: 1,
      maxBorrowHours: 72,
    });
  });

  it('keeps a group named like an Object member as plain data', () => {
    const parsed = parseOptionsFile('GROUP constructor alice\nINCLUDE toString GROUP constructor').options;
    assert.deepEqual(parsed.groups, { constructor: ['alice'] });
    assert.deepEqual(optionsForFeature(parsed, 'valueOf').include, []);
  });

  it('reports unsupported lines with their line numbers', () => {
    assert.deepEqual(
      unsupported.map((u) => [u.line, u.text.split(' ')[0]]),
      [
        [16, 'INCLUDE'],
        [17, 'TIMEOUTALL'],
        [18, 'RESERVE'],
        [19, 'NOLOG'],
      ],
    );
  });

  const bad: [string, string][] = [
    ['RESERVE two cad USER alice', 'seat count'],
    ['MAX 1 cad USER', 'subject'],
    ['EXCLUDE cad INTERNET 10.0.0.999', 'INTERNET'],
    ['GROUP lonely', 'members'],
    ['LINGER cad soon', 'whole number'],
    ['INCLUDE cad USER alice extra', 'unexpected'],
    ['GROUP __proto__ alice', 'reserved'],
  ];
  for (const [line, reason] of bad) {
    it(`refuses "${line}"`, () =>
      assert.match(parseOptionsFile(line).unsupported[0]?.reason ?? '', new RegExp(reason)));
  }

  it('behaves as documented through decideCheckout', () => {
    const cad = optionsForFeature(options, 'cad');
    const state = pool({ seats: 3 });
    const outcome = (who: { user: string; host: string }, s = state) => {
      const d = decideCheckout(s, req(who), cad, T0);
      return d.outcome === 'denied' ? d.code : d.outcome;
    };
    assert.equal(outcome({ user: 'bob', host: 'ws1' }), 'granted');
    assert.equal(outcome({ user: 'bob', host: 'badhost' }), 'EXCLUDED');
    assert.equal(outcome({ user: 'zed', host: 'ws1' }), 'NOT_INCLUDED');
    const twoEngineers = pool({ seats: 3, leases: [lease({ user: 'bob' }), lease({ user: 'carol' })] });
    assert.equal(outcome({ user: 'carol', host: 'ws1' }, twoEngineers), 'MAX_REACHED');
    assert.equal(
      outcome({ user: 'alice', host: 'ws1' }, twoEngineers),
      'granted',
      'alice’s reservation beats MAX',
    );
    const oneLeft = pool({ seats: 3, leases: [lease({ user: 'bob' }), lease({ user: 'dave' })] });
    assert.equal(outcome({ user: 'erin', host: 'ws1' }, oneLeft), 'RESERVED_FOR_OTHERS');
    assert.equal(cad.timeoutSeconds, 3600);
  });

  it('exports an equivalent file: parse(export(parse(x))) equals parse(x)', () => {
    const exported = exportOptionsFile(options);
    assert.deepEqual(parseOptionsFile(exported).options, options);
    assert.deepEqual(parseOptionsFile(exported).unsupported, []);
  });
});

describe('exportOptionsFile', () => {
  const word = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,8}$/);
  const spaced = fc.oneof(
    word,
    fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  );
  const subject: fc.Arbitrary<Subject> = fc
    .constantFrom(...SUBJECT_KINDS)
    .chain((kind) =>
      kind === 'INTERNET'
        ? fc.constantFrom('10.0.0.0/8', '192.168.*.*', '1.2.3.4').map((name): Subject => ({ kind, name }))
        : spaced.map((name): Subject => ({ kind, name })),
    );
  const counted = fc.record({ count: fc.nat(50), subject }, { noNullPrototype: true });
  const rules = fc.record(
    {
      reserve: fc.array(counted, { maxLength: 3 }),
      max: fc.array(counted, { maxLength: 3 }),
      include: fc.array(subject, { maxLength: 3 }),
      exclude: fc.array(subject, { maxLength: 3 }),
      timeoutSeconds: fc.nat(100_000),
      lingerSeconds: fc.nat(1000),
      borrowLowwater: fc.nat(10),
      maxBorrowHours: fc.nat(1000),
    },
    { requiredKeys: ['reserve', 'max', 'include', 'exclude'], noNullPrototype: true },
  );
  const defs = fc.dictionary(word, fc.array(spaced, { minLength: 1, maxLength: 20 }), {
    maxKeys: 3,
    noNullPrototype: true,
  });
  const file: fc.Arbitrary<OptionsFile> = fc.record(
    {
      groups: defs,
      hostGroups: defs,
      features: fc.dictionary(word, rules, { maxKeys: 3, noNullPrototype: true }),
    },
    { noNullPrototype: true },
  );

  it('round-trips any options with at least one rule per feature', () => {
    fc.assert(
      fc.property(file, (f: OptionsFile) => {
        const features = Object.fromEntries(
          Object.entries(f.features).filter(
            ([, r]) =>
              r.reserve.length + r.max.length + r.include.length + r.exclude.length > 0 ||
              r.timeoutSeconds !== undefined ||
              r.lingerSeconds !== undefined ||
              r.borrowLowwater !== undefined ||
              r.maxBorrowHours !== undefined,
          ),
        );
        const options = { ...f, features };
        assert.deepEqual(parseOptionsFile(exportOptionsFile(options)).options, options);
      }),
    );
  });
});
