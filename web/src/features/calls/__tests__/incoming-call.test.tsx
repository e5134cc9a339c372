// A customer's call to us rung through to the agent: the queue page's banner (who, Accept,
// Decline), answering it (the caller loaded as Call now loads a customer, the softphone carrying
// on with the call to its outcome), declining it, failures in words, and the notice on the
// other pages.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { buildLead, demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { CallSession, Lead } from '@/types/api';

const priya: Lead = buildLead({
  userId: '2001',
  customer: { ...buildLead().customer, firstName: 'Priya', lastName: 'Patel' },
});

function renderAt(path: string, api: FakeApi = createFakeApi()) {
  const session = api.signIn(demoAgents.agent);
  return { ...renderApp({ path, api }), session };
}

type Rendered = ReturnType<typeof renderAt>;

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

/** The queue page is up, its live socket open and the agent's device ready for calls. */
async function onTheQueuePage(api: FakeApi = createFakeApi()): Promise<Rendered> {
  const rendered = renderAt('/queue', api);
  await screen.findByRole('button', { name: 'Next customer' });
  act(() => rendered.live.current.accept());
  await waitFor(() => expect(rendered.voice.devices[0]?.registrations).toBe(1));
  return rendered;
}

/** The server rings the agent for `lead`'s call and says so on the live socket. */
function customerCalls(rendered: Rendered, lead: Lead = buildLead()) {
  const call = rendered.api.ringAgent(lead);
  act(() => rendered.live.callIncoming(call.callSessionId));
  return call;
}

const banner = () => screen.getByRole('region', { name: 'Incoming call' });
const findBanner = () => screen.findByRole('region', { name: 'Incoming call' });
const callStatus = () => screen.getByRole('status', { name: 'Call status' });
const softphone = () => screen.getByRole('region', { name: 'Softphone' });

