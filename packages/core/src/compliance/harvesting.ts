// Harvesting agents (E5): which agents hold one of the limited harvesting licenses (the Harvest
// column), and which idle leases an agent's report harvests (check-in with reason HARVESTED).
import type { ComplianceMode } from './compliance-types.ts';
import { refuses } from './remedies.ts';

export const HARVEST_STATES = [
  'HARVESTING',
  'NO_LICENSE',
  'NOT_IN_PLAN',
  'RESTRICTED',
  'OFFLINE',
  'OFF',
] as const;
/** The Harvest column of the agents grid. */
export type HarvestState = (typeof HARVEST_STATES)[number];

/** What the grid prints for each state (seed 001 names "No License"). */
export const HARVEST_LABELS: Record<HarvestState, string> = {
  HARVESTING: 'Harvesting',
  NO_LICENSE: 'No License',
  NOT_IN_PLAN: 'Not in plan',
  RESTRICTED: 'Restricted',
  OFFLINE: 'Offline',
  OFF: 'Off',
};

export interface HarvestAgent {
  id: string;
  registeredAt: Date;
  lastReportAt: Date | null;
  harvestingGroupId: string | null;
  harvestingEnabled: boolean;
  /** When the agent entered its harvesting group with harvesting on: earlier agents keep their license. */
  harvestingSince: Date | null;
}

export interface HarvestPolicy {
  /** The organization's plan includes harvesting (only Pro and above). */
  harvestingIncluded: boolean;
  /** Agents with harvesting on, online at once: the effective user limit; null = unlimited. */
  agentLimit: number | null;
  mode: ComplianceMode;
  /** An agent that has not reported for longer is offline and holds no license. */
  onlineWindowMs: number;
}

/** Default online window: two missed reports of five minutes. */
export const AGENT_ONLINE_WINDOW_MS = 10 * 60_000;

const wantsToHarvest = (a: HarvestAgent) => a.harvestingEnabled && a.harvestingGroupId !== null;
const bySeniority = (a: HarvestAgent, b: HarvestAgent) =>
  (a.harvestingSince ?? a.registeredAt).getTime() - (b.harvestingSince ?? b.registeredAt).getTime() ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The Harvest column for every agent. Agents outside a group or with harvesting off are OFF; on a
 * plan without harvesting NOT_IN_PLAN; in a mode that refuses HARVESTING, RESTRICTED; silent ones
 * OFFLINE. The online rest take the `agentLimit` licenses in the order they joined (ties by id);
 * the ones after are NO_LICENSE and do not harvest.
 * @example harvestStates([a, b], { harvestingIncluded: true, agentLimit: 1, mode: 'NORMAL', onlineWindowMs }, now)
 * // → Map { a.id → 'HARVESTING', b.id → 'NO_LICENSE' }
 */
export function harvestStates(
  agents: readonly HarvestAgent[],
  policy: HarvestPolicy,
  now: Date,
): Map<string, HarvestState> {
  const states = new Map<string, HarvestState>();
  let free = policy.agentLimit ?? Number.POSITIVE_INFINITY;
  for (const agent of [...agents].sort(bySeniority)) {
    const seen = agent.lastReportAt ?? agent.registeredAt;
    let state: HarvestState;
    if (!wantsToHarvest(agent)) state = 'OFF';
    else if (!policy.harvestingIncluded) state = 'NOT_IN_PLAN';
    else if (refuses(policy.mode, 'HARVESTING')) state = 'RESTRICTED';
    else if (now.getTime() - seen.getTime() > policy.onlineWindowMs) state = 'OFFLINE';
    else if (free > 0) {
      state = 'HARVESTING';
      free -= 1;
    } else state = 'NO_LICENSE';
    states.set(agent.id, state);
  }
  return states;
}

/** One application an agent saw, holding one of our floating leases, idle for `idleSeconds`. */
export interface IdleObservation {
  leaseId: string;
  idleSeconds: number;
}

export interface HarvestDecision {
  leaseId: string;
  harvest: boolean;
  /** HARVESTED (check the lease in), or why not. */
  outcome: 'HARVESTED' | 'NOT_IDLE_LONG_ENOUGH' | Exclude<HarvestState, 'HARVESTING'>;
}

/**
 * Which observed leases to harvest: only an agent in state HARVESTING harvests, and only leases idle
 * for at least its group's `idleMinutes`.
 * @example decideHarvest('HARVESTING', 30, [{ leaseId: 'lease_1', idleSeconds: 1800 }]) // [{ leaseId: 'lease_1', harvest: true, outcome: 'HARVESTED' }]
 */
export function decideHarvest(
  state: HarvestState,
  idleMinutes: number,
  observations: readonly IdleObservation[],
): HarvestDecision[] {
  return observations.map(({ leaseId, idleSeconds }) => {
    if (state !== 'HARVESTING') return { leaseId, harvest: false, outcome: state };
    const idleEnough = idleSeconds >= idleMinutes * 60;
    return { leaseId, harvest: idleEnough, outcome: idleEnough ? 'HARVESTED' : 'NOT_IDLE_LONG_ENOUGH' };
  });
}
