// The audit log: events of one hash chain, oldest first, and a button that recomputes the chain
// on the server to prove nothing was altered or removed.
import { useState } from 'react';
import type { AuditVerification, ChainVerification } from '../../api/api-types.ts';
import { ErrorBanner, ListEnd, PageHeader } from '../../ui/feedback.tsx';
import { formatChanges, formatCount, formatDateTime, shortHash, shortId } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { AccountPicker } from '../shell/account-picker.tsx';

function explain(chain: ChainVerification): string {
  if (chain.ok) return `${formatCount(chain.checked)} events checked; every hash matches its predecessor.`;
  if (chain.firstBroken) {
    return `First broken event: #${chain.firstBroken.seq} (${chain.firstBroken.id}) — ${chain.firstBroken.reason}.`;
  }
  if (chain.tailMissing) return 'Events after the last stored one have been removed.';
  return 'The chain does not verify.';
}

function VerifyResult(props: { verification: AuditVerification }) {
  const { verification } = props;
  return (
    <section
      className={verification.ok ? 'alert alert-success' : 'alert alert-error'}
      role="status"
      data-testid="verify-result"
      data-ok={String(verification.ok)}
    >
      <strong>{verification.ok ? 'Chain intact' : 'Chain broken'}</strong>
      {verification.chains.map((chain) => (
        <div key={chain.chainId} className="verify-line">
          <span className="mono">{chain.chainId}</span>: {explain(chain)}
        </div>
      ))}
    </section>
  );
}

export function AuditPage() {
  const { api, me } = useSignedIn();
  const [chainId, setChainId] = useState(me.accountId ?? '');
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);
  const list = usePagedList(
    (cursor) =>
      chainId
        ? api.listAuditEvents({ accountId: chainId, limit: 100, cursor })
        : Promise.resolve({ data: [], nextCursor: null }),
    `audit:${chainId}`,
  );

  function changeChain(next: string) {
    setChainId(next);
    setVerification(null);
    setVerifyError(null);
  }

  async function verify() {
    setVerifying(true);
    setVerifyError(null);
    try {
      setVerification(await api.verifyAudit(chainId));
    } catch (error) {
      setVerification(null);
      setVerifyError(error);
    } finally {
      setVerifying(false);
    }
  }

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change, recorded in a tamper-evident hash chain per account."
        actions={
          <>
            <AccountPicker value={chainId} onChange={changeChain} allowSystem label="Chain" />
            <button
              type="button"
              className="button button-primary"
              disabled={!chainId || verifying}
              onClick={verify}
              data-testid="verify-chain"
            >
              {verifying ? 'Verifying…' : 'Verify chain'}
            </button>
          </>
        }
      />
      <ErrorBanner error={verifyError} />
      {verification && <VerifyResult verification={verification} />}
      <ErrorBanner error={list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th>#</th>
              <th>When</th>
              <th>Action</th>
              <th>Target</th>
              <th>Actor</th>
              <th>Changes</th>
              <th>Hash</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((event) => (
              <tr key={event.id} data-testid="audit-row">
                <td className="mono">{event.seq}</td>
                <td>{formatDateTime(event.occurredAt)}</td>
                <td>
                  <span className="action">{event.action}</span>
                </td>
                <td className="mono" title={event.targetId}>
                  {event.targetType} {shortId(event.targetId)}
                </td>
                <td className="mono" title={event.actorId}>
                  {event.actorType} {shortId(event.actorId)}
                </td>
                <td className="changes">{formatChanges(event.changes)}</td>
                <td className="mono faint" title={event.hash}>
                  {shortHash(event.hash)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListEnd list={list} empty="No events in this chain yet." />
      </section>
    </>
  );
}
