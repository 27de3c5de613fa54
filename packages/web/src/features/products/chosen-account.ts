// The vendor account the licensing pages work on. Account and organization tokens are bound to
// theirs; the operator's choice is remembered across the products, policies and licenses pages so
// moving between them does not ask again.
import { useCallback, useState } from 'react';
import { useSignedIn } from '../auth/session.tsx';

let remembered = '';

export function useChosenAccount(): [string, (accountId: string) => void] {
  const { me } = useSignedIn();
  const [accountId, setAccountId] = useState(me.accountId ?? remembered);
  const choose = useCallback((next: string) => {
    remembered = next;
    setAccountId(next);
  }, []);
  return [me.accountId ?? accountId, choose];
}
