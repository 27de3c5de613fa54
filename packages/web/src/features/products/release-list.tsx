// A product's releases (semantic version and date), which validation uses for maintenance and
// version-range checks, with an add form.
import { useState } from 'react';
import { FieldError, fieldMessages } from '../../ui/field-errors.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { CatalogList } from './catalog-list.tsx';

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

export function ReleaseList(props: { accountId: string; productId: string }) {
  const { api } = useSignedIn();
  const { accountId, productId } = props;
  const [version, setVersion] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const action = useAction();
  const list = usePagedList(
    (cursor) => api.listReleases(accountId, productId, { limit: 100, cursor }),
    `releases:${accountId}:${productId}`,
  );
  const messages = fieldMessages(action.error);

  async function add() {
    // A release date is a calendar day; midnight UTC keeps it the same day for every reader.
    await api.createRelease(accountId, productId, {
      version: version.trim(),
      releasedAt: `${date}T00:00:00.000Z`,
    });
    setVersion('');
    list.reload();
  }

  const fields = (
    <>
      <TextField
        label="Version"
        value={version}
        onChange={setVersion}
        placeholder="2.4.0"
        maxLength={300}
        testId="release-version"
        className="field-grow"
      >
        <FieldError messages={messages} name="version" />
      </TextField>
      <TextField label="Released on" type="date" value={date} onChange={setDate} testId="release-date">
        <FieldError messages={messages} name="releasedAt" />
      </TextField>
    </>
  );

  return (
    <CatalogList
      title="Releases"
      testId="releases-card"
      list={list}
      columns={['Version', 'Released']}
      row={(release) => (
        <tr key={release.id} data-testid="release-row">
          <td className="mono strong">{release.version}</td>
          <td>{dateOnly.format(new Date(release.releasedAt))}</td>
        </tr>
      )}
      tableTestId="releases-table"
      empty="No releases yet."
      add={{
        fields,
        action,
        onSubmit: add,
        complete: Boolean(version.trim() && date),
        label: 'Add release',
        formTestId: 'add-release-form',
        submitTestId: 'add-release',
      }}
    />
  );
}
