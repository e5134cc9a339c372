import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import {
  createBrowserRouter,
  createMemoryRouter,
  Navigate,
  type DataRouter,
  type RouteObject,
} from 'react-router';

import { Spinner } from '@/components/ui/spinner';
import { navItems, type NavItem, type NavKey } from '@/config/navigation';
import { defaultSignedInPath, paths, routePatterns } from '@/config/paths';
import { RequireRole } from '@/features/auth/components/require-role';

import { AppRoot } from './routes/app/root';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { RouteErrorBoundary } from './routes/route-error';

type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/**
 * A page whose code is fetched the first time it is shown, so that the first load carries only
 * the sign-in and the shell. `preload` starts the same fetch early; a failed fetch (a deploy
 * removed the old files) reaches the route's error boundary, which asks for a reload.
 */
function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const loadOnce = () => (loading ??= load().then((Page) => ({ default: Page })));
  return Object.assign(lazy(loadOnce), { preload: loadOnce });
}

const pages: Record<NavKey, LazyPage> = {
  queue: lazyPage(() => import('./routes/app/queue').then((m) => m.QueueRoute)),
  callbacks: lazyPage(() => import('./routes/app/callbacks').then((m) => m.CallbacksRoute)),
  sms: lazyPage(() => import('./routes/app/sms').then((m) => m.SmsRoute)),
  customers: lazyPage(() => import('./routes/app/customers').then((m) => m.CustomersRoute)),
  supervisor: lazyPage(() => import('./routes/app/supervisor').then((m) => m.SupervisorRoute)),
  recordings: lazyPage(() => import('./routes/app/recordings').then((m) => m.RecordingsRoute)),
  analytics: lazyPage(() => import('./routes/app/analytics').then((m) => m.AnalyticsRoute)),
  audit: lazyPage(() => import('./routes/app/audit').then((m) => m.AuditRoute)),
  admin: lazyPage(() => import('./routes/app/admin').then((m) => m.AdminRoute)),
};

type SubPage = { key: string; label: string; path: string; page: LazyPage };

/**
 * Pages below a navigation entry (one customer under Customers). They have no entry of their own:
 * the entry's roles guard them, so a page is open exactly to those who may open its parent.
 */
const subPages: Partial<Record<NavKey, SubPage[]>> = {
  customers: [
    {
      key: 'customer',
      label: 'Customer',
      path: routePatterns.customer,
      page: lazyPage(() => import('./routes/app/customers').then((m) => m.CustomerRoute)),
    },
  ],
};

/** Fetches the code of every page now rather than when it is first opened. */
export function preloadPages(): Promise<unknown> {
  const below = Object.values(subPages).flatMap((list) => list.map((sub) => sub.page));
  return Promise.all([...Object.values(pages), ...below].map((page) => page.preload()));
}

/**
 * A page behind its navigation entry's guard. Keyed, so every page gets its own Suspense boundary
 * and shows its own fallback rather than leaving the previous page up while the next one loads.
 * The guard comes first: a page the role may not open is never fetched.
 */
function guardedPage(item: NavItem, key: string, label: string, Page: LazyPage) {
  return (
    <RequireRole key={key} page={item}>
      <Suspense fallback={<Spinner label={`Loading ${label}`} className="p-4" />}>
        <Page />
      </Suspense>
    </RequireRole>
  );
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorBoundary />,
    children: [
      { path: paths.login, element: <LoginRoute /> },
      {
        path: paths.home,
        element: <AppRoot />,
        children: [
          { index: true, element: <Navigate to={defaultSignedInPath} replace /> },
          // Guards come from the same role table as the navigation (config/navigation.ts).
          ...navItems.flatMap((item): RouteObject[] => [
            { path: item.path, element: guardedPage(item, item.key, item.label, pages[item.key]) },
            ...(subPages[item.key] ?? []).map(
              (sub): RouteObject => ({
                path: sub.path,
                element: guardedPage(item, sub.key, sub.label, sub.page),
              }),
            ),
          ]),
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

/** A browser-history router, or an in-memory one (tests) when initial entries are given. */
export function createAppRouter(initialEntries?: string[]): DataRouter {
  return initialEntries ? createMemoryRouter(routes, { initialEntries }) : createBrowserRouter(routes);
}
