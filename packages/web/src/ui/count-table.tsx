// A titled table of names with two counts each (denials by user, by feature …), with a note in
// place of rows when there are none. Floating analytics and usage monitoring both show these.
import { EmptyState } from './feedback.tsx';

export interface CountColumn {
  label: string;
  /** Tooltip saying what is counted. */
  title?: string;
}

export interface CountRow {
  name: string;
  counts: readonly [number, number];
}

export function CountTable(props: {
  title: string;
  /** Header of the name column. */
  nameLabel: string;
  columns: readonly [CountColumn, CountColumn];
  rows: readonly CountRow[];
  empty: string;
  testId: string;
  rowTestId: string;
}) {
  return (
    <div>
      <h3 className="card-title">{props.title}</h3>
      <table className="table table-compact" data-testid={props.testId}>
        <thead>
          <tr>
            <th>{props.nameLabel}</th>
            {props.columns.map((column) => (
              <th key={column.label} title={column.title}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.name} data-testid={props.rowTestId}>
              <td>{row.name}</td>
              <td>{row.counts[0]}</td>
              <td>{row.counts[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 && <EmptyState>{props.empty}</EmptyState>}
    </div>
  );
}
