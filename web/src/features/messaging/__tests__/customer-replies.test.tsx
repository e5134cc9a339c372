import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  buildLead,
  buildSmsConversation,
  buildSmsMessage,
  buildSmsThreadMessage,
  demoAgents,
} from '@/testing/data';
import { createFakeApi, jsonResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';

function renderQueue(api: FakeApi = createFakeApi()) {
  const session = api.signIn(demoAgents.agent);
  api.queueLeads(buildLead());
  return { ...renderApp({ path: '/queue', api }), session };
}

type Rendered = ReturnType<typeof renderQueue>;

async function takeNextCustomer({ user, live }: Rendered) {
  await user.click(await screen.findByRole('button', { name: 'Next customer' }));
  await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
  act(() => live.current.accept());
}

function textReads(api: FakeApi) {
  return api.requests.filter(
    (r) => r.method === 'GET' && r.path === '/api/sms/messages?userId=1940',
  ).length;
}

const section = () => screen.getByRole('region', { name: 'Links and texts' });
const textList = () => within(section()).findByRole('list', { name: 'Texts' });
const openLink = (name: string | RegExp) => within(section()).findByRole('link', { name });
/** After a live event: the throttle folds events within a second into one read at its end. */
const liveLink = (name: string) =>
  within(section()).findByRole('link', { name }, { timeout: 3_000 });
const queryOpenLink = () => within(section()).queryByRole('link', { name: /^Open conversation/ });
/** The line about the customer's replies, as it reads. */
const repliesLine = () => openLink(/^Open conversation/).then((link) => link.closest('p'));

beforeEach(() => {
  // Tuesday 24 Nov 2026, 11:00 in the UK.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the customer's replies", () => {
  it('says how many are unread and links to their conversation in the SMS inbox', async () => {
    const api = createFakeApi();
    api.addSmsMessage(buildSmsMessage({ status: 'delivered' }));
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 2 }), [
      buildSmsThreadMessage({ id: 'in-5', body: 'Hello, is my claim ok?' }),
      buildSmsThreadMessage({ id: 'in-6', body: 'Can you call me?' }),
    ]);
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);
    await textList();

    const link = await openLink('Open conversation, 2 unread');
    expect(link).toHaveAttribute('href', '/sms?conversation=12');
    expect(link).toHaveTextContent(/^Open conversation$/);
    expect(await repliesLine()).toHaveTextContent(
      'Replies from the customer: 2 unread · Open conversation',
    );

    await rendered.user.click(link);

    await waitFor(() => expect(currentUrl(rendered.router)).toBe('/sms?conversation=12'));
    const thread = await screen.findByRole('region', { name: 'Conversation' });
    expect(await within(thread).findByText('Can you call me?')).toBeInTheDocument();
  });

  it('says only that there are replies when none is unread, and when closed', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '14', unreadCount: 0, status: 'closed' }));
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    const link = await openLink('Open conversation');
    expect(link).toHaveAttribute('href', '/sms?conversation=14');
    expect(await repliesLine()).toHaveTextContent(
      /^Replies from the customer \(closed\) · Open conversation$/,
    );
  });

  it('shows nothing when there is no conversation this agent may see', async () => {
    const api = createFakeApi();
    // Another agent's conversation with the customer: not this agent's to open.
    api.addConversation(
      buildSmsConversation({ assignedAgentId: '7', assignedAgentName: 'Other Agent' }),
    );
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    expect(await within(section()).findByText('No texts yet')).toBeInTheDocument();
    expect(queryOpenLink()).toBeNull();
    expect(within(section()).queryByText(/Replies from the customer/)).toBeNull();
  });

  it('shows nothing when the server does not say (an older one)', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/sms/messages', () =>
      jsonResponse(200, { messages: [buildSmsMessage({ status: 'sent' })] }),
    );
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    expect(await textList()).toHaveTextContent('Sent');
    expect(queryOpenLink()).toBeNull();
    expect(within(section()).queryByText(/Replies from the customer/)).toBeNull();
  });
});

describe("the customer's replies, live", () => {
  it('appear and count up as the customer texts in, and clear once read', async () => {
    const api = createFakeApi();
    const rendered = renderQueue(api);
    const { live } = rendered;
    await takeNextCustomer(rendered);
    await within(section()).findByText('No texts yet');
    expect(queryOpenLink()).toBeNull();

    // The customer's first text starts their conversation.
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 1 }));
    act(() => live.smsConversationChanged('12', 'message'));
    const first = await liveLink('Open conversation, 1 unread');
    expect(first).toHaveAttribute('href', '/sms?conversation=12');

    api.receiveText('12', buildSmsThreadMessage({ id: 'in-6', body: 'Are you there?' }));
    act(() => live.smsConversationChanged('12', 'message'));
    expect(await liveLink('Open conversation, 2 unread')).toBeInTheDocument();
    expect(await repliesLine()).toHaveTextContent('Replies from the customer: 2 unread');

    // Read in the inbox (another tab): the count goes.
    api.updateConversation('12', { unreadCount: 0 });
    act(() => live.smsConversationChanged('12', 'read'));
    expect(await liveLink('Open conversation')).toBeInTheDocument();
    expect(await repliesLine()).toHaveTextContent(
      /^Replies from the customer · Open conversation$/,
    );
  });

  it("ignores changes to other customers' conversations once theirs is known", async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 1 }));
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);
    await openLink('Open conversation, 1 unread');
    const before = textReads(api);

    act(() => rendered.live.smsConversationChanged('13', 'message'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));

    expect(textReads(api)).toBe(before);
  });
});
