import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

const expectedNav: Record<Role, string[]> = {
  agent: ['Queue', 'Callbacks', 'SMS', 'Customers'],
  supervisor: [
    'Queue',
    'Callbacks',
    'SMS',
    'Customers',
    'Supervisor',
    'Recordings',
    'Analytics',
    'Audit log',
  ],
  admin: ['Queue', 'Customers', 'Supervisor', 'Recordings', 'Analytics', 'Audit log', 'Admin'],
};

function renderSignedIn(role: Role, path: string) {
  const api = createFakeApi();
  api.signIn(demoAgents[role]);
  return renderApp({ path, api });
}

describe('Main navigation', () => {
  it.each(Object.entries(expectedNav) as Array<[Role, string[]]>)(
    'shows a %s exactly their entries',
    async (role, labels) => {
      renderSignedIn(role, '/queue');

      const nav = await screen.findByRole('navigation', { name: 'Main' });
      const links = within(nav).getAllByRole('link');
      expect(links.map((link) => link.textContent)).toEqual(labels);
      expect(within(nav).getByRole('link', { name: 'Queue' })).toHaveAttribute('href', '/queue');
    },
  );

  it('shows who is signed in and their role in the header', async () => {
    renderSignedIn('admin', '/queue');

    const header = await screen.findByRole('banner');
    expect(within(header).getByText('RMC Dialler')).toBeInTheDocument();
    expect(within(header).getByText('Ada Admin')).toBeInTheDocument();
    expect(within(header).getByText('admin')).toBeInTheDocument();
  });

  it('redirects / to /queue', async () => {
    const { router } = renderSignedIn('agent', '/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Queue' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/queue');
  });

  it('opens a page from the navigation', async () => {
    const { user, router } = renderSignedIn('supervisor', '/queue');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Supervisor' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Floor' })).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/supervisor');
  });
});

describe('route guards', () => {
  it.each([
    ['agent', '/admin'],
    ['agent', '/supervisor'],
    ['agent', '/recordings'],
    ['agent', '/analytics'],
    ['agent', '/audit'],
    ['supervisor', '/admin'],
    ['admin', '/callbacks'],
    ['admin', '/sms'],
  ] as Array<[Role, string]>)('tells a %s that %s is not allowed', async (role, path) => {
    renderSignedIn(role, path);

    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
  });

  it('lets an admin open /admin', async () => {
    renderSignedIn('admin', '/admin');

    expect(await screen.findByRole('heading', { level: 1, name: 'Admin' })).toBeInTheDocument();
    expect(screen.queryByText('Not allowed')).not.toBeInTheDocument();
  });
});
