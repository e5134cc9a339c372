import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { tokenRefreshMs } from '@/features/calls/api/get-telephony-token';
import { buildCallSession, buildLead, demoAgents } from '@/testing/data';
import { createFakeApi, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import type { CallSession } from '@/types/api';

function renderQueue(api: FakeApi = createFakeApi()) {
  const session = api.signIn(demoAgents.agent);
  api.queueLeads(buildLead());
  return { ...renderApp({ path: '/queue', api }), session };
}

type Rendered = ReturnType<typeof renderQueue>;

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

async function takeNextCustomer({ user, live }: Rendered) {
  await user.click(await screen.findByRole('button', { name: 'Next customer' }));
  await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
  act(() => live.current.accept());
}

const softphone = () => screen.getByRole('region', { name: 'Softphone' });
const callStatus = () => screen.getByRole('status', { name: 'Call status' });
const callButton = () => within(softphone()).getByRole('button', { name: 'Call' });

/** Presses Call and waits until the device has the call; returns the session opened for it. */
async function placeCall(rendered: Rendered): Promise<CallSession> {
  const { user, api, voice } = rendered;
  await user.click(callButton());
  await waitFor(() => expect(voice.calls).toHaveLength(1));
  const session = api.callSessions[api.callSessions.length - 1];
  if (!session) throw new Error('no call session was opened');
  await waitFor(() =>
    expect(within(softphone()).getByRole('button', { name: 'Hang up' })).toBeEnabled(),
  );
  return session;
}

/** The provider moved the call on the server, and the live socket says so. */
function serverMoves(rendered: Rendered, id: string, changes: Partial<CallSession>) {
  rendered.api.updateCallSession(id, changes);
  act(() => rendered.live.callChanged(id, changes.status ?? 'ringing'));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('calling the held customer', () => {
  it('dials, rings and connects as the server reports, with a running call timer', async () => {
    const rendered = renderQueue();
    const { api, voice, session: signedIn } = rendered;
    await takeNextCustomer(rendered);

    const session = await placeCall(rendered);
    expect(callStatus()).toHaveTextContent('Dialling…');
    const [created] = requestsTo(api, 'POST', '/api/call-sessions');
    expect(created?.body).toEqual({ userId: '1940' });
    expect(created?.headers.get('X-CSRF-Token')).toBe(signedIn.csrfToken);
    // The browser names only the session; the server resolves the number.
    expect(voice.lastCall.params).toEqual({ sessionId: session.id });
    expect(voice.devices[0]?.tokens).toEqual(['voice-token-1']);
    expect(voice.devices[0]?.mode).toBe('sim');
    // While the call is on, the customer cannot be handed back nor another one taken.
    expect(screen.getByRole('button', { name: 'Next customer' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Skip (30 min)' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Release' })).toBeDisabled();
    expect(callButton()).toBeDisabled();

    serverMoves(rendered, session.id, { status: 'ringing', ringingAt: '2026-11-24T10:00:02Z' });
    await waitFor(() => expect(callStatus()).toHaveTextContent('Ringing…'));
    expect(screen.queryByRole('timer', { name: 'Call time' })).not.toBeInTheDocument();

    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    serverMoves(rendered, session.id, {
      status: 'in-progress',
      answeredAt: '2026-11-24T10:00:06Z',
    });
    await waitFor(() => expect(callStatus()).toHaveTextContent('Connected'));
    const timer = screen.getByRole('timer', { name: 'Call time' });
    expect(timer).toHaveTextContent('0:00');
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(timer).toHaveTextContent('0:02');
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    expect(timer).toHaveTextContent('1:03');

    // Each nudge was followed by a read of the session: the event itself is not trusted.
    expect(requestsTo(api, 'GET', `/api/call-sessions/${session.id}`)).toHaveLength(2);
  });

  it('starts a call with F2, but not while the agent is typing', async () => {
    const rendered = renderQueue();
    const { user, api } = rendered;
    await takeNextCustomer(rendered);

    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.keyboard('{F2}');
    expect(requestsTo(api, 'POST', '/api/call-sessions')).toHaveLength(0);

    await user.click(screen.getByRole('region', { name: 'Customer' }));
    await user.keyboard('{F2}');
    await waitFor(() => expect(requestsTo(api, 'POST', '/api/call-sessions')).toHaveLength(1));
  });

  it('shows why the contact rules refuse the call, and places none', async () => {
    const api = createFakeApi();
    api.refuseCalls({
      denials: [
        { code: 'calls_per_day', message: '3 calls today already' },
        { code: 'suppressed', message: null },
      ],
      nextAllowedAt: '2026-11-25T08:00:00Z',
    });
    const rendered = renderQueue(api);
    const { user, voice } = rendered;
    await takeNextCustomer(rendered);

    await user.click(callButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This customer cannot be called now.');
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '3 calls today already',
      'Suppressed',
    ]);
    expect(alert).toHaveTextContent('Next allowed: Wed 25 Nov, 08:00 (UK time)');
    expect(screen.queryByRole('button', { name: 'Hang up' })).not.toBeInTheDocument();
    expect(voice.calls).toHaveLength(0);
    expect(callStatus()).toHaveTextContent('');
    // Nothing was called, so the customer can still be handed back.
    expect(screen.getByRole('button', { name: 'Release' })).toBeEnabled();
  });

  it('says so when the voice service cannot be used, and records no call attempt', async () => {
    const rendered = renderQueue();
    const { user, api, voice } = rendered;
    voice.makeUnavailable(new Error('no audio devices'));
    await takeNextCustomer(rendered);

    await user.click(callButton());

    expect(await screen.findByRole('alert')).toHaveTextContent('The voice service is unavailable');
    expect(requestsTo(api, 'POST', '/api/call-sessions')).toHaveLength(0);
    expect(callButton()).toBeEnabled();
  });

  it('hangs up through the device and shows how the call ended', async () => {
    const rendered = renderQueue();
    const { user, voice } = rendered;
    await takeNextCustomer(rendered);
    const session = await placeCall(rendered);
    serverMoves(rendered, session.id, { status: 'in-progress' });
    await waitFor(() => expect(callStatus()).toHaveTextContent('Connected'));

    await user.click(screen.getByRole('button', { name: 'Hang up' }));

    expect(voice.lastCall.disconnects).toBe(1);
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeDisabled();
    serverMoves(rendered, session.id, {
      status: 'completed',
      endReason: 'completed',
      talkSeconds: 14,
    });
    await waitFor(() => expect(callStatus()).toHaveTextContent('Call ended — Completed'));
    expect(screen.queryByRole('button', { name: 'Hang up' })).not.toBeInTheDocument();
    expect(screen.queryByRole('timer', { name: 'Call time' })).not.toBeInTheDocument();
    // The agent is put on the outcome, which is now the only way on.
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Completed the form' })).toHaveFocus(),
    );
    expect(callButton()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Skip (30 min)' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Release' })).toBeDisabled();
  });

  it.each([
    ['busy', 'Busy'],
    ['no-answer', 'No answer'],
    ['failed', 'Failed'],
    ['canceled', 'Cancelled'],
  ] as const)('tells a %s call in words', async (status, words) => {
    const rendered = renderQueue();
    await takeNextCustomer(rendered);
    const session = await placeCall(rendered);

    serverMoves(rendered, session.id, { status, endReason: status });

    await waitFor(() => expect(callStatus()).toHaveTextContent(`Call ended — ${words}`));
    expect(screen.queryByText('Connected')).not.toBeInTheDocument();
  });

  it('mutes, and sends digits from the keypad', async () => {
    const rendered = renderQueue();
    const { user, voice } = rendered;
    await takeNextCustomer(rendered);
    await placeCall(rendered);

    const mute = screen.getByRole('button', { name: 'Mute' });
    expect(mute).toHaveAttribute('aria-pressed', 'false');
    await user.click(mute);
    expect(mute).toHaveAttribute('aria-pressed', 'true');
    expect(voice.lastCall.isMuted()).toBe(true);
    await user.click(mute);
    expect(mute).toHaveAttribute('aria-pressed', 'false');

    expect(screen.queryByRole('button', { name: 'Digit 1' })).not.toBeInTheDocument();
    const keypadToggle = screen.getByRole('button', { name: 'Keypad' });
    await user.click(keypadToggle);
    expect(keypadToggle).toHaveAttribute('aria-expanded', 'true');
    const keypad = screen.getByRole('group', { name: 'Keypad' });
    expect(within(keypad).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'].map((d) => `Digit ${d}`),
    );
    await user.click(within(keypad).getByRole('button', { name: 'Digit 1' }));
    await user.click(within(keypad).getByRole('button', { name: 'Digit #' }));
    expect(voice.lastCall.digits).toEqual(['1', '#']);
  });

  it('renews the voice token at 80% of its lifetime and hands it to the device', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const rendered = renderQueue();
    const { api, voice } = rendered;
    await takeNextCustomer(rendered);
    await placeCall(rendered);
    expect(api.tokensIssued).toBe(1);

    await act(() =>
      vi.advanceTimersByTimeAsync(
        tokenRefreshMs({ token: 'x', identity: 'agent-1', mode: 'sim', ttlSeconds: 3600 }),
      ),
    );
    // Nothing on screen changes, so waitFor must poll: with real timers again.
    vi.useRealTimers();

    await waitFor(() =>
      expect(voice.devices[0]?.tokens).toEqual(['voice-token-1', 'voice-token-2']),
    );
    expect(voice.devices).toHaveLength(1);
  });
});

