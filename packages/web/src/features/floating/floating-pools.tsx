// The seat pools of one floating license, refreshed every few seconds: seats, in use, borrowed,
// lingering and queued per feature, with a bar showing how full each pool is.
import { EmptyState, ErrorBanner } from '../../ui/feedback.tsx';
import { formatTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';

export const LIVE_REFRESH_MS = 3000;

/** A thin meter of in-use over seats; the number next to it says the same in text. */
function Fill(props: { inUse: number; seats: number }) {
  return (
    <meter
      min={0}
      max={Math.max(1, props.seats)}
      high={Math.max(1, props.seats) - 0.5}
      value={Math.min(props.inUse, Math.max(1, props.seats))}
      aria-label="Seats in use"
      style={{ width: 120 }}
    />
  );
}

export function FloatingPools(props: { accountId: string; licenseId: string; version: number }) {
  const { api } = useSignedIn();
  const { accountId, licenseId } = props;
  const pools = useResource(
    () => api.listFloatingPools(accountId, licenseId),
    `floating-pools:${accountId}:${licenseId}:${props.version}`,
    { refreshMs: LIVE_REFRESH_MS },
  );
  const rows = pools.data?.data ?? [];
  return (
    <section className="card card-flush" data-testid="floating-pools">
      <div className="card-head">
        <h2 className="card-title">Seat pools</h2>
        <span className="live" data-testid="floating-pools-updated">
          <span className={pools.error ? 'live-dot live-dot-error' : 'live-dot'} />
          {pools.updatedAt ? `Live · updated ${formatTime(pools.updatedAt)}` : 'Loading…'}
        </span>
      </div>
      <ErrorBanner error={pools.error} />
      <table className="table" data-testid="floating-pools-table">
        <thead>
          <tr>
            <th>Feature</th>
            <th>Seats</th>
            <th>In use</th>
            <th />
            <th>Borrowed</th>
            <th>Lingering</th>
            <th>Queued</th>
            <th>Reserved</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((pool) => (
            <tr key={pool.feature} data-testid="floating-pool-row" data-feature={pool.feature}>
              <td className="strong mono">{pool.feature}</td>
              <td data-testid="pool-seats">{pool.seats}</td>
              <td data-testid="pool-in-use">{pool.inUse}</td>
              <td>
                <Fill inUse={pool.inUse} seats={pool.seats} />
              </td>
              <td data-testid="pool-borrowed">{pool.borrowed}</td>
              <td>{pool.lingering ?? 0}</td>
              <td data-testid="pool-queued">{pool.queued}</td>
              <td>{pool.reserved ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!pools.loading && rows.length === 0 && (
        <EmptyState>No pools yet: a pool appears with the first check-out of a feature.</EmptyState>
      )}
    </section>
  );
}
