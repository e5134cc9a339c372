import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { demoAgents, demoPassword } from '@/testing/data';
import { createFakeApi, errorResponse, wrongCredentialsMessage } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';

async function fillAndSubmit(
  user: ReturnType<typeof renderApp>['user'],
  email: string,
  password: string,
) {
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('<LoginRoute>', () => {
  it('sends a signed-out visitor to /login, then signs in and returns to the page asked for', async () => {
    const { user, router, api } = renderApp({ path: '/customers' });

    await screen.findByRole('button', { name: 'Sign in' });
    expect(currentUrl(router)).toBe('/login');

    await fillAndSubmit(user, demoAgents.agent.email, demoPassword);

    expect(await screen.findByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/customers');
    expect(screen.getByText('RMC Dialler')).toBeInTheDocument();
    expect(screen.getByText(demoAgents.agent.displayName)).toBeInTheDocument();
    const login = api.requests.find((r) => r.path === '/api/auth/login');
    expect(login?.body).toEqual({ email: demoAgents.agent.email, password: demoPassword });
  });

  it('lands on the queue after a sign-in that was not a redirect', async () => {
    const { user, router } = renderApp({ path: '/login' });

    await fillAndSubmit(user, demoAgents.supervisor.email, demoPassword);

    expect(await screen.findByRole('heading', { level: 1, name: 'Queue' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/queue');
  });

  it("shows the server's message for a wrong password and stays on /login", async () => {
    const { user, router } = renderApp({ path: '/login' });

    await fillAndSubmit(user, demoAgents.agent.email, 'not the password');

    expect(await screen.findByRole('alert')).toHaveTextContent(wrongCredentialsMessage);
    expect(currentUrl(router)).toBe('/login');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('tells the user how long to wait when throttled (429 with Retry-After)', async () => {
    const api = createFakeApi();
    api.on('POST', '/api/auth/login', () =>
      errorResponse(429, 'resource_exhausted', 'Too many failed sign-ins.', {
        headers: { 'Retry-After': '37' },
      }),
    );
    const { user } = renderApp({ path: '/login', api });

    await fillAndSubmit(user, demoAgents.agent.email, demoPassword);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts, try again in 37 s.',
    );
  });

  it('explains why the user is back when redirected with ?expired=1', async () => {
    renderApp({ path: '/login?expired=1' });

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Your session has expired. Please sign in again.',
    );
  });

  it('does not mention expiry on a plain visit', async () => {
    renderApp({ path: '/login' });

    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.queryByText(/session has expired/i)).not.toBeInTheDocument();
  });
});

describe('signing out', () => {
  it('posts logout with the CSRF token and returns to /login', async () => {
    const api = createFakeApi();
    const session = api.signIn(demoAgents.supervisor);
    const { user, router } = renderApp({ path: '/queue', api });

    const header = await screen.findByRole('banner');
    await user.click(within(header).getByRole('button', { name: 'Sign out' }));

    await screen.findByRole('button', { name: 'Sign in' });
    expect(currentUrl(router)).toBe('/login');
    const logout = api.requests.find((r) => r.path === '/api/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.headers.get('X-CSRF-Token')).toBe(session.csrfToken);
    expect(api.session).toBeNull();
    await waitFor(() => expect(screen.queryByText(demoAgents.supervisor.displayName)).toBeNull());
  });
});
