// The card a product's features and releases share: a title, an add form for those who may write
// the catalog (its fields given by the caller), the add and list errors, the table and its paging.
import type { ReactNode } from 'react';
import { ErrorBanner, ListEnd } from '../../ui/feedback.tsx';
import type { Action } from '../../ui/use-action.ts';
import type { PagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';

export interface CatalogListProps<T> {
  title: string;
  testId: string;
  list: PagedList<T>;
  columns: readonly string[];
  row: (item: T) => ReactNode;
  tableTestId: string;
  empty: string;
  /** The add form: its fields, the action that runs it, and whether it is complete. */
  add: {
    fields: ReactNode;
    action: Action;
    onSubmit: () => Promise<void>;
    complete: boolean;
    label: string;
    formTestId: string;
    submitTestId: string;
  };
}

export function CatalogList<T>(props: CatalogListProps<T>) {
  const { can } = useSignedIn();
  const { add, list } = props;
  return (
    <section className="card" data-testid={props.testId}>
      <h2 className="card-title">{props.title}</h2>
      {can('catalog:write') && (
        <form
          className="inline-form form-spaced"
          onSubmit={add.action.handleSubmit(add.onSubmit)}
          data-testid={add.formTestId}
        >
          {add.fields}
          <button
            type="submit"
            className="button button-primary"
            disabled={add.action.busy || !add.complete}
            data-testid={add.submitTestId}
          >
            {add.label}
          </button>
        </form>
      )}
      <ErrorBanner error={add.action.error} />
      <ErrorBanner error={list.error} />
      <table className="table table-compact" data-testid={props.tableTestId}>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column}>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>{list.items.map(props.row)}</tbody>
      </table>
      <ListEnd list={list} empty={props.empty} />
    </section>
  );
}
