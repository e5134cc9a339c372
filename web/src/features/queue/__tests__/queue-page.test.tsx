import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { heartbeatIntervalMs } from '@/features/queue/hooks/use-lead-heartbeat';
import { buildLead, buildQueueCounts, demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

function renderQueue(api: FakeApi = createFakeApi(), role: Role = 'agent') {
  const session = api.signIn(demoAgents[role]);
  return { ...renderApp({ path: '/queue', api }), session };
}

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

async function takeNextCustomer(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Next customer' }));
  return screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the queue page with no customer', () => {
  it('shows the queue picker with counts and does not take a customer by itself', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    renderQueue(api);

    const picker = await screen.findByRole('combobox', { name: 'Queue' });
    await within(picker).findByRole('option', { name: 'Unsigned (310)' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Any queue', 'Unsigned (310)', 'Outstanding (212)', 'Callbacks (3)']);
    expect(screen.getByText('Callbacks due').nextElementSibling).toHaveTextContent('3');
    expect(screen.getByRole('heading', { name: 'No customer loaded' })).toBeInTheDocument();
    // A reload must not grab a customer: the agent presses Next customer.
    expect(requestsTo(api, 'POST', '/api/queue/next')).toHaveLength(0);
    expect(api.heldLead).toBeNull();
  });

  it('says the queue is empty', async () => {
    const { user } = renderQueue();

    await user.click(await screen.findByRole('button', { name: 'Next customer' }));

    expect(await screen.findByRole('heading', { name: 'The queue is empty' })).toBeInTheDocument();
    expect(screen.getByText('Nobody is waiting to be called.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('says when calling can start again outside the calling window, in UK time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-08T11:00:00Z')); // a Sunday
    const api = createFakeApi();
    api.whenQueueEmpty({
      reason: 'outside_calling_window',
      nextCallableAt: '2026-11-09T08:00:00Z',
    });
    const { user } = renderQueue(api);

    await user.click(await screen.findByRole('button', { name: 'Next customer' }));

    expect(
      await screen.findByRole('heading', { name: 'Nothing to call until 08:00 Mon' }),
    ).toBeInTheDocument();
  });

  it("shows the server's message when Next customer fails", async () => {
    const api = createFakeApi();
    api.on('POST', '/api/queue/next', () =>
      errorResponse(503, 'unavailable', 'The claims database cannot be read just now.'),
    );
    const { user } = renderQueue(api);

    await user.click(await screen.findByRole('button', { name: 'Next customer' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The claims database cannot be read just now.',
    );
    expect(screen.getByRole('button', { name: 'Next customer' })).toBeEnabled();
  });

  it('lets an admin see the counts but not take customers', async () => {
    renderQueue(createFakeApi(), 'admin');

    await screen.findByText('Callbacks due');
    expect(screen.queryByRole('button', { name: 'Next customer' })).not.toBeInTheDocument();
  });
});

describe('loading a customer', () => {
  it('asks for the chosen queue and shows the customer context', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const { user, session } = renderQueue(api);

    const picker = await screen.findByRole('combobox', { name: 'Queue' });
    await within(picker).findByRole('option', { name: 'Outstanding (212)' });
    await user.selectOptions(picker, 'Outstanding (212)');
    const heading = await takeNextCustomer(user);

    const [next] = requestsTo(api, 'POST', '/api/queue/next');
    expect(next?.body).toEqual({ queue: 'outstanding' });
    expect(next?.headers.get('X-CSRF-Token')).toBe(session.csrfToken);
    await waitFor(() => expect(heading).toHaveFocus());

    const customer = screen.getByRole('region', { name: 'Customer' });
    expect(within(customer).getByText(/Age 44/)).toBeInTheDocument();
    expect(within(customer).getAllByText('+44 •••• ••• 942')).toHaveLength(1);
    expect(within(customer).getByText(/\(mobile\)/)).toBeInTheDocument();
    expect(within(customer).getByText('Has not signed the claim documents.')).toBeInTheDocument();
    expect(within(customer).getByText('Score 22')).toBeInTheDocument();
    expect(within(customer).getByText(/lender 4/)).toBeInTheDocument();

    const claims = within(customer).getByRole('list', { name: 'Claims' });
    expect(claims).toHaveTextContent('Black Horse');
    expect(claims).toHaveTextContent('RC66 ENB · Hyundai Tucson · £421.45 a month');
    const requirements = within(claims).getByRole('list', {
      name: 'Requirements for the Black Horse claim',
    });
    expect(requirements).toHaveTextContent(
      'proof of address — Pending (outstanding) — Utility bill older than three months',
    );

    const addresses = within(
      within(customer).getByRole('list', { name: 'Addresses' }),
    ).getAllByRole('listitem');
    expect(addresses.map((a) => a.textContent)).toEqual([
      '22 Park Lane, Leeds (current)',
      '1 Old Road, York',
    ]);
    expect(within(customer).getByText(/1 call attempt · 1 contact/)).toBeInTheDocument();
    expect(within(customer).getByRole('list', { name: 'Outcomes' })).toHaveTextContent(
      'Thu 12 Nov, 10:02 No answer',
    );

    // The softphone slot shows who is on the line; Next customer waits until this one is done.
    const softphone = screen.getByRole('region', { name: 'Softphone' });
    expect(within(softphone).getByText('Jane Smith')).toBeInTheDocument();
    expect(within(softphone).getByText('+44 •••• ••• 942')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next customer' })).toBeDisabled();

    const outcome = screen.getByRole('radiogroup', { name: 'Outcome' });
    expect(within(outcome).getAllByRole('radio')).toHaveLength(11);
    expect(within(outcome).getByRole('radio', { name: 'Completed the form' })).toBeInTheDocument();
    expect(within(outcome).getByRole('radio', { name: 'Do not contact' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Notes' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Callback time')).not.toBeInTheDocument();
  });

  it('takes the next customer with the N key, but not while typing', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const { user } = renderQueue(api);
    const picker = await screen.findByRole('combobox', { name: 'Queue' });

    picker.focus();
    await user.keyboard('n');
    expect(requestsTo(api, 'POST', '/api/queue/next')).toHaveLength(0);

    await user.click(screen.getByRole('region', { name: 'Customer' }));
    await user.keyboard('n');
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Jane Smith' }),
    ).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'nnn');
    expect(requestsTo(api, 'POST', '/api/queue/next')).toHaveLength(1);
  });
});

describe('after the call', () => {
  it('saves the outcome, says so and puts the agent back on Next customer', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const { user } = renderQueue(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('radio', { name: 'No answer' }));
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), '  Rang out  ');
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));

    expect(await screen.findByText('Outcome saved')).toBeInTheDocument();
    const nextButton = screen.getByRole('button', { name: 'Next customer' });
    await waitFor(() => expect(nextButton).toHaveFocus());
    expect(nextButton).toBeEnabled();
    expect(screen.queryByRole('heading', { level: 3, name: 'Jane Smith' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: 'Outcome' })).not.toBeInTheDocument();
    const [saved] = requestsTo(api, 'POST', '/api/queue/leads/1940/outcome');
    expect(saved?.body).toEqual({ outcome: 'no_answer', notes: 'Rang out' });
    expect(api.heldLead).toBeNull();
  });

  it('sends a call back time as UTC and shows the 400 next to the field it names', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    api.on('POST', '/api/queue/leads/1940/outcome', () =>
      errorResponse(400, 'invalid_argument', 'callbackAt must be inside the calling window', {
        field: 'callbackAt',
      }),
    );
    const { user } = renderQueue(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('radio', { name: 'Call back' }));
    const callbackTime = screen.getByLabelText('Callback time');
    // UK summer time: 19:30 BST is 18:30 UTC.
    fireEvent.change(callbackTime, { target: { value: '2027-07-01T19:30' } });
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));

    const message = await screen.findByText('callbackAt must be inside the calling window');
    expect(callbackTime).toHaveAttribute('aria-invalid', 'true');
    expect(callbackTime).toHaveAccessibleDescription(
      'callbackAt must be inside the calling window',
    );
    expect(message.id).toBe(callbackTime.getAttribute('aria-describedby'));
    await waitFor(() => expect(callbackTime).toHaveFocus());
    const [sent] = requestsTo(api, 'POST', '/api/queue/leads/1940/outcome');
    expect(sent?.body).toEqual({ outcome: 'call_back', callbackAt: '2027-07-01T18:30:00Z' });
    // The customer is still held and on screen.
    expect(screen.getByRole('heading', { level: 3, name: 'Jane Smith' })).toBeInTheDocument();
    expect(screen.queryByText('Outcome saved')).not.toBeInTheDocument();
  });

  it('shows a 400 on notes under the notes', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    api.on('POST', '/api/queue/leads/1940/outcome', () =>
      errorResponse(400, 'invalid_argument', 'notes must not contain control characters', {
        field: 'notes',
      }),
    );
    const { user } = renderQueue(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('radio', { name: 'Hung up' }));
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'x');
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));

    const notes = screen.getByRole('textbox', { name: 'Notes' });
    await waitFor(() =>
      expect(notes).toHaveAccessibleDescription('notes must not contain control characters'),
    );
    expect(notes).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for an outcome before saving, and for notes with Do not contact', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const { user } = renderQueue(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    const group = screen.getByRole('radiogroup', { name: 'Outcome' });
    expect(group).toHaveAccessibleDescription('Choose how the call went.');

    await user.click(within(group).getByRole('radio', { name: 'Do not contact' }));
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveAccessibleDescription(
      'Notes are required for Do not contact: say why.',
    );
    expect(requestsTo(api, 'POST', '/api/queue/leads/1940/outcome')).toHaveLength(0);
  });

  it('treats a 409 on save as a lost hold', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    api.on('POST', '/api/queue/leads/1940/outcome', () =>
      errorResponse(409, 'failed_precondition', 'you do not hold this customer'),
    );
    const { user } = renderQueue(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('radio', { name: 'No answer' }));
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The hold on Jane Smith was lost: you do not hold this customer',
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next customer' })).toHaveFocus(),
    );
  });
});

