// Chooses one active person of the organization: type part of a name, username or email, then
// pick from the matches. Used to add group members and to assign or transfer seats.
import { useEffect, useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';

export function PersonPicker(props: {
  scope: OrgScope;
  value: string;
  onChange: (personId: string) => void;
  label: string;
  testId: string;
  /** People not to offer, e.g. the current members. */
  exclude?: ReadonlySet<string>;
}) {
  const { api } = useSignedIn();
  const [q, setQ] = useState('');
  const matches = useResource(
    () => api.listPeople(props.scope, { limit: 50, q: q.trim(), status: 'ACTIVE' }),
    `person-picker:${props.scope.organizationId}:${q.trim()}`,
  );
  const options = (matches.data?.data ?? []).filter((p) => !props.exclude?.has(p.id));
  const first = options[0]?.id ?? '';
  const { value, onChange } = props;
  // Keep the choice on a person that is still offered, so submitting never sends a stale id.
  useEffect(() => {
    if (!options.some((p) => p.id === value) && value !== first) onChange(first);
  }, [options, value, first, onChange]);

  return (
    <div className="field-pair">
      <label className="field">
        <span>Find person</span>
        <input
          value={q}
          placeholder="Name, username or email"
          onChange={(e) => setQ(e.target.value)}
          data-testid={`${props.testId}-search`}
        />
      </label>
      <label className="field">
        <span>{props.label}</span>
        <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={props.testId}>
          {options.length === 0 && <option value="">{matches.loading ? 'Loading…' : 'No match'}</option>}
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.username})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
