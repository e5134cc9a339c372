import { Outlet } from 'react-router';

import { AppLayout } from '@/components/layouts/app-layout';
import { navItemsFor } from '@/config/navigation';
import { useSession } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { RequireAuth } from '@/features/auth/components/require-auth';

function SignedInShell() {
  const { agent } = useSession();
  const logout = useLogout();
  return (
    <AppLayout
      user={agent}
      navItems={navItemsFor(agent.role)}
      onSignOut={() => logout.mutate()}
      isSigningOut={logout.isPending}
      signOutError={logout.error?.message}
    >
      <Outlet />
    </AppLayout>
  );
}

/** Layout route for every signed-in page. */
export function AppRoot() {
  return (
    <RequireAuth>
      <SignedInShell />
    </RequireAuth>
  );
}
