// The sign-in state of the console: a token kept in sessionStorage (so it dies with the tab and
// never reaches localStorage), validated against GET /v1/me, then handed to every page by context.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ApiClient, createApiClient } from '../../api/api-client.ts';
import type { ApiError } from '../../api/api-error.ts';
import type { Me } from '../../api/api-types.ts';
import { type Permission, permissionsOf } from './permissions.ts';

const STORAGE_KEY = 'licentia.console.token';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; notice: string | null }
  | { status: 'signed-in'; token: string; me: Me };

export interface Session {
  state: SessionState;
  api: ApiClient | null;
  /** Validates the token with /v1/me; rejects with the ApiError when the server refuses it. */
  signIn(token: string): Promise<void>;
  signOut(notice?: string | null): void;
}

function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // Storage can be disabled by browser policy; then the session lives in memory only.
  }
}

export function useSession(): Session {
  const [state, setState] = useState<SessionState>(() =>
    readStoredToken() ? { status: 'checking' } : { status: 'signed-out', notice: null },
  );

  const signOut = useCallback((notice: string | null = null) => {
    sessionStorage.removeItem(STORAGE_KEY);
    setState({ status: 'signed-out', notice });
  }, []);

  const signIn = useCallback(async (token: string) => {
    const me = await createApiClient({ token }).me();
    sessionStorage.setItem(STORAGE_KEY, token);
    setState({ status: 'signed-in', token, me });
  }, []);

  // Re-validate a token remembered from earlier in this tab: it may have been revoked since.
  useEffect(() => {
    const stored = readStoredToken();
    if (!stored) return;
    createApiClient({ token: stored })
      .me()
      .then(
        (me) => setState({ status: 'signed-in', token: stored, me }),
        (error: ApiError) =>
          signOut(error.status === 401 ? 'Your session has ended. Sign in again.' : error.detail),
      );
  }, [signOut]);

  const token = state.status === 'signed-in' ? state.token : null;
  const api = useMemo(
    () =>
      token
        ? createApiClient({
            token,
            // A revoked or expired token ends the session instead of leaving every page failing.
            onUnauthorized: (error) => signOut(`Signed out: ${error.detail}`),
          })
        : null,
    [token, signOut],
  );

  return { state, api, signIn, signOut };
}

export interface SignedInSession {
  api: ApiClient;
  me: Me;
  can(permission: Permission): boolean;
  signOut(): void;
}

const SessionContext = createContext<SignedInSession | null>(null);

export function SessionProvider(props: { api: ApiClient; me: Me; signOut: () => void; children: ReactNode }) {
  const { api, me, signOut } = props;
  const value = useMemo<SignedInSession>(() => {
    const granted = permissionsOf(me.roles);
    return { api, me, signOut, can: (permission) => granted.has(permission) };
  }, [api, me, signOut]);
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

/** The current session; only valid below SessionProvider, i.e. on pages behind sign-in. */
export function useSignedIn(): SignedInSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSignedIn used outside a signed-in console');
  return session;
}
