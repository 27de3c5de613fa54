// The sign-in page: paste an API token; it is checked against the server before it is kept.
import { type FormEvent, useState } from 'react';
import { ApiError, describeError } from '../../api/api-error.ts';

const TOKEN_SHAPE = /^lt_[A-Za-z0-9_-]+$/;

function explain(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) {
    return `The server did not accept this token (${error.code}): ${error.detail}`;
  }
  const { code, detail } = describeError(error);
  return `Sign-in failed (${code}): ${detail}`;
}

export function SignInPage(props: { notice: string | null; onSignIn: (token: string) => Promise<void> }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = token.trim();
    // Catch obvious paste mistakes locally; anything token-shaped is judged by the server.
    if (!TOKEN_SHAPE.test(trimmed)) {
      setError('An API token starts with "lt_" and contains no spaces.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.onSignIn(trimmed);
    } catch (caught) {
      setError(explain(caught));
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} data-testid="sign-in-form">
        <div className="brand brand-large">
          <span className="brand-mark">L</span>
          <span>Licentia</span>
        </div>
        <h1>Sign in to the console</h1>
        <p className="muted">
          Paste an API token. The operator token is printed once when the server first starts; account and
          organization tokens are created on the Tokens page.
        </p>
        {props.notice && !error && (
          <div className="notice" data-testid="sign-in-notice">
            {props.notice}
          </div>
        )}
        <label className="field">
          <span>API token</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="lt_…"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            data-testid="token-input"
            // biome-ignore lint/a11y/noAutofocus: the page has one job; the field is where it starts.
            autoFocus
          />
        </label>
        {error && (
          <div className="alert alert-error" role="alert" data-testid="sign-in-error">
            {error}
          </div>
        )}
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={busy}
          data-testid="sign-in"
        >
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <p className="fine-print">
          The token is kept in this browser tab only and forgotten when you sign out.
        </p>
      </form>
    </main>
  );
}
