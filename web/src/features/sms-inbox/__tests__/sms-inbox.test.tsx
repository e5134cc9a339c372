import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { buildSmsConversation, buildSmsThreadMessage, demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

function renderInbox(api: FakeApi, { role = 'agent', path = '/sms' } = {} as {
  role?: Role;
  path?: string;
}) {
  const session = api.signIn(demoAgents[role]);
  return { ...renderApp({ path, api }), session };
}

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

const conversationList = () => screen.findByRole('list', { name: 'Conversations' });
const thread = () => screen.getByRole('region', { name: 'Conversation' });
const replyBox = () => within(thread()).getByRole('textbox', { name: 'Reply' });
const sendReply = () => within(thread()).getByRole('button', { name: 'Send reply' });

async function openConversation(rendered: ReturnType<typeof renderInbox>, name: RegExp) {
  const list = await conversationList();
  await rendered.user.click(within(list).getByRole('button', { name }));
  return within(thread()).findByRole('list', { name: 'Messages' });
}

beforeEach(() => {
  // Tuesday 24 Nov 2026, 11:00 in the UK: the sample texts came in today at 10:02.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the conversation list', () => {
  it("keeps the server's order and says who, what, when, whose and how many unread", async () => {
    const api = createFakeApi();
    api.addConversation(
      buildSmsConversation({
        id: '12',
        unreadCount: 2,
        needsAttention: true,
        lastMessage: 'Please stop calling me at work',
      }),
    );
    api.addConversation(
      buildSmsConversation({
        id: '13',
        userId: null,
        customerName: null,
        phone: '+44 •••• ••• 311',
        unreadCount: 1,
        lastMessage: 'Who is this?',
        lastMessageAt: '2026-11-23T16:40:00Z',
      }),
    );
    api.addConversation(
      buildSmsConversation({
        id: '14',
        customerName: 'Omar Khan',
        unreadCount: 0,
        assignedAgentId: '1',
        assignedAgentName: 'Demo Agent',
        lastMessage: 'Thanks, speak soon',
        lastMessageAt: '2026-11-24T10:30:00Z',
      }),
    );
    renderInbox(api);

    const rows = within(await conversationList()).getAllByRole('button');
    // Unread first, then newest: as the server ordered them, not re-sorted by time.
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Jane Smith10:02Please stop calling me at work/),
      expect.stringMatching(/^Unknown numberMon 23 Nov, 16:40Who is this\?/),
      expect.stringMatching(/^Omar Khan10:30Thanks, speak soon/),
    ]);
    const [jane, unknown, omar] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(jane).toHaveTextContent('+44 number ending 942 · Unassigned');
    expect(within(jane).getByText('2 unread')).toBeInTheDocument();
    expect(within(jane).getByText('Needs attention')).toBeInTheDocument();
    expect(unknown).toHaveTextContent('+44 number ending 311');
    expect(within(unknown).getByText('1 unread')).toBeInTheDocument();
    expect(within(unknown).queryByText('Needs attention')).not.toBeInTheDocument();
    expect(omar).toHaveTextContent('Demo Agent');
    expect(omar).not.toHaveTextContent('unread');
    // The masked number is never read out dot by dot.
    expect(within(jane).getByText('+44 •••• ••• 942')).toHaveAttribute('aria-hidden', 'true');
    expect(requestsTo(api, 'GET', '/api/sms/conversations?status=open')).not.toHaveLength(0);
  });

  it('says when there are no conversations', async () => {
    const api = createFakeApi();
    renderInbox(api);

    expect(await screen.findByText('No conversations')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Conversations' })).not.toBeInTheDocument();
    expect(within(thread()).getByText(/Choose a conversation/)).toBeInTheDocument();
  });

  it('shows that it is loading', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/sms/conversations', () => new Promise<Response>(() => {}));
    renderInbox(api);

    expect(await screen.findByText('Loading conversations…')).toBeInTheDocument();
  });

  it('says when it cannot be read, and reads it again on Try again', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation());
    api.on('GET', '/api/sms/conversations', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderInbox(api);

    const message = 'The conversations could not be loaded: The database is unavailable.';
    expect(await screen.findByText(message)).toBeInTheDocument();
    const retry = screen.getByRole('button', { name: 'Try again' });
    expect(retry).toHaveAccessibleDescription(message);

    api.off('GET', '/api/sms/conversations');
    await user.click(retry);

    const list = await conversationList();
    expect(within(list).getByRole('button', { name: /Jane Smith/ })).toBeVisible();
  });

  it('shows the closed conversations when asked, and keeps the choice in the address', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12' }));
    api.addConversation(
      buildSmsConversation({
        id: '15',
        customerName: 'Ravi Patel',
        status: 'closed',
        unreadCount: 0,
      }),
    );
    const { user, router } = renderInbox(api);
    const list = await conversationList();
    expect(within(list).queryByRole('button', { name: /Ravi Patel/ })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Closed');

    const closed = await screen.findByRole('button', { name: /Ravi Patel/ });
    expect(closed).toBeVisible();
    expect(screen.queryByRole('button', { name: /Jane Smith/ })).not.toBeInTheDocument();
    expect(requestsTo(api, 'GET', '/api/sms/conversations?status=closed')).toHaveLength(1);
    expect(currentUrl(router)).toBe('/sms?show=closed');
  });
});

