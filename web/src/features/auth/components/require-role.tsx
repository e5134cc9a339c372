import type { ReactNode } from 'react';

import { canOpen, type NavItem } from '@/config/navigation';

import { useSession } from '../api/get-me';

/** Renders the page only when the user's role may open it (per the role table); else "not allowed". */
export function RequireRole({ page, children }: { page: NavItem; children: ReactNode }) {
  const { agent } = useSession();
  if (canOpen(page, agent.role)) return children;
  return (
    <section className="space-y-2">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-slate-600">
        Your role ({agent.role}) is not allowed to open {page.label}. Ask an administrator if you
        need access.
      </p>
    </section>
  );
}
