// Slot keys: occupants keep their slots, new ones take the lowest free, the pool grows and shrinks, and overselling throws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { planSlots, SlotOverflowError } from './slot-keys.ts';

describe('planSlots', () => {
  it('creates the rows of a new pool and gives the first lease the lowest slots', () => {
    const plan = planSlots(0, [], [{ id: 'a', count: 2 }], 3);
    assert.deepEqual(plan.inserts, [
      { slotNo: 1, occupantId: 'a' },
      { slotNo: 2, occupantId: 'a' },
      { slotNo: 3, occupantId: null },
    ]);
    assert.deepEqual(plan.updates, []);
  });

  it('keeps an occupant in its slots and frees the slots of a departed one', () => {
    const occupied = [
      { slotNo: 1, occupantId: 'a' },
      { slotNo: 2, occupantId: 'b' },
    ];
    const plan = planSlots(
      3,
      occupied,
      [
        { id: 'b', count: 1 },
        { id: 'c', count: 1 },
      ],
      3,
    );
    assert.deepEqual(plan.updates, [{ slotNo: 1, occupantId: 'c', previous: 'a' }]);
    assert.deepEqual(plan.inserts, []);
    assert.deepEqual(plan.deletes, []);
  });

  it('refuses to place more seats than slot rows exist', () => {
    const occupied = [1, 2, 3].map((n) => ({ slotNo: n, occupantId: `l${n}` }));
    const occupants = [...occupied.map((s) => ({ id: s.occupantId, count: 1 })), { id: 'x', count: 1 }];
    assert.throws(() => planSlots(3, occupied, occupants, 3), SlotOverflowError);
  });

  it('shrinks by deleting free rows above the new seat count, keeping occupied ones until freed', () => {
    const occupied = [{ slotNo: 4, occupantId: 'd' }];
    const plan = planSlots(4, occupied, [{ id: 'd', count: 1 }], 2);
    assert.deepEqual(plan.deletes, [{ slotNo: 3, previous: null }]);
    const later = planSlots(2, occupied, [], 2);
    assert.deepEqual(later.deletes, [{ slotNo: 4, previous: 'd' }]);
  });

  it('property: every occupant holds exactly its count and no slot is shared', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 6 }),
        (seats, counts) => {
          const occupants = counts.map((count, i) => ({ id: `o${i}`, count }));
          const total = counts.reduce((a, b) => a + b, 0);
          if (total > seats) {
            assert.throws(() => planSlots(0, [], occupants, seats), SlotOverflowError);
            return;
          }
          const plan = planSlots(0, [], occupants, seats);
          assert.equal(plan.inserts.length, seats);
          for (const o of occupants) {
            assert.equal(plan.inserts.filter((s) => s.occupantId === o.id).length, o.count);
          }
        },
      ),
    );
  });
});
