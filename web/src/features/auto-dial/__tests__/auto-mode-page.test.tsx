import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildLead, demoAgents } from '@/testing/data';
import { createFakeApi, type FakeApi } from '@/testing/fake-api';
import { createManualClock, type ManualClock } from '@/testing/manual-clock';
import { renderApp } from '@/testing/render-app';

import { setAutoDialClock } from '../clock';

let clock: ManualClock;

beforeEach(() => {
  clock = createManualClock();
  setAutoDialClock(clock);
});

afterEach(() => {
  setAutoDialClock(null);
});

const jane = buildLead();
const john = buildLead({
  userId: '2001',
  customer: { ...buildLead().customer, firstName: 'John', lastName: 'Doe' },
});

function renderQueue(api: FakeApi = createFakeApi()) {
  api.signIn(demoAgents.agent);
  const rendered = renderApp({ path: '/queue', api });
  return rendered;
}

type Rendered = ReturnType<typeof renderQueue>;

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

const autoBar = () => screen.getByRole('region', { name: 'Auto mode' });
const countdown = () => screen.getByRole('timer', { name: 'Auto-dial countdown' });
const startButton = () => screen.getByRole('button', { name: 'Start auto mode' });

/** Presses Start auto mode once it can be (its settings have come). */
async function startAutoMode({ user }: Rendered) {
  await waitFor(() => expect(startButton()).toBeEnabled());
  await user.click(startButton());
}

/** Runs the countdown out on the manual clock and waits for the call's session. */
async function runCountdownOut(rendered: Rendered, seconds = 10) {
  const before = rendered.api.callSessions.length;
  act(() => clock.advance(seconds * 1_000));
  await waitFor(() => expect(rendered.api.callSessions).toHaveLength(before + 1));
  await waitFor(() => expect(rendered.voice.calls).toHaveLength(before + 1));
  const session = rendered.api.callSessions[before];
  if (!session) throw new Error('no call session was opened');
  return session;
}

/** The provider ends the call on the server and the live socket says so. */
async function callEnds(rendered: Rendered, id: string) {
  rendered.api.updateCallSession(id, { status: 'completed', endedAt: '2026-11-24T10:01:00Z' });
  act(() => rendered.live.callChanged(id, 'completed'));
  await within(screen.getByRole('region', { name: 'Softphone' })).findByText(
    'Call ended — Completed',
  );
}

async function saveOutcome({ user }: Rendered, outcome = 'No answer') {
  await user.click(screen.getByRole('radio', { name: outcome }));
  await user.click(screen.getByRole('button', { name: 'Save outcome' }));
}

