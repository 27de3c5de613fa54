// The search box and filters above the license table. Organization tokens see only their own
// licenses, so they get neither an organization nor a (vendor catalog) product filter.
import { LICENSE_MODELS } from '../../api/api-types.ts';
import { codeOptions, Picker } from '../../ui/select-field.tsx';
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
        <Picker
          label="Organization"
          value={value.organizationId}
          placeholder="All organizations"
          options={props.lookups.organizations}
          onChange={set('organizationId')}
          testId="filter-organization"
        />
      )}
      {can('catalog:read') && (
        <Picker
          label="Product"
          value={value.productId}
          placeholder="All products"
          options={props.lookups.products}
          onChange={set('productId')}
          testId="filter-product"
        />
      )}
      <Picker
        label="Status"
        value={value.status}
        placeholder="Any status"
        options={codeOptions(['ACTIVE', 'SUSPENDED', 'REVOKED'])}
        onChange={set('status')}
        testId="filter-status"
      />
      <Picker
        label="Model"
        value={value.model}
        placeholder="All models"
        options={codeOptions(LICENSE_MODELS)}
        onChange={set('model')}
        testId="filter-model"
      />
    </div>
  );
}
