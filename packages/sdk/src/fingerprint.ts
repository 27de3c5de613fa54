// This machine's fingerprint for one app: HMAC-SHA256 keyed by the OS machine id over the app id
// (core deriveFingerprint). The raw machine id never leaves this module — not returned, not logged,
// not in an error message — and two apps on one machine get unrelated fingerprints.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { deriveFingerprint } from '@licentia/core';

const run = promisify(execFile);

/** Supplies the raw machine id (tests, containers, or apps with their own notion of a machine). */
export type MachineIdSource = () => string | Promise<string>;

/** Thrown when no machine id can be read; its message never contains one. */
export class MachineIdUnavailableError extends Error {
  override readonly name = 'MachineIdUnavailableError';
}

const LINUX_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

async function linuxMachineId(): Promise<string> {
  for (const path of LINUX_FILES) {
    const text = await readFile(path, 'utf8').catch(() => '');
    if (text.trim() !== '') return text.trim();
  }
  return '';
}

async function macMachineId(): Promise<string> {
  const { stdout } = await run('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice'], { timeout: 5000 });
  return /"IOPlatformUUID"\s*=\s*"([^"]+)"/.exec(stdout)?.[1] ?? '';
}

async function windowsMachineId(): Promise<string> {
  const key = 'HKLM\\SOFTWARE\\Microsoft\\Cryptography';
  const { stdout } = await run('reg', ['query', key, '/v', 'MachineGuid'], {
    timeout: 5000,
    windowsHide: true,
  });
  return /MachineGuid\s+REG_SZ\s+(\S+)/i.exec(stdout)?.[1] ?? '';
}

/**
 * The OS machine id: `/etc/machine-id` or `/var/lib/dbus/machine-id` on Linux, `IOPlatformUUID`
 * (ioreg) on macOS, `MachineGuid` (registry) on Windows. Internal: callers get fingerprints only.
 */
async function osMachineId(platform: NodeJS.Platform): Promise<string> {
  if (platform === 'darwin') return macMachineId();
  if (platform === 'win32') return windowsMachineId();
  return linuxMachineId();
}

export interface MachineFingerprintOptions {
  machineIdSource?: MachineIdSource;
  /** Which OS reader to use; defaults to `process.platform`. */
  platform?: NodeJS.Platform;
}

/**
 * The fingerprint of this machine for `appId`: 64 lowercase hex characters, stable across runs,
 * from which the machine id cannot be recovered. Throws {@link MachineIdUnavailableError} when the
 * OS has no readable machine id (pass `machineIdSource` then, e.g. from an app-created UUID file).
 * @example
 * const fingerprint = await machineFingerprint('com.acme.cad');
 * await client.activate({ key, fingerprint });
 */
export async function machineFingerprint(
  appId: string,
  options: MachineFingerprintOptions = {},
): Promise<string> {
  if (typeof appId !== 'string' || appId.trim() === '')
    throw new TypeError('appId must be a non-empty string');
  let machineId: string;
  try {
    machineId = options.machineIdSource
      ? await options.machineIdSource()
      : await osMachineId(options.platform ?? process.platform);
  } catch {
    // The underlying error may quote command output, which would contain the id: drop it.
    throw new MachineIdUnavailableError('the machine id could not be read');
  }
  if (typeof machineId !== 'string' || machineId.trim() === '')
    throw new MachineIdUnavailableError('this machine has no readable machine id');
  return deriveFingerprint(machineId, appId);
}
