// lmstat -a snapshots: spaces in usernames, no year on start times, reservations, queue, linger, server down, samples.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { splitLines } from './line-splitter.ts';
import { createLmstatParser } from './lmstat-parser.ts';
import type { LmstatSnapshot } from './lmstat-types.ts';

const samples = new URL('../../../../../shared/samples/flexnet/', import.meta.url);

function parse(text: string, timeZone = 'UTC'): LmstatSnapshot {
  const parser = createLmstatParser({ timeZone });
  for (const line of splitLines(text)) parser.push(line);
  return parser.end();
}
const sample = (name: string) =>
  parse(readFileSync(new URL(`mjtrangoni__flexlm_exporter__${name}`, samples), 'utf8'));

const HEAD =
  'Flexible License Manager status on Thu 1/5/2017 14:44\n\nlic1: license server UP (MASTER) v11.13\n';
const users = (holders: string) =>
  `${HEAD}\nUsers of f1:  (Total of 10 licenses issued;  Total of 3 licenses in use)\n\n  "f1" v1.0, vendor: acme\n  floating license\n\n${holders}`;

describe('lmstat parser', () => {
  it('reads usernames with spaces and garbage displays from the right', () => {
    const s = parse(
      users(
        '    John Doe John_D "U,K$`Ct`0\'"C iQwgGsne<&! (v61.4) (lic1/27002 4611), start Wed 1/4 15:17\n',
      ),
    );
    const h = s.features[0]!.holders[0]!;
    assert.deepEqual([h.user, h.host, h.handle, h.version], ['John Doe', 'John_D', 4611, '61.4']);
  });
  it('takes the year from the header, or the year before when the start would be after it', () => {
    const s = parse(
      users(
        '    a h1 /dev/tty (v1) (lic1/27000 1), start Thu 1/5 9:41\n    b h2 /dev/tty (v1) (lic1/27000 2), start Fri 12/30 8:00\n',
      ),
    );
    assert.deepEqual(
      s.features[0]!.holders.map((h) => h.startedAt.toISOString()),
      ['2017-01-05T09:41:00.000Z', '2016-12-30T08:00:00.000Z'],
    );
    assert.equal(s.takenAt?.toISOString(), '2017-01-05T14:44:00.000Z');
  });
  it('converts header and start times with the server zone', () => {
    const s = parse(users('    a h1 /dev/tty (v1) (lic1/27000 1), start Thu 1/5 9:41\n'), 'Europe/Madrid');
    assert.equal(s.features[0]!.holders[0]!.startedAt.toISOString(), '2017-01-05T08:41:00.000Z');
  });
  it('keeps reservations, queued demand, counts and linger apart', () => {
    const s = parse(
      users(
        [
          '\t10 RESERVATIONs for GROUP GROUP1 (lic1/27002)',
          '    a h1 /dev/tty (v1) (lic1/27000 1), start Thu 1/5 9:41, 2 licenses (linger: 600 / 120)',
          '    u3 srv6 fj209fj0 2017.06 (v2017.06) (lic1/27002 15480) queued for 1 license',
        ].join('\n'),
      ),
    );
    const f = s.features[0]!;
    assert.deepEqual(f.reservations, [{ count: 10, target: 'GROUP', name: 'GROUP1', server: 'lic1' }]);
    assert.deepEqual(
      [f.holders.length, f.holders[0]!.count, f.holders[0]!.linger],
      [1, 2, { seconds: 600, remaining: 120 }],
    );
    assert.deepEqual([f.queued[0]!.user, f.queued[0]!.host, f.queued[0]!.count], ['u3', 'srv6', 1]);
    assert.equal(f.vendor, 'acme');
  });
  it('reports a server that cannot be reached as DOWN, not as zero usage', () => {
    const s = parse(
      'lmutil - Copyright\nError getting status: Cannot connect to license server system. (-15,10)\n',
    );
    assert.equal(s.status, 'DOWN');
    assert.deepEqual(s.features, []);
  });
});

describe('lmstat samples', () => {
  it('app1: reservations, spaces in usernames, queued lines', () => {
    const s = sample('lmstat_app1.txt');
    assert.equal(s.status, 'UP');
    assert.equal(s.takenAt?.toISOString(), '2017-10-20T17:02:00.000Z');
    const f1 = s.features.find((f) => f.feature === 'feature1')!;
    assert.deepEqual([f1.issued, f1.inUse, f1.holders.length, f1.reservations.length], [1814, 1206, 55, 11]);
    // The holder lines of this sample add up to 1,085 of the 1,206 reported in use (counted with awk).
    assert.equal(
      f1.holders.reduce((n, h) => n + h.count, 0),
      1085,
    );
    const f100 = s.features.find((f) => f.feature === 'feature100')!;
    assert.deepEqual(
      f100.holders.map((h) => h.user),
      ['user13', 'Administrator', 'John Doe', 'Jane Doe Jr.'],
    );
    assert.equal(f100.holders[1]!.startedAt.toISOString(), '2017-06-11T11:01:00.000Z');
    assert.equal(s.features.find((f) => f.feature === 'feature5')!.queued.length, 2);
    assert.deepEqual(s.skipped, []);
  });
  it('app2: holders add up to the in-use totals', () => {
    const s = sample('lmstat_app2.txt');
    for (const f of s.features)
      assert.equal(
        f.holders.reduce((n, h) => n + h.count, 0),
        f.inUse,
        f.feature,
      );
    assert.deepEqual([s.features.length, s.skipped.length], [10, 0]);
  });
  it('app5: keeps in-use totals as reported even when the (trimmed) sample lists fewer holders', () => {
    const s = sample('lmstat_app5.txt');
    const matlab = s.features.find((f) => f.feature === 'MATLAB')!;
    assert.deepEqual([matlab.inUse, matlab.holders.length, matlab.vendor], [61, 37, 'MLM']);
    assert.deepEqual([s.features.length, s.skipped.length, s.vendors[0]!.name], [122, 0, 'MLM']);
  });
  it('server_down: one of three servers DOWN with its error, snapshot still UP', () => {
    const s = sample('lmstat_server_down.txt');
    assert.deepEqual(
      s.servers.map((x) => [x.name, x.status]),
      [
        ['host1', 'UP'],
        ['host2', 'UP'],
        ['host3', 'DOWN'],
      ],
    );
    assert.match(s.servers[2]!.error!, /^Cannot connect to license server system/);
  });
  it('lmstat -i: recognised as a license listing, not usage', () => {
    const s = sample('lmstat_i_app1.txt');
    assert.equal(s.status, 'UNKNOWN');
    assert.match(s.skipped[0]!.reason, /not an lmstat -a output/);
  });
});
