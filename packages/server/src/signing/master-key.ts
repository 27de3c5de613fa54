// The deployment's master key (32 bytes) that encrypts signing keys at rest. From
// LICENTIA_MASTER_KEY, or — for the embedded default — generated once into the data folder
// (mode 0600). Several server processes must share one: set LICENTIA_MASTER_KEY for PostgreSQL.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function decodeMasterKey(text: string): Uint8Array {
  const key = Buffer.from(text.trim(), 'base64url');
  if (key.length !== 32) throw new Error('the master key must be 32 bytes in base64url (43 characters)');
  return new Uint8Array(key);
}

export function loadOrCreateMasterKey(
  configured: string | null,
  dataDir: string,
): { key: Uint8Array; generated: boolean } {
  if (configured) return { key: decodeMasterKey(configured), generated: false };
  const path = join(dataDir, 'master.key');
  if (existsSync(path)) return { key: decodeMasterKey(readFileSync(path, 'utf8')), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  return { key: new Uint8Array(key), generated: true };
}
