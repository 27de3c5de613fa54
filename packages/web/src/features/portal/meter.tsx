// A small horizontal bar showing how much of something is used, red when use exceeds what exists.
// Decorative: the figures it draws are always printed next to it.
export function Meter(props: { used: number; capacity: number }) {
  const { used, capacity } = props;
  const over = capacity > 0 ? used > capacity : used > 0;
  const ratio = capacity > 0 ? Math.min(1, used / capacity) : used > 0 ? 1 : 0;
  return (
    <span className={over ? 'meter meter-over' : 'meter'} aria-hidden="true">
      <span className="meter-fill" style={{ width: `${Math.round(ratio * 100)}%` }} />
    </span>
  );
}
