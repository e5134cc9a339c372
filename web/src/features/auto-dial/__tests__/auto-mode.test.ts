import { describe, expect, it } from 'vitest';

import type { AutoDialSettings } from '@/types/api';

import {
  autoModeReducer,
  initialAutoState,
  isAutoOn,
  type AutoAction,
  type AutoState,
} from '../auto-mode';

const settings: AutoDialSettings = {
  countdownSeconds: 10,
  maxCallsPerSession: 3,
  breakReminderMinutes: 120,
};
const t0 = 1_000_000;

function run(state: AutoState, ...actions: AutoAction[]): AutoState {
  return actions.reduce(autoModeReducer, state);
}

/** The answer to the request the current phase made (it carries the phase's step). */
function loaded(state: AutoState, result: 'lead' | 'none' | 'error' | 'blocked', now = t0) {
  return autoModeReducer(state, { type: 'loaded', step: state.step, result, now });
}

function dialled(state: AutoState, result: 'started' | 'refused' | 'failed' | 'ignored') {
  return autoModeReducer(state, { type: 'dialled', step: state.step, result });
}

function statusSet(state: AutoState, problem: string | null, hasLead = true, now = t0) {
  return autoModeReducer(state, { type: 'statusSet', step: state.step, now, hasLead, problem });
}

const start = (hasLead = false, callMade = false): AutoAction => ({
  type: 'start',
  now: t0,
  settings,
  hasLead,
  callMade,
});

/** Started with nobody held, the first customer loaded: counting down. */
function countingDown(): AutoState {
  return loaded(run(initialAutoState, start()), 'lead');
}

/** …and the countdown ran out, the call was placed. */
function inCall(): AutoState {
  const state = countingDown();
  const dialling = autoModeReducer(state, { type: 'expired', step: state.step });
  return dialled(run(dialling, { type: 'callStarted' }), 'started');
}

