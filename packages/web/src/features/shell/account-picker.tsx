// Chooses the vendor account a page works on. The operator picks from GET /v1/accounts; every
// other token is bound to one account, which is shown instead of a choice.
import { useEffect } from 'react';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';

/** Pseudo-choices some pages add before the accounts: every account, or the deployment chain. */
export const ALL_ACCOUNTS = '';
export const SYSTEM_CHAIN = 'system';

export function AccountPicker(props: {
  value: string;
  onChange: (accountId: string) => void;
  allowAll?: boolean;
  allowSystem?: boolean;
  label?: string;
}) {
  const { api, me } = useSignedIn();
  const isOperator = me.kind === 'operator';
  const accounts = useResource(
    () => (isOperator ? api.listAccounts({ limit: 200 }) : Promise.resolve({ data: [], nextCursor: null })),
    `accounts:${isOperator}`,
  );
  const { value, onChange, allowAll } = props;
  const first = accounts.data?.data[0]?.id;

  // Pages that need one concrete account start on the first, so the operator sees data at once.
  useEffect(() => {
    if (!isOperator) {
      if (me.accountId && value !== me.accountId) onChange(me.accountId);
    } else if (!allowAll && value === ALL_ACCOUNTS && first) onChange(first);
  }, [isOperator, me.accountId, value, onChange, allowAll, first]);

  if (!isOperator) {
    return (
      <div className="picker">
        <span className="picker-label">{props.label ?? 'Account'}</span>
        <span className="picker-fixed">{me.accountName ?? me.accountId}</span>
      </div>
    );
  }
  return (
    <label className="picker">
      <span className="picker-label">{props.label ?? 'Account'}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="account-picker">
        {allowAll && <option value={ALL_ACCOUNTS}>All accounts</option>}
        {props.allowSystem && <option value={SYSTEM_CHAIN}>System (deployment-wide)</option>}
        {!allowAll && value === ALL_ACCOUNTS && (
          <option value="">{accounts.loading ? 'Loading…' : 'No accounts'}</option>
        )}
        {accounts.data?.data.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name}
            {account.isDefault ? ' (default)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
