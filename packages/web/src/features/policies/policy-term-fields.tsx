// The inputs of the create-policy form, grouped as the terms read: term, limits, restrictions,
// entitlements and price. Each shows the server's message for its field under it.
import type { ReactNode } from 'react';
import { OVERAGE_STRATEGIES } from '../../api/api-types.ts';
import { FieldError, type FieldMessages } from '../../ui/field-errors.tsx';
import type { PolicyDraft } from './policy-draft.ts';

type TextKey = { [K in keyof PolicyDraft]: PolicyDraft[K] extends string ? K : never }[keyof PolicyDraft];

export interface TermFieldsProps {
  draft: PolicyDraft;
  set: <K extends keyof PolicyDraft>(key: K, value: PolicyDraft[K]) => void;
  messages: FieldMessages;
}

function Input(
  props: TermFieldsProps & {
    name: TextKey;
    label: string;
    placeholder?: string;
    numeric?: boolean;
    hint?: string;
  },
) {
  // The server names fields as the API does; the price box maps to priceCents.
  const apiName = props.name === 'price' ? 'priceCents' : props.name;
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        value={props.draft[props.name]}
        type={props.numeric ? 'number' : 'text'}
        step={props.name === 'price' ? '0.01' : undefined}
        placeholder={props.placeholder}
        onChange={(e) => props.set(props.name, e.target.value)}
        aria-invalid={props.messages[apiName] ? true : undefined}
        data-testid={`policy-${props.name}`}
      />
      {props.hint && <small className="hint">{props.hint}</small>}
      <FieldError messages={props.messages} name={apiName} />
    </label>
  );
}

function Group(props: { title: string; children: ReactNode }) {
  return (
    <fieldset className="term-group full-row">
      <legend>{props.title}</legend>
      <div className="form-grid form-grid-3">{props.children}</div>
    </fieldset>
  );
}

export function PolicyTermFields(props: TermFieldsProps & { featureCodes: readonly string[] }) {
  const { draft, set, messages } = props;
  return (
    <>
      <Group title="Term">
        <Input
          {...props}
          name="durationIso"
          label="Duration (ISO 8601)"
          placeholder="P1Y — blank: never expires"
        />
        <Input
          {...props}
          name="maintenanceDurationIso"
          label="Maintenance"
          placeholder="P1Y — blank: no gating"
        />
        <Input {...props} name="gracePeriodIso" label="Grace period" placeholder="P14D" />
        <label className="field">
          <span>Renew from</span>
          <select
            value={draft.renewFrom}
            onChange={(e) => set('renewFrom', e.target.value as PolicyDraft['renewFrom'])}
          >
            <option value="EXPIRY">Current expiry</option>
            <option value="NOW">Moment of renewal</option>
          </select>
        </label>
        {draft.model === 'TRIAL' && (
          <label className="field">
            <span>Trial starts at</span>
            <select
              value={draft.trialStartsAt}
              onChange={(e) => set('trialStartsAt', e.target.value as PolicyDraft['trialStartsAt'])}
            >
              <option value="ISSUE">Issue</option>
              <option value="FIRST_ACTIVATION">First activation</option>
            </select>
          </label>
        )}
      </Group>
      <Group title="Limits">
        <Input {...props} name="maxMachines" label="Max machines" numeric placeholder="Unlimited" />
        <Input {...props} name="maxUsers" label="Max users" numeric placeholder="Unlimited" />
        <label className="field">
          <span>Overage</span>
          <select
            value={draft.overage}
            onChange={(e) => set('overage', e.target.value as PolicyDraft['overage'])}
            data-testid="policy-overage"
          >
            {OVERAGE_STRATEGIES.map((o) => (
              <option key={o} value={o}>
                {o === 'NO' ? 'No overage' : o === 'ALWAYS' ? 'Always allow' : `Up to ${o}`}
              </option>
            ))}
          </select>
          <FieldError messages={messages} name="overage" />
        </label>
        <Input
          {...props}
          name="heartbeatIntervalSeconds"
          label="Heartbeat (seconds)"
          numeric
          placeholder="None"
        />
        {draft.model === 'FLOATING' && (
          <Input
            {...props}
            name="maxBorrowHours"
            label="Max borrow (hours)"
            numeric
            placeholder="No borrowing"
          />
        )}
      </Group>
      <Group title="Restrictions">
        <Input
          {...props}
          name="allowedCountries"
          label="Allowed countries"
          placeholder="DE, FR — blank: anywhere"
        />
        <Input
          {...props}
          name="allowedDepartments"
          label="Allowed departments"
          placeholder="Site licenses only"
        />
        <Input {...props} name="versionRange" label="Version range" placeholder=">=2.0.0 <3.0.0" />
      </Group>
      <fieldset className="term-group full-row">
        <legend>Entitlements</legend>
        <textarea
          value={draft.entitlements}
          rows={3}
          placeholder={'One per line: CODE or CODE=value, e.g.\nEXPORT_PDF\nMAX_PROJECTS=10'}
          onChange={(e) => set('entitlements', e.target.value)}
          data-testid="policy-entitlements"
        />
        {props.featureCodes.length > 0 && (
          <div className="chips">
            <span className="faint">Product features:</span>
            {props.featureCodes.map((code) => (
              <button
                key={code}
                type="button"
                className="chip"
                onClick={() => set('entitlements', `${draft.entitlements.trimEnd()}\n${code}`.trimStart())}
              >
                + {code}
              </button>
            ))}
          </div>
        )}
        <FieldError messages={messages} name="entitlements" />
      </fieldset>
      <Group title="Price">
        <Input
          {...props}
          name="price"
          label="Price per period per seat"
          numeric
          placeholder="Blank: not sold"
        />
        <Input {...props} name="billingPeriodIso" label="Billing period" placeholder="P1M, P1Y" />
      </Group>
    </>
  );
}
