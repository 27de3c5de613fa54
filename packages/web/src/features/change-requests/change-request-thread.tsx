// The comments of a change request from both sides, oldest first, and the box to add one.
import { type FormEvent, useState } from 'react';
import type { ChangeRequestComment } from '../../api/change-request-endpoints.ts';
import { EmptyState } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ProblemBanner } from '../portal/problem-banner.tsx';

export function ChangeRequestThread(props: {
  comments: ChangeRequestComment[];
  /** Absent when the caller may not comment. */
  onComment?: ((body: string) => Promise<void>) | undefined;
  /** Who "we" are, to label the sides. */
  side: 'VENDOR' | 'ORGANIZATION';
}) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!props.onComment) return;
    setBusy(true);
    setError(null);
    try {
      await props.onComment(body.trim());
      setBody('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const author = (c: ChangeRequestComment) =>
    c.side === props.side ? 'You' : c.side === 'VENDOR' ? 'Your vendor' : 'The customer';
  return (
    <section className="card" data-testid="change-request-thread">
      <h2 className="card-title">Comments</h2>
      {props.comments.length === 0 && <EmptyState>No comments yet.</EmptyState>}
      <div className="thread">
        {props.comments.map((c) => (
          <div
            key={c.id}
            className={`comment comment-${c.side.toLowerCase()}`}
            data-testid="comment"
            data-side={c.side}
          >
            <div className="comment-meta">
              {author(c)} · {formatDateTime(c.createdAt)}
            </div>
            <div style={{ whiteSpace: 'pre-wrap' }} data-testid="comment-body">
              {c.body}
            </div>
          </div>
        ))}
      </div>
      {props.onComment && (
        <form className="stack" onSubmit={submit}>
          <textarea
            rows={3}
            maxLength={4000}
            value={body}
            placeholder="Write a comment"
            onChange={(e) => setBody(e.target.value)}
            data-testid="comment-input"
          />
          <ProblemBanner error={error} testId="comment-error" />
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={busy || !body.trim()}
              data-testid="add-comment"
            >
              {busy ? 'Sending…' : 'Add comment'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
