// The License JSON the server answers, and how the license commands show it.
import type { Column } from '../output.ts';

export interface License {
  id: string;
  organizationId: string;
  productId: string;
  policyId: string;
  name: string | null;
  status: string;
  model: string;
  state: string;
  issuedAt: string;
  expiresAt: string | null;
  maintenanceEndsAt: string | null;
  keyHint: string;
}

export const LICENSE_COLUMNS: Column<License>[] = [
  { header: 'ID', value: (l) => l.id },
  { header: 'NAME', value: (l) => l.name },
  { header: 'MODEL', value: (l) => l.model },
  { header: 'STATE', value: (l) => l.state },
  { header: 'EXPIRES', value: (l) => l.expiresAt },
  { header: 'KEY', value: (l) => l.keyHint },
];

/** The human summary of a license: the members a vendor looks at first. */
export function licenseSummary(l: License): Record<string, unknown> {
  return {
    id: l.id,
    name: l.name,
    model: l.model,
    state: l.state,
    organization: l.organizationId,
    product: l.productId,
    policy: l.policyId,
    issuedAt: l.issuedAt,
    expiresAt: l.expiresAt,
    maintenanceEndsAt: l.maintenanceEndsAt,
    keyHint: l.keyHint,
  };
}
