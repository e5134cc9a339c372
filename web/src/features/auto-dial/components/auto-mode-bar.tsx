import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { breakReasonLabel } from '@/features/agent-status/labels';
import { ShortcutKey } from '@/features/shortcuts/components/shortcut-key';
import { useKeyboardShortcut } from '@/hooks/use-keyboard-shortcut';
import type { BreakReason } from '@/types/api';
import { cn } from '@/utils/cn';

import type { AutoPhase } from '../auto-mode';
import type { AutoMode } from '../hooks/use-auto-mode';
import { breakReminderText, stoppedText } from '../labels';

/** Auto mode's keys (what `KeyboardEvent.key` says), for its buttons and the help overlay. */
export const autoModeKeys = { toggle: 'A', pause: 'Escape' } as const;

type AutoModeBarProps = {
  auto: AutoMode;
  /** The reasons a pause may give, in the server's order. */
  pauseReasons: readonly BreakReason[];
  /** The held customer's name, for the countdown; null when nobody is held. */
  customerName: string | null;
  /** Auto mode may be started now (its settings are known, the agent is Available). */
  canStart: boolean;
  /** Why it cannot be started, when that is for the agent to change. */
  startHint: string | null;
  /** The countdown's length, for the idle hint (null while unknown). */
  countdownSeconds: number | null;
};

