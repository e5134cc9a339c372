import { Outlet } from 'react-router';

import { AppLayout } from '@/components/layouts/app-layout';
import { navItemsFor } from '@/config/navigation';
import { AgentStatusControl } from '@/features/agent-status/components/agent-status-control';
import { useSession } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { LiveEventsProvider } from '@/features/calls/live/live-events';

function SignedInShell() {
  const { agent } = useSession();
  const logout = useLogout();
  // Agents and supervisors take calls and so have a status; admins do not.
  const hasStatus = agent.role === 'agent' || agent.role === 'supervisor';
  return (
    // One live socket per signed-in tab; it closes with the session (sign-out, expiry).
    <LiveEventsProvider>
      <AppLayout
        user={agent}
        status={hasStatus ? <AgentStatusControl /> : undefined}
        navItems={navItemsFor(agent.role)}
        onSignOut={() => logout.mutate()}
        isSigningOut={logout.isPending}
        signOutError={logout.error?.message}
      >
        <Outlet />
      </AppLayout>
    </LiveEventsProvider>
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