describe('a conversation', () => {
  it('shows the messages oldest first, in words, and marks it read once', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 2 }), [
      buildSmsThreadMessage({
        id: 'in-5',
        body: 'Hello, is my claim ok?',
        at: '2026-11-24T09:00:00Z',
      }),
      buildSmsThreadMessage({
        id: 'out-7',
        direction: 'outbound',
        body: 'Yes, all fine. We will call you.',
        at: '2026-11-24T09:05:00Z',
        status: 'delivered',
        agentId: '1',
      }),
      buildSmsThreadMessage({
        id: 'out-8',
        direction: 'outbound',
        body: 'Did you get our letter?',
        at: '2026-11-24T09:06:00Z',
        status: 'failed',
        agentId: '2',
      }),
      buildSmsThreadMessage({
        id: 'in-6',
        body: 'Please stop the letters',
        at: '2026-11-24T10:02:00Z',
        consent: 'mentions_stop',
      }),
    ]);
    const rendered = renderInbox(api);

    const messages = await openConversation(rendered, /Jane Smith/);

    const items = within(messages).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Customer: Hello, is my claim ok?09:00',
      'You: Yes, all fine. We will call you.You ·09:05·Delivered',
      'Agent: Did you get our letter?Agent ·09:06·Failed',
      'Customer: Please stop the letters10:02Mentions stop',
    ]);
    expect(within(thread()).getByRole('heading', { name: 'Jane Smith' })).toBeVisible();
    expect(currentUrl(rendered.router)).toBe('/sms?conversation=12');
    await waitFor(() =>
      expect(requestsTo(api, 'POST', '/api/sms/conversations/12/read')).toHaveLength(1),
    );
    const [read] = requestsTo(api, 'POST', '/api/sms/conversations/12/read');
    expect(read?.headers.get('X-CSRF-Token')).toBe(rendered.session.csrfToken);
    // Read: the badge goes, and no second read follows the refetch.
    await waitFor(() =>
      expect(within(rendered.container).queryByText('2 unread')).not.toBeInTheDocument(),
    );
    expect(requestsTo(api, 'POST', '/api/sms/conversations/12/read')).toHaveLength(1);
    expect(replyBox()).toBeEnabled();
  });

  it('does not mark a conversation with nothing unread', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage(),
    ]);
    const rendered = renderInbox(api);

    await openConversation(rendered, /Jane Smith/);

    expect(requestsTo(api, 'POST', '/api/sms/conversations/12/read')).toHaveLength(0);
  });

  it('blocks replies with a banner when the customer opted out', async () => {
    const api = createFakeApi();
    api.addConversation(
      buildSmsConversation({
        id: '12',
        unreadCount: 0,
        optedOut: true,
        canReply: false,
        replyBlockedReason: 'The customer replied STOP.',
      }),
      [buildSmsThreadMessage({ body: 'STOP', consent: 'opt_out' })],
    );
    const rendered = renderInbox(api);

    const messages = await openConversation(rendered, /Jane Smith/);

    const banner = within(thread())
      .getAllByRole('status')
      .find((element) => element.textContent === 'This customer has opted out of texts');
    expect(banner).toBeVisible();
    expect(within(messages).getByText('Opted out')).toBeVisible();
    expect(replyBox()).toBeDisabled();
    expect(sendReply()).toBeDisabled();
    expect(replyBox()).toHaveAccessibleDescription(
      'The customer replied STOP. 918 characters left. Ctrl+Enter sends.',
    );
  });

  it('says why a reply cannot be sent when the server says so', async () => {
    const api = createFakeApi();
    api.addConversation(
      buildSmsConversation({
        id: '13',
        userId: null,
        customerName: null,
        unreadCount: 0,
        canReply: false,
        replyBlockedReason: 'This number is not one of our customers.',
      }),
      [buildSmsThreadMessage()],
    );
    const rendered = renderInbox(api);

    await openConversation(rendered, /Unknown number/);

    expect(within(thread()).getByText('This number is not one of our customers.')).toBeVisible();
    expect(within(thread()).queryByText(/opted out/)).not.toBeInTheDocument();
    expect(sendReply()).toBeDisabled();
  });

  it('reopens the conversation named in the address', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage({ body: 'Is anyone there?' }),
    ]);
    renderInbox(api, { path: '/sms?conversation=12' });

    const region = await screen.findByRole('region', { name: 'Conversation' });
    const messages = await within(region).findByRole('list', { name: 'Messages' });
    expect(messages).toHaveTextContent('Is anyone there?');
    expect(
      within(await conversationList()).getByRole('button', { name: /Jane Smith/ }),
    ).toHaveAttribute('aria-current', 'true');
  });
});