/** The provider moved the call on the server, and the live socket says so. */
function serverMoves(rendered: Rendered, id: string, changes: Partial<CallSession>) {
  rendered.api.updateCallSession(id, changes);
  act(() => rendered.live.callChanged(id, changes.status ?? 'ringing'));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('a customer calling the agent on the queue page', () => {
  it('rings with the caller named, Accept focused, only when the server says so', async () => {
    const rendered = await onTheQueuePage();
    const { api } = rendered;
    expect(screen.queryByRole('region', { name: 'Incoming call' })).not.toBeInTheDocument();
    const reads = () => requestsTo(api, 'GET', '/api/calls/incoming').length;
    const readsBefore = reads();

    customerCalls(rendered);

    const ringing = await findBanner();
    expect(within(ringing).getByText('Jane Smith')).toBeVisible();
    const accept = within(ringing).getByRole('button', { name: 'Accept call' });
    expect(within(ringing).getByRole('button', { name: 'Decline call' })).toBeEnabled();
    await waitFor(() => expect(accept).toHaveFocus());
    expect(accept).toHaveAccessibleDescription('Jane Smith');
    // Heard of over the live socket, then read: no polling.
    expect(reads()).toBe(readsBefore + 1);
    expect(screen.getByRole('status', { name: 'Incoming calls' })).toContainElement(ringing);
  });

  it('answers with the keyboard: the caller is loaded and the call carries on to its outcome', async () => {
    const rendered = await onTheQueuePage();
    const { user, api, voice, session } = rendered;
    const call = customerCalls(rendered);
    await waitFor(() =>
      expect(within(banner()).getByRole('button', { name: 'Accept call' })).toHaveFocus(),
    );

    await user.keyboard('{Enter}');

    // Loaded as Call now loads a customer, and announced.
    const name = await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    await waitFor(() => expect(name).toHaveFocus());
    const [answered] = requestsTo(api, 'POST', `/api/call-sessions/${call.callSessionId}/answer`);
    expect(answered?.headers.get('X-CSRF-Token')).toBe(session.csrfToken);
    expect(answered?.body).toBeUndefined();
    await waitFor(() => expect(voice.calls).toHaveLength(1));
    expect(voice.lastCall.incoming).toBe(true);
    // No call placed: the customer's own call is the one in progress.
    expect(requestsTo(api, 'POST', '/api/call-sessions')).toHaveLength(0);
    expect(screen.queryByRole('region', { name: 'Incoming call' })).not.toBeInTheDocument();
    expect(callStatus()).toHaveTextContent('Connecting…');
    expect(within(softphone()).getByRole('button', { name: 'Call' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Release' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next customer' })).toBeDisabled();

    serverMoves(rendered, call.callSessionId, { status: 'in-progress' });
    await waitFor(() => expect(callStatus()).toHaveTextContent('Connected'));
    expect(screen.getByRole('timer', { name: 'Call time' })).toBeInTheDocument();
    const mute = screen.getByRole('button', { name: 'Mute' });
    await user.click(mute);
    expect(voice.lastCall.isMuted()).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(voice.lastCall.disconnects).toBe(1);
    serverMoves(rendered, call.callSessionId, { status: 'completed', endReason: 'completed' });
    await waitFor(() => expect(callStatus()).toHaveTextContent('Call ended — Completed'));
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Completed the form' })).toHaveFocus(),
    );
    // The customer's history tells their call to us from ours to them.
    const calls = await screen.findByRole('list', { name: 'Calls' });
    await waitFor(() => expect(calls).toHaveTextContent('Incoming · Completed'));

    await user.click(screen.getByRole('radio', { name: 'Might complete' }));
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(await screen.findByText('Outcome saved')).toBeInTheDocument();
    const [saved] = requestsTo(api, 'POST', '/api/queue/leads/1940/outcome');
    expect(saved?.body).toEqual({ outcome: 'might_complete', callSessionId: call.callSessionId });
  });

  it('replaces a customer the agent held but had not called', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const rendered = await onTheQueuePage(api);
    const { user, voice } = rendered;
    await user.click(screen.getByRole('button', { name: 'Next customer' }));
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });

    customerCalls(rendered, priya);
    await user.click(within(await findBanner()).getByRole('button', { name: 'Accept call' }));

    expect(await screen.findByRole('heading', { level: 3, name: 'Priya Patel' })).toBeVisible();
    expect(screen.queryByRole('heading', { level: 3, name: 'Jane Smith' })).not.toBeInTheDocument();
    expect(api.heldLead?.userId).toBe('2001');
    await waitFor(() => expect(voice.lastCall.incoming).toBe(true));
    expect(callStatus()).toHaveTextContent('Connecting…');
  });

  it('says why when the call can no longer be answered, and stops it ringing here', async () => {
    const api = createFakeApi();
    const rendered = await onTheQueuePage(api);
    const { user, voice } = rendered;
    const call = customerCalls(rendered);
    api.on('POST', `/api/call-sessions/${call.callSessionId}/answer`, () => {
      api.stopRinging(call.callSessionId, 'canceled');
      return errorResponse(409, 'failed_precondition', 'this call is no longer ringing for you');
    });

    await user.click(within(await findBanner()).getByRole('button', { name: 'Accept call' }));

    expect(
      await screen.findByText(
        'The call could not be answered: this call is no longer ringing for you',
      ),
    ).toBeVisible();
    await waitFor(() => expect(voice.devices[0]?.rejections).toBe(1));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Incoming call' })).not.toBeInTheDocument(),
    );
    expect(voice.calls).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'No customer loaded' })).toBeInTheDocument();
  });

  it('says so when the device cannot answer after all; the call still needs its outcome', async () => {
    const rendered = await onTheQueuePage();
    const { user, voice } = rendered;
    voice.devices[0]!.failAccept = new Error('no line');
    customerCalls(rendered);

    await user.click(within(await findBanner()).getByRole('button', { name: 'Accept call' }));

    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    expect(await within(softphone()).findByRole('alert')).toHaveTextContent(
      'The voice service is unavailable',
    );
    await waitFor(() => expect(callStatus()).toHaveTextContent('Call ended — Failed'));
    expect(screen.getByRole('region', { name: 'After the call' })).toBeInTheDocument();
  });

  it('declines on the device only: the server makes a missed call of it', async () => {
    const rendered = await onTheQueuePage();
    const { user, api, voice } = rendered;
    const call = customerCalls(rendered);

    await user.click(within(await findBanner()).getByRole('button', { name: 'Decline call' }));

    await waitFor(() => expect(voice.devices[0]?.rejections).toBe(1));
    expect(screen.queryByRole('region', { name: 'Incoming call' })).not.toBeInTheDocument();
    expect(requestsTo(api, 'POST', `/api/call-sessions/${call.callSessionId}/answer`)).toHaveLength(
      0,
    );
    expect(screen.getByRole('heading', { name: 'No customer loaded' })).toBeInTheDocument();
  });

  it('does not take the focus from a field the agent is typing in', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const rendered = await onTheQueuePage(api);
    const { user } = rendered;
    await user.click(screen.getByRole('button', { name: 'Next customer' }));
    const notes = await screen.findByRole('textbox', { name: 'Notes' });
    await user.click(notes);

    customerCalls(rendered, priya);

    expect(await findBanner()).toHaveTextContent('Priya Patel');
    expect(notes).toHaveFocus();
  });

  it('offers only Decline while the call made to the current customer awaits its outcome', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const rendered = await onTheQueuePage(api);
    const { user, voice } = rendered;
    await user.click(screen.getByRole('button', { name: 'Next customer' }));
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    await user.click(within(softphone()).getByRole('button', { name: 'Call' }));
    await waitFor(() => expect(voice.calls).toHaveLength(1));
    const placed = api.callSessions[0]!;
    serverMoves(rendered, placed.id, { status: 'no-answer', endReason: 'no-answer' });
    await waitFor(() => expect(callStatus()).toHaveTextContent('Call ended — No answer'));

    customerCalls(rendered, priya);

    const ringing = await findBanner();
    expect(within(ringing).queryByRole('button', { name: 'Accept call' })).not.toBeInTheDocument();
    expect(within(ringing).getByRole('button', { name: 'Decline call' })).toBeInTheDocument();
    expect(ringing).toHaveTextContent('Save the outcome of your current call first');
  });
});

