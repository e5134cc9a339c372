import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { buildLead, demoAgents } from '@/testing/data';
import { createFakeApi, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

/** Signs in an agent on another page; the test then goes to the queue as Call now does. */
async function renderElsewhere(api: FakeApi = createFakeApi()) {
  api.signIn(demoAgents.agent);
  const rendered = renderApp({ path: '/sms', api });
  await screen.findByRole('heading', { level: 1, name: 'SMS' });
  return rendered;
}

describe('a customer handed over to the queue page', () => {
  it('is loaded as Next customer would, announced, and dropped from the address', async () => {
    const api = createFakeApi();
    const { router } = await renderElsewhere(api);

    await act(() => router.navigate('/queue', { state: { heldLead: buildLead() } }));

    const name = await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    await waitFor(() => expect(name).toHaveFocus());
    expect(currentUrl(router)).toBe('/queue');
    expect(router.state.location.state).toBeNull();
    expect(screen.getByRole('button', { name: 'Next customer' })).toBeDisabled();
    expect(screen.getByRole('region', { name: 'After the call' })).toBeInTheDocument();
    expect(requestsTo(api, 'POST', '/api/queue/next')).toHaveLength(0);
  });

  it('is not loaded again when the queue page is opened without it', async () => {
    const api = createFakeApi();
    const { router } = await renderElsewhere(api);
    await act(() => router.navigate('/queue', { state: { heldLead: buildLead() } }));
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });

    // What a reload shows: the same address, no state.
    await act(() => router.navigate('/sms'));
    await act(() => router.navigate('/queue'));

    expect(await screen.findByRole('heading', { name: 'No customer loaded' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3, name: 'Jane Smith' })).not.toBeInTheDocument();
  });

  it('ignores state that is not a customer', async () => {
    const { router } = await renderElsewhere();

    await act(() => router.navigate('/queue', { state: { heldLead: { userId: '1940' } } }));

    expect(await screen.findByRole('heading', { name: 'No customer loaded' })).toBeInTheDocument();
  });
});
