// Seat utilization per named-user license and per environment, as the seats view and overview show it.

export interface SeatCount {
  licenseId: string;
  environmentId: string | null;
  /** The license's user limit; licenses without one have no seats and are left out. */
  capacity: number | null;
  assigned: number;
}

export interface Utilization {
  capacity: number;
  assigned: number;
  available: number;
  /** assigned / capacity, rounded to 3 decimals; 0 for a capacity of 0. May exceed 1 after a lowered limit. */
  ratio: number;
}

export interface SeatUtilization {
  licenses: (Utilization & { licenseId: string; environmentId: string | null })[];
  /** One row per environment holding named-user licenses; environmentId null = not installed yet. */
  environments: (Utilization & { environmentId: string | null; licenseCount: number })[];
  total: Utilization;
}

function utilization(capacity: number, assigned: number): Utilization {
  return {
    capacity,
    assigned,
    available: Math.max(0, capacity - assigned),
    ratio: capacity === 0 ? 0 : Math.round((assigned / capacity) * 1000) / 1000,
  };
}

/**
 * Aggregate seat counts per license, per environment and overall.
 * @example
 * seatUtilization([{ licenseId: 'lic_1', environmentId: 'env_p', capacity: 10, assigned: 4 }]).total
 * // → { capacity: 10, assigned: 4, available: 6, ratio: 0.4 }
 */
export function seatUtilization(counts: readonly SeatCount[]): SeatUtilization {
  const named = counts.filter((c): c is SeatCount & { capacity: number } => c.capacity !== null);
  const byEnvironment = new Map<
    string | null,
    { capacity: number; assigned: number; licenseCount: number }
  >();
  for (const c of named) {
    const e = byEnvironment.get(c.environmentId) ?? { capacity: 0, assigned: 0, licenseCount: 0 };
    byEnvironment.set(c.environmentId, {
      capacity: e.capacity + c.capacity,
      assigned: e.assigned + c.assigned,
      licenseCount: e.licenseCount + 1,
    });
  }
  const sum = (key: 'capacity' | 'assigned') => named.reduce((n, c) => n + c[key], 0);
  return {
    licenses: named.map((c) => ({
      licenseId: c.licenseId,
      environmentId: c.environmentId,
      ...utilization(c.capacity, c.assigned),
    })),
    environments: [...byEnvironment].map(([environmentId, e]) => ({
      environmentId,
      licenseCount: e.licenseCount,
      ...utilization(e.capacity, e.assigned),
    })),
    total: utilization(sum('capacity'), sum('assigned')),
  };
}
