// Creates a person (username, email, name, and the environments they get an account in) or edits
// one's username, email and name. Used by the people page and the person detail.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { Environment, Person } from '../../api/organization-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';

export function PersonForm(props: {
  scope: OrgScope;
  /** The person to edit; absent to create one. */
  person?: Person;
  environments: Environment[];
  onSaved: (personId: string) => void;
  onCancel: () => void;
}) {
  const { api } = useSignedIn();
  const editing = props.person;
  const [username, setUsername] = useState(editing?.username ?? '');
  const [email, setEmail] = useState(editing?.email ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [environmentIds, setEnvironmentIds] = useState<string[]>([]);
  const save = useAction();

  function toggle(id: string, on: boolean) {
    setEnvironmentIds((old) => (on ? [...old, id] : old.filter((x) => x !== id)));
  }

  const submit = save.handleSubmit(async () => {
    const input = { username: username.trim(), email: email.trim(), name: name.trim() };
    const saved = editing
      ? await api.updatePerson(props.scope, editing.id, input)
      : await api.createPerson(props.scope, { ...input, environmentIds });
    props.onSaved(saved.id);
  });

  return (
    <form className="card form-grid form-grid-3" onSubmit={submit} data-testid="person-form">
      <TextField
        label="Username"
        value={username}
        onChange={setUsername}
        maxLength={100}
        testId="person-username"
      />
      <TextField
        label="Email"
        type="email"
        value={email}
        onChange={setEmail}
        maxLength={254}
        testId="person-email"
      />
      <TextField label="Name" value={name} onChange={setName} maxLength={200} testId="person-name" />
      {!editing && props.environments.length > 0 && (
        <fieldset className="roles full-row">
          <legend>Accounts in environments</legend>
          {props.environments.map((env) => (
            <label className="check" key={env.id}>
              <input
                type="checkbox"
                checked={environmentIds.includes(env.id)}
                onChange={(e) => toggle(env.id, e.target.checked)}
              />
              {env.name} <span className="faint">{env.kind.toLowerCase()}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="full-row">
        <ProblemBanner error={save.error} testId="person-form-error" />
      </div>
      <FormFooter
        error={null}
        errorTestId="person-form-error-footer"
        onCancel={props.onCancel}
        busy={save.busy}
        incomplete={!username.trim() || !email.trim() || !name.trim()}
        submitTestId="save-person"
        label={editing ? 'Save' : 'Create person'}
        busyLabel="Saving…"
      />
    </form>
  );
}
