// The organization chooser of pages that vendor tokens open for one customer at a time (usage,
// allocation); organization tokens never see it, their organization is fixed. Such a page lives at
// `#/<page>/<accountId>/<organizationId>`, so a choice is a link that survives reloads.
import { Picker } from '../../ui/select-field.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { useChosenAccount } from '../products/chosen-account.ts';
import { AccountPicker } from './account-picker.tsx';
import { useHashPath } from './app-shell.tsx';

export interface OrganizationPickerProps {
  value: string;
  organizations: readonly { id: string; name: string }[];
  onChange: (organizationId: string) => void;
  testId?: string;
}

export function OrganizationPicker({ value, organizations, onChange, testId }: OrganizationPickerProps) {
  return (
    <Picker
      label="Organization"
      value={value}
      onChange={onChange}
      options={organizations}
      placeholder="Choose…"
      testId={testId}
    />
  );
}

export interface OrganizationRoute {
  accountId: string;
  /** '' until one is chosen. */
  organizationId: string;
  /** The account's organizations to choose from; none for organization tokens. */
  organizations: readonly { id: string; name: string }[];
  chooseAccount: (accountId: string) => void;
  chooseOrganization: (organizationId: string) => void;
}

/** The account and organization `#/<page>/…` shows: the token's own where it is bound to them. */
export function useOrganizationRoute(page: string): OrganizationRoute {
  const { api, me } = useSignedIn();
  const [pathAccount, pathOrg] = useHashPath();
  const [chosen, setChosen] = useChosenAccount();
  const accountId = me.accountId ?? pathAccount ?? chosen;
  // An organization in the path belongs to the path's account; another account starts unchosen.
  const organizationId = me.organizationId ?? (pathAccount === accountId ? (pathOrg ?? '') : '');
  const orgs = useResource(
    () =>
      accountId && !me.organizationId
        ? api.listOrganizations(accountId, { limit: 200 })
        : Promise.resolve({ data: [], nextCursor: null }),
    `${page}-orgs:${accountId}`,
  );
  return {
    accountId,
    organizationId,
    organizations: orgs.data?.data ?? [],
    chooseAccount: setChosen,
    chooseOrganization: (next) => {
      window.location.hash = `#/${page}/${encodeURIComponent(accountId)}/${encodeURIComponent(next)}`;
    },
  };
}

/** The account and organization choices a token is not bound to, for the page header. */
export function OrganizationRoutePickers(props: { route: OrganizationRoute; testId: string }) {
  const { me } = useSignedIn();
  const { route } = props;
  return (
    <>
      {!me.accountId && <AccountPicker value={route.accountId} onChange={route.chooseAccount} />}
      {!me.organizationId && (
        <OrganizationPicker
          value={route.organizationId}
          organizations={route.organizations}
          onChange={route.chooseOrganization}
          testId={props.testId}
        />
      )}
    </>
  );
}
