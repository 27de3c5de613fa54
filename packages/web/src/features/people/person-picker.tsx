// Chooses one active person of the organization: type part of a name, username or email, then
// pick from the matches. Used to add group members, to assign or transfer seats and to grant
// privileges; `PersonActionBar` adds the button that acts on the choice.
import { useEffect, useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
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
      <TextField
        label="Find person"
        value={q}
        onChange={setQ}
        placeholder="Name, username or email"
        testId={`${props.testId}-search`}
      />
      <SelectField
        label={props.label}
        value={value}
        onChange={onChange}
        options={options.map((p) => ({ id: p.id, name: `${p.name} (${p.username})` }))}
        placeholder={options.length === 0 ? (matches.loading ? 'Loading…' : 'No match') : undefined}
        testId={props.testId}
      />
    </div>
  );
}

/** A person picker with the button that acts on the chosen person (add member, assign seat …). */
export function PersonActionBar(props: {
  scope: OrgScope;
  value: string;
  onChange: (personId: string) => void;
  label: string;
  /** The picker's test id. */
  pickerTestId: string;
  exclude?: ReadonlySet<string>;
  action: string;
  actionTestId: string;
  onAction: () => void;
  /** Offers a Cancel button before the action when given. */
  onCancel?: () => void;
  testId?: string;
}) {
  return (
    <div className="inline-form" style={{ padding: 16 }} data-testid={props.testId}>
      <div className="field-grow">
        <PersonPicker
          scope={props.scope}
          value={props.value}
          onChange={props.onChange}
          label={props.label}
          testId={props.pickerTestId}
          exclude={props.exclude}
        />
      </div>
      {props.onCancel && (
        <button type="button" className="button button-ghost" onClick={props.onCancel}>
          Cancel
        </button>
      )}
      <button
        type="button"
        className="button button-primary"
        disabled={!props.value}
        onClick={props.onAction}
        data-testid={props.actionTestId}
      >
        {props.action}
      </button>
    </div>
  );
}
