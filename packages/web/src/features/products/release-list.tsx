// A product's releases (semantic version and date), which validation uses for maintenance and
// version-range checks, with an add form.
import { type FormEvent, useState } from 'react';
import { EmptyState, ErrorBanner, LoadMore } from '../../ui/feedback.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { FieldError, fieldMessages } from '../policies/field-errors.tsx';

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function ReleaseList(props: { accountId: string; productId: string }) {
  const { api, can } = useSignedIn();
  const { accountId, productId } = props;
  const [version, setVersion] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const list = usePagedList(
    (cursor) => api.listReleases(accountId, productId, { limit: 100, cursor }),
    `releases:${accountId}:${productId}`,
  );
  const messages = fieldMessages(error);

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // A release date is a calendar day; midnight UTC keeps it the same day for every reader.
      await api.createRelease(accountId, productId, {
        version: version.trim(),
        releasedAt: `${date}T00:00:00.000Z`,
      });
      setVersion('');
      list.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="releases-card">
      <h2 className="card-title">Releases</h2>
      {can('catalog:write') && (
        <form className="inline-form form-spaced" onSubmit={add} data-testid="add-release-form">
          <label className="field field-grow">
            <span>Version</span>
            <input
              value={version}
              placeholder="2.4.0"
              maxLength={300}
              onChange={(e) => setVersion(e.target.value)}
              data-testid="release-version"
            />
            <FieldError messages={messages} name="version" />
          </label>
          <label className="field">
            <span>Released on</span>
            <input
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              data-testid="release-date"
            />
            <FieldError messages={messages} name="releasedAt" />
          </label>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !version.trim() || !date}
            data-testid="add-release"
          >
            Add release
          </button>
        </form>
      )}
      <ErrorBanner error={error} />
      <ErrorBanner error={list.error} />
      <table className="table table-compact" data-testid="releases-table">
        <thead>
          <tr>
            <th>Version</th>
            <th>Released</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((release) => (
            <tr key={release.id} data-testid="release-row">
              <td className="mono strong">{release.version}</td>
              <td>{dateOnly.format(new Date(release.releasedAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!list.loading && list.items.length === 0 && <EmptyState>No releases yet.</EmptyState>}
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />
    </section>
  );
}
