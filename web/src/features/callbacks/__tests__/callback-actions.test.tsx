import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import { buildCallback, installCallbacks } from './fake-callbacks';

// Wednesday 2 December 2026, 14:00 in the UK (GMT): the calling hours run 08:00-20:00 Mon-Sat.
const now = '2026-12-02T14:00:00Z';

function setUp({ role = 'agent', path = '/callbacks' }: { role?: Role; path?: string } = {}) {
  const api = createFakeApi();
  const fake = installCallbacks(api, [
    buildCallback({ id: '5' }),
    buildCallback({
      id: '8',
      userId: '1960',
      customerName: 'Priya Patel',
      agentId: '4',
      scheduledFor: '2026-12-02T15:00:00Z',
    }),
  ]);
  api.signIn(demoAgents[role]);
  return { ...renderApp({ path, api }), api, fake };
}

async function openDialog(
  rendered: ReturnType<typeof setUp>,
  buttonName: string,
  dialogName: string,
) {
  const button = await screen.findByRole('button', { name: buttonName });
  await rendered.user.click(button);
  const dialog = await screen.findByRole('dialog', { name: dialogName });
  return { button, dialog };
}

/** Answers one POST with an error once it is sent. */
function refuse(
  api: FakeApi,
  path: string,
  status: number,
  code: Parameters<typeof errorResponse>[1],
  message: string,
  field?: string,
) {
  api.on('POST', path, () => errorResponse(status, code, message, field ? { field } : {}));
}

const pageNotice = () =>
  screen
    .getAllByRole('status')
    .find((element) => element.tagName === 'P' && element.getAttribute('aria-live') === 'polite');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(now));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Reschedule', () => {
  it('moves the callback to a time inside the calling hours', async () => {
    const rendered = setUp();
    const { button, dialog } = await openDialog(
      rendered,
      'Reschedule callback for Jane Smith',
      'Reschedule callback for Jane Smith',
    );
    const { user, fake } = rendered;

    expect(dialog).toHaveTextContent('Booked for Wed 2 Dec, 14:30');
    const day = await within(dialog).findByRole('combobox', { name: 'Callback day' });
    expect(day).toHaveFocus();
    const time = within(dialog).getByRole('combobox', { name: 'Callback time' });
    // Today from 14:15 (five minutes' lead, on the quarter hour); no Sunday.
    expect(within(time).getAllByRole('option')[1]).toHaveTextContent('14:15');
    expect(within(day).queryByRole('option', { name: 'Sun 6 Dec' })).not.toBeInTheDocument();

    // Nothing chosen yet: said next to the field, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Save new time' }));
    expect(time).toHaveAccessibleDescription('Choose the date and time to call back.');
    expect(fake.posts('5', 'reschedule')).toHaveLength(0);

    await user.selectOptions(day, 'Thu 3 Dec');
    await user.selectOptions(time, '10:00');
    await user.click(within(dialog).getByRole('button', { name: 'Save new time' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.posts('5', 'reschedule').map((r) => r.body)).toEqual([
      { scheduledFor: '2026-12-03T10:00:00Z' },
    ]);
    expect(pageNotice()).toHaveTextContent('Callback for Jane Smith moved to Thu 3 Dec, 10:00');
    const jane = screen.getByRole('link', { name: 'Jane Smith' }).closest('tr')!;
    expect(jane).toHaveTextContent('Thu 3 Dec, 10:00');
    await waitFor(() => expect(button).toHaveFocus());
  });

  it("shows the server's refusal of the time next to the field", async () => {
    const rendered = setUp();
    refuse(
      rendered.api,
      '/api/callbacks/5/reschedule',
      400,
      'invalid_argument',
      'scheduledFor is outside the calling hours',
      'scheduledFor',
    );
    const { dialog } = await openDialog(
      rendered,
      'Reschedule callback for Jane Smith',
      'Reschedule callback for Jane Smith',
    );
    const { user } = rendered;
    await user.selectOptions(
      await within(dialog).findByRole('combobox', { name: 'Callback day' }),
      'Thu 3 Dec',
    );
    const time = within(dialog).getByRole('combobox', { name: 'Callback time' });
    await user.selectOptions(time, '10:00');
    await user.click(within(dialog).getByRole('button', { name: 'Save new time' }));

    await waitFor(() =>
      expect(time).toHaveAccessibleDescription('scheduledFor is outside the calling hours'),
    );
    expect(time).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(time).toHaveFocus());
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it("shows the server's 403 for another agent's callback", async () => {
    const rendered = setUp();
    refuse(
      rendered.api,
      '/api/callbacks/5/reschedule',
      403,
      'permission_denied',
      'this callback is booked with another agent',
    );
    const { dialog } = await openDialog(
      rendered,
      'Reschedule callback for Jane Smith',
      'Reschedule callback for Jane Smith',
    );
    const { user } = rendered;
    await user.selectOptions(
      await within(dialog).findByRole('combobox', { name: 'Callback day' }),
      'Thu 3 Dec',
    );
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Callback time' }),
      '10:00',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save new time' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'this callback is booked with another agent',
    );
  });

  it('says so and reads the lists again when the callback is no longer pending (409)', async () => {
    const rendered = setUp();
    const { dialog } = await openDialog(
      rendered,
      'Reschedule callback for Jane Smith',
      'Reschedule callback for Jane Smith',
    );
    const { user, fake } = rendered;
    // Someone called Jane in the meantime.
    fake.rows[0]!.status = 'completed';
    const reads = fake.listReads('mine');
    await user.selectOptions(
      await within(dialog).findByRole('combobox', { name: 'Callback day' }),
      'Thu 3 Dec',
    );
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Callback time' }),
      '10:00',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save new time' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'this callback is no longer pending',
    );
    await waitFor(() => expect(fake.listReads('mine')).toBeGreaterThan(reads));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const jane = screen.getByRole('link', { name: 'Jane Smith' }).closest('tr')!;
    await waitFor(() => expect(jane).toHaveTextContent('Completed'));
    expect(within(jane).queryByRole('button')).not.toBeInTheDocument();
    // Its button went with it: the list has the focus.
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Mine callbacks' })).toHaveFocus(),
    );
  });

  it('closes on Escape, back on the button', async () => {
    const rendered = setUp();
    const { button } = await openDialog(
      rendered,
      'Reschedule callback for Jane Smith',
      'Reschedule callback for Jane Smith',
    );
    await within(screen.getByRole('dialog')).findByRole('combobox', { name: 'Callback day' });

    await rendered.user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
    expect(rendered.fake.posts('5', 'reschedule')).toHaveLength(0);
  });
});

