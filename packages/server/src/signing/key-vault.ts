// Signing keys of every account: generated here, private halves encrypted with AES-256-GCM under
// the master key (bound to account and kid as associated data, so a ciphertext cannot be moved to
// another account), decrypted once into cached KeyObjects. Private keys never leave this module.
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { type Schema, type SigningKeyRow, signingKeyRepository } from '@licentia/db';
import type { Kysely } from 'kysely';

export interface Signer {
  kid: string;
  privateKey: KeyObject;
}

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** How long a process trusts its cached view of an account's keys (rotation in another process). */
const CACHE_MS = 30_000;

export class KeyVault {
  private readonly signers = new Map<string, { signer: Signer; at: number }>();
  private readonly publics = new Map<string, KeyObject>();

  constructor(private readonly masterKey: Uint8Array) {
    if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
  }

  /** A new key pair for an account: the public x coordinate and the encrypted private key. */
  generate(accountId: string, kid: string): { publicKeyX: string; privateKeyEncrypted: string } {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const x = publicKey.export({ format: 'jwk' }).x!;
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    return { publicKeyX: x, privateKeyEncrypted: this.seal(der, `${accountId}:${kid}`) };
  }

  /**
   * Encrypt a secret at rest (AES-256-GCM, random IV) bound to `context` (associated data): a sealed
   * value copied to another row or account no longer opens. Format: `v1.` + base64url(iv|tag|data).
   */
  seal(plaintext: Uint8Array | string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
  }

  /** Open a value sealed with {@link seal} under the same context; throws when tampered or moved. */
  unseal(sealed: string, context: string): Buffer {
    const raw = Buffer.from(sealed.replace(/^v1\./, ''), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  }

  private decrypt(row: SigningKeyRow): KeyObject {
    const der = this.unseal(row.privateKeyEncrypted, `${row.accountId}:${row.id}`);
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  }

  /** The account's ACTIVE key, cached; null when the account has none. */
  async signer(db: Kysely<Schema>, accountId: string, now = Date.now()): Promise<Signer | null> {
    const hit = this.signers.get(accountId);
    if (hit && now - hit.at < CACHE_MS) return hit.signer;
    const row = await signingKeyRepository.getActive(db, accountId);
    if (!row) return null;
    const signer = { kid: row.id, privateKey: this.decrypt(row) };
    this.signers.set(accountId, { signer, at: now });
    return signer;
  }

  /** Forget cached keys of an account (after rotation or retirement in this process). */
  forget(accountId: string): void {
    this.signers.delete(accountId);
  }

  /** A public KeyObject from a stored x coordinate, parsed once. */
  publicKey(x: string): KeyObject {
    let key = this.publics.get(x);
    if (!key) {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
      this.publics.set(x, key);
    }
    return key;
  }
}

export function toJwk(row: Pick<SigningKeyRow, 'id' | 'publicKeyX'>): PublicJwk {
  return { kty: 'OKP', crv: 'Ed25519', x: row.publicKeyX, kid: row.id, alg: 'EdDSA', use: 'sig' };
}
