// Shown right after issuing: the new license's key and signed token, each with a copy button,
// and a link to its detail. Both can be read again later from the detail page.
import type { IssuedLicense } from '../../api/api-types.ts';
import { CopyField } from './copy-field.tsx';
import type { LicenseLookups } from './license-lookups.ts';

export function IssuedLicenseCard(props: {
  issued: IssuedLicense;
  lookups: LicenseLookups;
  onDismiss: () => void;
}) {
  const { license, key, token } = props.issued;
  return (
    <section className="card secret-card" data-testid="issued-license" aria-live="polite">
      <div className="secret-head">
        <h2 className="card-title">
          License issued to {props.lookups.name('organization', license.organizationId)}
        </h2>
        <a
          className="button button-ghost button-small"
          href={`#/licenses/${license.accountId}/${license.id}`}
          data-testid="open-issued-license"
        >
          Open license →
        </a>
      </div>
      <p className="muted">
        Give the key to the customer to activate their copies; the signed token lets an application verify the
        license offline against the account's public keys.
      </p>
      <div className="stack">
        <CopyField label="License key" value={key} testId="issued-key" />
        <CopyField label="Signed license token" value={token} testId="issued-token" wrap />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-ghost"
          onClick={props.onDismiss}
          data-testid="dismiss-issued"
        >
          Done
        </button>
      </div>
    </section>
  );
}