describe('replying', () => {
  const keyPattern = /^[A-Za-z0-9_-]{8,64}$/;

  function replies(api: FakeApi) {
    return requestsTo(api, 'POST', '/api/sms/conversations/12/messages').map(
      (request) => request.body as { body: string; idempotencyKey: string },
    );
  }

  function janeWrote(api: FakeApi) {
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage(),
    ]);
  }

  it('sends the words with a fresh key per message, and the reply joins the thread', async () => {
    const api = createFakeApi();
    janeWrote(api);
    const rendered = renderInbox(api);
    const { user } = rendered;
    const messages = await openConversation(rendered, /Jane Smith/);

    await user.type(replyBox(), '  Yes Jane, all is well.  ');
    await user.click(sendReply());

    expect(await within(thread()).findByText('Reply sent')).toBeInTheDocument();
    const [first] = replies(api);
    expect(first).toEqual({
      body: 'Yes Jane, all is well.',
      idempotencyKey: expect.stringMatching(keyPattern),
    });
    const [request] = requestsTo(api, 'POST', '/api/sms/conversations/12/messages');
    expect(request?.headers.get('X-CSRF-Token')).toBe(rendered.session.csrfToken);
    expect(replyBox()).toHaveValue('');
    const mine = await within(messages).findByText('Yes Jane, all is well.');
    expect(mine.closest('li')).toHaveTextContent('Waiting to send');

    await user.type(replyBox(), 'Anything else?');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(replies(api)).toHaveLength(2));
    expect(replies(api)[1]?.idempotencyKey).toMatch(keyPattern);
    expect(replies(api)[1]?.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  it('sends a retry of the same words with the same key', async () => {
    const api = createFakeApi();
    janeWrote(api);
    api.on('POST', '/api/sms/conversations/12/messages', () =>
      errorResponse(503, 'unavailable', 'The server is busy.'),
    );
    const rendered = renderInbox(api);
    const { user } = rendered;
    await openConversation(rendered, /Jane Smith/);

    await user.type(replyBox(), 'Your documents arrived.');
    await user.click(sendReply());
    expect(await within(thread()).findByRole('alert')).toHaveTextContent('The server is busy.');
    expect(replyBox()).toHaveValue('Your documents arrived.');
    api.off('POST', '/api/sms/conversations/12/messages');
    await user.click(sendReply());

    expect(await within(thread()).findByText('Reply sent')).toBeInTheDocument();
    const keys = replies(api).map((reply) => reply.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it('asks for words before sending', async () => {
    const api = createFakeApi();
    janeWrote(api);
    const rendered = renderInbox(api);
    await openConversation(rendered, /Jane Smith/);

    await rendered.user.click(sendReply());

    await waitFor(() => expect(replyBox()).toHaveFocus());
    expect(replyBox()).toHaveAccessibleDescription(
      'Write the reply first. 918 characters left. Ctrl+Enter sends.',
    );
    expect(replies(api)).toHaveLength(0);
  });

  it("shows the contact rules' refusal in words and keeps the words", async () => {
    const api = createFakeApi();
    janeWrote(api);
    api.refuseTexts({
      denials: [
        { code: 'sms_per_day', message: '3 texts today already' },
        { code: 'outside_calling_window', message: null },
      ],
      nextAllowedAt: '2026-11-25T08:00:00Z',
    });
    const rendered = renderInbox(api);
    await openConversation(rendered, /Jane Smith/);

    await rendered.user.type(replyBox(), 'Hello');
    await rendered.user.click(sendReply());

    const alert = await within(thread()).findByRole('alert');
    expect(alert).toHaveTextContent('This customer cannot be texted now.');
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '3 texts today already',
      'Outside calling window',
    ]);
    expect(alert).toHaveTextContent('Next allowed: Wed 25 Nov, 08:00 (UK time)');
    expect(replyBox()).toHaveValue('Hello');
    expect(within(thread()).queryByText('Reply sent')).not.toBeInTheDocument();
  });

  it("shows the server's message for other failures", async () => {
    const api = createFakeApi();
    janeWrote(api);
    api.on('POST', '/api/sms/conversations/12/messages', () =>
      errorResponse(409, 'failed_precondition', 'this number is not a customer of ours'),
    );
    const rendered = renderInbox(api);
    await openConversation(rendered, /Jane Smith/);

    await rendered.user.type(replyBox(), 'Hello');
    await rendered.user.click(sendReply());

    expect(await within(thread()).findByRole('alert')).toHaveTextContent(
      'this number is not a customer of ours',
    );
  });
});

describe('replying with a template', () => {
  const templateSelect = () => within(thread()).getByRole('combobox', { name: 'Template' });
  const preview = () => within(thread()).findByRole('textbox', { name: 'Text to send' });
  const documentsWaiting =
    'Hi Jane, this is Demo Agent from the claims team. Your claim documents are waiting for ' +
    'you; we will text you a secure link to finish them.';

  it('shows the text filled in for the customer and sends it into the thread', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage(),
    ]);
    const rendered = renderInbox(api);
    const { user } = rendered;
    const messages = await openConversation(rendered, /Jane Smith/);
    await within(templateSelect()).findByRole('option', { name: 'Documents waiting' });

    await user.selectOptions(templateSelect(), 'Documents waiting');

    expect(await preview()).toHaveValue(documentsWaiting);
    expect(within(thread()).queryByRole('textbox', { name: 'Reply' })).toBeNull();
    expect(requestsTo(api, 'GET', '/api/sms/templates/2/preview?userId=1940')).toHaveLength(1);

    await user.click(sendReply());

    expect(await within(thread()).findByText('Reply sent')).toBeInTheDocument();
    expect(requestsTo(api, 'POST', '/api/sms/conversations/12/messages')[0]?.body).toEqual({
      templateId: '2',
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
    expect(await within(messages).findByText(documentsWaiting)).toBeInTheDocument();
    expect(templateSelect()).toHaveDisplayValue('Write my own');
    expect(replyBox()).toHaveValue('');
  });

  it("goes back to the agent's own words", async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage(),
    ]);
    const rendered = renderInbox(api);
    const { user } = rendered;
    await openConversation(rendered, /Jane Smith/);
    await within(templateSelect()).findByRole('option', { name: 'Missed call' });
    await user.type(replyBox(), 'Yes, all is well.');

    await user.selectOptions(templateSelect(), 'Missed call');
    await preview();
    await user.selectOptions(templateSelect(), 'Write my own');
    await user.click(sendReply());

    await within(thread()).findByText('Reply sent');
    expect(requestsTo(api, 'POST', '/api/sms/conversations/12/messages')[0]?.body).toEqual({
      body: 'Yes, all is well.',
      idempotencyKey: expect.any(String),
    });
  });

  it('offers no template when no reply may be sent', async () => {
    const api = createFakeApi();
    api.addConversation(
      buildSmsConversation({
        id: '12',
        unreadCount: 0,
        optedOut: true,
        canReply: false,
        replyBlockedReason: 'The customer replied STOP.',
      }),
      [buildSmsThreadMessage({ body: 'STOP', consent: 'opt_out' })],
    );
    const rendered = renderInbox(api);

    await openConversation(rendered, /Jane Smith/);

    expect(templateSelect()).toBeDisabled();
    expect(templateSelect()).toHaveDisplayValue('Write my own');
  });
});

