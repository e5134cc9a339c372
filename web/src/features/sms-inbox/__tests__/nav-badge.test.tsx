import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { buildSmsConversation, buildSmsThreadMessage, demoAgents } from '@/testing/data';
import { createFakeApi, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

function renderSignedIn(api: FakeApi, role: Role = 'agent', path = '/queue') {
  api.signIn(demoAgents[role]);
  return renderApp({ path, api });
}

const nav = () => screen.findByRole('navigation', { name: 'Main' });

describe('the SMS entry of the main navigation', () => {
  it('names the unread count with the link, and shows it', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 2 }));
    api.addConversation(buildSmsConversation({ id: '13', unreadCount: 1 }));
    renderSignedIn(api);

    const link = await within(await nav()).findByRole('link', { name: 'SMS, 3 unread' });
    expect(link).toHaveAttribute('href', '/sms');
    // Shown as the label and the count; said in words by the link's own text, not an aria-label
    // (whose words would have to hold "SMS3" as it is seen).
    expect(link).not.toHaveAttribute('aria-label');
    expect(within(link).getByText('SMS')).toHaveAttribute('aria-hidden', 'true');
    expect(within(link).getByText('3')).toHaveAttribute('aria-hidden', 'true');
    expect(within(link).getByText('SMS, 3 unread')).toHaveClass('sr-only');
  });

  it('is plain "SMS" with nothing unread', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ unreadCount: 0 }));
    renderSignedIn(api);

    const menu = await nav();
    await waitFor(() => expect(api.requests.some((r) => r.path === '/api/sms/unread')).toBe(true));
    expect(within(menu).getByRole('link', { name: 'SMS' })).toHaveTextContent(/^SMS$/);
  });

  it('follows the live socket on every page, without a reload or polling', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage(),
    ]);
    const { live } = renderSignedIn(api, 'agent', '/queue');
    const menu = await nav();
    await within(menu).findByRole('link', { name: 'SMS' });
    act(() => live.current.accept());

    api.receiveText('12', buildSmsThreadMessage({ id: 'in-6', body: 'Hello?' }));
    act(() => live.smsConversationChanged('12', 'message'));

    expect(await within(menu).findByRole('link', { name: 'SMS, 1 unread' })).toBeVisible();

    api.updateConversation('12', { unreadCount: 0 });
    // The throttle folds events within a second into one read at its end.
    act(() => live.smsConversationChanged('12', 'read'));
    expect(
      await within(menu).findByRole('link', { name: 'SMS' }, { timeout: 3_000 }),
    ).toBeVisible();
  });

  it('clears once the agent opens the conversation', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 1 }), [
      buildSmsThreadMessage(),
    ]);
    const { user } = renderSignedIn(api, 'agent', '/queue');
    const menu = await nav();

    await user.click(await within(menu).findByRole('link', { name: 'SMS, 1 unread' }));
    const list = await screen.findByRole('list', { name: 'Conversations' });
    await user.click(within(list).getByRole('button', { name: /Jane Smith/ }));

    expect(await within(menu).findByRole('link', { name: 'SMS' })).toBeVisible();
  });

  it('is not asked for by an admin, who has no inbox', async () => {
    const api = createFakeApi();
    renderSignedIn(api, 'admin');

    const menu = await nav();
    expect(within(menu).queryByRole('link', { name: /SMS/ })).not.toBeInTheDocument();
    expect(api.requests.some((r) => r.path === '/api/sms/unread')).toBe(false);
  });
});
