import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { buildLead, demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import type { CustomerRecord } from '../api/schemas';
import { buildCustomerRecord, buildEligibility } from './builders';

const agents = {
  agents: [
    { id: '1', displayName: 'Demo Agent', role: 'agent', active: true },
    { id: '3', displayName: 'Alice Agent', role: 'agent', active: true },
  ],
};

function renderCustomer(
  api: FakeApi,
  record: CustomerRecord | null,
  { role = 'agent', path = '/customers/42' } = {} as { role?: Role; path?: string },
) {
  api.signIn(demoAgents[role]);
  api.on('GET', '/api/agents', () => jsonResponse(200, agents));
  if (record) api.on('GET', '/api/customers/42', () => jsonResponse(200, record));
  return renderApp({ path, api });
}

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

const heading = () => screen.findByRole('heading', { level: 1, name: 'Jane Smith' });
const panel = (name: string) => screen.getByRole('region', { name });

/** One entry of every kind the page knows, newest first, and one it does not. */
function everyKind(): unknown[] {
  return [
    {
      kind: 'follow_up',
      at: '2026-11-24T10:40:00Z',
      followUp: { kind: 'reminder', status: 'scheduled', dueAt: '2026-11-25T09:00:00Z' },
    },
    // As the server sends it: what moved them, and no queue to go to.
    {
      kind: 'conversion',
      at: '2026-11-24T10:38:00Z',
      conversion: { kind: 'signed', fromQueue: 'unsigned' },
    },
    {
      kind: 'conversion',
      at: '2026-11-24T10:35:00Z',
      conversion: { fromQueue: 'unsigned', toQueue: 'outstanding' },
    },
    { kind: 'hologram', at: '2026-11-24T10:33:00Z', hologram: { anything: true } },
    {
      kind: 'suppression',
      at: '2026-11-24T10:30:00Z',
      suppression: {
        id: '8',
        channel: 'sms',
        reason: 'Asked not to be texted',
        source: 'agent',
        createdAt: '2026-11-24T10:30:00Z',
        removedAt: null,
      },
    },
    {
      kind: 'callback',
      at: '2026-11-24T10:20:00Z',
      callback: {
        id: '6',
        agentId: '3',
        scheduledFor: '2026-11-26T14:00:00Z',
        status: 'pending',
        notes: 'After work',
        closedReason: null,
      },
    },
    {
      kind: 'link',
      at: '2026-11-24T10:10:00Z',
      link: {
        id: '9001',
        type: 'documentUpload',
        status: 'active',
        createdBy: '3',
        sentAt: '2026-11-24T10:10:00Z',
        expiresAt: '2026-11-26T10:10:00Z',
        clickCount: 2,
        firstOpenedAt: '2026-11-24T10:12:00Z',
        lastOpenedAt: '2026-11-24T10:15:00Z',
      },
    },
    {
      kind: 'sms',
      at: '2026-11-24T10:08:00Z',
      sms: {
        id: 'in-3',
        direction: 'inbound',
        body: 'Call me later please',
        at: '2026-11-24T10:08:00Z',
        status: null,
        agentId: null,
      },
    },
    {
      kind: 'sms',
      at: '2026-11-24T10:06:00Z',
      sms: {
        id: 'out-7',
        direction: 'outbound',
        body: 'Hi Jane, we tried to call you.',
        at: '2026-11-24T10:06:00Z',
        status: 'delivered',
        agentId: '9',
      },
    },
    {
      kind: 'outcome',
      at: '2026-11-24T10:05:00Z',
      outcome: {
        id: '77',
        userId: '42',
        agentId: '3',
        outcome: 'no_answer',
        notes: 'Rang out',
        at: '2026-11-24T10:05:00Z',
      },
    },
    {
      kind: 'call',
      at: '2026-11-24T10:02:00Z',
      call: {
        id: '5001',
        direction: 'outbound',
        userId: '42',
        agentId: '3',
        status: 'completed',
        createdAt: '2026-11-24T10:02:00Z',
        answeredAt: '2026-11-24T10:02:10Z',
        endedAt: '2026-11-24T10:05:22Z',
        ringSeconds: 10,
        talkSeconds: 192,
        recording: { seconds: 192, url: '/api/call-sessions/5001/recording' },
        outcomeId: '77',
      },
    },
  ];
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the customer page', () => {
  it('shows who the customer is, where they stand and why now', async () => {
    const api = createFakeApi();
    renderCustomer(api, buildCustomerRecord());

    expect(await heading()).toBeInTheDocument();
    expect(screen.getByText('Ready to call')).toBeInTheDocument();
    const customer = panel('Customer');
    expect(within(customer).getByText('+44 •••• ••• 942')).toHaveAttribute('aria-hidden', 'true');
    expect(customer).toHaveTextContent('+44 number ending 942 (mobile)');
    expect(customer).toHaveTextContent('jane.smith@example.com');
    expect(within(customer).getByRole('list', { name: 'Claims' })).toHaveTextContent(
      'Black Horse · vehicle · approved',
    );
    expect(
      within(customer).getByRole('list', { name: 'Requirements for the Black Horse claim' }),
    ).toHaveTextContent('proof of address — Pending (outstanding)');
    expect(within(customer).getByRole('list', { name: 'Addresses' }).firstChild).toHaveTextContent(
      '22 Park Lane, Leeds (current)',
    );
    const why = panel('Why now');
    expect(why).toHaveTextContent('Unsigned');
    expect(within(why).getByRole('list', { name: 'Reasons' })).toHaveTextContent(
      'Has not signed the claim documents.',
    );
    expect(why).toHaveTextContent('Can be called now');
    expect(why).toHaveTextContent('Score 22');
    expect(within(panel('Timeline')).getByText(/Nothing has happened/)).toBeInTheDocument();
    expect(requestsTo(api, 'GET', '/api/customers/42')).not.toHaveLength(0);
  });

  it('lists every kind of entry newest first, in UK time, and drops unknown kinds', async () => {
    const api = createFakeApi();
    const record = { ...buildCustomerRecord(), timeline: everyKind() } as CustomerRecord;
    renderCustomer(api, record);

    const timeline = await screen.findByRole('list', { name: 'Customer timeline' });
    await within(timeline).findAllByText(/Alice Agent/);
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Follow-up textTue 24 Nov, 10:40Reminder · Scheduled · due Wed 25 Nov, 09:00',
      'Moved queueTue 24 Nov, 10:38Signed the claim documents · left the Unsigned queue',
      'Moved queueTue 24 Nov, 10:35Moved from Unsigned to Outstanding',
      'SuppressionTue 24 Nov, 10:30No texts · Asked not to be texted · from agent',
      'CallbackTue 24 Nov, 10:20For Thu 26 Nov, 14:00 · Booked · Alice AgentAfter work',
      'Magic linkTue 24 Nov, 10:10' +
        'Upload documents · Opened 2 times, last Tue 24 Nov, 10:15 · Sent by Alice Agent',
      'Text receivedTue 24 Nov, 10:08“Call me later please”',
      // Agent 9 is not in the agent list: named by number.
      'Text sentTue 24 Nov, 10:06“Hi Jane, we tried to call you.”Delivered · Agent 9',
      'OutcomeTue 24 Nov, 10:05No answer · Alice AgentRang out',
      'CallTue 24 Nov, 10:02Completed · talk 3:12 · Alice Agent',
    ]);
    const recording = within(timeline).getByLabelText('Recording of the call on Tue 24 Nov, 10:02');
    expect(recording.tagName).toBe('AUDIO');
    expect(recording).toHaveAttribute('controls');
    expect(recording).toHaveAttribute('src', '/api/call-sessions/5001/recording');
    expect(within(timeline).getByText('Tue 24 Nov, 10:02').tagName).toBe('TIME');
  });

  it('names agents by number when the agent list cannot be read', async () => {
    const api = createFakeApi();
    const record = { ...buildCustomerRecord(), timeline: everyKind().slice(-2) } as CustomerRecord;
    renderCustomer(api, record);
    api.on('GET', '/api/agents', () => errorResponse(403, 'permission_denied', 'Not for you.'));

    const timeline = await screen.findByRole('list', { name: 'Customer timeline' });
    expect(timeline).toHaveTextContent('No answer · Agent 3');
    expect(timeline).toHaveTextContent('Completed · talk 3:12 · Agent 3');
  });

  it("tells the customer's own calls to us from ours", async () => {
    const api = createFakeApi();
    const outbound = everyKind().find((e) => (e as { kind: string }).kind === 'call') as {
      kind: 'call';
      call: Record<string, unknown>;
    };
    const inbound = { ...outbound, call: { ...outbound.call, id: '5002', direction: 'inbound' } };
    const record = { ...buildCustomerRecord(), timeline: [inbound, outbound] } as CustomerRecord;
    renderCustomer(api, record);

    const timeline = await screen.findByRole('list', { name: 'Customer timeline' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Call from the customer');
    expect(items[1]).toHaveTextContent(/^Call/);
    expect(items[1]).not.toHaveTextContent('Call from the customer');
  });

  it('says why they cannot be called now and when they next can; no Call now', async () => {
    const api = createFakeApi();
    renderCustomer(
      api,
      buildCustomerRecord({
        status: 'waiting',
        eligibility: buildEligibility({
          gate: {
            allowed: false,
            denials: [
              { code: 'daily_cap', message: '2 calls today already' },
              { code: 'outside_calling_window', message: null },
            ],
            retryAt: '2026-11-25T08:00:00Z',
          },
          stored: { attempts: 2, nextCallAt: '2026-11-25T08:00:00Z' },
        }),
      }),
    );

    await heading();
    expect(screen.getByText('Waiting until Wed 25 Nov, 08:00')).toBeInTheDocument();
    const why = panel('Why now');
    expect(within(why).getByRole('list', { name: 'Why not' }).textContent).toBe(
      '2 calls today alreadyOutside calling window',
    );
    expect(why).toHaveTextContent('Next allowed Wed 25 Nov, 08:00');
    expect(why).not.toHaveTextContent('Can be called now');
    expect(within(why).queryByRole('button', { name: 'Call now' })).not.toBeInTheDocument();
  });

  it('says when the customer is under a legal hold, and why', async () => {
    const api = createFakeApi();
    renderCustomer(
      api,
      buildCustomerRecord({
        legalHold: {
          id: '7',
          reason: 'Complaint to the ombudsman',
          placedAt: '2026-06-30T23:30:00Z', // 1 July in the UK (BST)
        },
      }),
    );

    await heading();
    expect(
      screen.getByText('Under legal hold since 1 July 2026').parentElement,
    ).toHaveTextContent('Under legal hold since 1 July 2026: Complaint to the ombudsman');
  });

  it('says nothing of legal holds when there is none', async () => {
    const api = createFakeApi();
    renderCustomer(api, buildCustomerRecord());

    await heading();
    expect(screen.queryByText(/legal hold/)).not.toBeInTheDocument();
  });

  it('offers no Call now while another agent holds the customer', async () => {
    const api = createFakeApi();
    renderCustomer(
      api,
      buildCustomerRecord({
        status: 'held',
        heldBy: '3',
        eligibility: buildEligibility({
          lease: { agentId: '3', expiresAt: '2026-11-24T11:02:00Z' },
        }),
      }),
    );

    await heading();
    expect(await screen.findByText(/with Alice Agent/)).toBeInTheDocument();
    expect(screen.getByText('With an agent now')).toBeInTheDocument();
    expect(panel('Why now')).toHaveTextContent('Held by Alice Agent until Tue 24 Nov, 11:02');
    expect(screen.queryByRole('button', { name: 'Call now' })).not.toBeInTheDocument();
  });

  it('offers no Call now for a customer the dialler does not call, whatever the contact rules say', async () => {
    for (const status of ['not_in_queue', 'closed', 'given_up', 'not_discovered'] as const) {
      const api = createFakeApi();
      const { unmount } = renderCustomer(api, buildCustomerRecord({ status }));

      await heading();
      expect(panel('Why now')).toHaveTextContent('Not called by the dialler');
      expect(panel('Why now')).not.toHaveTextContent('Can be called now');
      expect(screen.queryByRole('button', { name: 'Call now' })).not.toBeInTheDocument();
      unmount();
    }
  });

  it('offers no Call now to an admin', async () => {
    const api = createFakeApi();
    renderCustomer(api, buildCustomerRecord(), { role: 'admin' });

    await heading();
    expect(panel('Why now')).toHaveTextContent('Can be called now');
    expect(screen.queryByRole('button', { name: 'Call now' })).not.toBeInTheDocument();
  });

  it('takes the customer with Call now and opens the queue page with them loaded', async () => {
    const api = createFakeApi();
    const lead = buildLead({ userId: '42' });
    api.on('POST', '/api/queue/leads/42/take', () => jsonResponse(200, { lead }));
    const { user, router } = renderCustomer(api, buildCustomerRecord(), { role: 'supervisor' });

    await heading();
    await user.click(within(panel('Why now')).getByRole('button', { name: 'Call now' }));

    const loaded = await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
    expect(currentUrl(router)).toBe('/queue');
    await waitFor(() => expect(loaded).toHaveFocus());
    // The hand-over is forgotten at once, so a reload does not load the customer again.
    expect(router.state.location.state).toBeNull();
    const [take] = requestsTo(api, 'POST', '/api/queue/leads/42/take');
    expect(take?.body).toBeUndefined();
    expect(take?.headers.get('X-CSRF-Token')).toBe(api.session?.csrfToken);
    expect(requestsTo(api, 'POST', '/api/queue/next')).toHaveLength(0);
  });

  it("shows the server's message and each of the contact rules' reasons on a 409", async () => {
    const api = createFakeApi();
    api.on('POST', '/api/queue/leads/42/take', () =>
      jsonResponse(409, {
        error: {
          code: 'failed_precondition',
          message: 'This customer cannot be called now.',
          requestId: 'r1',
        },
        denials: [
          { code: 'daily_cap', message: '2 calls today already' },
          { code: 'sms_window', message: 'Outside the calling window' },
        ],
        nextAllowedAt: '2026-11-25T08:00:00Z',
      }),
    );
    const { user, router } = renderCustomer(api, buildCustomerRecord());

    await heading();
    const reads = requestsTo(api, 'GET', '/api/customers/42').length;
    const callNow = within(panel('Why now')).getByRole('button', { name: 'Call now' });
    await user.click(callNow);

    const alert = await within(panel('Why now')).findByRole('alert');
    expect(alert).toHaveTextContent('This customer cannot be called now.');
    expect(within(alert).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '2 calls today already',
      'Outside the calling window',
    ]);
    expect(alert).toHaveTextContent('Next allowed: Wed 25 Nov, 08:00');
    expect(currentUrl(router)).toBe('/customers/42');
    expect(callNow).toHaveFocus();
    // The page is read again: what it said about calling is out of date.
    await waitFor(() =>
      expect(requestsTo(api, 'GET', '/api/customers/42').length).toBeGreaterThan(reads),
    );
  });

  it("shows the server's message on a 409 without reasons", async () => {
    const api = createFakeApi();
    api.on('POST', '/api/queue/leads/42/take', () =>
      errorResponse(409, 'failed_precondition', 'Another agent holds this customer.'),
    );
    const { user } = renderCustomer(api, buildCustomerRecord());

    await heading();
    await user.click(within(panel('Why now')).getByRole('button', { name: 'Call now' }));

    expect(await within(panel('Why now')).findByRole('alert')).toHaveTextContent(
      'Another agent holds this customer.',
    );
  });

  it('says when there is no such customer', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/customers/4242', () =>
      errorResponse(404, 'not_found', 'no customer 4242'),
    );
    renderCustomer(api, null, { path: '/customers/4242' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'No customer with number 4242' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to search' })).toHaveAttribute(
      'href',
      '/customers',
    );
  });

  it('shows that it is loading', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/customers/42', () => new Promise<Response>(() => {}));
    renderCustomer(api, null);

    expect(await screen.findByText('Loading the customer…')).toBeInTheDocument();
  });

  it('shows a failure, and reads the customer again on Try again', async () => {
    const api = createFakeApi();
    let answer = () => errorResponse(503, 'unavailable', 'The replica is unavailable.');
    api.on('GET', '/api/customers/42', () => answer());
    const { user } = renderCustomer(api, null);

    expect(await screen.findByText(/The replica is unavailable/)).toBeInTheDocument();
    answer = () => jsonResponse(200, buildCustomerRecord());
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await heading()).toBeInTheDocument();
  });

  it('is guarded by the Customers roles', async () => {
    const api = createFakeApi();
    renderCustomer(api, buildCustomerRecord(), { role: 'admin' });

    expect(await heading()).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Not allowed' })).not.toBeInTheDocument();
  });
});
