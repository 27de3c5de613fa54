// Browser entry of the web console: signs the user in, routes between the pages the token may
// use, and mounts into index.html's #root (styles are linked from index.html).
import { type ReactNode, StrictMode, useCallback } from 'react';
import { createRoot } from 'react-dom/client';
import { AllocationPage } from './features/allocation/allocation-page.tsx';
import { AuditPage } from './features/audit/audit-page.tsx';
import { SessionProvider, useSession, useSignedIn } from './features/auth/session.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { ChangeRequestQueuePage } from './features/change-requests/change-request-queue-page.tsx';
import { ChangeRequestsPage } from './features/change-requests/change-requests-page.tsx';
import { LicenseOverviewPage } from './features/customer-overview/license-overview-page.tsx';
import { EnvironmentsPage } from './features/environments/environments-page.tsx';
import { FloatingPage } from './features/floating/floating-page.tsx';
import { ImportPage } from './features/imports/import-page.tsx';
import { LicensesPage } from './features/licenses/licenses-page.tsx';
import { NotificationsPage } from './features/notifications/notifications-page.tsx';
import { UnreadBadge } from './features/notifications/unread-badge.tsx';
import { OrganizationsPage } from './features/organizations/organizations-page.tsx';
import { OverviewPage } from './features/overview/overview-page.tsx';
import { PeoplePage } from './features/people/people-page.tsx';
import { PermissionGroupsPage } from './features/people/permission-groups-page.tsx';
import { PoliciesPage } from './features/policies/policies-page.tsx';
import { PrivilegesPage } from './features/privileges/privileges-page.tsx';
import { ProductsPage } from './features/products/products-page.tsx';
import { MyLicensesPage } from './features/seats/my-licenses-page.tsx';
import { SeatsPage } from './features/seats/seats-page.tsx';
import { AppShell, type NavItem, useHashRoute, visibleNav } from './features/shell/app-shell.tsx';
import { TokensPage } from './features/tokens/tokens-page.tsx';
import { UsagePage } from './features/usage/usage-page.tsx';

const portal = (id: string, label: string, icon: string, render: () => ReactNode): NavItem => ({
  id,
  label,
  icon,
  permission: 'organization:read',
  audience: 'customer',
  render,
});

const PORTAL_NAV_HEAD: NavItem[] = [
  portal('license-overview', 'License overview', '◧', () => <LicenseOverviewPage />),
  portal('environments', 'Environments', '▥', () => <EnvironmentsPage />),
  portal('people', 'People', '☺', () => <PeoplePage />),
  portal('permission-groups', 'Permission groups', '▧', () => <PermissionGroupsPage />),
  portal('seats', 'Seats', '▨', () => <SeatsPage />),
  portal('my-licenses', 'My licenses', '◉', () => <MyLicensesPage />),
  portal('change-requests', 'Change requests', '✉', () => <ChangeRequestsPage />),
];

const PORTAL_NAV_TAIL: NavItem[] = [
  // Both sides have an inbox: the organization's and the vendor account's.
  {
    id: 'notifications',
    label: 'Notifications',
    icon: '◎',
    permission: 'organization:read',
    render: () => <NotificationsPage />,
    badge: () => <UnreadBadge />,
  },
  portal('privileges', 'Privileges', '⚑', () => <PrivilegesPage />),
  portal('import', 'Import', '⇪', () => <ImportPage />),
];

const NAV: NavItem[] = [
  {
    id: 'overview',
    label: 'Overview',
    icon: '◧',
    permission: null,
    audience: 'vendor',
    render: () => <OverviewPage />,
  },
  // The customer portal (issue 5): an organization token's navigation starts here.
  ...PORTAL_NAV_HEAD,
  {
    id: 'organizations',
    label: 'Organizations',
    icon: '▦',
    permission: 'organization:read',
    audience: 'vendor',
    render: () => <OrganizationsPage />,
  },
  {
    id: 'request-queue',
    label: 'Change requests',
    icon: '✉',
    permission: 'organization:read',
    audience: 'vendor',
    render: () => <ChangeRequestQueuePage />,
  },
  ...PORTAL_NAV_TAIL,
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
  {
    id: 'floating',
    label: 'Floating',
    icon: '◔',
    permission: 'license:read',
    render: () => <FloatingPage />,
  },
  // Effective licenses after the ranking rules (issue 6): vendors and organizations alike.
  {
    id: 'allocation',
    label: 'Allocation',
    icon: '◑',
    permission: 'organization:read',
    render: () => <AllocationPage />,
  },
  // Usage monitoring and user-count enforcement (issue 7): vendors and organizations alike.
  { id: 'usage', label: 'Usage', icon: '◷', permission: 'organization:read', render: () => <UsagePage /> },
  { id: 'tokens', label: 'API tokens', icon: '◈', permission: 'token:read', render: () => <TokensPage /> },
  { id: 'audit', label: 'Audit log', icon: '☰', permission: 'audit:read', render: () => <AuditPage /> },
];

function SignedInConsole() {
  const { can, me } = useSignedIn();
  const [route] = useHashRoute();
  const nav = visibleNav(NAV, can, me.kind);
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
