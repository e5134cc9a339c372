import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';

import { createApp } from '@/app/create-app';
import { AppProvider } from '@/app/provider';

import { createFakeApi, type FakeApi } from './fake-api';

/**
 * Renders the whole app (real routes, real query client wiring) at `path`, with `fetch`
 * answered by a fake server. A new QueryClient per call, without retries.
 */
export function renderApp({ path = '/', api = createFakeApi() }: { path?: string; api?: FakeApi } = {}) {
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const app = createApp({
    initialEntries: [path],
    queryDefaults: { queries: { retry: false }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(<AppProvider queryClient={app.queryClient} router={app.router} />);
  return { ...view, ...app, api, user };
}

/** The current location of the app's router as one string, e.g. `/login?expired=1`. */
export function currentUrl(router: ReturnType<typeof createApp>['router']): string {
  const { pathname, search } = router.state.location;
  return `${pathname}${search}`;
}
