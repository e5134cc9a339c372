import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { buildLead, demoAgents } from '@/testing/data';
import { createFakeApi, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

function renderQueue(api: FakeApi = createFakeApi()) {
  api.signIn(demoAgents.agent);
  api.queueLeads(buildLead());
  return renderApp({ path: '/queue', api });
}

type Rendered = ReturnType<typeof renderQueue>;

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

const softphone = () => screen.getByRole('region', { name: 'Softphone' });
const hangUpButton = () => within(softphone()).getByRole('button', { name: 'Hang up' });

async function takeNextCustomer({ user, live }: Rendered) {
  await user.click(await screen.findByRole('button', { name: 'Next customer' }));
  await screen.findByRole('heading', { level: 3, name: 'Jane Smith' });
  act(() => live.current.accept());
}

/** Calls with F2 and waits until the device has the call. */
async function callWithF2(rendered: Rendered) {
  await rendered.user.click(screen.getByRole('region', { name: 'Customer' }));
  await rendered.user.keyboard('{F2}');
  await waitFor(() => expect(rendered.voice.calls).toHaveLength(1));
  await waitFor(() => expect(hangUpButton()).toBeEnabled());
}

describe('the call screen’s keyboard shortcuts', () => {
  it('hangs up with H during a call, but not while the agent types', async () => {
    const rendered = renderQueue();
    const { user, voice } = rendered;
    await takeNextCustomer(rendered);
    await callWithF2(rendered);
    expect(hangUpButton()).toHaveAttribute('aria-keyshortcuts', 'H');
    // The key is on the button for everyone to see; its name stays "Hang up".
    expect(hangUpButton()).toHaveTextContent('Hang upH');

    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.keyboard('h');
    expect(voice.lastCall.disconnects).toBe(0);

    await user.click(screen.getByRole('region', { name: 'Customer' }));
    await user.keyboard('h');
    expect(voice.lastCall.disconnects).toBe(1);
    expect(hangUpButton()).toBeDisabled();
    // Once it is going, H does nothing more.
    await user.keyboard('h');
    expect(voice.lastCall.disconnects).toBe(1);
  });

  it('mutes and unmutes with M during a call', async () => {
    const rendered = renderQueue();
    const { user, voice } = rendered;
    await takeNextCustomer(rendered);
    await user.keyboard('m');
    await callWithF2(rendered);
    const mute = within(softphone()).getByRole('button', { name: 'Mute' });
    expect(mute).toHaveAttribute('aria-keyshortcuts', 'M');

    await user.keyboard('m');
    expect(mute).toHaveAttribute('aria-pressed', 'true');
    expect(voice.lastCall.isMuted()).toBe(true);
    await user.keyboard('M');
    expect(mute).toHaveAttribute('aria-pressed', 'false');
    expect(voice.lastCall.isMuted()).toBe(false);
  });

  it('chooses the n-th outcome with 1–9 and saves it with Enter', async () => {
    const rendered = renderQueue();
    const { user, api } = rendered;
    await takeNextCustomer(rendered);

    await user.keyboard('5');
    const noAnswer = screen.getByRole('radio', { name: 'No answer' });
    expect(noAnswer).toBeChecked();
    expect(noAnswer).toHaveFocus();
    expect(noAnswer).toHaveAttribute('aria-keyshortcuts', '5');
    await user.keyboard('2');
    expect(screen.getByRole('radio', { name: 'Going to complete' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Do not contact' })).not.toHaveAttribute(
      'aria-keyshortcuts',
    );

    // Typing a number in the notes is just typing.
    await user.click(screen.getByRole('textbox', { name: 'Notes' }));
    await user.keyboard('7');
    expect(screen.getByRole('radio', { name: 'Going to complete' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveValue('7');

    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('radio', { name: 'Going to complete' }));
    const save = screen.getByRole('button', { name: 'Save outcome' });
    expect(save).toHaveAttribute('aria-keyshortcuts', 'Enter');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(requestsTo(api, 'POST', '/api/queue/leads/1940/outcome')).toHaveLength(1),
    );
    expect(requestsTo(api, 'POST', '/api/queue/leads/1940/outcome')[0]?.body).toEqual({
      outcome: 'going_to_complete',
      notes: '7',
    });
    await screen.findByText('Outcome saved');
  });

  it('shows each key on its button and says it with aria-keyshortcuts', async () => {
    const rendered = renderQueue();
    await takeNextCustomer(rendered);
    expect(screen.getByRole('button', { name: 'Next customer' })).toHaveAttribute(
      'aria-keyshortcuts',
      'N',
    );
    expect(within(softphone()).getByRole('button', { name: 'Call' })).toHaveAttribute(
      'aria-keyshortcuts',
      'F2',
    );
    expect(screen.getByRole('button', { name: 'Save outcome' })).toHaveTextContent(
      'Save outcomeEnter',
    );
    expect(screen.getByRole('button', { name: 'Start auto mode' })).toHaveAttribute(
      'aria-keyshortcuts',
      'A',
    );
  });
});
