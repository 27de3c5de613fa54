// The frame of the paged lists on a license's page (machines, validations, audit events): a card
// head with the title and its tools, the errors, the table and its paging.
import type { ReactNode } from 'react';
import { ErrorBanner, ListEnd } from '../../ui/feedback.tsx';
import type { PagedList } from '../../ui/use-paged-list.ts';

export function LicenseListSection<T>(props: {
  title: string;
  testId: string;
  /** Beside the title: a refresh button, a filter. */
  tools: ReactNode;
  list: PagedList<T>;
  /** The error of an action taken on a row, shown above the list's own. */
  actionError?: unknown;
  empty: ReactNode;
  /** The table. */
  children: ReactNode;
}) {
  return (
    <section className="card card-flush section-gap" data-testid={props.testId}>
      <div className="card-head">
        <h2 className="card-title">{props.title}</h2>
        {props.tools}
      </div>
      <ErrorBanner error={props.actionError} />
      <ErrorBanner error={props.list.error} />
      {props.children}
      <ListEnd list={props.list} empty={props.empty} />
    </section>
  );
}

export function RefreshButton(props: { onClick: () => void }) {
  return (
    <button type="button" className="button button-ghost button-small" onClick={props.onClick}>
      Refresh
    </button>
  );
}
