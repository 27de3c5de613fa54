// Files a change request: choose what to ask for, fill the fields of that kind, optionally a
// subject and a description. The answer carries the case number, shown on the request's page.
import { type FormEvent, useState } from 'react';
import {
  CHANGE_REQUEST_KINDS,
  type ChangeRequest,
  type ChangeRequestKind,
} from '../../api/change-request-endpoints.ts';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { shortId } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import {
  ChangeRequestFields,
  type Choice,
  draftComplete,
  type PayloadDraft,
  toPayload,
} from './change-request-fields.tsx';
import { KIND_LABELS } from './change-request-format.tsx';

export function NewChangeRequestForm(props: {
  scope: OrgScope;
  onFiled: (request: ChangeRequest) => void;
  onCancel: () => void;
}) {
  const { api } = useSignedIn();
  const { scope } = props;
  const [kind, setKind] = useState<ChangeRequestKind>('ADD_SEATS');
  const [draft, setDraft] = useState<PayloadDraft>({});
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const licenses = useResource(
    () => api.listLicenses(scope.accountId, { organizationId: scope.organizationId, limit: 200 }),
    `cr-licenses:${scope.organizationId}`,
  );
  const environments = useResource(
    () => api.listEnvironments(scope, { limit: 200 }),
    `cr-envs:${scope.organizationId}`,
  );
  const envs = environments.data?.data ?? [];
  const productNames = new Map(
    envs.flatMap((e) => e.products.map((p) => [p.productId, p.productName] as const)),
  );
  const licenseChoices: Choice[] = (licenses.data?.data ?? []).map((l) => ({
    id: l.id,
    label: `${productNames.get(l.productId) ?? shortId(l.productId)} · ${l.name ?? l.keyHint}`,
  }));
  const productChoices: Choice[] = [...new Set((licenses.data?.data ?? []).map((l) => l.productId))].map(
    (id) => ({
      id,
      label: productNames.get(id) ?? id,
    }),
  );
  const productions: Choice[] = envs
    .filter((e) => e.kind === 'PRODUCTION')
    .map((e) => ({ id: e.id, label: e.name }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const filed = await api.fileChangeRequest(scope, {
        kind,
        payload: toPayload(kind, draft),
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      props.onFiled(filed);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} data-testid="new-change-request-form">
      <label className="field full-row">
        <span>What do you need?</span>
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as ChangeRequestKind);
            setDraft({});
          }}
          data-testid="cr-kind"
        >
          {CHANGE_REQUEST_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <ChangeRequestFields
        kind={kind}
        draft={draft}
        set={(field, value) => setDraft((old) => ({ ...old, [field]: value }))}
        licenses={licenseChoices}
        products={productChoices}
        productions={productions}
      />
      <label className="field full-row">
        <span>
          Subject <span className="hint">optional; derived from the request when empty</span>
        </span>
        <input
          value={subject}
          maxLength={200}
          onChange={(e) => setSubject(e.target.value)}
          data-testid="cr-subject"
        />
      </label>
      <label className="field full-row">
        <span>
          Description <span className="hint">optional</span>
        </span>
        <textarea
          rows={3}
          maxLength={4000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="cr-description"
        />
      </label>
      <div className="full-row">
        <ProblemBanner error={error} testId="file-change-request-error" />
      </div>
      <FormFooter
        error={null}
        errorTestId="file-change-request-error-footer"
        onCancel={props.onCancel}
        busy={busy}
        incomplete={!draftComplete(kind, draft)}
        submitTestId="file-change-request"
        label="File request"
        busyLabel="Filing…"
      />
    </form>
  );
}
