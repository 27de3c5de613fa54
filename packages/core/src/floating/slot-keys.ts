// Slot keys: the seats of a pool as numbered rows (1..seats) that leases and holds claim, a second guard against overselling.

/** An occupied slot row as stored: slot number and the lease or hold (queue entry) id holding it. */
export interface OccupiedSlot {
  slotNo: number;
  occupantId: string;
}

/** Who must hold slots after an operation: every lease (live, borrowed, lingering) and every hold. */
export interface SlotOccupant {
  id: string;
  count: number;
}

/**
 * The slot rows to write. Updates and deletes are compare-and-set on `previous` (the occupant read
 * under the pool lock), so a write that races with another is detected rather than applied.
 */
export interface SlotPlan {
  updates: { slotNo: number; occupantId: string | null; previous: string | null }[];
  inserts: { slotNo: number; occupantId: string | null }[];
  deletes: { slotNo: number; previous: string | null }[];
}

/** More seats are occupied than slot rows exist: the decision above is wrong, and nothing is stored. */
export class SlotOverflowError extends Error {
  constructor(
    readonly seats: number,
    readonly wanted: number,
  ) {
    super(`${wanted} seats wanted, only ${seats} slot keys exist: refusing to oversell`);
    this.name = 'SlotOverflowError';
  }
}

/**
 * Plans the slot rows after an operation. Stored rows are 1..`storedSeats` plus occupied rows above it
 * (left by a shrink); only occupied rows are read, free ones are implied. Occupants keep their slots;
 * new seats take the lowest free slots; the pool grows to `seats` rows; free rows above `seats` are
 * deleted. Invariant: each slot row has at most one occupant and every occupant holds exactly
 * `count` slots, so occupied seats can never exceed the slot rows — when they would, the plan throws
 * {@link SlotOverflowError} instead.
 * @example
 * planSlots(0, [], [{ id: 'lease_a', count: 2 }], 3).inserts;
 * // [{ slotNo: 1, occupantId: 'lease_a' }, { slotNo: 2, occupantId: 'lease_a' }, { slotNo: 3, occupantId: null }]
 */
export function planSlots(
  storedSeats: number,
  occupied: readonly OccupiedSlot[],
  occupants: readonly SlotOccupant[],
  seats: number,
): SlotPlan {
  const before = new Map<number, string | null>();
  for (let n = 1; n <= storedSeats; n++) before.set(n, null);
  for (const s of occupied) before.set(s.slotNo, s.occupantId);
  const after = new Map<number, string | null>();
  for (const n of before.keys()) after.set(n, null);
  for (let n = 1; n <= seats; n++) after.set(n, null);

  const need = new Map(occupants.map((o) => [o.id, o.count]));
  for (const s of [...occupied].sort((a, b) => a.slotNo - b.slotNo)) {
    const left = need.get(s.occupantId) ?? 0;
    if (left > 0) {
      after.set(s.slotNo, s.occupantId);
      need.set(s.occupantId, left - 1);
    }
  }
  const free = [...after.entries()]
    .filter(([, occupant]) => occupant === null)
    .map(([n]) => n)
    .sort((a, b) => a - b);
  const wanted = [...need.values()].reduce((sum, n) => sum + n, 0);
  if (wanted > free.length) {
    throw new SlotOverflowError(after.size, after.size - free.length + wanted);
  }
  for (const occupant of occupants) {
    for (let i = need.get(occupant.id) ?? 0; i > 0; i--) after.set(free.shift()!, occupant.id);
  }
  return diffSlots(before, after, seats);
}

function diffSlots(before: Map<number, string | null>, after: Map<number, string | null>, seats: number) {
  const plan: SlotPlan = { updates: [], inserts: [], deletes: [] };
  for (const [slotNo, occupantId] of [...after.entries()].sort((a, b) => a[0] - b[0])) {
    const existed = before.has(slotNo);
    const previous = before.get(slotNo) ?? null;
    if (!existed) plan.inserts.push({ slotNo, occupantId });
    else if (slotNo > seats && occupantId === null) plan.deletes.push({ slotNo, previous });
    else if (previous !== occupantId) plan.updates.push({ slotNo, occupantId, previous });
  }
  return plan;
}
