import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';

import type { CallStartResult } from '@/features/calls/hooks/use-call';
import type { AgentStatusRequest, AutoDialSettings, BreakReason } from '@/types/api';

import {
  autoModeReducer,
  initialAutoState,
  isAutoOn,
  type AutoState,
  type LoadResult,
} from '../auto-mode';
import { autoDialClock, type Clock } from '../clock';
import { useCountdown, useDeadline } from './use-countdown';

export type UseAutoModeOptions = {
  /** Auto mode's settings; it cannot start before they are known. */
  settings: AutoDialSettings | undefined;
  /** The page holds a customer. */
  hasLead: boolean;
  /** …and has called them in this hold (the call, or its wrap-up). */
  callMade: boolean;
  /** A Next customer request is on its way (the agent's own): the next one waits for it. */
  loadPending: boolean;
  /** The agent's status says they take no customers (on a break, Offline). */
  away: boolean;
  /** Takes the next customer, as Next customer does. */
  loadNext: () => Promise<LoadResult>;
  /** Calls the held customer, as the Call button does. */
  dial: () => Promise<CallStartResult>;
  /** Changes the agent's status; rejects with an Error saying why, in words. */
  setStatus: (request: AgentStatusRequest) => Promise<void>;
  clock?: Clock;
};

export type AutoMode = {
  state: AutoState;
  on: boolean;
  /** The countdown's whole seconds left, while there is one. */
  secondsLeft: number | null;
  start: () => void;
  stop: () => void;
  dialNow: () => void;
  openPause: () => void;
  cancelPause: () => void;
  confirmPause: (reason: BreakReason) => void;
  resume: () => void;
  /** Tell auto mode that a call to the held customer was placed (by it or by the agent). */
  callStarted: () => void;
  /** Tell auto mode the held customer is done with (outcome saved, skipped, released, lost). */
  leadDone: () => void;
};

function messageOf(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : 'it failed';
}

/**
 * Auto mode's state machine (auto-mode.ts) with its timing and the work each phase asks of the
 * page. The state lives in the page that calls this: leaving the page or reloading it ends auto
 * mode, on purpose (nothing dials for an agent who is no longer looking at the call screen).
 */
export function useAutoMode({
  settings,
  hasLead,
  callMade,
  loadPending,
  away,
  loadNext,
  dial,
  setStatus,
  clock = autoDialClock(),
}: UseAutoModeOptions): AutoMode {
  const [state, dispatch] = useReducer(autoModeReducer, initialAutoState);
  const io = useRef({ loadNext, dial, setStatus, hasLead, away, settings, callMade });
  useEffect(() => {
    io.current = { loadNext, dial, setStatus, hasLead, away, settings, callMade };
  });

  // Each phase's request is made once (its step), after the render that entered it, so that
  // the page's own state (the customer just finished with, cleared) is already in place.
  const requested = useRef(-1);
  const { phase, step } = state;
  useEffect(() => {
    if (requested.current === step) return;
    const page = io.current;
    switch (phase.kind) {
      case 'loading':
        if (hasLead) {
          requested.current = step;
          dispatch({ type: 'loaded', step, result: 'lead', now: clock.now() });
          return;
        }
        // The agent's own Next customer answers first; and a status just set Available may
        // not have reached the page yet.
        if (loadPending || away) return;
        requested.current = step;
        void page
          .loadNext()
          .then((result) => dispatch({ type: 'loaded', step, result, now: clock.now() }));
        return;
      case 'dialling':
        requested.current = step;
        void page.dial().then((result) => dispatch({ type: 'dialled', step, result }));
        return;
      case 'pausing':
      case 'resuming': {
        requested.current = step;
        const request: AgentStatusRequest =
          phase.kind === 'pausing'
            ? { status: 'break', reason: phase.reason }
            : { status: 'available' };
        page.setStatus(request).then(
          () =>
            dispatch({
              type: 'statusSet',
              step,
              now: clock.now(),
              hasLead: io.current.hasLead,
              problem: null,
            }),
          (error: unknown) =>
            dispatch({
              type: 'statusSet',
              step,
              now: clock.now(),
              hasLead: io.current.hasLead,
              problem: messageOf(error),
            }),
        );
        return;
      }
      default:
        return;
    }
  }, [phase, step, hasLead, loadPending, away, clock]);

  // A break (or Offline) chosen elsewhere pauses auto mode. Only the change counts: the status
  // read back after Resume reaches the page a little after auto mode has carried on.
  const wasAway = useRef(away);
  useEffect(() => {
    if (away && !wasAway.current) dispatch({ type: 'away' });
    wasAway.current = away;
  }, [away]);

  const secondsLeft = useCountdown(
    phase.kind === 'countdown' ? phase.endsAt : null,
    () => dispatch({ type: 'expired', step }),
    clock,
  );

  const reminderAt =
    state.workingSince !== null && state.settings && !state.reminderDue
      ? state.workingSince + state.settings.breakReminderMinutes * 60_000
      : null;
  useDeadline(reminderAt, () => dispatch({ type: 'reminderDue' }), clock);

  const start = useCallback(() => {
    const page = io.current;
    if (!page.settings) return;
    dispatch({
      type: 'start',
      now: clock.now(),
      settings: page.settings,
      hasLead: page.hasLead,
      callMade: page.callMade,
    });
  }, [clock]);

  const actions = useMemo(
    () => ({
      start,
      stop: () => dispatch({ type: 'stop' }),
      dialNow: () => dispatch({ type: 'dialNow' }),
      openPause: () => dispatch({ type: 'openPause' }),
      cancelPause: () =>
        dispatch({ type: 'cancelPause', now: clock.now(), hasLead: io.current.hasLead }),
      confirmPause: (reason: BreakReason) => dispatch({ type: 'confirmPause', reason }),
      resume: () =>
        dispatch({
          type: 'resume',
          now: clock.now(),
          hasLead: io.current.hasLead,
          away: io.current.away,
        }),
      callStarted: () => dispatch({ type: 'callStarted' }),
      leadDone: () => dispatch({ type: 'leadDone', now: clock.now() }),
    }),
    [start, clock],
  );

  return { state, on: isAutoOn(state), secondsLeft, ...actions };
}
