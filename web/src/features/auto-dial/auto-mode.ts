// Auto mode (power dialling, docs: product.md §6) as a pure state machine: after each saved
// outcome the next customer loads and is dialled after a countdown, until the agent stops or
// pauses, the queue has nobody, or the session's call limit is reached. The page does the work
// (take the next customer, press Call, change the status) when a phase asks for it and reports
// back; answers meant for an earlier phase (`step`) are ignored. Time comes in with the actions.
import type { CallStartResult } from '@/features/calls/hooks/use-call';
import type { AutoDialSettings, BreakReason } from '@/types/api';

/** Why auto mode is paused: a break the agent chose, a call it could not place, or a status set elsewhere. */
export type PauseWhy = 'break' | 'refused' | 'failed' | 'away';

/** Why auto mode stopped by itself. */
export type StopReason = 'max-calls' | 'no-customer' | 'load-failed';

/** What `Next customer` gave: a customer, nobody, an error, or it could not be asked now. */
export type LoadResult = 'lead' | 'none' | 'error' | 'blocked';

export type AutoPhase =
  | { kind: 'off'; stopped: StopReason | null }
  /** Asking for the next customer. */
  | { kind: 'loading' }
  /** A customer is loaded; the call is placed at `endsAt` (ms). */
  | { kind: 'countdown'; endsAt: number }
  /** The agent is choosing why they pause; nothing is dialled meanwhile. `back` is where Cancel goes. */
  | { kind: 'choosing'; back: 'run' | PauseWhy }
  /** Call pressed; waiting to hear whether a call was placed. */
  | { kind: 'dialling' }
  /** A call was placed: it runs, then the outcome; `pauseAfter` is a break chosen meanwhile. */
  | { kind: 'calling'; choosing: boolean; pauseAfter: BreakReason | null }
  /** Setting the agent's status to a break with `reason`. */
  | { kind: 'pausing'; reason: BreakReason }
  | { kind: 'paused'; why: PauseWhy }
  /** Setting the agent's status back to Available, paused for `from` until then. */
  | { kind: 'resuming'; from: PauseWhy };

export type AutoState = {
  phase: AutoPhase;
  /** Moves on with every change of phase: an answer to an earlier phase's request is stale. */
  step: number;
  /** The settings auto mode was started with. */
  settings: AutoDialSettings | null;
  /** Calls placed since auto mode was started. */
  calls: number;
  /** Since when (ms) the agent has worked without a break; null when off or on a break. */
  workingSince: number | null;
  /** The break reminder is showing. */
  reminderDue: boolean;
  /** Why the last change of status failed, in words, until the next action. */
  problem: string | null;
};

export type AutoAction =
  | {
      type: 'start';
      now: number;
      settings: AutoDialSettings;
      /** A customer is loaded already. */
      hasLead: boolean;
      /** …and was called already in this hold (a call or its wrap-up). */
      callMade: boolean;
    }
  | { type: 'stop' }
  | { type: 'loaded'; step: number; result: LoadResult; now: number }
  | { type: 'expired'; step: number }
  | { type: 'dialNow' }
  | { type: 'dialled'; step: number; result: CallStartResult }
  /** A call was placed to the held customer (by auto mode or by the agent's own Call). */
  | { type: 'callStarted' }
  /** The held customer is done with: outcome saved, skipped, released, or the hold was lost. */
  | { type: 'leadDone'; now: number }
  | { type: 'openPause' }
  | { type: 'cancelPause'; now: number; hasLead: boolean }
  | { type: 'confirmPause'; reason: BreakReason }
  | { type: 'statusSet'; step: number; now: number; hasLead: boolean; problem: string | null }
  /** The agent's status says they take no customers (a break or Offline chosen elsewhere). */
  | { type: 'away' }
  | { type: 'resume'; now: number; hasLead: boolean; away: boolean }
  | { type: 'reminderDue' };

export const initialAutoState: AutoState = {
  phase: { kind: 'off', stopped: null },
  step: 0,
  settings: null,
  calls: 0,
  workingSince: null,
  reminderDue: false,
  problem: null,
};

/** True while auto mode is on, paused included. */
export function isAutoOn(state: AutoState): boolean {
  return state.phase.kind !== 'off';
}

function to(state: AutoState, phase: AutoPhase, changes: Partial<AutoState> = {}): AutoState {
  return { ...state, problem: null, ...changes, phase, step: state.step + 1 };
}

function countdownFrom(state: AutoState, now: number): AutoPhase {
  return { kind: 'countdown', endsAt: now + (state.settings?.countdownSeconds ?? 10) * 1000 };
}

/** On with the work: the loaded customer's countdown, or the next customer. */
function carryOn(state: AutoState, now: number, hasLead: boolean): AutoPhase {
  return hasLead ? countdownFrom(state, now) : { kind: 'loading' };
}

const off = (stopped: StopReason | null): AutoPhase => ({ kind: 'off', stopped });
const offChanges: Partial<AutoState> = { workingSince: null, reminderDue: false };

