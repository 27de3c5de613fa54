// Shows a new token's secret the one time the server returns it, with a copy button. Once
// dismissed it is gone from the page: only its hash is stored on the server.
import { useState } from 'react';
import type { CreatedToken } from '../../api/api-types.ts';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // Clipboard access needs a secure context or permission; the text stays selectable.
  }
}

export function SecretReveal(props: { created: CreatedToken; onDismiss: () => void }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { token, secret } = props.created;
  return (
    <section className="card secret-card" data-testid="secret-reveal" aria-live="polite">
      <div className="secret-head">
        <h2 className="card-title">Token “{token.name}” created</h2>
        <span className="badge badge-warning">Shown once</span>
      </div>
      <p className="muted">
        Copy the secret now and store it somewhere safe. Licentia keeps only a hash of it, so it cannot be
        shown again; if it is lost, revoke the token and create a new one.
      </p>
      <div className="secret-box">
        <code data-testid="token-secret">{secret}</code>
        <button
          type="button"
          className="button button-primary button-small"
          onClick={() => void copyText(secret).then((ok) => setCopied(ok ? 'copied' : 'failed'))}
          data-testid="copy-secret"
        >
          {copied === 'copied' ? 'Copied ✓' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' && (
        <p className="fine-print">
          The browser refused clipboard access; select the secret and copy it by hand.
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button-ghost"
          onClick={props.onDismiss}
          data-testid="dismiss-secret"
        >
          I have stored it
        </button>
      </div>
    </section>
  );
}
