// The fields a change request needs for its kind: the license and quantity for more seats, the
// integration code, the product and its new display name, the license and target environment, or
// free text. Options come from the organization's own licenses and environments.
import type { ChangeRequestKind } from '../../api/change-request-endpoints.ts';

export interface Choice {
  id: string;
  label: string;
}

export type PayloadDraft = Record<string, string>;

function Select(props: {
  label: string;
  field: string;
  draft: PayloadDraft;
  choices: Choice[];
  set: (f: string, v: string) => void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select
        value={props.draft[props.field] ?? ''}
        onChange={(e) => props.set(props.field, e.target.value)}
        data-testid={`cr-${props.field}`}
      >
        <option value="">Choose…</option>
        {props.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Text(props: {
  label: string;
  field: string;
  draft: PayloadDraft;
  set: (f: string, v: string) => void;
  type?: string;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type={props.type ?? 'text'}
        min={props.type === 'number' ? 1 : undefined}
        value={props.draft[props.field] ?? ''}
        onChange={(e) => props.set(props.field, e.target.value)}
        data-testid={`cr-${props.field}`}
      />
    </label>
  );
}

export function ChangeRequestFields(props: {
  kind: ChangeRequestKind;
  draft: PayloadDraft;
  set: (field: string, value: string) => void;
  licenses: Choice[];
  products: Choice[];
  productions: Choice[];
}) {
  const { kind, draft, set } = props;
  if (kind === 'ADD_SEATS') {
    return (
      <>
        <Select label="License" field="licenseId" draft={draft} choices={props.licenses} set={set} />
        <Text label="Additional seats" field="quantity" type="number" draft={draft} set={set} />
      </>
    );
  }
  if (kind === 'ADD_INTEGRATION') {
    return (
      <>
        <Text label="Integration code" field="code" draft={draft} set={set} />
        <Text label="Name (optional)" field="name" draft={draft} set={set} />
        <Text label="Quantity" field="quantity" type="number" draft={draft} set={set} />
      </>
    );
  }
  if (kind === 'RENAME_PRODUCT_DISPLAY_NAME') {
    return (
      <>
        <Select label="Product" field="productId" draft={draft} choices={props.products} set={set} />
        <Text label="New display name" field="displayName" draft={draft} set={set} />
      </>
    );
  }
  if (kind === 'MOVE_LICENSE_ENVIRONMENT') {
    return (
      <>
        <Select label="License" field="licenseId" draft={draft} choices={props.licenses} set={set} />
        <Select label="Move to" field="environmentId" draft={draft} choices={props.productions} set={set} />
      </>
    );
  }
  return (
    <label className="field full-row">
      <span>What do you need?</span>
      <textarea
        rows={3}
        value={draft.text ?? ''}
        onChange={(e) => set('text', e.target.value)}
        data-testid="cr-text"
      />
    </label>
  );
}

const REQUIRED: Record<ChangeRequestKind, string[]> = {
  ADD_SEATS: ['licenseId', 'quantity'],
  ADD_INTEGRATION: ['code', 'quantity'],
  RENAME_PRODUCT_DISPLAY_NAME: ['productId', 'displayName'],
  MOVE_LICENSE_ENVIRONMENT: ['licenseId', 'environmentId'],
  OTHER: ['text'],
};

export function draftComplete(kind: ChangeRequestKind, draft: PayloadDraft): boolean {
  return REQUIRED[kind].every((f) => (draft[f] ?? '').trim() !== '');
}

/** The draft as the API's payload: quantities as numbers, empty optional members left out. */
export function toPayload(kind: ChangeRequestKind, draft: PayloadDraft): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    const text = value.trim();
    if (text === '' || !(REQUIRED[kind].includes(key) || (kind === 'ADD_INTEGRATION' && key === 'name')))
      continue;
    payload[key] = key === 'quantity' ? Number(text) : text;
  }
  return payload;
}