describe('auto mode on the queue page', () => {
  it('loads, counts down, dials as Call does, and after the outcome goes on to the next', async () => {
    const api = createFakeApi();
    api.queueLeads(jane, john);
    const rendered = renderQueue(api);
    await startAutoMode(rendered);
    act(() => rendered.live.current.accept());

    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    expect(within(autoBar()).getByText('Auto on')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Stop auto mode' })).toBeInTheDocument();
    expect(countdown()).toHaveTextContent('Dialling Jane Smith in 10 s');
    act(() => clock.advance(1_000));
    expect(countdown()).toHaveTextContent('Dialling Jane Smith in 9 s');
    expect(requestsTo(api, 'POST', '/api/call-sessions')).toHaveLength(0);

    const first = await runCountdownOut(rendered, 9);
    expect(requestsTo(api, 'POST', '/api/call-sessions')[0]?.body).toEqual({ userId: '1940' });
    expect(rendered.voice.lastCall.params).toEqual({ sessionId: first.id });
    expect(within(autoBar()).getByText(/calls this session/)).toHaveTextContent(
      '1 / 150 calls this session',
    );
    expect(within(autoBar()).getByRole('status')).toHaveTextContent(
      'The next customer loads once the outcome is saved.',
    );

    await callEnds(rendered, first.id);
    await saveOutcome(rendered);

    await screen.findByRole('heading', { level: 3, name: 'John Doe' });
    expect(requestsTo(api, 'POST', '/api/queue/next')).toHaveLength(2);
    expect(countdown()).toHaveTextContent('Dialling John Doe in 10 s');
    // What was just done stays said: the agent did not ask for the next customer.
    expect(screen.getByText('Outcome saved')).toBeInTheDocument();

    const second = await runCountdownOut(rendered);
    expect(second.userId).toBe('2001');
    expect(within(autoBar()).getByText(/calls this session/)).toHaveTextContent('2 / 150');
  });

  it('counts down for the countdown the admin set, and Dial now does not wait', async () => {
    const api = createFakeApi();
    api.setAutoDial({ countdownSeconds: 3 });
    api.queueLeads(jane);
    const rendered = renderQueue(api);
    await startAutoMode(rendered);
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    expect(countdown()).toHaveTextContent('Dialling Jane Smith in 3 s');

    await rendered.user.click(screen.getByRole('button', { name: 'Dial now' }));
    await waitFor(() => expect(api.callSessions).toHaveLength(1));
  });

  it('pauses with a reason: no dial, the agent on a break; Resume counts down again', async () => {
    const api = createFakeApi();
    api.queueLeads(jane);
    const rendered = renderQueue(api);
    const { user } = rendered;
    await startAutoMode(rendered);
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    act(() => clock.advance(4_000));

    await user.click(within(autoBar()).getByRole('button', { name: 'Pause' }));
    const reason = screen.getByRole('combobox', { name: 'Pause reason' });
    expect(reason).toHaveFocus();
    expect(within(reason).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Break',
      'Lunch',
      'Training',
      'Meeting',
      'Admin',
      'Comfort break',
    ]);
    // Choosing stops the countdown already.
    expect(screen.queryByRole('timer', { name: 'Auto-dial countdown' })).not.toBeInTheDocument();
    await user.selectOptions(reason, 'Training');
    await user.click(screen.getByRole('button', { name: 'Pause auto mode' }));

    await within(autoBar()).findByText('Auto mode paused: you are on a break.');
    expect(requestsTo(api, 'PUT', '/api/agents/me/status').map((r) => r.body)).toEqual([
      { status: 'break', reason: 'training' },
    ]);
    expect(api.agentStatus).toMatchObject({ status: 'break', reason: 'training' });
    await screen.findByRole('button', { name: 'Status: On a break — Training' });
    const resume = screen.getByRole('button', { name: 'Resume auto mode' });
    expect(resume).toHaveFocus();

    act(() => clock.advance(60_000));
    expect(api.callSessions).toHaveLength(0);
    expect(rendered.voice.calls).toHaveLength(0);

    await user.click(resume);
    await waitFor(() => expect(countdown()).toHaveTextContent('Dialling Jane Smith in 10 s'));
    expect(requestsTo(api, 'PUT', '/api/agents/me/status').map((r) => r.body)).toEqual([
      { status: 'break', reason: 'training' },
      { status: 'available' },
    ]);
    expect(api.agentStatus?.status).toBe('available');
    await runCountdownOut(rendered);
  });

  it('Escape pauses the countdown (the reason is asked); Cancel starts it again', async () => {
    const api = createFakeApi();
    api.queueLeads(jane);
    const rendered = renderQueue(api);
    const { user } = rendered;
    await startAutoMode(rendered);
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });

    // Not while typing: the notes keep their Escape.
    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.keyboard('{Escape}');
    expect(countdown()).toBeInTheDocument();

    await user.click(screen.getByRole('region', { name: 'Customer' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('combobox', { name: 'Pause reason' })).toHaveFocus();
    act(() => clock.advance(30_000));
    expect(api.callSessions).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(countdown()).toHaveTextContent('Dialling Jane Smith in 10 s');
    expect(api.agentStatus?.status).toBe('available');
  });

  it('A starts and stops auto mode; stopping ends the countdown', async () => {
    const api = createFakeApi();
    api.queueLeads(jane);
    const rendered = renderQueue(api);
    const { user } = rendered;
    await waitFor(() => expect(startButton()).toBeEnabled());
    expect(startButton()).toHaveAttribute('aria-keyshortcuts', 'A');

    await user.keyboard('a');
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    expect(countdown()).toBeInTheDocument();

    await user.keyboard('a');
    expect(startButton()).toBeInTheDocument();
    expect(within(autoBar()).getByText('Auto off')).toBeInTheDocument();
    expect(screen.queryByRole('timer', { name: 'Auto-dial countdown' })).not.toBeInTheDocument();
    act(() => clock.advance(30_000));
    expect(api.callSessions).toHaveLength(0);
  });

  it('stops after the session’s limit of calls, with a notice', async () => {
    const api = createFakeApi();
    api.setAutoDial({ maxCallsPerSession: 1 });
    api.queueLeads(jane, john);
    const rendered = renderQueue(api);
    await startAutoMode(rendered);
    act(() => rendered.live.current.accept());
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    const session = await runCountdownOut(rendered);
    expect(within(autoBar()).getByText(/calls this session/)).toHaveTextContent('1 / 1');

    await callEnds(rendered, session.id);
    await saveOutcome(rendered);

    await within(autoBar()).findByText('Auto mode stopped after 1 call');
    expect(startButton()).toBeInTheDocument();
    expect(requestsTo(api, 'POST', '/api/queue/next')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'No customer loaded' })).toBeInTheDocument();
  });

  it('stops when there is nobody to call, and says why', async () => {
    const api = createFakeApi();
    const rendered = renderQueue(api);
    await startAutoMode(rendered);

    await within(autoBar()).findByText('Auto mode stopped: there is nobody to call now.');
    expect(screen.getByRole('heading', { name: 'The queue is empty' })).toBeInTheDocument();
    expect(startButton()).toBeInTheDocument();
  });

  it('pauses when the contact rules refuse the call, showing their reasons', async () => {
    const api = createFakeApi();
    api.refuseCalls({
      denials: [{ code: 'calls_per_day', message: '3 calls today already' }],
      nextAllowedAt: '2026-11-25T08:00:00Z',
    });
    api.queueLeads(jane);
    const rendered = renderQueue(api);
    await startAutoMode(rendered);
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });

    act(() => clock.advance(10_000));
    await within(autoBar()).findByText(/^Auto mode paused: this customer cannot be called now/);
    expect(screen.getByRole('alert')).toHaveTextContent('This customer cannot be called now.');
    expect(screen.getByRole('alert')).toHaveTextContent('3 calls today already');
    expect(requestsTo(api, 'POST', '/api/call-sessions')).toHaveLength(1);
    expect(rendered.voice.calls).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Resume auto mode' })).toBeInTheDocument();
    // A refusal is not a break: the status is left alone.
    expect(requestsTo(api, 'PUT', '/api/agents/me/status')).toHaveLength(0);
  });

  it('reminds the agent to take a break, and a break chosen in a call waits for the outcome', async () => {
    const api = createFakeApi();
    api.setAutoDial({ breakReminderMinutes: 15 });
    api.queueLeads(jane, john);
    const rendered = renderQueue(api);
    const { user } = rendered;
    await startAutoMode(rendered);
    act(() => rendered.live.current.accept());
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    const session = await runCountdownOut(rendered);

    act(() => clock.advance(15 * 60_000 - 10_000 - 1));
    expect(screen.queryByText(/time for a break/)).not.toBeInTheDocument();
    act(() => clock.advance(1));
    expect(
      screen.getByText('You have been working for 15 min — time for a break'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Take a break' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Pause reason' }), 'Lunch');
    await user.click(screen.getByRole('button', { name: 'Pause auto mode' }));
    expect(
      within(autoBar()).getByText('Auto mode pauses for Lunch once this outcome is saved.'),
    ).toBeInTheDocument();
    expect(requestsTo(api, 'PUT', '/api/agents/me/status')).toHaveLength(0);

    await callEnds(rendered, session.id);
    await saveOutcome(rendered);
    await within(autoBar()).findByText('Auto mode paused: you are on a break.');
    expect(api.agentStatus).toMatchObject({ status: 'break', reason: 'lunch' });
    expect(requestsTo(api, 'POST', '/api/queue/next')).toHaveLength(1);
    expect(screen.queryByText(/time for a break/)).not.toBeInTheDocument();
  });

  it('pauses when the agent takes a break from the status menu during the countdown', async () => {
    const api = createFakeApi();
    api.queueLeads(jane);
    const rendered = renderQueue(api);
    const { user } = rendered;
    await startAutoMode(rendered);
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });

    await user.click(screen.getByRole('button', { name: 'Status: Available' }));
    await user.click(screen.getByRole('menuitem', { name: 'Meeting' }));
    await within(autoBar()).findByText('Auto mode paused: you are not Available.');
    act(() => clock.advance(60_000));
    expect(api.callSessions).toHaveLength(0);
  });

  it('cannot be started while the agent is on a break, and says why', async () => {
    const api = createFakeApi();
    api.signIn(demoAgents.agent);
    api.setAgentStatus('break', 'lunch');
    renderApp({ path: '/queue', api });
    await screen.findByRole('button', { name: 'Status: On a break — Lunch' });
    expect(startButton()).toBeDisabled();
    expect(startButton()).toHaveAccessibleDescription('Set yourself Available to use auto mode');
  });

  it('is not offered to admins, who only see the counts', async () => {
    const api = createFakeApi();
    api.signIn(demoAgents.admin);
    renderApp({ path: '/queue', api });
    await screen.findByRole('heading', { level: 1, name: 'Queue' });
    expect(screen.queryByRole('region', { name: 'Auto mode' })).not.toBeInTheDocument();
    expect(requestsTo(api, 'GET', '/api/agents/me/day')).toHaveLength(0);
  });
});
