// A product's features: the entitlements policies and licenses can grant, each with an optional
// default value (a limit, a flag or a tier), with an add form.
import { useState } from 'react';
import { FieldError, fieldMessages } from '../../ui/field-errors.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { CatalogList } from './catalog-list.tsx';
import { formatFeatureValue, parseFeatureValue } from './feature-value.ts';

export function FeatureList(props: { accountId: string; productId: string }) {
  const { api } = useSignedIn();
  const { accountId, productId } = props;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const action = useAction();
  const list = usePagedList(
    (cursor) => api.listFeatures(accountId, productId, { limit: 100, cursor }),
    `features:${accountId}:${productId}`,
  );
  const messages = fieldMessages(action.error);

  async function add() {
    const parsed = parseFeatureValue(value);
    await api.createFeature(accountId, productId, {
      code: code.trim(),
      name: name.trim(),
      ...(parsed === undefined ? {} : { value: parsed }),
    });
    setCode('');
    setName('');
    setValue('');
    list.reload();
  }

  const fields = (
    <>
      <TextField
        label="Code"
        value={code}
        onChange={setCode}
        placeholder="EXPORT_PDF"
        maxLength={200}
        testId="feature-code"
        className="field-grow"
      >
        <FieldError messages={messages} name="code" />
      </TextField>
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        placeholder="PDF export"
        maxLength={400}
        testId="feature-name"
        className="field-grow"
      >
        <FieldError messages={messages} name="name" />
      </TextField>
      <TextField
        label="Value (optional)"
        value={value}
        onChange={setValue}
        placeholder="10, true…"
        maxLength={200}
        testId="feature-value"
        className="field-narrow"
      >
        <FieldError messages={messages} name="value" />
      </TextField>
    </>
  );

  return (
    <CatalogList
      title="Features"
      testId="features-card"
      list={list}
      columns={['Code', 'Name', 'Value']}
      row={(feature) => (
        <tr key={feature.id} data-testid="feature-row">
          <td className="mono strong">{feature.code}</td>
          <td>{feature.name}</td>
          <td className="mono">{formatFeatureValue(feature.value)}</td>
        </tr>
      )}
      tableTestId="features-table"
      empty="No features yet."
      add={{
        fields,
        action,
        onSubmit: add,
        complete: Boolean(code.trim() && name.trim()),
        label: 'Add feature',
        formTestId: 'add-feature-form',
        submitTestId: 'add-feature',
      }}
    />
  );
}
