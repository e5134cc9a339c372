import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { NavItem } from '@/config/navigation';
import { cn } from '@/utils/cn';

/** A count shown beside a navigation entry, and what it counts in words ("3 unread"). */
export type NavBadge = { count: number; description: string };

type AppLayoutProps = {
  user: { displayName: string; role: string };
  /** The signed-in agent's status control, next to the product name; absent for admins. */
  status?: ReactNode;
  navItems: readonly NavItem[];
  /** Counts beside navigation entries, by entry key; none (or 0) shows nothing. */
  navBadges?: Partial<Record<NavItem['key'], NavBadge>>;
  onSignOut: () => void;
  isSigningOut?: boolean;
  signOutError?: string | undefined;
  children: ReactNode;
};

/**
 * The shell around every signed-in page: product name, the agent's status, who is signed in,
 * Main navigation.
 */
export function AppLayout({
  user,
  status,
  navItems,
  navBadges = {},
  onSignOut,
  isSigningOut = false,
  signOutError,
  children,
}: AppLayoutProps) {
  return (
    // The viewport is the page: pages scroll inside <main> (and inside their own panels), so the
    // header and navigation stay put and the call screen fits a laptop screen without scrolling.
    <div className="flex h-dvh flex-col">
      <header className="shrink-0 border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <div className="flex items-center gap-4">
            <span className="text-lg font-bold tracking-tight text-indigo-700">RMC Dialler</span>
            {status}
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span className="font-medium" data-testid="current-user">
              {user.displayName}
            </span>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
              {user.role}
            </span>
            <Button variant="secondary" onClick={onSignOut} disabled={isSigningOut}>
              Sign out
            </Button>
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-6xl px-4">
          <ul className="flex gap-1">
            {navItems.map((item) => {
              const badge = navBadges[item.key];
              const shown = badge !== undefined && badge.count > 0;
              return (
                <li key={item.path}>
                  <NavLink
                    to={item.path}
                    className={({ isActive }) =>
                      cn(
                        'inline-flex items-center border-b-2 px-3 py-2 text-sm font-medium',
                        isActive
                          ? 'border-indigo-600 text-indigo-700'
                          : 'border-transparent text-slate-600 hover:text-slate-900',
                      )
                    }
                  >
                    {shown ? (
                      // Seen: the label and the count ("SMS 3"); heard: the count in words
                      // ("SMS, 3 unread"), not "SMS3". Said by hidden text rather than an
                      // aria-label, whose words would have to hold what is seen as it is seen.
                      <>
                        <span aria-hidden="true">{item.label}</span>
                        <span
                          aria-hidden="true"
                          className={cn(
                            'ml-1.5 min-w-5 rounded-full bg-indigo-600 px-1.5 text-center text-xs',
                            'font-semibold text-white tabular-nums',
                          )}
                        >
                          {badge.count > 99 ? '99+' : badge.count}
                        </span>
                        <span className="sr-only">{`${item.label}, ${badge.description}`}</span>
                      </>
                    ) : (
                      item.label
                    )}
                  </NavLink>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      {signOutError ? (
        <div className="mx-auto w-full max-w-6xl shrink-0 px-4 pt-4">
          <Alert>{signOutError}</Alert>
        </div>
      ) : null}
      <main className="mx-auto min-h-0 w-full max-w-6xl flex-1 overflow-y-auto px-4 py-4">
        {children}
      </main>
    </div>
  );
}
