// The role table: which role may open which page. It drives both the Main navigation and the
// route guards, so a link is shown exactly when its page would open. Server routes enforce
// their own roles; this only keeps the UI honest.
import { paths } from '@/config/paths';
import type { Role } from '@/types/api';

export type NavItem = {
  key:
    | 'queue'
    | 'callbacks'
    | 'sms'
    | 'customers'
    | 'supervisor'
    | 'recordings'
    | 'analytics'
    | 'audit'
    | 'admin';
  label: string;
  path: string;
  roles: readonly Role[];
};

export const navItems = [
  { key: 'queue', label: 'Queue', path: paths.queue, roles: ['agent', 'supervisor', 'admin'] },
  { key: 'callbacks', label: 'Callbacks', path: paths.callbacks, roles: ['agent', 'supervisor'] },
  { key: 'sms', label: 'SMS', path: paths.sms, roles: ['agent', 'supervisor'] },
  {
    key: 'customers',
    label: 'Customers',
    path: paths.customers,
    roles: ['agent', 'supervisor', 'admin'],
  },
  { key: 'supervisor', label: 'Supervisor', path: paths.supervisor, roles: ['supervisor', 'admin'] },
  {
    key: 'recordings',
    label: 'Recordings',
    path: paths.recordings,
    roles: ['supervisor', 'admin'],
  },
  { key: 'analytics', label: 'Analytics', path: paths.analytics, roles: ['supervisor', 'admin'] },
  { key: 'audit', label: 'Audit log', path: paths.audit, roles: ['supervisor', 'admin'] },
  { key: 'admin', label: 'Admin', path: paths.admin, roles: ['admin'] },
] as const satisfies readonly NavItem[];

export type NavKey = (typeof navItems)[number]['key'];

export function canOpen(item: NavItem, role: Role): boolean {
  return item.roles.includes(role);
}

/** The navigation entries a role may see, in menu order. */
export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((item) => canOpen(item, role));
}
