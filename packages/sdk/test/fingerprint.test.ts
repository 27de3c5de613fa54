// Machine fingerprints: stable, per app, never containing (or leaking) the raw machine id.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { MachineIdUnavailableError, machineFingerprint } from '../src/index.ts';

const MACHINE_ID = '4c4c4544004235108052b4c04f4d3732';
const source = () => MACHINE_ID;

describe('machineFingerprint', () => {
  it('is HMAC-SHA256 keyed by the machine id over the app id, as 64 hex characters', async () => {
    const fp = await machineFingerprint('com.acme.cad', { machineIdSource: source });
    assert.match(fp, /^[0-9a-f]{64}$/);
    assert.equal(fp, createHmac('sha256', MACHINE_ID).update('com.acme.cad').digest('hex'));
  });

  it('is stable across calls and differs between apps and machines', async () => {
    const a = await machineFingerprint('com.acme.cad', { machineIdSource: source });
    assert.equal(await machineFingerprint('com.acme.cad', { machineIdSource: async () => MACHINE_ID }), a);
    assert.notEqual(await machineFingerprint('com.other.app', { machineIdSource: source }), a);
    assert.notEqual(await machineFingerprint('com.acme.cad', { machineIdSource: () => `${MACHINE_ID}0` }), a);
  });

  it('never contains the raw machine id or a piece of it', async () => {
    const fp = await machineFingerprint('com.acme.cad', { machineIdSource: source });
    assert.ok(!fp.includes(MACHINE_ID));
    for (let i = 0; i + 8 <= MACHINE_ID.length; i++) assert.ok(!fp.includes(MACHINE_ID.slice(i, i + 8)));
  });

  it('fails without quoting the id when the source fails or is empty', async () => {
    const leaky = () => {
      throw new Error(`ioreg said ${MACHINE_ID}`);
    };
    for (const machineIdSource of [leaky, () => '', () => '   '])
      await assert.rejects(machineFingerprint('com.acme.cad', { machineIdSource }), (error: Error) => {
        assert.ok(error instanceof MachineIdUnavailableError);
        assert.ok(!error.message.includes(MACHINE_ID));
        return true;
      });
  });

  it('refuses an empty app id', async () => {
    await assert.rejects(machineFingerprint('', { machineIdSource: source }), TypeError);
  });

  it('reads the OS machine id on this platform when it has one', async (t) => {
    const fp = await machineFingerprint('com.acme.cad').catch((error: unknown) => error);
    if (fp instanceof MachineIdUnavailableError) return t.skip('no machine id on this host');
    assert.match(String(fp), /^[0-9a-f]{64}$/);
    assert.equal(await machineFingerprint('com.acme.cad'), fp);
  });
});
