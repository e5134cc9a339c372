import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { heartbeatIntervalMs } from '@/features/queue/hooks/use-lead-heartbeat';
import { buildLead, buildQueueCounts, demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse, type FakeApi } from '@/testing/fake-api';
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

/** Stops the clock at `at`, as the calling-hours tests need a known "now". */
function freezeClock(at: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
}

/** Chooses Call back and waits for the day and time pickers. */
async function chooseCallBack(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('radio', { name: 'Call back' }));
  const day = await screen.findByRole('combobox', { name: 'Callback day' });
  return { day, time: screen.getByRole('combobox', { name: 'Callback time' }) };
}

function optionLabels(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole('option')
    .map((option) => option.textContent ?? '');
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
    freezeClock('2027-07-01T08:00:00Z'); // a Thursday, 09:00 in the UK
    const api = createFakeApi();
    api.queueLeads(buildLead());
    api.on('POST', '/api/queue/leads/1940/outcome', () =>
      errorResponse(400, 'invalid_argument', 'callbackAt must be inside the calling window', {
        field: 'callbackAt',
      }),
    );
    const { user } = renderQueue(api);
    await takeNextCustomer(user);

    const { day, time: callbackTime } = await chooseCallBack(user);
    expect(day).toHaveDisplayValue('Thu 1 Jul');
    // UK summer time: 19:30 BST is 18:30 UTC.
    await user.selectOptions(callbackTime, '19:30');
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

describe('booking a call back', () => {
  function renderWithCustomer(api: FakeApi = createFakeApi()) {
    api.queueLeads(buildLead());
    return renderQueue(api);
  }

  const calls = (api: FakeApi) => requestsTo(api, 'GET', '/api/calling-hours?days=14');

  it('reads the calling hours only once Call back is chosen', async () => {
    const api = createFakeApi();
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('radio', { name: 'No answer' }));
    expect(calls(api)).toHaveLength(0);

    await chooseCallBack(user);
    expect(calls(api)).toHaveLength(1);
  });

  it('offers every quarter hour inside the hours and only open days, in winter', async () => {
    freezeClock('2026-11-30T06:00:00Z'); // Monday, before the window opens
    const api = createFakeApi();
    // Wednesday 2 Dec is closed (a one-off closure).
    api.setCallingHours([
      { opensAt: '2026-11-30T08:00:00Z', closesAt: '2026-11-30T20:00:00Z' },
      { opensAt: '2026-12-01T08:00:00Z', closesAt: '2026-12-01T20:00:00Z' },
      { opensAt: '2026-12-03T08:00:00Z', closesAt: '2026-12-03T20:00:00Z' },
    ]);
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    const { day, time } = await chooseCallBack(user);

    expect(optionLabels(day)).toEqual(['Mon 30 Nov', 'Tue 1 Dec', 'Thu 3 Dec']);
    expect(day).toHaveDisplayValue('Mon 30 Nov');
    const times = optionLabels(time);
    expect(times[0]).toBe('Choose a time');
    expect(time).toHaveDisplayValue('Choose a time');
    expect(times.slice(1, 4)).toEqual(['08:00', '08:15', '08:30']);
    expect(times.at(-1)).toBe('19:45');
    expect(times).toHaveLength(1 + 12 * 4);
    expect(time).toHaveAccessibleDescription('UK time, within calling hours.');
  });

  it('shows UK wall times in summer and leaves Sundays out', async () => {
    freezeClock('2027-07-01T05:00:00Z'); // Thursday, 06:00 in the UK
    const api = createFakeApi(); // the default hours: Monday to Saturday 08:00-20:00 UK time
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    const { day, time } = await chooseCallBack(user);

    expect(optionLabels(day).slice(0, 4)).toEqual([
      'Thu 1 Jul',
      'Fri 2 Jul',
      'Sat 3 Jul',
      'Mon 5 Jul',
    ]);
    const times = optionLabels(time);
    expect(times[1]).toBe('08:00');
    expect(times.at(-1)).toBe('19:45');
    // 08:00 BST is 07:00 UTC.
    expect(within(time).getByRole('option', { name: '08:00' })).toHaveValue(
      '2027-07-01T07:00:00Z',
    );
  });

  it('offers only times more than five minutes ahead today', async () => {
    freezeClock('2026-12-01T10:10:00Z'); // Tuesday
    const api = createFakeApi();
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    const { day, time } = await chooseCallBack(user);
    expect(day).toHaveDisplayValue('Tue 1 Dec');
    // 10:15 is exactly five minutes away: too close.
    expect(optionLabels(time).slice(1, 3)).toEqual(['10:30', '10:45']);
  });

  it("cuts today's times against the server's clock, not the agent's PC", async () => {
    freezeClock('2026-12-01T10:10:00Z'); // the PC says 10:10; the server says 15:00
    const api = createFakeApi();
    api.on('GET', '/api/calling-hours', () =>
      jsonResponse(200, {
        timeZone: 'Europe/London',
        now: '2026-12-01T15:00:00Z',
        hours: [{ opensAt: '2026-12-01T15:00:00Z', closesAt: '2026-12-01T20:00:00Z' }],
      }),
    );
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    const { time } = await chooseCallBack(user);
    expect(optionLabels(time).slice(1, 3)).toEqual(['15:15', '15:30']);
  });

  it('leaves today out once no time is left on it', async () => {
    freezeClock('2026-12-01T19:50:00Z'); // Tuesday: the window is open until 20:00
    const api = createFakeApi();
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    const { day, time } = await chooseCallBack(user);

    expect(optionLabels(day)[0]).toBe('Wed 2 Dec');
    expect(optionLabels(time)[1]).toBe('08:00');
  });

  it('sends the chosen slot, keeping the time of day when the day changes', async () => {
    freezeClock('2026-12-01T09:00:00Z'); // Tuesday
    const api = createFakeApi();
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    const { day, time } = await chooseCallBack(user);
    await user.selectOptions(time, '14:00');
    await user.selectOptions(day, 'Wed 2 Dec');
    expect(time).toHaveDisplayValue('14:00');
    await user.selectOptions(time, '14:15');
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));

    expect(await screen.findByText('Outcome saved')).toBeInTheDocument();
    const [sent] = requestsTo(api, 'POST', '/api/queue/leads/1940/outcome');
    expect(sent?.body).toEqual({ outcome: 'call_back', callbackAt: '2026-12-02T14:15:00Z' });
  });

  it('asks for a time before saving and moves to it', async () => {
    freezeClock('2026-12-01T09:00:00Z');
    const api = createFakeApi();
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    const { time } = await chooseCallBack(user);
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));

    await waitFor(() => expect(time).toHaveFocus());
    expect(time).toHaveAccessibleDescription('Choose the date and time to call back.');
    expect(time).toHaveAttribute('aria-invalid', 'true');
    expect(requestsTo(api, 'POST', '/api/queue/leads/1940/outcome')).toHaveLength(0);

    await user.selectOptions(time, '11:00');
    expect(time).toHaveAccessibleDescription('UK time, within calling hours.');
    expect(time).not.toHaveAttribute('aria-invalid');
  });

  it('says the hours are loading, and does not save a call back meanwhile', async () => {
    freezeClock('2026-12-01T09:00:00Z');
    const api = createFakeApi();
    let answer: (response: Response) => void = () => {};
    api.on(
      'GET',
      '/api/calling-hours',
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('radio', { name: 'Call back' }));
    expect(await screen.findByText('Loading calling hours…')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Callback time' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(await screen.findByText('The calling hours are still loading.')).toBeInTheDocument();
    expect(requestsTo(api, 'POST', '/api/queue/leads/1940/outcome')).toHaveLength(0);

    act(() =>
      answer(
        jsonResponse(200, {
          timeZone: 'Europe/London',
          now: '2026-12-01T09:00:00Z',
          hours: [{ opensAt: '2026-12-01T09:00:00Z', closesAt: '2026-12-01T20:00:00Z' }],
        }),
      ),
    );
    expect(await screen.findByRole('combobox', { name: 'Callback time' })).toBeInTheDocument();
    expect(screen.queryByText('The calling hours are still loading.')).not.toBeInTheDocument();
    expect(screen.queryByText('Loading calling hours…')).not.toBeInTheDocument();
  });

  it('shows why the hours could not be read and tries again on request', async () => {
    freezeClock('2026-12-01T09:00:00Z');
    const api = createFakeApi();
    let failing = true;
    api.on('GET', '/api/calling-hours', () =>
      failing
        ? errorResponse(503, 'unavailable', 'The settings cannot be read just now.')
        : jsonResponse(200, {
            timeZone: 'Europe/London',
            now: '2026-12-01T09:00:00Z',
            hours: [{ opensAt: '2026-12-01T09:00:00Z', closesAt: '2026-12-01T20:00:00Z' }],
          }),
    );
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('radio', { name: 'Call back' }));
    expect(
      await screen.findByText(
        'The calling hours could not be loaded. The settings cannot be read just now.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(
      await screen.findByText(
        'The calling hours could not be loaded. Try again, or choose another outcome.',
      ),
    ).toBeInTheDocument();
    expect(requestsTo(api, 'POST', '/api/queue/leads/1940/outcome')).toHaveLength(0);

    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    const day = await screen.findByRole('combobox', { name: 'Callback day' });
    expect(day).toHaveDisplayValue('Tue 1 Dec');
    await waitFor(() => expect(day).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('says when there are no calling hours, and does not save a call back', async () => {
    const api = createFakeApi();
    api.setCallingHours([]);
    const { user } = renderWithCustomer(api);
    await takeNextCustomer(user);

    await user.click(screen.getByRole('radio', { name: 'Call back' }));
    expect(await screen.findByText('No calling hours in the next 14 days.')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Callback day' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No calling hours in the next 14 days. Choose another outcome.',
    );
    expect(requestsTo(api, 'POST', '/api/queue/leads/1940/outcome')).toHaveLength(0);
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