describe('Reassign', () => {
  it('is offered to supervisors, not to agents', async () => {
    setUp({ path: '/callbacks?show=team' });
    await screen.findByRole('link', { name: 'Priya Patel' });
    expect(screen.queryByRole('button', { name: /^Reassign/ })).not.toBeInTheDocument();
  });

  it('gives a callback to anyone on the team, or to an active agent', async () => {
    const rendered = setUp({ role: 'supervisor', path: '/callbacks?show=team' });
    const { dialog, button } = await openDialog(
      rendered,
      'Reassign callback for Priya Patel',
      'Reassign callback for Priya Patel',
    );
    const { user, fake } = rendered;

    const select = within(dialog).getByRole('combobox', { name: 'Give the callback to' });
    expect(select).toHaveFocus();
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Anyone on the team', 'Alice Agent (now)', 'Demo Agent', 'Sam Supervisor']),
    );
    expect(select).toHaveValue('4');

    await user.selectOptions(select, 'Anyone on the team');
    await user.click(within(dialog).getByRole('button', { name: 'Reassign' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.posts('8', 'reassign').map((r) => r.body)).toEqual([{ agentId: null }]);
    expect(pageNotice()).toHaveTextContent('Callback for Priya Patel given to anyone on the team');
    const priya = screen.getByRole('link', { name: 'Priya Patel' }).closest('tr')!;
    expect(priya).toHaveTextContent('Anyone on the team');
    await waitFor(() => expect(button).toHaveFocus());

    await user.click(button);
    const again = await screen.findByRole('dialog', { name: 'Reassign callback for Priya Patel' });
    await user.selectOptions(
      within(again).getByRole('combobox', { name: 'Give the callback to' }),
      'Demo Agent',
    );
    await user.click(within(again).getByRole('button', { name: 'Reassign' }));
    await waitFor(() =>
      expect(pageNotice()).toHaveTextContent('Callback for Priya Patel given to Demo Agent'),
    );
    expect(fake.posts('8', 'reassign').at(-1)?.body).toEqual({ agentId: '1' });
  });

  it("shows the server's refusal of the agent next to the field", async () => {
    const rendered = setUp({ role: 'supervisor', path: '/callbacks?show=team' });
    refuse(
      rendered.api,
      '/api/callbacks/8/reassign',
      400,
      'invalid_argument',
      'agentId is not an active agent',
      'agentId',
    );
    const { dialog } = await openDialog(
      rendered,
      'Reassign callback for Priya Patel',
      'Reassign callback for Priya Patel',
    );
    const select = within(dialog).getByRole('combobox', { name: 'Give the callback to' });
    await within(select).findByRole('option', { name: 'Demo Agent' });
    await rendered.user.selectOptions(select, 'Demo Agent');
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Reassign' }));

    await waitFor(() =>
      expect(select).toHaveAccessibleDescription('agentId is not an active agent'),
    );
    expect(select).toHaveAttribute('aria-invalid', 'true');
  });

  it("shows the server's 403", async () => {
    const rendered = setUp({ role: 'supervisor', path: '/callbacks?show=team' });
    refuse(
      rendered.api,
      '/api/callbacks/8/reassign',
      403,
      'permission_denied',
      'only supervisors may reassign callbacks',
    );
    const { dialog } = await openDialog(
      rendered,
      'Reassign callback for Priya Patel',
      'Reassign callback for Priya Patel',
    );
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Reassign' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'only supervisors may reassign callbacks',
    );
  });

  it('says so and reads the lists again when the callback is no longer pending (409)', async () => {
    const rendered = setUp({ role: 'supervisor', path: '/callbacks?show=team' });
    const { dialog } = await openDialog(
      rendered,
      'Reassign callback for Priya Patel',
      'Reassign callback for Priya Patel',
    );
    rendered.fake.rows[1]!.status = 'cancelled';
    const reads = rendered.fake.listReads('team');
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Reassign' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'this callback is no longer pending',
    );
    await waitFor(() => expect(rendered.fake.listReads('team')).toBeGreaterThan(reads));
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Priya Patel' })).not.toBeInTheDocument(),
    );
  });
});