describe('after the call', () => {
  it('sends the outcome with the call session it is for', async () => {
    const rendered = renderQueue();
    const { user, api } = rendered;
    await takeNextCustomer(rendered);
    const session = await placeCall(rendered);
    // Saving waits for the end of the call.
    expect(screen.getByRole('button', { name: 'Save outcome' })).toBeDisabled();
    serverMoves(rendered, session.id, { status: 'no-answer', endReason: 'no-answer' });
    await waitFor(() => expect(callStatus()).toHaveTextContent('Call ended — No answer'));

    await user.click(screen.getByRole('radio', { name: 'No answer' }));
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));

    expect(await screen.findByText('Outcome saved')).toBeInTheDocument();
    const [saved] = requestsTo(api, 'POST', '/api/queue/leads/1940/outcome');
    expect(saved?.body).toEqual({ outcome: 'no_answer', callSessionId: session.id });
    expect(api.callSessions[0]?.outcomeId).not.toBeNull();
  });

  it('sends no call session with an outcome when no call was made', async () => {
    const rendered = renderQueue();
    const { user, api } = rendered;
    await takeNextCustomer(rendered);

    await user.click(screen.getByRole('radio', { name: 'Bad number' }));
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));

    expect(await screen.findByText('Outcome saved')).toBeInTheDocument();
    const [saved] = requestsTo(api, 'POST', '/api/queue/leads/1940/outcome');
    expect(saved?.body).toEqual({ outcome: 'bad_number' });
  });

  it('keeps the agent on the queue until the outcome of the call is saved', async () => {
    const rendered = renderQueue();
    const { user, router } = rendered;
    await takeNextCustomer(rendered);
    const session = await placeCall(rendered);
    serverMoves(rendered, session.id, { status: 'busy', endReason: 'busy' });
    await waitFor(() => expect(callStatus()).toHaveTextContent('Call ended — Busy'));

    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Callbacks' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Record the outcome first' });
    expect(dialog).toHaveTextContent('You called Jane Smith.');
    expect(router.state.location.pathname).toBe('/queue');
    await user.click(within(dialog).getByRole('button', { name: 'Back to the outcome' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/queue');

    await user.click(screen.getByRole('radio', { name: 'No answer' }));
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    await screen.findByText('Outcome saved');
    await user.click(within(nav).getByRole('link', { name: 'Callbacks' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Callbacks' })).toBeInTheDocument();
  });
});

describe('the call history', () => {
  it("lists the customer's calls with their end, talk time and recording", async () => {
    const api = createFakeApi();
    api.addCallSession(
      buildCallSession({
        id: '4001',
        status: 'completed',
        endReason: 'completed',
        createdAt: '2026-11-12T10:02:00Z',
        talkSeconds: 75,
        recording: { seconds: 70, url: '/api/call-sessions/4001/recording' },
        outcomeId: '77',
      }),
    );
    const rendered = renderQueue(api);
    await takeNextCustomer(rendered);

    const calls = await screen.findByRole('list', { name: 'Calls' });
    expect(within(calls).getAllByRole('listitem')).toHaveLength(1);
    expect(calls).toHaveTextContent('Thu 12 Nov, 10:02 Completed · talk 1:15');
    const recording = within(calls).getByLabelText('Recording of the call at Thu 12 Nov, 10:02');
    expect(recording.tagName).toBe('AUDIO');
    expect(recording).toHaveAttribute('src', '/api/call-sessions/4001/recording');
    expect(recording).toHaveAttribute('controls');
  });

  it('is read again when a call ends', async () => {
    const rendered = renderQueue();
    await takeNextCustomer(rendered);
    expect(await screen.findByText('No calls yet')).toBeInTheDocument();
    const session = await placeCall(rendered);

    serverMoves(rendered, session.id, {
      status: 'completed',
      endReason: 'completed',
      talkSeconds: 5,
      recording: { seconds: 5, url: `/api/call-sessions/${session.id}/recording` },
    });

    const calls = await screen.findByRole('list', { name: 'Calls' });
    expect(calls).toHaveTextContent('Completed · talk 0:05');
    expect(
      within(calls).getByLabelText('Recording of the call at Tue 24 Nov, 10:00'),
    ).toBeInTheDocument();
  });
});

describe('the live connection', () => {
  it('shows Reconnecting… when the socket drops, reopens it and rereads the call', async () => {
    const rendered = renderQueue();
    const { api, live } = rendered;
    await takeNextCustomer(rendered);
    const indicator = screen.getByRole('status', { name: 'Live updates' });
    expect(indicator).toHaveTextContent('Live');
    expect(live.current.url).toBe(`ws://${window.location.host}/api/live`);
    const session = await placeCall(rendered);
    const reads = () => requestsTo(api, 'GET', `/api/call-sessions/${session.id}`).length;
    const readsBefore = reads();
    const socketsBefore = live.sockets.length;

    act(() => live.current.drop());

    expect(indicator).toHaveTextContent('Reconnecting…');
    // While it was down the call was answered; nobody said so.
    api.updateCallSession(session.id, { status: 'in-progress' });
    // The first retry comes after a second.
    await waitFor(() => expect(live.sockets).toHaveLength(socketsBefore + 1), { timeout: 2_500 });
    act(() => live.current.accept());

    expect(indicator).toHaveTextContent('Live');
    await waitFor(() => expect(callStatus()).toHaveTextContent('Connected'));
    expect(reads()).toBe(readsBefore + 1);
  });

  it('ignores events for other calls and frames it does not understand', async () => {
    const rendered = renderQueue();
    const { api, live } = rendered;
    await takeNextCustomer(rendered);
    const session = await placeCall(rendered);
    const reads = () => requestsTo(api, 'GET', `/api/call-sessions/${session.id}`).length;

    act(() => {
      live.callChanged('999', 'ringing');
      live.current.send('not json');
      live.current.send({ type: 'sms', subjectId: session.id });
    });

    expect(reads()).toBe(0);
    expect(callStatus()).toHaveTextContent('Dialling…');
  });
});
