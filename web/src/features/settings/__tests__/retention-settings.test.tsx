import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

import { settingInfo } from '../labels';
import { groupSettings } from '../settings-groups';
import { defaultSettings, serveSettings } from './fake-settings';

/** The retention periods a fresh server has (settings_codec.cpp). */
const retentionDefaults = {
  'retention.callDays': '2190',
  'retention.textDays': '2190',
  'retention.noteDays': '2190',
  'retention.linkClickDays': '365',
};

function renderAdmin(api: FakeApi) {
  api.signIn(demoAgents.admin);
  return renderApp({ path: '/admin', api });
}

const section = () => screen.getByRole('region', { name: 'Queue settings' });
const form = () => within(section()).getByRole('form', { name: 'Data retention' });
const box = (name: string) => within(form()).getByRole('textbox', { name });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-04T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('data retention settings', () => {
  it('puts the four periods in their own section, before Other, in a fixed order', () => {
    const groups = groupSettings({ ...defaultSettings(), ...retentionDefaults });

    expect(groups.map((group) => group.title).slice(-2)).toEqual(['Data retention', 'Other']);
    expect(groups.find((group) => group.title === 'Data retention')?.keys).toEqual([
      'retention.callDays',
      'retention.textDays',
      'retention.noteDays',
      'retention.linkClickDays',
    ]);
    for (const key of Object.keys(retentionDefaults)) {
      expect(settingInfo(key).label, key).toMatch(/ \(days\)$/);
      expect(settingInfo(key).range, key).toBe('A whole number from 30 to 3650');
      expect(settingInfo(key).input, key).toEqual({ kind: 'number' });
    }
  });

  it('shows each period in days with what it clears, and saves a change', async () => {
    const api = createFakeApi();
    const server = serveSettings(api, { ...defaultSettings(), ...retentionDefaults });
    const { user } = renderAdmin(api);
    await within(await screen.findByRole('region', { name: 'Queue settings' })).findByRole(
      'form',
      { name: 'Calling hours' },
    );

    await user.click(within(section()).getByRole('button', { name: 'Data retention' }));

    expect(box('Calls kept (days)')).toHaveValue('2190');
    expect(box('Notes kept (days)')).toHaveValue('2190');
    expect(box('Link opens kept (days)')).toHaveValue('365');
    expect(box('Texts kept (days)')).toHaveAccessibleDescription(
      'A whole number from 30 to 3650. The words and numbers of texts sent and received are ' +
        'cleared this many days after the text.',
    );

    await user.clear(box('Texts kept (days)'));
    await user.type(box('Texts kept (days)'), '30');
    await user.click(within(form()).getByRole('button', { name: 'Save data retention' }));

    await waitFor(() =>
      expect(within(form()).getByRole('status')).toHaveTextContent(
        'Saved. Texts kept (days): 2190 → 30.',
      ),
    );
    expect(server.puts).toEqual([{ 'retention.textDays': '30' }]);
  });

  it('shows the server’s refusal of a period at its field, by its label', async () => {
    const api = createFakeApi();
    serveSettings(api, { ...defaultSettings(), ...retentionDefaults });
    api.on('PUT', '/api/settings', () =>
      errorResponse(
        400,
        'invalid_argument',
        'retention.textDays must be a whole number from 30 to 3650',
        { field: 'retention.textDays' },
      ),
    );
    const { user } = renderAdmin(api);
    await within(await screen.findByRole('region', { name: 'Queue settings' })).findByRole(
      'form',
      { name: 'Calling hours' },
    );
    await user.click(within(section()).getByRole('button', { name: 'Data retention' }));

    await user.clear(box('Texts kept (days)'));
    await user.type(box('Texts kept (days)'), '29');
    await user.click(within(form()).getByRole('button', { name: 'Save data retention' }));

    await waitFor(() => expect(box('Texts kept (days)')).toHaveFocus());
    expect(box('Texts kept (days)')).toHaveAttribute('aria-invalid', 'true');
    expect(box('Texts kept (days)')).toHaveAccessibleDescription(
      /^Texts kept \(days\) must be a whole number from 30 to 3650 /,
    );
    expect(box('Texts kept (days)')).toHaveValue('29');
  });
});
