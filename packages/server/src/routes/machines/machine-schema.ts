// The public shapes of machines and machine-transfer requests, and the mappings from their rows.
import type { MachineRow, MachineTransferRequestRow } from '@licentia/db';
import { Type } from 'typebox';
import { Nullable, Timestamp } from '../../http/schemas.ts';

export const Machine = Type.Object(
  {
    id: Type.String(),
    licenseId: Type.String(),
    fingerprint: Type.String(),
    hostname: Nullable(Type.String()),
    platform: Nullable(Type.String()),
    components: Type.Record(Type.String(), Type.Unknown()),
    activatedAt: Timestamp,
    deactivatedAt: Nullable(Timestamp),
    lastSeenAt: Nullable(Timestamp),
  },
  { $id: 'Machine' },
);

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function toMachine(row: MachineRow) {
  return {
    id: row.id,
    licenseId: row.licenseId,
    fingerprint: row.fingerprint,
    hostname: row.hostname,
    platform: row.platform,
    components: (row.components ?? {}) as Record<string, unknown>,
    activatedAt: row.activatedAt.toISOString(),
    deactivatedAt: iso(row.deactivatedAt),
    lastSeenAt: iso(row.lastSeenAt),
  };
}

export const MachineTransferRequest = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    licenseId: Type.String(),
    kind: Type.String(),
    status: Type.String(),
    payload: Type.Object({
      machineId: Type.String(),
      fromFingerprint: Type.String(),
      toFingerprint: Type.String(),
    }),
    requestedBy: Type.String(),
    decidedBy: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    createdAt: Timestamp,
    decidedAt: Nullable(Timestamp),
  },
  { $id: 'MachineTransferRequest' },
);

export function toTransferRequest(row: MachineTransferRequestRow) {
  return {
    id: row.id,
    accountId: row.accountId,
    licenseId: row.licenseId,
    kind: row.kind,
    status: row.status,
    payload: row.payload as { machineId: string; fromFingerprint: string; toFingerprint: string },
    requestedBy: row.requestedBy,
    decidedBy: row.decidedBy,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: iso(row.decidedAt),
  };
}

export const Fingerprint = Type.String({ minLength: 1, maxLength: 256, description: 'Machine fingerprint' });