/** After a customer: a break chosen during the call, the session's limit, or the next one. */
function afterCustomer(state: AutoState, pauseAfter: BreakReason | null): AutoState {
  if (pauseAfter) return to(state, { kind: 'pausing', reason: pauseAfter });
  if (state.settings && state.calls >= state.settings.maxCallsPerSession) {
    return to(state, off('max-calls'), offChanges);
  }
  return to(state, { kind: 'loading' });
}

export function autoModeReducer(state: AutoState, action: AutoAction): AutoState {
  const { phase } = state;
  switch (action.type) {
    case 'start': {
      if (phase.kind !== 'off') return state;
      const started: AutoState = {
        ...state,
        settings: action.settings,
        calls: 0,
        workingSince: action.now,
        reminderDue: false,
      };
      const next: AutoPhase = action.callMade
        ? { kind: 'calling', choosing: false, pauseAfter: null }
        : carryOn(started, action.now, action.hasLead);
      return to(started, next);
    }
    case 'stop':
      return phase.kind === 'off' ? state : to(state, off(null), offChanges);
    case 'loaded': {
      if (action.step !== state.step || phase.kind !== 'loading') return state;
      switch (action.result) {
        case 'lead':
          return to(state, countdownFrom(state, action.now));
        case 'none':
          return to(state, off('no-customer'), offChanges);
        case 'error':
          return to(state, off('load-failed'), offChanges);
        case 'blocked':
          // Asked while the page could not take one (its status is moving): wait for that.
          return state;
      }
      return state;
    }
    case 'expired':
      return action.step === state.step && phase.kind === 'countdown'
        ? to(state, { kind: 'dialling' })
        : state;
    case 'dialNow':
      return phase.kind === 'countdown' ? to(state, { kind: 'dialling' }) : state;
    case 'dialled': {
      if (action.step !== state.step || phase.kind !== 'dialling') return state;
      switch (action.result) {
        case 'started':
        case 'ignored':
          return to(state, { kind: 'calling', choosing: false, pauseAfter: null });
        case 'refused':
          return to(state, { kind: 'paused', why: 'refused' });
        case 'failed':
          return to(state, { kind: 'paused', why: 'failed' });
      }
      return state;
    }
    case 'callStarted': {
      if (phase.kind === 'off') return state;
      const counted = { ...state, calls: state.calls + 1 };
      switch (phase.kind) {
        case 'countdown':
        case 'dialling':
          return to(counted, { kind: 'calling', choosing: false, pauseAfter: null });
        case 'choosing':
          return phase.back === 'run'
            ? to(counted, { kind: 'calling', choosing: true, pauseAfter: null })
            : counted;
        default:
          return counted;
      }
    }
    case 'leadDone':
      switch (phase.kind) {
        case 'calling':
          if (phase.choosing) return to(state, { kind: 'choosing', back: 'run' });
          return afterCustomer(state, phase.pauseAfter);
        case 'countdown':
          // Skipped or released before the dial: on to the next one.
          return afterCustomer(state, null);
        default:
          return state;
      }
    case 'openPause':
      switch (phase.kind) {
        case 'loading':
        case 'countdown':
          return to(state, { kind: 'choosing', back: 'run' });
        case 'paused':
          return phase.why === 'break' ? state : to(state, { kind: 'choosing', back: phase.why });
        case 'calling':
          return phase.choosing ? state : to(state, { ...phase, choosing: true });
        default:
          return state;
      }
    case 'cancelPause':
      if (phase.kind === 'choosing') {
        return phase.back === 'run'
          ? to(state, carryOn(state, action.now, action.hasLead))
          : to(state, { kind: 'paused', why: phase.back });
      }
      if (phase.kind === 'calling' && phase.choosing) return to(state, { ...phase, choosing: false });
      return state;
    case 'confirmPause':
      if (phase.kind === 'choosing') return to(state, { kind: 'pausing', reason: action.reason });
      if (phase.kind === 'calling') {
        return to(state, { kind: 'calling', choosing: false, pauseAfter: action.reason });
      }
      return state;
    case 'statusSet': {
      if (action.step !== state.step) return state;
      if (phase.kind === 'pausing') {
        return action.problem === null
          ? to(state, { kind: 'paused', why: 'break' }, offChanges)
          : to(state, { kind: 'choosing', back: 'run' }, { problem: action.problem });
      }
      if (phase.kind === 'resuming') {
        return action.problem === null
          ? to(state, carryOn(state, action.now, action.hasLead), {
              workingSince: state.workingSince ?? action.now,
            })
          : to(state, { kind: 'paused', why: phase.from }, { problem: action.problem });
      }
      return state;
    }
    case 'away':
      switch (phase.kind) {
        case 'loading':
        case 'countdown':
        case 'choosing':
          return to(state, { kind: 'paused', why: 'away' }, offChanges);
        default:
          return state;
      }
    case 'resume': {
      if (phase.kind !== 'paused') return state;
      if (action.away) return to(state, { kind: 'resuming', from: phase.why });
      return to(state, carryOn(state, action.now, action.hasLead), {
        workingSince: state.workingSince ?? action.now,
      });
    }
    case 'reminderDue':
      return state.workingSince === null || state.reminderDue
        ? state
        : { ...state, reminderDue: true };
  }
  return state;
}