describe('skip and release', () => {
  it.each([
    ['Skip (30 min)', 'skip', 'Customer skipped for 30 minutes'],
    ['Release', 'release', 'Customer released'],
  ])('%s gives the customer back', async (button, action, message) => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const { user } = renderQueue(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('button', { name: button }));

    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(requestsTo(api, 'POST', `/api/queue/leads/1940/${action}`)).toHaveLength(1);
    expect(screen.queryByRole('heading', { level: 3, name: 'Jane Smith' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next customer' })).toHaveFocus(),
    );
    expect(api.heldLead).toBeNull();
  });
});

describe('keeping the hold', () => {
  it('sends a heartbeat every 30 s while a customer is held and stops when the hold is lost', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const { user } = renderQueue(api);
    await takeNextCustomer(user);
    const heartbeats = () => requestsTo(api, 'POST', '/api/queue/leads/1940/heartbeat');

    await act(() => vi.advanceTimersByTimeAsync(heartbeatIntervalMs));
    await waitFor(() => expect(heartbeats()).toHaveLength(1));

    api.on('POST', '/api/queue/leads/1940/heartbeat', () =>
      errorResponse(
        409,
        'failed_precondition',
        'you do not hold this customer (the lease may have expired)',
      ),
    );
    await act(() => vi.advanceTimersByTimeAsync(heartbeatIntervalMs));

    expect(await screen.findByRole('alert')).toHaveTextContent('The hold on Jane Smith was lost');
    expect(screen.queryByRole('heading', { level: 3, name: 'Jane Smith' })).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(3 * heartbeatIntervalMs));
    expect(heartbeats()).toHaveLength(2);
  });
});

