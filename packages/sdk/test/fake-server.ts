// A tiny node:http stand-in for the validation endpoints that signs its answers as the contract
// says — and, on request, misbehaves (forges, replays, goes stale, drops the signature).
import { sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Vendor } from './fixtures.ts';

export type Misbehaviour =
  | 'none'
  | 'unsigned'
  | 'forge'
  | 'wrong-key'
  | 'replay'
  | 'stale'
  | 'problem'
  | 'bad-header';

export interface FakeServer {
  url: string;
  /** Set per test: how the next answers misbehave. */
  mode: Misbehaviour;
  /** The JSON bodies received, in order. */
  received: { path: string; body: Record<string, unknown>; authorization: string | undefined }[];
  close(): Promise<void>;
}

const PREFIX = 'licentia-response-v1\n';

function signature(body: string, vendor: Vendor): string {
  const sig = sign(null, Buffer.from(PREFIX + body, 'utf8'), vendor.privateKey).toString('base64url');
  return `keyid="${vendor.kid}", alg="EdDSA", sig="${sig}"`;
}

function answerFor(
  path: string,
  body: Record<string, unknown>,
  ts: Date,
  valid: boolean,
): Record<string, unknown> {
  const scope = (body.scope ?? {}) as { nonce?: string };
  const validation = {
    valid,
    code: valid ? 'VALID' : 'SUSPENDED',
    violations: [],
    warnings: [],
    license: {
      id: 'lic_test',
      status: 'ACTIVE',
      model: 'SUBSCRIPTION',
      expiresAt: null,
      maintenanceEndsAt: null,
      entitlements: [],
    },
    meta: {
      ts: ts.toISOString(),
      // Like the server: validate echoes scope.nonce, activate echoes body.nonce.
      nonce: path.endsWith('/validate')
        ? (scope.nonce ?? null)
        : ((body.nonce as string | undefined) ?? null),
      requestId: 'req_1',
    },
  };
  if (path.endsWith('/activate'))
    return {
      activated: true,
      machine: { id: 'mach_1', fingerprint: body.fingerprint, hostname: null, platform: null },
      ...validation,
    };
  if (path.endsWith('/deactivate')) return { deactivated: true, machine: null };
  return validation;
}

/** Start on port 0; answers are signed by `vendor` (the "wrong key" mode uses `impostor`). */
export async function startFakeServer(vendor: Vendor, impostor: Vendor): Promise<FakeServer> {
  let recorded: { body: string; header: string } | undefined;
  const fake: Omit<FakeServer, 'url' | 'close'> = { mode: 'none', received: [] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      fake.received.push({ path: req.url ?? '', body, authorization: req.headers.authorization });
      if (fake.mode === 'problem') {
        res.writeHead(429, { 'content-type': 'application/problem+json' });
        return res.end(
          JSON.stringify({
            type: 'about:blank',
            title: 'Too Many Requests',
            status: 429,
            code: 'RATE_LIMITED',
            detail: 'slow down',
          }),
        );
      }
      const stale = fake.mode === 'stale' ? new Date(Date.now() - 10 * 60_000) : new Date();
      // Forgery: a genuine "suspended" answer, flipped to "valid" on the way.
      let text = JSON.stringify(answerFor(req.url ?? '', body, stale, fake.mode !== 'forge'));
      let header = signature(text, fake.mode === 'wrong-key' ? impostor : vendor);
      if (fake.mode === 'forge')
        text = text.replace('"valid":false,"code":"SUSPENDED"', '"valid":true,"code":"VALID"');
      if (fake.mode === 'replay' && recorded) ({ body: text, header } = recorded);
      recorded = { body: text, header };
      if (fake.mode === 'bad-header') header = 'sig=nonsense';
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fake.mode !== 'unsigned') headers['licentia-signature'] = header;
      res.writeHead(200, headers);
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
