// The landing page: live counts of what this token can see (refreshed every few seconds) and a
// card saying exactly which token is signed in.

import { ErrorBanner, PageHeader } from '../../ui/feedback.tsx';
import { formatCount, formatTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { WhoAmICard } from './who-am-i-card.tsx';

const REFRESH_MS = 5000;

const STATS = [
  { key: 'accounts', label: 'Vendor accounts', hint: 'Accounts visible to this token', vendorOnly: true },
  { key: 'organizations', label: 'Organizations', hint: 'Customer organizations', vendorOnly: false },
  { key: 'activeTokens', label: 'Active API tokens', hint: 'Not revoked, not expired', vendorOnly: false },
  { key: 'auditEvents', label: 'Audit events', hint: 'Recorded in hash-chained logs', vendorOnly: true },
] as const;

export function OverviewPage() {
  const { api, me } = useSignedIn();
  // An organization token sees neither accounts nor audit logs, so those counts would read 0.
  const stats = STATS.filter((stat) => !stat.vendorOnly || me.kind !== 'organization');
  const overview = useResource(() => api.overview(), 'overview', { refreshMs: REFRESH_MS });

  return (
    <>
      <PageHeader
        title="Overview"
        description="What this deployment holds, as far as your token can see."
        actions={
          <span className="live" data-testid="overview-updated">
            <span className={overview.error ? 'live-dot live-dot-error' : 'live-dot'} />
            {overview.updatedAt ? `Live · updated ${formatTime(overview.updatedAt)}` : 'Loading…'}
          </span>
        }
      />
      <ErrorBanner error={overview.error} />
      <section className="stats" aria-label="Counts">
        {stats.map((stat) => (
          <div className="stat card" key={stat.key}>
            <span className="stat-label">{stat.label}</span>
            <span className="stat-value" data-testid={`count-${stat.key}`}>
              {overview.data ? formatCount(overview.data[stat.key]) : '—'}
            </span>
            <span className="stat-hint">{stat.hint}</span>
          </div>
        ))}
      </section>
      <WhoAmICard />
    </>
  );
}
