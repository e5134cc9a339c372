import { describe, expect, it } from 'vitest';

import { describeChanges, settingInfo, settingMessage } from '../labels';
import { groupSettings } from '../settings-groups';
import { defaultSettings } from './fake-settings';

describe('groupSettings', () => {
  it('puts every key in the section of its prefix, the rest in Other, in screen order', () => {
    const groups = groupSettings({
      'window.tue': '08:00-20:00',
      'window.mon': '08:00-20:00',
      'window.closedDays': '',
      'caps.smsPerDay': '2',
      'lender.zeta_finance': '4',
      'lender.black_horse': '0',
      'inbound.voicemail': 'on',
      'eligibility.closedClaimStatuses': 'rejected',
      'brandNew.key': 'x',
    });

    expect(groups.map((group) => [group.title, group.keys])).toEqual([
      ['Calling hours', ['window.mon', 'window.tue', 'window.closedDays']],
      ['Contact caps', ['caps.smsPerDay']],
      ['Lender importance', ['lender.black_horse', 'lender.zeta_finance']],
      ['Customers calling us', ['inbound.voicemail']],
      ['Other', ['eligibility.closedClaimStatuses', 'brandNew.key']],
    ]);
  });

  it('makes one row per outcome; an outcome key of another kind stays a field', () => {
    const [outcomes] = groupSettings({
      'outcome.no_answer.nextCallMinutes': '240',
      'outcome.no_answer.score': '1',
      'outcome.completed_form.score': '0',
      'outcome.brand_new.score': '5',
      'outcome.no_answer.colour': 'red',
    });

    expect(outcomes?.outcomeRows.map((row) => [row.label, row.keys])).toEqual([
      ['Completed the form', { score: 'outcome.completed_form.score' }],
      [
        'No answer',
        { score: 'outcome.no_answer.score', nextCallMinutes: 'outcome.no_answer.nextCallMinutes' },
      ],
      ['Brand new', { score: 'outcome.brand_new.score' }],
    ]);
    expect(outcomes?.fields).toEqual(['outcome.no_answer.colour']);
    expect(outcomes?.keys).toHaveLength(5);
  });

  it('has words for every key the server seeds', () => {
    for (const key of Object.keys(defaultSettings())) {
      expect(settingInfo(key).label, key).not.toBe(key);
      expect(settingInfo(key).range, key).not.toBe('');
    }
  });
});

describe('the words', () => {
  it('says what changed, by label, empty values in words', () => {
    expect(
      describeChanges([
        ['window.mon', '08:00-20:00', '10:00-12:00'],
        ['window.closedDays', '', '2026-12-24'],
      ]),
    ).toBe('Monday: 08:00-20:00 → 10:00-12:00; Extra closed days: (empty) → 2026-12-24');
  });

  it('calls the refused key by its label', () => {
    expect(
      settingMessage('window.sat must lie within 08:00-21:00 (the calling hours …)', 'window.sat'),
    ).toBe('Saturday must lie within 08:00-21:00 (the calling hours …)');
    expect(settingMessage('lender.rci must be a whole number', 'lender.rci')).toBe(
      'RCI Financial Services must be a whole number',
    );
  });
});