describe('Next customer and the agent status', () => {
  const hint = 'Set yourself Available to take customers';

  it.each([
    ['offline', null, 'Offline'],
    ['break', 'lunch', 'On a break — Lunch'],
  ] as const)('is off while %s, with a hint, until the agent is Available', async (...row) => {
    const [status, reason, words] = row;
    const api = createFakeApi();
    api.queueLeads(buildLead());
    api.signIn(demoAgents.agent);
    api.setAgentStatus(status, reason);
    const { user } = renderApp({ path: '/queue', api });

    await screen.findByText(hint);
    const nextButton = screen.getByRole('button', { name: 'Next customer' });
    expect(nextButton).toBeDisabled();
    expect(nextButton).toHaveAccessibleDescription(`N ${hint}`);
    await user.click(screen.getByRole('region', { name: 'Customer' }));
    await user.keyboard('n');
    expect(requestsTo(api, 'POST', '/api/queue/next')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: `Status: ${words}` }));
    await user.click(screen.getByRole('menuitem', { name: /^Available/ }));

    await waitFor(() => expect(nextButton).toBeEnabled());
    expect(screen.queryByText(hint)).not.toBeInTheDocument();
    await takeNextCustomer(user);
  });

  it.each([
    ['cannot be read', () => errorResponse(503, 'unavailable', 'The database is unavailable.')],
    ['has not loaded yet', () => new Promise<Response>(() => {})],
  ])('stays usable when the status %s', async (_, answer) => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    api.on('GET', '/api/agents/me/status', answer);
    const { user } = renderQueue(api);

    await screen.findByText('Callbacks due');
    expect(screen.queryByText(hint)).not.toBeInTheDocument();
    await takeNextCustomer(user);
  });
});

