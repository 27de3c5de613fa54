// One change request as either side sees it: case number, status, what was asked, the comment
// thread, and on the vendor side the next status steps (take in progress, resolve, reject) with an
// optional comment that is posted with the step.
import { useState } from 'react';
import type { ChangeRequest, ChangeRequestStatus } from '../../api/change-request-endpoints.ts';
import { formatDateTime } from '../../ui/format.ts';
import type { Resource } from '../../ui/use-resource.ts';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { KIND_LABELS, payloadRows, STEP_LABELS, StatusBadge } from './change-request-format.tsx';
import { ChangeRequestThread } from './change-request-thread.tsx';

export function ChangeRequestDetail(props: {
  request: Resource<ChangeRequest>;
  side: 'VENDOR' | 'ORGANIZATION';
  backHref: string;
  /** Ids in the payload shown by name (licenses, products, environments). */
  names?: ReadonlyMap<string, string>;
  onComment?: ((body: string) => Promise<unknown>) | undefined;
  onStep?: ((status: ChangeRequestStatus, comment: string) => Promise<unknown>) | undefined;
  organizationName?: string | undefined;
}) {
  const { request } = props;
  const r = request.data;
  const [stepComment, setStepComment] = useState('');
  const [stepError, setStepError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function step(status: ChangeRequestStatus) {
    if (!props.onStep) return;
    setBusy(true);
    setStepError(null);
    try {
      await props.onStep(status, stepComment.trim());
      setStepComment('');
      request.reload();
    } catch (caught) {
      setStepError(caught);
    } finally {
      setBusy(false);
    }
  }

  const comment = props.onComment
    ? async (body: string) => {
        await props.onComment?.(body);
        request.reload();
      }
    : undefined;
  return (
    <>
      <a className="back-link" href={props.backHref}>
        ← All change requests
      </a>
      <ProblemBanner error={request.error} />
      {r && (
        <div className="stack" data-testid="change-request-detail" data-case={r.caseNumber}>
          <header className="page-header">
            <div>
              <h1>
                <span className="mono" data-testid="case-number">
                  {r.caseNumber}
                </span>{' '}
                {r.subject}
              </h1>
              <p className="muted">
                {KIND_LABELS[r.kind]}
                {props.organizationName ? ` · ${props.organizationName}` : ''} · filed{' '}
                {formatDateTime(r.createdAt)}
              </p>
            </div>
            <StatusBadge status={r.status} />
          </header>
          <section className="card">
            <dl className="kv">
              {payloadRows(r, props.names).map(([label, value]) => (
                <div className="kv-row" key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
              {r.description && (
                <div className="kv-row">
                  <dt>Description</dt>
                  <dd style={{ whiteSpace: 'pre-wrap', wordBreak: 'normal' }}>{r.description}</dd>
                </div>
              )}
              <div className="kv-row">
                <dt>Updated</dt>
                <dd>{formatDateTime(r.updatedAt)}</dd>
              </div>
            </dl>
          </section>
          {props.onStep && r.nextStatuses.length > 0 && (
            <section className="card stack" data-testid="change-request-steps">
              <h2 className="card-title">Handle the request</h2>
              <textarea
                rows={2}
                maxLength={4000}
                placeholder="Comment for the customer (optional, posted with the step)"
                value={stepComment}
                onChange={(e) => setStepComment(e.target.value)}
                data-testid="step-comment"
              />
              <ProblemBanner error={stepError} testId="step-error" />
              <div className="form-actions">
                {r.nextStatuses.map((s) => (
                  <button
                    key={s}
                    type="button"
                    className={s === 'REJECTED' ? 'button button-danger' : 'button button-primary'}
                    disabled={busy}
                    onClick={() => void step(s)}
                    data-testid={`step-${s}`}
                  >
                    {STEP_LABELS[s]}
                  </button>
                ))}
              </div>
            </section>
          )}
          <ChangeRequestThread comments={r.comments ?? []} side={props.side} onComment={comment} />
        </div>
      )}
    </>
  );
}
