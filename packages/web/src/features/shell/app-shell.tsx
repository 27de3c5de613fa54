// The frame around every signed-in page: a header saying who is signed in, with sign-out, a
// sidebar listing only the pages this token can actually use, and the hash route choosing the page.
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { describePrincipal, type Permission } from '../auth/permissions.ts';
import { useSignedIn } from '../auth/session.tsx';

// Minimal hash routing (`#/tokens`): no router dependency, survives reloads, and needs no server
// fallback because the path never changes.
function current(): string {
  return window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

export function useHashRoute(): [string, (route: string) => void] {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: string) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [route, navigate];
}

function currentPath(): string[] {
  const parts = window.location.hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  return parts.slice(1).filter(Boolean).map(decodeURIComponent);
}

/**
 * The segments after the page id, e.g. `#/licenses/acct_1/lic_2` → `['acct_1', 'lic_2']`: detail
 * views carry their account in the hash so a reload or a shared link opens the same record.
 */
export function useHashPath(): string[] {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}

export interface NavItem {
  id: string;
  label: string;
  icon: string;
  /** The permission the page needs; pages the token cannot use are not listed at all. */
  permission: Permission | null;
  render: () => ReactNode;
  /**
   * Who the page is for: 'customer' pages form the portal of organization tokens, 'vendor' pages the
   * vendor console; without it every token that holds the permission sees the page.
   */
  audience?: 'vendor' | 'customer';
  /** A small live marker after the label, e.g. the unread-notification count. */
  badge?: () => ReactNode;
}

export function visibleNav(
  items: readonly NavItem[],
  can: (p: Permission) => boolean,
  kind?: string,
): NavItem[] {
  const audience = kind === undefined ? undefined : kind === 'organization' ? 'customer' : 'vendor';
  return items.filter(
    (item) =>
      (item.permission === null || can(item.permission)) &&
      (item.audience === undefined || audience === undefined || item.audience === audience),
  );
}

export function AppShell(props: { nav: NavItem[]; active: NavItem }) {
  const { me, signOut } = useSignedIn();
  const who = describePrincipal(me);
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark">L</span>
          <span>Licentia</span>
          <span className="brand-tag">Console</span>
        </div>
        <div className="whoami" data-testid="whoami">
          <div className="whoami-text">
            <span className="whoami-title" data-testid="whoami-title">
              {who.title}
            </span>
            <span className="whoami-subtitle">{who.subtitle}</span>
          </div>
          <span className={`badge badge-${me.kind}`} data-testid="whoami-kind">
            {me.kind}
          </span>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => signOut()}
            data-testid="sign-out"
          >
            Sign out
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul>
          {props.nav.map((item) => (
            <li key={item.id}>
              <a
                href={`#/${item.id}`}
                className={item.id === props.active.id ? 'nav-link active' : 'nav-link'}
                aria-current={item.id === props.active.id ? 'page' : undefined}
                data-testid={`nav-${item.id}`}
              >
                <span className="nav-icon" aria-hidden="true">
                  {item.icon}
                </span>
                {item.label}
                {item.badge?.()}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <a href="/docs" target="_blank" rel="noreferrer">
            API reference ↗
          </a>
        </div>
      </nav>
      <main className="content" data-testid={`page-${props.active.id}`}>
        {props.active.render()}
      </main>
    </div>
  );
}
