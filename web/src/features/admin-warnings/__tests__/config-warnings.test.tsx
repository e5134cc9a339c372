import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

function renderAdmin(api = createFakeApi()) {
  api.signIn(demoAgents.admin);
  return renderApp({ path: '/admin', api });
}

describe('settings that need attention on the admin page', () => {
  it('lists each warning the server gives', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/admin/warnings', () =>
      jsonResponse(200, {
        warnings: [
          { code: 'legacy_magic_links', message: 'Magic links use the earlier format.' },
        ],
      }),
    );
    renderAdmin(api);
    const region = await screen.findByRole('region', { name: 'Settings that need attention' });
    expect(within(region).getByRole('listitem')).toHaveTextContent(
      'Magic links use the earlier format.',
    );
  });

  it('shows nothing when there is nothing to change', async () => {
    const api = createFakeApi();
    renderAdmin(api);
    await screen.findByRole('region', { name: 'Text templates' });
    await waitFor(() =>
      expect(api.requests.some((r) => r.path === '/api/admin/warnings')).toBe(true),
    );
    expect(screen.queryByRole('region', { name: 'Settings that need attention' })).toBeNull();
  });

  it('says so when the check cannot be loaded', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/admin/warnings', () => errorResponse(500, 'internal', 'boom'));
    renderAdmin(api);
    expect(
      await screen.findByText("The check of the server's settings could not be loaded."),
    ).toBeInTheDocument();
  });
});
