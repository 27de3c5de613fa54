// A row of tabs (ARIA tablist) for pages with several views of one subject, such as the license
// overview. The page keeps which tab is open; each tab button has data-testid `tab-<id>`.

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** A small count or flag after the label, e.g. an overage marker. */
  hint?: string | undefined;
}

export function Tabs<T extends string>(props: {
  tabs: readonly TabItem<T>[];
  active: T;
  onChange: (id: T) => void;
  label: string;
}) {
  return (
    <div className="tabs" role="tablist" aria-label={props.label}>
      {props.tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab.id === props.active}
          onClick={() => props.onChange(tab.id)}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
          {tab.hint && <span className="badge badge-warning badge-inline">{tab.hint}</span>}
        </button>
      ))}
    </div>
  );
}
