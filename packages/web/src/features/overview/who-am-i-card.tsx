// "Who am I": the identity GET /v1/me reported at sign-in, so nobody wonders which token is in use.
import { shortId } from '../../ui/format.ts';
import { ROLE_DESCRIPTIONS } from '../auth/permissions.ts';
import { useSignedIn } from '../auth/session.tsx';

function Row(props: { label: string; value: string | null; title?: string | null; testId?: string }) {
  return (
    <div className="kv-row">
      <dt>{props.label}</dt>
      <dd title={props.title ?? undefined} data-testid={props.testId}>
        {props.value ?? '—'}
      </dd>
    </div>
  );
}

export function WhoAmICard() {
  const { me } = useSignedIn();
  return (
    <section className="card" data-testid="whoami-card">
      <h2 className="card-title">Signed in as</h2>
      <dl className="kv">
        <Row label="Token" value={me.tokenId} testId="me-token-id" />
        <Row label="Kind" value={me.kind} testId="me-kind" />
        <Row
          label="Roles"
          value={me.roles.map((r) => `${r} — ${ROLE_DESCRIPTIONS[r] ?? r}`).join('; ')}
          testId="me-roles"
        />
        {me.kind !== 'operator' && (
          <Row
            label="Account"
            value={me.accountName ? `${me.accountName} (${shortId(me.accountId)})` : me.accountId}
            title={me.accountId}
          />
        )}
        {me.kind === 'organization' && (
          <Row
            label="Organization"
            value={me.organizationName ? `${me.organizationName} (${shortId(me.organizationId)})` : null}
            title={me.organizationId}
          />
        )}
      </dl>
    </section>
  );
}
