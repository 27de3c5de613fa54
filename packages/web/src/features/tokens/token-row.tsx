// One API token in the table: what it may do, where it applies, its state and a revoke button.
import type { ApiToken } from '../../api/api-types.ts';
import { ConfirmButton } from '../../ui/feedback.tsx';
import { formatDateTime, shortId } from '../../ui/format.ts';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiToken, now: number): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

export function TokenRow(props: {
  token: ApiToken;
  isCurrent: boolean;
  canRevoke: boolean;
  busy: boolean;
  onRevoke: (token: ApiToken) => void;
}) {
  const { token } = props;
  const state = stateOf(token, Date.now());
  return (
    <tr data-testid="token-row" data-token-id={token.id}>
      <td>
        <span className="strong">{token.name}</span>
        {props.isCurrent && <span className="badge badge-info badge-inline">this session</span>}
        <div className="mono faint">{token.hint}</div>
      </td>
      <td>
        <span className={`badge badge-${token.kind}`}>{token.kind}</span>
      </td>
      <td>{token.roles.join(', ')}</td>
      <td className="mono" title={[token.accountId, token.organizationId].filter(Boolean).join(' / ')}>
        {token.kind === 'operator' ? 'deployment' : shortId(token.organizationId ?? token.accountId)}
      </td>
      <td>{formatDateTime(token.createdAt)}</td>
      <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</td>
      <td>
        <span className={`status status-${state}`} data-testid="token-state">
          {state}
        </span>
      </td>
      <td className="actions-col">
        {props.canRevoke && state === 'active' && (
          <ConfirmButton
            label="Revoke"
            confirmLabel={props.isCurrent ? 'Revoke and sign out' : 'Confirm revoke'}
            disabled={props.busy}
            onConfirm={() => props.onRevoke(token)}
            testId="revoke-token"
          />
        )}
      </td>
    </tr>
  );
}
