import type { ComponentType } from 'react';
import {
  createBrowserRouter,
  createMemoryRouter,
  Navigate,
  type DataRouter,
  type RouteObject,
} from 'react-router';

import { navItems, type NavKey } from '@/config/navigation';
import { defaultSignedInPath, paths } from '@/config/paths';
import { RequireRole } from '@/features/auth/components/require-role';

import { AdminRoute } from './routes/app/admin';
import { CallbacksRoute } from './routes/app/callbacks';
import { CustomersRoute } from './routes/app/customers';
import { QueueRoute } from './routes/app/queue';
import { AppRoot } from './routes/app/root';
import { SmsRoute } from './routes/app/sms';
import { SupervisorRoute } from './routes/app/supervisor';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { RouteErrorBoundary } from './routes/route-error';

const pages: Record<NavKey, ComponentType> = {
  queue: QueueRoute,
  callbacks: CallbacksRoute,
  sms: SmsRoute,
  customers: CustomersRoute,
  supervisor: SupervisorRoute,
  admin: AdminRoute,
};

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
          ...navItems.map((item): RouteObject => {
            const Page = pages[item.key];
            return {
              path: item.path,
              element: (
                <RequireRole page={item}>
                  <Page />
                </RequireRole>
              ),
            };
          }),
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
