// A license's key and a freshly signed token, with copy buttons. The key is fetched only on
// request because every reveal is an audit event; the token is signed anew on each load.
import { useState } from 'react';
import type { License } from '../../api/api-types.ts';
import { ErrorBanner } from '../../ui/feedback.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { CopyField } from './copy-field.tsx';

export function LicenseCredentials(props: { license: License }) {
  const { api, me, can } = useSignedIn();
  const { license } = props;
  const [key, setKey] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<unknown>(null);
  // The server hands keys to vendor writers and to the customer's own org-admins only.
  const mayRevealKey = me.kind === 'organization' ? can('machine:write') : can('license:write');
  // Re-signed when the license changes, so the token always carries the current claims.
  const token = useResource(
    () => api.getLicenseToken(license.accountId, license.id),
    `token:${license.id}:${license.updatedAt}`,
  );

  async function reveal() {
    setKeyError(null);
    try {
      setKey((await api.getLicenseKey(license.accountId, license.id)).key);
    } catch (error) {
      setKeyError(error);
    }
  }

  return (
    <section className="card stack" data-testid="license-credentials">
      <h2 className="card-title">Key and token</h2>
      {key ? (
        <CopyField label="License key" value={key} testId="license-key" />
      ) : (
        <div className="copy-field">
          <span className="picker-label">License key</span>
          <div className="inline-edit">
            <span className="mono">{license.keyHint}</span>
            {mayRevealKey && (
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={reveal}
                data-testid="reveal-key"
              >
                Reveal key
              </button>
            )}
          </div>
        </div>
      )}
      <ErrorBanner error={keyError} />
      {token.data && (
        <CopyField
          label={`Signed token (key ${token.data.kid})`}
          value={token.data.token}
          testId="license-token"
          wrap
        />
      )}
      <ErrorBanner error={token.error} />
    </section>
  );
}
