// Browser entry of the web console: signs the user in, routes between the pages the token may
// use, and mounts into index.html's #root (styles are linked from index.html).
import { StrictMode, useCallback } from 'react';
import { createRoot } from 'react-dom/client';
import { AuditPage } from './features/audit/audit-page.tsx';
import { SessionProvider, useSession, useSignedIn } from './features/auth/session.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { LicensesPage } from './features/licenses/licenses-page.tsx';
import { OrganizationsPage } from './features/organizations/organizations-page.tsx';
import { OverviewPage } from './features/overview/overview-page.tsx';
import { PoliciesPage } from './features/policies/policies-page.tsx';
import { ProductsPage } from './features/products/products-page.tsx';
import { AppShell, type NavItem, useHashRoute, visibleNav } from './features/shell/app-shell.tsx';
import { TokensPage } from './features/tokens/tokens-page.tsx';

const NAV: NavItem[] = [
  { id: 'overview', label: 'Overview', icon: '◧', permission: null, render: () => <OverviewPage /> },
  {
    id: 'organizations',
    label: 'Organizations',
    icon: '▦',
    permission: 'organization:read',
    render: () => <OrganizationsPage />,
  },
  {
    id: 'products',
    label: 'Products',
    icon: '▣',
    permission: 'catalog:read',
    render: () => <ProductsPage />,
  },
  {
    id: 'policies',
    label: 'Policies',
    icon: '▤',
    permission: 'catalog:read',
    render: () => <PoliciesPage />,
  },
  // Organization tokens hold license:read for their own organization: they see this page read-only.
  {
    id: 'licenses',
    label: 'Licenses',
    icon: '◆',
    permission: 'license:read',
    render: () => <LicensesPage />,
  },
  { id: 'tokens', label: 'API tokens', icon: '◈', permission: 'token:read', render: () => <TokensPage /> },
  { id: 'audit', label: 'Audit log', icon: '☰', permission: 'audit:read', render: () => <AuditPage /> },
];

function SignedInConsole() {
  const { can } = useSignedIn();
  const [route] = useHashRoute();
  const nav = visibleNav(NAV, can);
  // Unknown or forbidden routes land on the overview, which every token can see.
  const active = nav.find((item) => item.id === route) ?? nav[0]!;
  return <AppShell nav={nav} active={active} />;
}

function App() {
  const { state, api, signIn, signOut } = useSession();
  // Signing out also forgets the page, so the next person starts on the overview.
  const leave = useCallback(() => {
    signOut();
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, [signOut]);
  if (state.status === 'checking') {
    return (
      <div className="splash" data-testid="checking-session">
        Checking your session…
      </div>
    );
  }
  if (state.status === 'signed-out' || !api) {
    return <SignInPage notice={state.status === 'signed-out' ? state.notice : null} onSignIn={signIn} />;
  }
  return (
    <SessionProvider api={api} me={state.me} signOut={leave}>
      <SignedInConsole />
    </SessionProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
