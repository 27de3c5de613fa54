// The search box and filters above the license table. Organization tokens see only their own
// licenses, so they get neither an organization nor a (vendor catalog) product filter.
import { LICENSE_MODELS } from '../../api/api-types.ts';
import { useSignedIn } from '../auth/session.tsx';
import type { LicenseLookups } from './license-lookups.ts';

export interface LicenseFilterValues {
  q: string;
  organizationId: string;
  productId: string;
  status: string;
  model: string;
}

export const NO_FILTERS: LicenseFilterValues = {
  q: '',
  organizationId: '',
  productId: '',
  status: '',
  model: '',
};

function Choice(props: {
  label: string;
  value: string;
  all: string;
  options: readonly { id: string; name: string }[];
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <label className="picker">
      <span className="picker-label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

const asOptions = (values: readonly string[]) => values.map((v) => ({ id: v, name: v }));

export function LicenseFilters(props: {
  value: LicenseFilterValues;
  onChange: (next: LicenseFilterValues) => void;
  lookups: LicenseLookups;
}) {
  const { me, can } = useSignedIn();
  const { value, onChange } = props;
  const set = (key: keyof LicenseFilterValues) => (next: string) => onChange({ ...value, [key]: next });
  return (
    <div className="filters" data-testid="license-filters">
      <label className="picker field-grow">
        <span className="picker-label">Search</span>
        <input
          type="search"
          value={value.q}
          maxLength={100}
          placeholder="Name, license id or key ending"
          onChange={(e) => set('q')(e.target.value)}
          data-testid="license-search"
        />
      </label>
      {me.kind !== 'organization' && (
        <Choice
          label="Organization"
          value={value.organizationId}
          all="All organizations"
          options={props.lookups.organizations}
          onChange={set('organizationId')}
          testId="filter-organization"
        />
      )}
      {can('catalog:read') && (
        <Choice
          label="Product"
          value={value.productId}
          all="All products"
          options={props.lookups.products}
          onChange={set('productId')}
          testId="filter-product"
        />
      )}
      <Choice
        label="Status"
        value={value.status}
        all="Any status"
        options={asOptions(['ACTIVE', 'SUSPENDED', 'REVOKED'])}
        onChange={set('status')}
        testId="filter-status"
      />
      <Choice
        label="Model"
        value={value.model}
        all="All models"
        options={asOptions(LICENSE_MODELS)}
        onChange={set('model')}
        testId="filter-model"
      />
    </div>
  );
}
