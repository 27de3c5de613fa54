// Parts of the create-token form that depend on who is signing: the organization a new
// organization token is bound to, and the roles this session is allowed to hand out.
import type { Me, TokenKind } from '../../api/api-types.ts';
import { useResource } from '../../ui/use-resource.ts';
import { permissionsOf, ROLE_DESCRIPTIONS, ROLES_BY_KIND } from '../auth/permissions.ts';
import { useSignedIn } from '../auth/session.tsx';

export function OrganizationSelect(props: {
  accountId: string;
  value: string;
  onChange: (organizationId: string) => void;
}) {
  const { api } = useSignedIn();
  const { accountId } = props;
  const orgs = useResource(
    () =>
      accountId
        ? api.listOrganizations(accountId, { limit: 200 })
        : Promise.resolve({ data: [], nextCursor: null }),
    `orgs:${accountId}`,
  );
  return (
    <label className="field">
      <span>Organization</span>
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid="new-token-organization"
      >
        <option value="">{orgs.loading ? 'Loading…' : 'Choose an organization…'}</option>
        {orgs.data?.data.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Roles of `kind` the caller may grant: a token can only hand out permissions it holds itself. */
export function grantableRoles(me: Me, kind: TokenKind): string[] {
  const mine = permissionsOf(me.roles);
  return ROLES_BY_KIND[kind].filter(
    (role) => me.kind === 'operator' || [...permissionsOf([role])].every((p) => mine.has(p)),
  );
}

export function RoleChoices(props: {
  choices: string[];
  value: string[];
  onChange: (roles: string[]) => void;
}) {
  const { value, onChange } = props;
  return (
    <fieldset className="field roles full-row">
      <legend>Roles</legend>
      {props.choices.map((role) => (
        <label key={role} className="check">
          <input
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
            data-testid={`role-${role}`}
          />
          <span className="strong">{role}</span>
          <span className="muted">{ROLE_DESCRIPTIONS[role]}</span>
        </label>
      ))}
    </fieldset>
  );
}