describe('keeping the calls that ring current', () => {
  it('reads them when the page opens: a call may have rung before it did', async () => {
    const api = createFakeApi();
    api.signIn(demoAgents.agent);
    api.ringAgent(buildLead(), { customerName: null });
    renderApp({ path: '/queue', api });

    expect(await findBanner()).toHaveTextContent('Customer 1940');
  });

  it('reads them again when a call listed moves on, and for nothing else', async () => {
    const rendered = await onTheQueuePage();
    const { api, live } = rendered;
    const call = customerCalls(rendered);
    await findBanner();
    const reads = () => requestsTo(api, 'GET', '/api/calls/incoming').length;
    const readsBefore = reads();

    act(() => {
      live.callChanged('999', 'ringing');
      // Supervisors hear of every agent's calls: another's is not theirs to answer.
      live.callIncoming('998', '4');
      live.current.send({ type: 'sms', subjectId: call.callSessionId });
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(reads()).toBe(readsBefore);

    api.stopRinging(call.callSessionId, 'canceled');
    act(() => live.callChanged(call.callSessionId, 'canceled'));

    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Incoming call' })).not.toBeInTheDocument(),
    );
    expect(reads()).toBe(readsBefore + 1);
  });

  it('reads them again after the live socket reconnects', async () => {
    const rendered = await onTheQueuePage();
    const { api, live } = rendered;
    const socketsBefore = live.sockets.length;

    act(() => live.current.drop());
    // While it was down a customer called; nobody said so.
    api.ringAgent(priya);
    await waitFor(() => expect(live.sockets).toHaveLength(socketsBefore + 1), { timeout: 2_500 });
    act(() => live.current.accept());

    expect(await findBanner()).toHaveTextContent('Priya Patel');
  });

  it('says so when they cannot be read, and reads them again on request', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/calls/incoming', () =>
      errorResponse(503, 'unavailable', 'The server is busy.'),
    );
    const { user } = renderAt('/queue', api);

    const problem = await screen.findByText(/^Calls ringing for you could not be read/);
    expect(problem).toHaveTextContent('The server is busy.');
    api.off('GET', '/api/calls/incoming');
    api.ringAgent(buildLead());
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await findBanner()).toHaveTextContent('Jane Smith');
  });
});

describe('a customer calling while the agent is on another page', () => {
  it('shows a notice that leads to the queue page, where the call is answered', async () => {
    const rendered = renderAt('/sms');
    const { user, router, live, api } = rendered;
    await screen.findByRole('heading', { level: 1, name: 'SMS' });
    act(() => live.current.accept());
    const notices = screen.getByRole('status', { name: 'Calls for you' });
    expect(notices).toBeEmptyDOMElement();

    customerCalls(rendered);

    expect(await within(notices).findByText('Incoming call: Jane Smith')).toBeVisible();
    await user.click(within(notices).getByRole('link', { name: 'Answer on the calls page' }));

    expect(currentUrl(router)).toBe('/queue');
    const ringing = await findBanner();
    // On the queue page the banner answers the call; the notice makes way for it.
    expect(notices).toBeEmptyDOMElement();
    await user.click(within(ringing).getByRole('button', { name: 'Accept call' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Jane Smith' })).toBeVisible();
    expect(api.heldLead?.userId).toBe('1940');
  });

  it('keeps the agent reachable while Available, and says so when they cannot be', async () => {
    const api = createFakeApi();
    const rendered = renderAt('/sms', api);
    const { voice } = rendered;
    voice.makeUnavailable(new Error('no audio devices'));

    const notices = await screen.findByRole('status', { name: 'Calls for you' });
    expect(
      await within(notices).findByText(
        'Calls put through to you cannot ring here: The voice service is unavailable',
      ),
    ).toBeVisible();
  });

  it('is not shown to an admin, who takes no calls', async () => {
    const api = createFakeApi();
    api.signIn(demoAgents.admin);
    const { voice } = renderApp({ path: '/queue', api });
    await screen.findByRole('heading', { level: 1, name: 'Queue' });

    expect(screen.queryByRole('status', { name: 'Calls for you' })).not.toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Incoming calls' })).not.toBeInTheDocument();
    expect(requestsTo(api, 'GET', '/api/calls/incoming')).toHaveLength(0);
    expect(voice.devices).toHaveLength(0);
  });
});
