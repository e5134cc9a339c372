import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import { buildCallback, installCallbacks } from './fake-callbacks';

const now = '2026-12-02T14:25:00Z';

function setUp(role: Role = 'agent', path = '/queue') {
  const api = createFakeApi();
  const fake = installCallbacks(api, [
    buildCallback({ id: '5', scheduledFor: '2026-12-02T14:30:00Z' }),
    buildCallback({
      id: '7',
      userId: '2001',
      customerName: null,
      agentId: null,
      scheduledFor: '2026-12-02T14:30:00Z',
    }),
    buildCallback({ id: '8', customerName: 'Priya Patel', agentId: '4' }),
  ]);
  api.signIn(demoAgents[role]);
  return { ...renderApp({ path, api }), api, fake };
}

function due(rendered: ReturnType<typeof setUp>, callbackId: string, agentId: string | null = '1') {
  act(() =>
    rendered.live.current.send({
      type: 'callback.due',
      subjectId: callbackId,
      state: 'due_soon',
      agentId,
      at: now,
    }),
  );
}

const reminders = () => screen.getByRole('status', { name: 'Callback reminders' });

async function signedIn(rendered: ReturnType<typeof setUp>) {
  await screen.findByRole('navigation', { name: 'Main' });
  act(() => rendered.live.current.accept());
}

function requestsTo(api: FakeApi, path: string) {
  return api.requests.filter((r) => r.method === 'GET' && r.path === path).length;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(now));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the callback due reminder', () => {
  it('shows on the Queue page who is due and when, with a link to the Callbacks page', async () => {
    const rendered = setUp();
    await signedIn(rendered);
    expect(reminders()).toBeEmptyDOMElement();
    expect(requestsTo(rendered.api, '/api/callbacks?scope=team')).toBe(0);

    due(rendered, '5');

    expect(
      await within(reminders()).findByText('Callback due soon: Jane Smith at 14:30'),
    ).toBeVisible();
    expect(reminders()).toHaveAttribute('aria-live', 'polite');
    const link = within(reminders()).getByRole('link', { name: 'Open Callbacks' });
    await rendered.user.click(link);

    expect(currentUrl(rendered.router)).toBe('/callbacks');
    expect(await screen.findByRole('heading', { level: 1, name: 'Callbacks' })).toBeVisible();
    // Followed, so it goes.
    expect(reminders()).toBeEmptyDOMElement();
  });

  it('names the customer by number without a name, and can be dismissed', async () => {
    const rendered = setUp();
    await signedIn(rendered);

    due(rendered, '7', null);

    expect(
      await within(reminders()).findByText('Callback due soon: Customer 2001 at 14:30'),
    ).toBeVisible();
    await rendered.user.click(
      within(reminders()).getByRole('button', { name: 'Dismiss reminder for Customer 2001' }),
    );
    expect(reminders()).toBeEmptyDOMElement();
  });

  it('reads the open callbacks list again when a callback comes due', async () => {
    const rendered = setUp('agent', '/callbacks');
    await signedIn(rendered);
    await screen.findByRole('link', { name: 'Jane Smith' });
    const before = rendered.fake.listReads('mine');

    due(rendered, '5');

    await waitFor(() => expect(rendered.fake.listReads('mine')).toBe(before + 1));
    expect(
      await within(reminders()).findByText('Callback due soon: Jane Smith at 14:30'),
    ).toBeVisible();
  });

  it('reads the open list again when a customer is finished (an outcome may book a callback)', async () => {
    const rendered = setUp('agent', '/callbacks');
    await signedIn(rendered);
    await screen.findByRole('link', { name: 'Jane Smith' });
    const before = rendered.fake.listReads('mine');

    act(() => rendered.live.leadChanged('1940', 'taken'));
    act(() => rendered.live.callChanged('5001', 'ringing'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(rendered.fake.listReads('mine')).toBe(before);

    act(() => rendered.live.leadChanged('1940', 'done'));
    await waitFor(() => expect(rendered.fake.listReads('mine')).toBe(before + 1));
  });

  it('reads the lists again after the live socket reconnects', async () => {
    const rendered = setUp('agent', '/callbacks');
    await signedIn(rendered);
    await screen.findByRole('link', { name: 'Jane Smith' });
    const before = rendered.fake.listReads('mine');

    rendered.fake.rows.push(
      buildCallback({ id: '11', customerName: 'New Person', userId: '3000' }),
    );
    act(() => rendered.live.current.drop());
    await waitFor(
      () => expect(rendered.live.sockets.filter((socket) => !socket.closed)).toHaveLength(1),
      { timeout: 2_500 },
    );
    act(() => rendered.live.current.accept());

    await waitFor(() => expect(rendered.fake.listReads('mine')).toBe(before + 1));
    expect(await screen.findByRole('link', { name: 'New Person' })).toBeVisible();
  });

  it("shows a supervisor only their own and the team's, not every agent's", async () => {
    const rendered = setUp('supervisor');
    await signedIn(rendered);

    due(rendered, '8', '4');
    due(rendered, '7', null);

    expect(
      await within(reminders()).findByText('Callback due soon: Customer 2001 at 14:30'),
    ).toBeVisible();
    expect(reminders()).not.toHaveTextContent('Priya Patel');
  });

  it('is not shown to an admin, who has no Callbacks page', async () => {
    const rendered = setUp('admin');
    await signedIn(rendered);

    due(rendered, '7', null);

    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole('status', { name: 'Callback reminders' })).not.toBeInTheDocument();
    expect(requestsTo(rendered.api, '/api/callbacks?scope=team')).toBe(0);
  });
});
