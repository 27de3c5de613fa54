// Small shared building blocks for pages: error banners, empty states, page headers, buttons that
// ask for a second click before doing something destructive, and the end of a paged list.
import { type ReactNode, useEffect, useState } from 'react';
import { describeError } from '../api/api-error.ts';
import type { PagedList } from './use-paged-list.ts';

export function ErrorBanner(props: { error: unknown; testId?: string }) {
  if (!props.error) return null;
  const { code, detail } = describeError(props.error);
  return (
    <div className="alert alert-error" role="alert" data-testid={props.testId ?? 'error-banner'}>
      <strong>{code}</strong> {detail}
    </div>
  );
}

export function PageHeader(props: { title: string; description: string; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{props.title}</h1>
        <p className="muted">{props.description}</p>
      </div>
      {props.actions && <div className="page-actions">{props.actions}</div>}
    </header>
  );
}

export function EmptyState(props: { children: ReactNode }) {
  return <div className="empty-state">{props.children}</div>;
}

/** First click arms the button, second click within a few seconds confirms; no modal needed. */
export function ConfirmButton(props: {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  testId?: string;
}) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), 4000);
    return () => clearTimeout(timer);
  }, [armed]);
  return (
    <button
      type="button"
      className={armed ? 'button button-danger button-small' : 'button button-ghost button-small'}
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={() => {
        if (armed) {
          setArmed(false);
          props.onConfirm();
        } else setArmed(true);
      }}
    >
      {armed ? props.confirmLabel : props.label}
    </button>
  );
}

export function LoadMore(props: { hasMore: boolean; loading: boolean; onClick: () => void }) {
  if (!props.hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="button button-ghost" disabled={props.loading} onClick={props.onClick}>
        {props.loading ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}

/**
 * What follows a paged list's table: `empty` once the first page came back with nothing (not while
 * it loads, so the note never flashes), and "Load more" while pages remain.
 */
export function ListEnd(props: {
  list: Pick<PagedList<unknown>, 'items' | 'loading' | 'hasMore' | 'loadMore'>;
  empty: ReactNode;
}) {
  const { list } = props;
  return (
    <>
      {!list.loading && list.items.length === 0 && <EmptyState>{props.empty}</EmptyState>}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />
    </>
  );
}
