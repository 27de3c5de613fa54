// The shapes of harvesting agents and groups: an agent with its Harvest column, the grid's summary
// (plan, agent limit, licensed agents), groups with their idle time, and the path parameters.
import { HARVEST_LABELS, HARVEST_STATES, type HarvestState } from '@licentia/core';
import type { HarvestingAgentRow, HarvestingGroupRow } from '@licentia/db';
import { Type } from 'typebox';
import type { HarvestPicture } from '../../compliance/harvest-service.ts';
import { IdParam, Nullable, Timestamp } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { literals } from '../compliance/compliance-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';

export const AgentId = IdParam('Harvesting agent', 'agent');
export const GroupId = IdParam('Harvesting group', 'hgrp');

export const AgentParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, agentId: AgentId },
  { additionalProperties: false },
);
export const GroupParams = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, groupId: GroupId },
  { additionalProperties: false },
);

export const Agent = Type.Object({
  id: Type.String(),
  host: Type.String(),
  registeredAt: Timestamp,
  lastReportAt: Nullable(Timestamp),
  harvestingGroupId: Nullable(Type.String()),
  harvestingEnabled: Type.Boolean(),
  harvestingSince: Nullable(Timestamp),
  harvest: literals(HARVEST_STATES),
  harvestLabel: Type.String({ description: 'What the grid prints, e.g. "No License"' }),
});

export const HarvestSummary = Type.Object({
  plan: Type.String(),
  harvestingIncluded: Type.Boolean({ description: 'Only the Pro plan (and above) harvests' }),
  agentLimit: Nullable(
    Type.Integer({ description: 'Agents harvesting at once: the user limit; null = unlimited' }),
  ),
  licensed: Type.Integer({ description: 'Agents holding a harvesting license now' }),
  mode: Type.String(),
});

export const HarvestingGroup = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idleMinutes: Type.Integer(),
  createdAt: Timestamp,
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toAgent(row: HarvestingAgentRow, state: HarvestState = 'OFF') {
  return {
    id: row.id,
    host: row.host,
    registeredAt: row.registeredAt.toISOString(),
    lastReportAt: iso(row.lastReportAt),
    harvestingGroupId: row.harvestingGroupId,
    harvestingEnabled: row.harvestingEnabled,
    harvestingSince: iso(row.harvestingSince),
    harvest: state,
    harvestLabel: HARVEST_LABELS[state],
  };
}

export function summaryOf(picture: HarvestPicture) {
  return {
    plan: picture.plan,
    harvestingIncluded: picture.policy.harvestingIncluded,
    agentLimit: picture.policy.agentLimit,
    licensed: [...picture.states.values()].filter((s) => s === 'HARVESTING').length,
    mode: picture.policy.mode,
  };
}

export function toGroup(row: HarvestingGroupRow) {
  return { id: row.id, name: row.name, idleMinutes: row.idleMinutes, createdAt: row.createdAt.toISOString() };
}