describe('assigning and closing', () => {
  it('lets an agent take a conversation and give it back', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage(),
    ]);
    const rendered = renderInbox(api);
    const { user } = rendered;
    await openConversation(rendered, /Jane Smith/);
    expect(within(thread()).queryByRole('button', { name: 'Unassign' })).not.toBeInTheDocument();

    await user.click(within(thread()).getByRole('button', { name: 'Assign to me' }));

    const unassign = await within(thread()).findByRole('button', { name: 'Unassign' });
    await waitFor(() => expect(unassign).toHaveFocus());
    expect(
      within(thread()).queryByRole('button', { name: 'Assign to me' }),
    ).not.toBeInTheDocument();
    expect(requestsTo(api, 'POST', '/api/sms/conversations/12/assign')[0]?.body).toEqual({
      agentId: '1',
    });
    expect(thread()).toHaveTextContent('Demo Agent');
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Conversations' })).getByRole('button', {
          name: /Jane Smith/,
        }),
      ).toHaveTextContent('Demo Agent'),
    );

    await user.click(unassign);

    await within(thread()).findByRole('button', { name: 'Assign to me' });
    expect(requestsTo(api, 'POST', '/api/sms/conversations/12/assign')[1]?.body).toEqual({
      agentId: null,
    });
  });

  it("lets a supervisor unassign another agent's conversation", async () => {
    const api = createFakeApi();
    api.addConversation(
      buildSmsConversation({
        id: '12',
        unreadCount: 0,
        assignedAgentId: '1',
        assignedAgentName: 'Demo Agent',
      }),
      [buildSmsThreadMessage()],
    );
    const rendered = renderInbox(api, { role: 'supervisor' });
    await openConversation(rendered, /Jane Smith/);

    expect(within(thread()).getByRole('button', { name: 'Assign to me' })).toBeVisible();
    await rendered.user.click(within(thread()).getByRole('button', { name: 'Unassign' }));

    await waitFor(() => expect(thread()).toHaveTextContent('Unassigned'));
  });

  it('shows why an assignment was refused', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage(),
    ]);
    api.on('POST', '/api/sms/conversations/12/assign', () =>
      errorResponse(403, 'permission_denied', 'another agent has just taken it'),
    );
    const rendered = renderInbox(api);
    await openConversation(rendered, /Jane Smith/);

    await rendered.user.click(within(thread()).getByRole('button', { name: 'Assign to me' }));

    expect(await within(thread()).findByRole('alert')).toHaveTextContent(
      'another agent has just taken it',
    );
  });

  it('closes a conversation, which leaves the open list, and reopens it', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage(),
    ]);
    const rendered = renderInbox(api);
    const { user } = rendered;
    await openConversation(rendered, /Jane Smith/);

    const button = within(thread()).getByRole('button', { name: 'Close conversation' });
    await user.click(button);

    await waitFor(() => expect(button).toHaveTextContent('Reopen conversation'));
    expect(button).toHaveFocus();
    expect(thread()).toHaveTextContent('Closed');
    expect(await screen.findByText('No conversations')).toBeInTheDocument();

    await user.click(button);

    await waitFor(() => expect(button).toHaveTextContent('Close conversation'));
    expect(await conversationList()).toBeVisible();
    expect(requestsTo(api, 'POST', '/api/sms/conversations/12/close')).toHaveLength(1);
    expect(requestsTo(api, 'POST', '/api/sms/conversations/12/reopen')).toHaveLength(1);
  });
});

