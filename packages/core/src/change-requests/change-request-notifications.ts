// Each step of a change request notifies the other side: a customer's new request or comment
// reaches the vendor's queue, the vendor's status change or comment reaches the organization.
import { formatCaseNumber } from './case-number.ts';
import type { ChangeRequestSide, ChangeRequestStatus } from './change-request-types.ts';

export type ChangeRequestStep =
  | { type: 'created'; subject: string; organizationName: string }
  | { type: 'status'; from: ChangeRequestStatus; to: ChangeRequestStatus }
  | { type: 'comment'; excerpt: string };

export interface StepNotification {
  /** Who should read it: never the side that took the step. */
  audience: ChangeRequestSide;
  /** change_request.created | change_request.status_changed | change_request.commented */
  kind: string;
  message: string;
}

const KIND: Record<ChangeRequestStep['type'], string> = {
  created: 'change_request.created',
  status: 'change_request.status_changed',
  comment: 'change_request.commented',
};

function excerpt(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The notification for the side that did not take the step.
 * @example
 * notifyOtherSide('VENDOR', 42, { type: 'status', from: 'OPEN', to: 'IN_PROGRESS' })
 * // → { audience: 'ORGANIZATION', kind: 'change_request.status_changed', message: 'CASE-000042 is now IN_PROGRESS (was OPEN)' }
 */
export function notifyOtherSide(
  actor: ChangeRequestSide,
  caseNumber: number,
  step: ChangeRequestStep,
): StepNotification {
  const audience: ChangeRequestSide = actor === 'VENDOR' ? 'ORGANIZATION' : 'VENDOR';
  const ref = formatCaseNumber(caseNumber);
  const by = actor === 'VENDOR' ? 'your vendor' : 'the customer';
  let message: string;
  switch (step.type) {
    case 'created':
      message =
        actor === 'VENDOR'
          ? `${ref} was filed for you by your vendor: ${excerpt(step.subject)}`
          : `${ref} new request from ${step.organizationName}: ${excerpt(step.subject)}`;
      break;
    case 'status':
      message = `${ref} is now ${step.to} (was ${step.from})`;
      break;
    case 'comment':
      message = `${ref} new comment from ${by}: ${excerpt(step.excerpt)}`;
      break;
  }
  return { audience, kind: KIND[step.type], message };
}