function PauseChooser({
  reasons,
  duringCall,
  onPause,
  onCancel,
}: {
  reasons: readonly BreakReason[];
  duringCall: boolean;
  onPause: (reason: BreakReason) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState<BreakReason | ''>(reasons[0] ?? '');
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => selectRef.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason !== '') onPause(reason);
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <Label htmlFor={`${id}-reason`} className="whitespace-nowrap">
        Pause reason
      </Label>
      <div className="w-40">
        <Select
          ref={selectRef}
          id={`${id}-reason`}
          value={reason}
          onChange={(event) => setReason(event.target.value as BreakReason)}
          aria-describedby={duringCall ? `${id}-when` : undefined}
          className="py-1.5"
        >
          {reasons.map((candidate) => (
            <option key={candidate} value={candidate}>
              {breakReasonLabel(candidate)}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" disabled={reason === ''}>
        Pause auto mode
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      {duringCall ? (
        <span id={`${id}-when`} className="text-xs text-slate-600">
          Takes effect once this call&apos;s outcome is saved.
        </span>
      ) : null}
    </form>
  );
}

/** What auto mode is doing, in words, for the always-present status line. */
function phaseMessage(
  phase: AutoPhase,
  calls: number,
  name: string,
  countdownSeconds: number | null,
): ReactNode {
  switch (phase.kind) {
    case 'off':
      if (phase.stopped) return stoppedText(phase.stopped, calls);
      return countdownSeconds === null
        ? 'Loads and dials the next customer after each outcome.'
        : `Loads the next customer after each outcome; dials after ${countdownSeconds} s.`;
    case 'loading':
      return 'Finding the next customer…';
    case 'countdown':
      return null;
    case 'choosing':
      // The reason chooser beside it says it all; this is for the ear.
      return <span className="sr-only">Countdown stopped: choose why you pause.</span>;
    case 'dialling':
      return `Dialling ${name}…`;
    case 'calling':
      return phase.pauseAfter
        ? `Auto mode pauses for ${breakReasonLabel(phase.pauseAfter)} once this outcome is saved.`
        : 'The next customer loads once the outcome is saved.';
    case 'pausing':
      return 'Pausing auto mode…';
    case 'paused':
      switch (phase.why) {
        case 'break':
          return 'Auto mode paused: you are on a break.';
        case 'refused':
          return 'Auto mode paused: this customer cannot be called now. Skip or release them, then resume.';
        case 'failed':
          return 'Auto mode paused: the call was not placed.';
        case 'away':
          return 'Auto mode paused: you are not Available.';
      }
      return null;
    case 'resuming':
      return 'Resuming auto mode…';
  }
}

/**
 * Auto mode's controls on the call screen (docs: screens.md, state "auto countdown"): start and
 * stop (A), the countdown to the next dial with Dial now and Pause (Escape), the pause reason,
 * Resume, the session's calls against its limit, and the break reminder. It keeps its height
 * whatever it shows, so the panels below do not move.
 */
export function AutoModeBar({
  auto,
  pauseReasons,
  customerName,
  canStart,
  startHint,
  countdownSeconds,
}: AutoModeBarProps) {
  const id = useId();
  const { state, on, secondsLeft } = auto;
  const { phase } = state;
  const name = customerName ?? 'the next customer';
  const toggleRef = useRef<HTMLButtonElement>(null);
  const pauseRef = useRef<HTMLButtonElement>(null);
  const resumeRef = useRef<HTMLButtonElement>(null);

  const canToggle = on || canStart;
  const toggle = () => (on ? auto.stop() : auto.start());
  const counting = phase.kind === 'countdown';
  const choosing = phase.kind === 'choosing' || (phase.kind === 'calling' && phase.choosing);
  const canPause =
    phase.kind === 'loading' ||
    counting ||
    (phase.kind === 'calling' && !phase.choosing && phase.pauseAfter === null);

  useKeyboardShortcut(autoModeKeys.toggle, toggle, canToggle);
  useKeyboardShortcut(autoModeKeys.pause, auto.openPause, counting);

  // A button the agent pressed may go with the phase it belonged to (Cancel, Pause auto mode,
  // Resume): the focus then moves to this phase's own control rather than to the page's top.
  const kind = phase.kind;
  const previousKind = useRef(kind);
  useEffect(() => {
    if (previousKind.current === kind) return;
    // A phase on its way to another (a request pending) has no control of its own to take it.
    if (kind === 'pausing' || kind === 'resuming' || kind === 'loading' || kind === 'dialling') {
      return;
    }
    previousKind.current = kind;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const target = kind === 'paused' ? resumeRef.current : (pauseRef.current ?? toggleRef.current);
    target?.focus();
  }, [kind]);

  const message = phaseMessage(phase, state.calls, name, countdownSeconds);
  const max = state.settings?.maxCallsPerSession;

  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        'flex min-h-14 shrink-0 flex-wrap items-center gap-x-3 gap-y-2 rounded-lg bg-white px-3 py-2',
        'shadow-sm ring-1 ring-slate-200',
      )}
    >
      <h2 id={`${id}-title`} className="sr-only">
        Auto mode
      </h2>
      <Button
        ref={toggleRef}
        variant="secondary"
        className="gap-1.5 whitespace-nowrap"
        onClick={toggle}
        disabled={!canToggle}
        aria-keyshortcuts={autoModeKeys.toggle}
        aria-describedby={!on && startHint ? `${id}-hint` : undefined}
      >
        {on ? 'Stop auto mode' : 'Start auto mode'}
        <ShortcutKey aria-hidden="true">{autoModeKeys.toggle}</ShortcutKey>
      </Button>
      {/* Fixed widths: the line does not move as auto mode comes on or the count grows. */}
      <span
        className={cn(
          'w-20 rounded-full px-2 py-0.5 text-center text-xs font-semibold whitespace-nowrap',
          on ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-100 text-slate-700',
        )}
      >
        {on ? 'Auto on' : 'Auto off'}
      </span>
      <span className="w-40 text-xs whitespace-nowrap text-slate-700">
        {on && max !== undefined ? (
          <>
            <span className="font-mono font-semibold text-slate-900 tabular-nums">
              {state.calls} / {max}
            </span>{' '}
            calls this session
          </>
        ) : null}
      </span>

      <div
        role="status"
        className={cn('flex-1 text-sm text-slate-800', choosing ? 'min-w-0' : 'min-w-48')}
      >
        {counting && secondsLeft !== null ? (
          <span role="timer" aria-label="Auto-dial countdown" className="font-semibold">
            Dialling {name} in <span className="tabular-nums">{secondsLeft}</span> s
          </span>
        ) : !on && startHint ? (
          // Instead of the usual line, not beside it: the bar keeps to one line.
          <span id={`${id}-hint`} className="font-medium text-amber-800">
            {startHint}
          </span>
        ) : (
          message
        )}
      </div>

      <div className="flex flex-wrap items-center gap-2">
        {counting ? (
          <Button onClick={auto.dialNow} className="whitespace-nowrap">
            Dial now
          </Button>
        ) : null}
        {canPause && !choosing ? (
          <Button
            ref={pauseRef}
            variant="secondary"
            className="gap-1.5"
            onClick={auto.openPause}
            aria-keyshortcuts={counting ? autoModeKeys.pause : undefined}
          >
            Pause
            {counting ? <ShortcutKey aria-hidden="true">Esc</ShortcutKey> : null}
          </Button>
        ) : null}
        {choosing ? (
          <PauseChooser
            reasons={pauseReasons}
            duringCall={phase.kind === 'calling'}
            onPause={auto.confirmPause}
            onCancel={auto.cancelPause}
          />
        ) : null}
        {phase.kind === 'paused' ? (
          <Button ref={resumeRef} onClick={auto.resume} className="whitespace-nowrap">
            Resume auto mode
          </Button>
        ) : null}
      </div>

      {state.problem ? <Alert className="basis-full">{state.problem}</Alert> : null}
      {on && state.reminderDue && state.settings && phase.kind !== 'paused' ? (
        <div
          role="status"
          className={cn(
            'flex basis-full items-center justify-between gap-3 rounded-md bg-amber-50 px-3 py-1.5',
            'text-sm text-amber-900 ring-1 ring-amber-200 ring-inset',
          )}
        >
          <span>{breakReminderText(state.settings.breakReminderMinutes)}</span>
          {!choosing && phase.kind !== 'pausing' && phase.kind !== 'resuming' ? (
            <Button variant="secondary" onClick={auto.openPause} className="whitespace-nowrap">
              Take a break
            </Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