describe('auto mode', () => {
  it('loads, counts down, dials, waits for the outcome and loads the next customer', () => {
    let state = run(initialAutoState, start());
    expect(isAutoOn(state)).toBe(true);
    expect(state.phase).toEqual({ kind: 'loading' });
    expect(state.workingSince).toBe(t0);

    state = loaded(state, 'lead', t0 + 300);
    expect(state.phase).toEqual({ kind: 'countdown', endsAt: t0 + 300 + 10_000 });

    state = autoModeReducer(state, { type: 'expired', step: state.step });
    expect(state.phase).toEqual({ kind: 'dialling' });

    // The softphone reports the call's session before Call's answer comes back.
    state = autoModeReducer(state, { type: 'callStarted' });
    expect(state.calls).toBe(1);
    expect(state.phase).toEqual({ kind: 'calling', choosing: false, pauseAfter: null });
    state = dialled(state, 'started');
    expect(state.phase.kind).toBe('calling');

    state = autoModeReducer(state, { type: 'leadDone', now: t0 + 60_000 });
    expect(state.phase).toEqual({ kind: 'loading' });
    state = loaded(state, 'lead', t0 + 61_000);
    expect(state.phase).toEqual({ kind: 'countdown', endsAt: t0 + 71_000 });
  });

  it('counts down for a customer already loaded, and waits for a call already made', () => {
    expect(run(initialAutoState, start(true)).phase).toEqual({
      kind: 'countdown',
      endsAt: t0 + 10_000,
    });
    expect(run(initialAutoState, start(true, true)).phase.kind).toBe('calling');
  });

  it('dials at once on Dial now, and the countdown that was running no longer counts', () => {
    const state = countingDown();
    const dialling = autoModeReducer(state, { type: 'dialNow' });
    expect(dialling.phase).toEqual({ kind: 'dialling' });
    expect(autoModeReducer(dialling, { type: 'expired', step: state.step })).toBe(dialling);
  });

  it("takes the agent's own Call during the countdown as the call", () => {
    const state = autoModeReducer(countingDown(), { type: 'callStarted' });
    expect(state.phase.kind).toBe('calling');
    expect(state.calls).toBe(1);
  });

  it('pauses with a reason: the countdown stops, then the break is set', () => {
    let state = autoModeReducer(countingDown(), { type: 'openPause' });
    expect(state.phase).toEqual({ kind: 'choosing', back: 'run' });
    const choosingStep = state.step;
    // The countdown of before has no say any more.
    expect(autoModeReducer(state, { type: 'expired', step: choosingStep - 1 })).toBe(state);

    state = autoModeReducer(state, { type: 'confirmPause', reason: 'training' });
    expect(state.phase).toEqual({ kind: 'pausing', reason: 'training' });
    state = statusSet(state, null);
    expect(state.phase).toEqual({ kind: 'paused', why: 'break' });
    expect(state.workingSince).toBeNull();
  });

  it('goes back to choosing with the problem when the break cannot be set', () => {
    let state = run(countingDown(), { type: 'openPause' }, { type: 'confirmPause', reason: 'lunch' });
    state = statusSet(state, 'Your status was not changed: no');
    expect(state.phase).toEqual({ kind: 'choosing', back: 'run' });
    expect(state.problem).toBe('Your status was not changed: no');
  });

  it('Cancel restarts the countdown from the full length', () => {
    const state = run(
      countingDown(),
      { type: 'openPause' },
      { type: 'cancelPause', now: t0 + 5_000, hasLead: true },
    );
    expect(state.phase).toEqual({ kind: 'countdown', endsAt: t0 + 15_000 });
  });

  it('resumes: Available again, then the held customer is counted down (or the next loaded)', () => {
    let state = run(countingDown(), { type: 'openPause' }, { type: 'confirmPause', reason: 'admin' });
    state = statusSet(state, null);
    state = autoModeReducer(state, { type: 'resume', now: t0 + 60_000, hasLead: true, away: true });
    expect(state.phase).toEqual({ kind: 'resuming', from: 'break' });
    const resumed = statusSet(state, null, true, t0 + 61_000);
    expect(resumed.phase).toEqual({ kind: 'countdown', endsAt: t0 + 71_000 });
    expect(resumed.workingSince).toBe(t0 + 61_000);
    expect(statusSet(state, null, false).phase).toEqual({ kind: 'loading' });

    const failed = statusSet(state, 'Your microphone is not available: denied');
    expect(failed.phase).toEqual({ kind: 'paused', why: 'break' });
    expect(failed.problem).toBe('Your microphone is not available: denied');
  });

  it('a break chosen during a call waits for the outcome', () => {
    let state = run(inCall(), { type: 'openPause' });
    expect(state.phase).toEqual({ kind: 'calling', choosing: true, pauseAfter: null });
    state = autoModeReducer(state, { type: 'confirmPause', reason: 'comfort' });
    expect(state.phase).toEqual({ kind: 'calling', choosing: false, pauseAfter: 'comfort' });
    state = autoModeReducer(state, { type: 'leadDone', now: t0 });
    expect(state.phase).toEqual({ kind: 'pausing', reason: 'comfort' });
  });

  it('stops after the session’s limit of calls, once the last outcome is saved', () => {
    let state = inCall();
    for (let call = 2; call <= settings.maxCallsPerSession; call += 1) {
      state = loaded(autoModeReducer(state, { type: 'leadDone', now: t0 }), 'lead');
      state = dialled(
        run(state, { type: 'dialNow' }, { type: 'callStarted' }),
        'started',
      );
    }
    expect(state.calls).toBe(3);
    expect(state.phase.kind).toBe('calling');
    state = autoModeReducer(state, { type: 'leadDone', now: t0 });
    expect(state.phase).toEqual({ kind: 'off', stopped: 'max-calls' });
    expect(isAutoOn(state)).toBe(false);
  });

  it('stops when there is nobody to call, or the next customer cannot be loaded', () => {
    const started = run(initialAutoState, start());
    expect(loaded(started, 'none').phase).toEqual({ kind: 'off', stopped: 'no-customer' });
    expect(loaded(started, 'error').phase).toEqual({ kind: 'off', stopped: 'load-failed' });
    expect(loaded(started, 'blocked')).toBe(started);
  });

  it('pauses, without a break, when the contact rules refuse the call or it fails', () => {
    const dialling = autoModeReducer(countingDown(), { type: 'dialNow' });
    const refused = dialled(dialling, 'refused');
    expect(refused.phase).toEqual({ kind: 'paused', why: 'refused' });
    expect(refused.calls).toBe(0);
    expect(dialled(dialling, 'failed').phase).toEqual({ kind: 'paused', why: 'failed' });

    // Resume without a status change: the agent is still Available.
    const resumed = autoModeReducer(refused, {
      type: 'resume',
      now: t0,
      hasLead: false,
      away: false,
    });
    expect(resumed.phase).toEqual({ kind: 'loading' });
  });

  it('takes the next customer when the held one is skipped during the countdown', () => {
    const state = autoModeReducer(countingDown(), { type: 'leadDone', now: t0 });
    expect(state.phase).toEqual({ kind: 'loading' });
  });

  it('pauses when the agent goes on a break elsewhere, but not in a call', () => {
    expect(autoModeReducer(countingDown(), { type: 'away' }).phase).toEqual({
      kind: 'paused',
      why: 'away',
    });
    const calling = inCall();
    expect(autoModeReducer(calling, { type: 'away' })).toBe(calling);
  });

  it('ignores answers meant for an earlier phase', () => {
    const started = run(initialAutoState, start());
    const stopped = autoModeReducer(started, { type: 'stop' });
    expect(stopped.phase).toEqual({ kind: 'off', stopped: null });
    expect(
      autoModeReducer(stopped, { type: 'loaded', step: started.step, result: 'lead', now: t0 }),
    ).toBe(stopped);
  });

  it('raises the break reminder while working, and forgets it on a break', () => {
    let state = autoModeReducer(countingDown(), { type: 'reminderDue' });
    expect(state.reminderDue).toBe(true);
    state = run(state, { type: 'openPause' }, { type: 'confirmPause', reason: 'break' });
    state = statusSet(state, null);
    expect(state.reminderDue).toBe(false);
    expect(autoModeReducer(state, { type: 'reminderDue' }).reminderDue).toBe(false);
  });
});