describe('live updates', () => {
  it('rereads the list and the open thread when a conversation changes', async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage({ body: 'Hello, is my claim ok?' }),
    ]);
    const rendered = renderInbox(api);
    const { live } = rendered;
    const messages = await openConversation(rendered, /Jane Smith/);
    act(() => live.current.accept());
    const listReads = () => requestsTo(api, 'GET', '/api/sms/conversations?status=open').length;
    const before = listReads();

    api.receiveText(
      '12',
      buildSmsThreadMessage({
        id: 'in-9',
        body: 'STOP',
        at: '2026-11-24T10:59:00Z',
        consent: 'opt_out',
      }),
    );
    api.updateConversation('12', {
      optedOut: true,
      canReply: false,
      replyBlockedReason: 'The customer replied STOP.',
    });
    act(() => live.smsConversationChanged('12', 'message'));

    expect(await within(messages).findByText('STOP')).toBeVisible();
    await waitFor(() => expect(sendReply()).toBeDisabled());
    expect(
      within(thread())
        .getAllByRole('status')
        .some((element) => element.textContent === 'This customer has opted out of texts'),
    ).toBe(true);
    expect(listReads()).toBeGreaterThan(before);
    // It is on screen, so the new text is read at once.
    await waitFor(() =>
      expect(requestsTo(api, 'POST', '/api/sms/conversations/12/read')).toHaveLength(1),
    );
  });

  it("follows a reply's delivery from the text's own events", async () => {
    const api = createFakeApi();
    api.addConversation(buildSmsConversation({ id: '12', unreadCount: 0 }), [
      buildSmsThreadMessage(),
      buildSmsThreadMessage({
        id: 'out-7001',
        direction: 'outbound',
        body: 'We will call you today.',
        status: 'sent',
        agentId: '1',
      }),
    ]);
    const rendered = renderInbox(api);
    const messages = await openConversation(rendered, /Jane Smith/);
    act(() => rendered.live.current.accept());
    const reply = within(messages).getByText('We will call you today.').closest('li');
    expect(reply).toHaveTextContent('Sent');

    const outbound = api.conversationMessages('12')[1];
    if (outbound) outbound.status = 'delivered';
    act(() => rendered.live.smsChanged('7001', 'delivered'));

    await waitFor(() => expect(reply).toHaveTextContent('Delivered'));
  });
});