describe('live queue counts', () => {
  function withUnsigned(callableNow: number) {
    return buildQueueCounts().map((row) =>
      row.queue === 'unsigned' ? { ...row, callableNow } : row,
    );
  }

  it('rereads the counts when customers change hands, at most once a second', async () => {
    const api = createFakeApi();
    const rendered = renderQueue(api);
    const picker = await screen.findByRole('combobox', { name: 'Queue' });
    await within(picker).findByRole('option', { name: 'Unsigned (310)' });
    act(() => rendered.live.current.accept());
    const reads = () => requestsTo(api, 'GET', '/api/queue').length;
    const before = reads();

    api.setQueueCounts(withUnsigned(309));
    act(() => rendered.live.leadChanged('1940', 'taken'));
    await within(picker).findByRole('option', { name: 'Unsigned (309)' });
    expect(reads()).toBe(before + 1);

    // A burst inside the second: folded into one read at its end.
    api.setQueueCounts(withUnsigned(305));
    act(() => {
      for (const userId of ['1941', '1942', '1943', '1944']) {
        rendered.live.leadChanged(userId, 'taken');
      }
    });
    expect(reads()).toBe(before + 1);
    await within(picker).findByRole('option', { name: 'Unsigned (305)' }, { timeout: 2_000 });
    expect(reads()).toBe(before + 2);

    // Other events are not about the queues.
    act(() => rendered.live.callChanged('5001', 'ringing'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 1_100)));
    expect(reads()).toBe(before + 2);
  });

  it('rereads the counts after the live socket reconnects', async () => {
    const api = createFakeApi();
    const rendered = renderQueue(api);
    const picker = await screen.findByRole('combobox', { name: 'Queue' });
    await within(picker).findByRole('option', { name: 'Unsigned (310)' });
    act(() => rendered.live.current.accept());

    act(() => rendered.live.current.drop());
    api.setQueueCounts(withUnsigned(42));
    await waitFor(() => expect(rendered.live.sockets.filter((s) => !s.closed)).toHaveLength(1), {
      timeout: 2_500,
    });
    act(() => rendered.live.current.accept());

    await within(picker).findByRole('option', { name: 'Unsigned (42)' });
  });
});
