// Table tests of harvesting agents: the Harvest column (plan, limit, mode, online window, seniority)
// and the harvest decisions on idle reports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AGENT_ONLINE_WINDOW_MS,
  decideHarvest,
  HARVEST_LABELS,
  type HarvestAgent,
  type HarvestPolicy,
  harvestStates,
} from './harvesting.ts';
import { day, T0 } from './test-clock.ts';

const now = day(10);
const agent = (id: string, joinedDay: number, extra: Partial<HarvestAgent> = {}): HarvestAgent => ({
  id,
  registeredAt: T0,
  lastReportAt: now,
  harvestingGroupId: 'hgrp_1',
  harvestingEnabled: true,
  harvestingSince: day(joinedDay),
  ...extra,
});
const policy = (extra: Partial<HarvestPolicy> = {}): HarvestPolicy => ({
  harvestingIncluded: true,
  agentLimit: 2,
  mode: 'NORMAL',
  onlineWindowMs: AGENT_ONLINE_WINDOW_MS,
  ...extra,
});
const column = (agents: HarvestAgent[], p: HarvestPolicy) =>
  Object.fromEntries(harvestStates(agents, p, now));

describe('harvestStates', () => {
  it('the agents beyond the limit show "No License", the earliest to join keep theirs', () => {
    const states = column([agent('agent_c', 3), agent('agent_a', 1), agent('agent_b', 2)], policy());
    assert.deepEqual(states, { agent_a: 'HARVESTING', agent_b: 'HARVESTING', agent_c: 'NO_LICENSE' });
    assert.equal(HARVEST_LABELS.NO_LICENSE, 'No License');
  });

  it('an offline agent holds no license, so the next one harvests', () => {
    const silent = agent('agent_a', 1, {
      lastReportAt: new Date(now.getTime() - AGENT_ONLINE_WINDOW_MS - 1),
    });
    const states = column([silent, agent('agent_b', 2), agent('agent_c', 3)], policy());
    assert.deepEqual(states, { agent_a: 'OFFLINE', agent_b: 'HARVESTING', agent_c: 'HARVESTING' });
  });

  it('agents outside a group or with harvesting off are OFF and use no license', () => {
    const states = column(
      [
        agent('agent_a', 1, { harvestingGroupId: null }),
        agent('agent_b', 2, { harvestingEnabled: false }),
        agent('agent_c', 3),
      ],
      policy({ agentLimit: 1 }),
    );
    assert.deepEqual(states, { agent_a: 'OFF', agent_b: 'OFF', agent_c: 'HARVESTING' });
  });

  it('a plan without harvesting (Standard) harvests nowhere', () => {
    assert.deepEqual(column([agent('agent_a', 1)], policy({ harvestingIncluded: false })), {
      agent_a: 'NOT_IN_PLAN',
    });
  });

  it('RESTRICTED mode stops harvesting; LIGHT_RESTRICTED does not', () => {
    assert.deepEqual(column([agent('agent_a', 1)], policy({ mode: 'RESTRICTED' })), {
      agent_a: 'RESTRICTED',
    });
    assert.deepEqual(column([agent('agent_a', 1)], policy({ mode: 'LIGHT_RESTRICTED' })), {
      agent_a: 'HARVESTING',
    });
  });

  it('an unlimited license licenses every agent', () => {
    const agents = Array.from({ length: 50 }, (_, i) => agent(`agent_${i}`, i));
    assert.ok(
      [...harvestStates(agents, policy({ agentLimit: null }), now).values()].every((s) => s === 'HARVESTING'),
    );
  });
});

describe('decideHarvest', () => {
  const seen = [
    { leaseId: 'lease_idle', idleSeconds: 30 * 60 },
    { leaseId: 'lease_busy', idleSeconds: 30 * 60 - 1 },
  ];

  it('harvests leases idle for at least the group idle time', () => {
    assert.deepEqual(decideHarvest('HARVESTING', 30, seen), [
      { leaseId: 'lease_idle', harvest: true, outcome: 'HARVESTED' },
      { leaseId: 'lease_busy', harvest: false, outcome: 'NOT_IDLE_LONG_ENOUGH' },
    ]);
  });

  it('an agent without a license harvests nothing', () => {
    assert.deepEqual(
      decideHarvest('NO_LICENSE', 30, seen).map((d) => [d.harvest, d.outcome]),
      [
        [false, 'NO_LICENSE'],
        [false, 'NO_LICENSE'],
      ],
    );
  });
});
