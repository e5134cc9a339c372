import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { authKeys } from '@/features/auth/api/auth-keys';
import { demoAgents, demoPassword } from '@/testing/data';
import { createFakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';

describe('a session lost while signed in', () => {
  it('sends the user to /login?expired=1 when /me answers 401, and back after signing in', async () => {
    const api = createFakeApi();
    api.signIn(demoAgents.agent);
    const { user, router, queryClient } = renderApp({ path: '/callbacks', api });
    await screen.findByRole('heading', { level: 1, name: 'Callbacks' });

    api.expireSession();
    await act(() => queryClient.invalidateQueries({ queryKey: authKeys.me() }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Your session has expired. Please sign in again.',
    );
    expect(currentUrl(router)).toBe('/login?expired=1');
    expect(queryClient.getQueryData(authKeys.me())).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Email'), demoAgents.agent.email);
    await user.type(screen.getByLabelText('Password'), demoPassword);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Callbacks' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/callbacks');
  });

  it('treats a 401 from any other request the same way', async () => {
    const api = createFakeApi();
    api.signIn(demoAgents.supervisor);
    const { user, router } = renderApp({ path: '/supervisor', api });
    const header = await screen.findByRole('banner');

    api.expireSession();
    await user.click(within(header).getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Your session has expired.');
    expect(currentUrl(router)).toBe('/login?expired=1');
  });

  it('does not treat the first 401 of a signed-out visitor as an expiry', async () => {
    const { router } = renderApp({ path: '/queue' });

    await screen.findByRole('button', { name: 'Sign in' });
    expect(currentUrl(router)).toBe('/login');
  });
});
