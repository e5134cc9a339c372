import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { buildLead, demoAgents } from '@/testing/data';
import { createFakeApi, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

function renderSignedIn(api: FakeApi, role: Role = 'agent', path = '/queue') {
  api.signIn(demoAgents[role]);
  return renderApp({ path, api });
}

const dayReads = (api: FakeApi) =>
  api.requests.filter((r) => r.method === 'GET' && r.path === '/api/agents/me/day').length;

const counters = () =>
  within(screen.getByRole('banner')).getByRole('group', { name: 'Today so far' });

/** Waits until the queue page and the counters have loaded; returns how often they were read. */
async function settled(api: FakeApi, text = 'Calls 0'): Promise<number> {
  await screen.findByRole('combobox', { name: 'Queue' });
  await waitFor(() => expect(counters()).toHaveTextContent(text));
  return dayReads(api);
}

describe('the day counters in the top bar', () => {
  it("shows the agent's calls, contacts, talk time and links in fixed-width digits", async () => {
    const api = createFakeApi();
    api.setDay({ calls: 23, contacts: 9, talkSeconds: 41 * 60 + 5, linksSent: 4 });
    renderSignedIn(api);

    await settled(api, 'Calls 23 · Contacts 9 · Talk 41:05 · Links 4');
    for (const figure of counters().querySelectorAll('.font-mono')) {
      expect(figure).toHaveClass('tabular-nums');
    }
  });

  it('keeps each figure in place with a dash while they load', async () => {
    const api = createFakeApi();
    // An answer that never comes.
    api.on('GET', '/api/agents/me/day', () => new Promise<Response>(() => {}));
    renderSignedIn(api);

    const group = await waitFor(() => counters());
    expect(group).toHaveTextContent('Calls – · Contacts – · Talk – · Links –');
    expect(group).toHaveAttribute('aria-busy', 'true');
  });

  it('rereads them when one of the agent’s calls ends, not while it rings', async () => {
    const api = createFakeApi();
    const { live } = renderSignedIn(api);
    const reads = await settled(api);
    act(() => live.current.accept());

    api.setDay({ calls: 1, contacts: 1, talkSeconds: 75 });
    act(() => live.callChanged('5001', 'ringing'));
    act(() => live.callChanged('5001', 'in-progress'));
    expect(dayReads(api)).toBe(reads);

    act(() => live.callChanged('5001', 'completed'));
    await waitFor(() =>
      expect(counters()).toHaveTextContent('Calls 1 · Contacts 1 · Talk 1:15 · Links 0'),
    );
    expect(dayReads(api)).toBe(reads + 1);
  });

  it("ignores the end of another agent's call (supervisors are told of everyone's)", async () => {
    const api = createFakeApi();
    const { live } = renderSignedIn(api, 'supervisor');
    const reads = await settled(api);
    act(() => live.current.accept());

    api.setDay({ calls: 4 });
    act(() => live.callChanged('6001', 'completed', '99'));
    expect(dayReads(api)).toBe(reads);
    act(() => live.callChanged('6002', 'busy', demoAgents.supervisor.id));
    await waitFor(() => expect(counters()).toHaveTextContent('Calls 4'));
    expect(dayReads(api)).toBe(reads + 1);
  });

  it('rereads them when the agent sends a link', async () => {
    const api = createFakeApi();
    const { live } = renderSignedIn(api);
    const reads = await settled(api);
    act(() => live.current.accept());

    api.setDay({ linksSent: 1 });
    act(() => live.magicLinkChanged('81', 'opened'));
    expect(dayReads(api)).toBe(reads);
    act(() => live.magicLinkChanged('81', 'sent'));
    await waitFor(() => expect(counters()).toHaveTextContent('Links 1'));
    expect(dayReads(api)).toBe(reads + 1);
  });

  it('rereads them after an outcome is saved', async () => {
    const api = createFakeApi();
    api.queueLeads(buildLead());
    const { user } = renderSignedIn(api);
    await settled(api);
    await user.click(await screen.findByRole('button', { name: 'Next customer' }));
    await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });

    api.setDay({ calls: 5 });
    await user.click(screen.getByRole('radio', { name: 'No answer' }));
    await user.click(screen.getByRole('button', { name: 'Save outcome' }));
    await waitFor(() => expect(counters()).toHaveTextContent('Calls 5'));
  });

  it('rereads them after the live socket reconnects', async () => {
    const api = createFakeApi();
    const { live } = renderSignedIn(api);
    await settled(api);
    act(() => live.current.accept());

    act(() => live.current.drop());
    api.setDay({ calls: 7 });
    await waitFor(() => expect(live.sockets.filter((s) => !s.closed)).toHaveLength(1), {
      timeout: 2_500,
    });
    act(() => live.current.accept());
    await waitFor(() => expect(counters()).toHaveTextContent('Calls 7'));
  });

  it('are not shown to admins, who take no calls', async () => {
    const api = createFakeApi();
    renderSignedIn(api, 'admin', '/admin');
    await within(await screen.findByRole('banner')).findByRole('button', {
      name: 'Keyboard shortcuts',
    });
    expect(screen.queryByRole('group', { name: 'Today so far' })).not.toBeInTheDocument();
    expect(dayReads(api)).toBe(0);
  });
});