describe('Cancel', () => {
  it('needs a reason, then cancels the callback with it', async () => {
    const rendered = setUp();
    const { dialog } = await openDialog(
      rendered,
      'Cancel callback for Jane Smith',
      'Cancel callback for Jane Smith',
    );
    const { user, fake } = rendered;
    const reason = within(dialog).getByRole('textbox', { name: 'Reason for cancelling' });
    expect(reason).toHaveFocus();
    expect(reason).toBeRequired();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel callback' }));
    expect(reason).toHaveAccessibleDescription('Give a reason for cancelling.');
    expect(fake.posts('5', 'cancel')).toHaveLength(0);

    await user.type(reason, '  Customer asked us not to call back  ');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel callback' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.posts('5', 'cancel').map((r) => r.body)).toEqual([
      { reason: 'Customer asked us not to call back' },
    ]);
    expect(pageNotice()).toHaveTextContent('Callback for Jane Smith cancelled');
    const jane = screen.getByRole('link', { name: 'Jane Smith' }).closest('tr')!;
    await waitFor(() => expect(jane).toHaveTextContent('Cancelled'));
    expect(jane).toHaveTextContent('Customer asked us not to call back');
    // Its buttons went with the change: the list has the focus.
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Mine callbacks' })).toHaveFocus(),
    );
  });

  it("shows the server's refusal of the reason next to the field", async () => {
    const rendered = setUp();
    refuse(
      rendered.api,
      '/api/callbacks/5/cancel',
      400,
      'invalid_argument',
      'reason is too long',
      'reason',
    );
    const { dialog } = await openDialog(
      rendered,
      'Cancel callback for Jane Smith',
      'Cancel callback for Jane Smith',
    );
    const reason = within(dialog).getByRole('textbox', { name: 'Reason for cancelling' });
    await rendered.user.type(reason, 'Duplicate');
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Cancel callback' }));

    await waitFor(() => expect(reason).toHaveAccessibleDescription('reason is too long'));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
  });

  it("shows the server's 403 when the callback is not the agent's", async () => {
    const rendered = setUp();
    const { dialog } = await openDialog(
      rendered,
      'Cancel callback for Jane Smith',
      'Cancel callback for Jane Smith',
    );
    // A supervisor gave it to someone else a moment ago.
    rendered.fake.rows[0]!.agentId = '4';
    await rendered.user.type(
      within(dialog).getByRole('textbox', { name: 'Reason for cancelling' }),
      'Duplicate',
    );
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Cancel callback' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'this callback is booked with another agent',
    );
  });

  it('says so and reads the lists again when the callback is no longer pending (409)', async () => {
    const rendered = setUp();
    const { dialog } = await openDialog(
      rendered,
      'Cancel callback for Jane Smith',
      'Cancel callback for Jane Smith',
    );
    rendered.fake.rows[0]!.status = 'completed';
    const reads = rendered.fake.listReads('mine');
    await rendered.user.type(
      within(dialog).getByRole('textbox', { name: 'Reason for cancelling' }),
      'Duplicate',
    );
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Cancel callback' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'this callback is no longer pending',
    );
    await waitFor(() => expect(rendered.fake.listReads('mine')).toBeGreaterThan(reads));
  });

  it("lets a supervisor cancel anyone's callback", async () => {
    const rendered = setUp({ role: 'supervisor', path: '/callbacks?show=team' });
    const { dialog } = await openDialog(
      rendered,
      'Cancel callback for Priya Patel',
      'Cancel callback for Priya Patel',
    );
    await rendered.user.type(
      within(dialog).getByRole('textbox', { name: 'Reason for cancelling' }),
      'Duplicate',
    );
    await rendered.user.click(within(dialog).getByRole('button', { name: 'Cancel callback' }));

    await waitFor(() =>
      expect(pageNotice()).toHaveTextContent('Callback for Priya Patel cancelled'),
    );
    expect(rendered.fake.posts('8', 'cancel')).toHaveLength(1);
  });
});
