import { Outlet } from 'react-router';

import { AppLayout } from '@/components/layouts/app-layout';
import { navItemsFor } from '@/config/navigation';
import { TopBarTools } from '@/features/auto-dial/components/top-bar-tools';
import { useSession } from '@/features/auth/api/get-me';
import { useLogout } from '@/features/auth/api/logout';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { CallbackDueNotices } from '@/features/callbacks/components/callback-due-notices';
import { IncomingCallNotice } from '@/features/calls/components/incoming-call-notice';
import { VoiceDeviceProvider } from '@/features/calls/device/voice-device-provider';
import { LiveEventsProvider } from '@/features/calls/live/live-events';
import { useSmsUnread } from '@/features/sms-inbox/hooks/use-sms-unread';

function SignedInLayout() {
  const { agent } = useSession();
  const logout = useLogout();
  // Agents and supervisors take calls and so have a status; admins do not.
  const hasStatus = agent.role === 'agent' || agent.role === 'supervisor';
  const items = navItemsFor(agent.role);
  const unread = useSmsUnread(items.some((item) => item.key === 'sms'));
  return (
    <AppLayout
      user={agent}
      status={<TopBarTools takesCalls={hasStatus} />}
      navItems={items}
      navBadges={{ sms: { count: unread, description: `${unread} unread` } }}
      onSignOut={() => logout.mutate()}
      isSigningOut={logout.isPending}
      signOutError={logout.error?.message}
    >
      <Outlet />
      <CallbackDueNotices />
      <IncomingCallNotice />
    </AppLayout>
  );
}

function SignedInShell() {
  return (
    // One live socket and one voice device per signed-in tab; they go with the session (sign-out,
    // expiry).
    <LiveEventsProvider>
      <VoiceDeviceProvider>
        <SignedInLayout />
      </VoiceDeviceProvider>
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
