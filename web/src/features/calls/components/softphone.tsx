import { useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { MaskedPhone } from '@/components/ui/masked-phone';
import { ShortcutKey } from '@/features/shortcuts/components/shortcut-key';
import { useKeyboardShortcut } from '@/hooks/use-keyboard-shortcut';
import type { Lead } from '@/types/api';
import { cn } from '@/utils/cn';
import { formatDuration } from '@/utils/duration';

import type { VoiceCall, VoiceDevice } from '../device/types';
import { useCall, type CallPhase, type CallStartResult } from '../hooks/use-call';
import { useElapsedSeconds } from '../hooks/use-elapsed-seconds';
import { useVoiceDevice } from '../hooks/use-voice-device';
import { callStatusLabel } from '../labels';
import { LiveIndicator } from './live-indicator';
import { RefusalMessage } from './refusal-message';

/** The softphone's keys (what `KeyboardEvent.key` says), for its buttons and the help overlay. */
export const softphoneKeys = { call: 'F2', hangUp: 'H', mute: 'M' } as const;

/** What the page may ask of the softphone itself: auto mode dials as the Call button does. */
export type SoftphoneControl = {
  /** Presses Call for the held customer: the same request, checks and messages as a click. */
  call: () => Promise<CallStartResult>;
};

/** A customer's call the agent answered, for the softphone to take over once they are loaded. */
export type AnsweredCall = {
  callSessionId: string;
  /** The caller: taken over by the softphone of this customer only. */
  userId: string;
  /** The device's call, once it has answered. */
  call: Promise<VoiceCall>;
};

export type SoftphoneProps = {
  /** The customer the agent holds, or null when there is none. */
  lead: Lead | null;
  /** A call to the customer has been placed (its session exists): the page is in a call. */
  onCallStarted?: (callSessionId: string) => void;
  /** The call ended, so the page can move to the outcome form, which records it. */
  onCallEnded: (callSessionId: string) => void;
  /** Filled with the controls for the held customer while there is one. */
  controlRef?: Ref<SoftphoneControl>;
  /** The held customer's call to us, answered: the softphone carries on with it as its call. */
  answeredCall?: AnsweredCall | null;
};

function displayName(lead: Lead): string {
  const name = [lead.customer.firstName, lead.customer.lastName].filter(Boolean).join(' ');
  return name === '' ? `Customer ${lead.userId}` : name;
}

const keypadDigits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

function phaseText(phase: CallPhase): string {
  switch (phase.kind) {
    case 'idle':
      return '';
    case 'starting':
    case 'dialling':
      return 'Dialling…';
    case 'ringing':
      return 'Ringing…';
    case 'answering':
      return 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'ended':
      return phase.reason ? `Call ended — ${callStatusLabel(phase.reason)}` : 'Call ended';
  }
}

function CallTimer({ since }: { since: number | null }) {
  const seconds = useElapsedSeconds(since);
  return (
    <span role="timer" aria-label="Call time" className="font-mono text-sm tabular-nums">
      {formatDuration(seconds)}
    </span>
  );
}

type CallPanelProps = {
  lead: Lead;
  ensureDevice: () => Promise<VoiceDevice>;
  onCallStarted?: (callSessionId: string) => void;
  onCallEnded: (callSessionId: string) => void;
  controlRef?: Ref<SoftphoneControl>;
  answeredCall: AnsweredCall | null;
};

/** The call controls for one held customer (remounted for the next one). */
function CallPanel({
  lead,
  ensureDevice,
  onCallStarted,
  onCallEnded,
  controlRef,
  answeredCall,
}: CallPanelProps) {
  const id = useId();
  const [keypadOpen, setKeypadOpen] = useState(false);
  const call = useCall({
    userId: lead.userId,
    ensureDevice,
    onStarted: onCallStarted,
    onEnded: onCallEnded,
  });
  const { phase } = call;

  // Each answered call is taken over once, by the panel of its caller.
  const adoptedRef = useRef<string | null>(null);
  useEffect(() => {
    if (!answeredCall || answeredCall.userId !== lead.userId) return;
    if (adoptedRef.current === answeredCall.callSessionId) return;
    adoptedRef.current = answeredCall.callSessionId;
    call.adopt(answeredCall.callSessionId, answeredCall.call);
  });

  const hasNumber = lead.customer.phone !== null;
  // One call per hold: after it, the outcome records how it went before anything else.
  const canCall = hasNumber && phase.kind === 'idle';

  const canHangUp = call.controllable && !call.hangingUp;

  useKeyboardShortcut(softphoneKeys.call, () => void call.start(), canCall);
  useKeyboardShortcut(softphoneKeys.hangUp, call.hangUp, canHangUp);
  useKeyboardShortcut(softphoneKeys.mute, call.toggleMute, call.controllable);

  useImperativeHandle(controlRef, () => ({
    call: () => {
      if (!hasNumber) return Promise.resolve<CallStartResult>('failed');
      return phase.kind === 'idle' ? call.start() : Promise.resolve<CallStartResult>('ignored');
    },
  }));

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2">
        <Button
          className="flex-1"
          onClick={() => void call.start()}
          disabled={!canCall}
          aria-keyshortcuts={softphoneKeys.call}
          aria-describedby={`${id}-call-key`}
        >
          Call
        </Button>
        <kbd
          id={`${id}-call-key`}
          title="Keyboard shortcut"
          className={cn(
            'rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5',
            'font-mono text-xs text-slate-600',
          )}
        >
          {softphoneKeys.call}
        </kbd>
      </div>

      <div className="flex min-h-6 items-center justify-between gap-2">
        {/* Always in the page so that a screen reader is listening before the state changes. */}
        <p role="status" aria-label="Call status" className="text-sm font-medium text-slate-800">
          {phaseText(phase)}
        </p>
        {phase.kind === 'connected' ? <CallTimer since={phase.since} /> : null}
      </div>

      {call.inCall ? (
        <div className="space-y-2">
          <div className="flex gap-2">
            <Button
              variant="secondary"
              className="gap-1.5"
              aria-pressed={call.muted}
              aria-keyshortcuts={softphoneKeys.mute}
              disabled={!call.controllable}
              onClick={call.toggleMute}
            >
              Mute
              <ShortcutKey aria-hidden="true">{softphoneKeys.mute}</ShortcutKey>
            </Button>
            <Button
              variant="secondary"
              aria-expanded={keypadOpen}
              aria-controls={`${id}-keypad`}
              disabled={!call.controllable}
              onClick={() => setKeypadOpen((open) => !open)}
            >
              Keypad
            </Button>
            <Button
              className={cn(
                'flex-1 gap-1.5 bg-red-600 hover:bg-red-500',
                'focus-visible:outline-red-600 disabled:bg-red-300',
              )}
              aria-keyshortcuts={softphoneKeys.hangUp}
              disabled={!canHangUp}
              onClick={call.hangUp}
            >
              Hang up
              <ShortcutKey aria-hidden="true">{softphoneKeys.hangUp}</ShortcutKey>
            </Button>
          </div>
          {keypadOpen && call.controllable ? (
            <div
              id={`${id}-keypad`}
              role="group"
              aria-label="Keypad"
              className="grid grid-cols-3 gap-1"
            >
              {keypadDigits.map((digit) => (
                <Button
                  key={digit}
                  variant="secondary"
                  aria-label={`Digit ${digit}`}
                  className="font-mono"
                  onClick={() => call.sendDigit(digit)}
                >
                  {digit}
                </Button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}

      {phase.kind === 'ended' ? (
        <p className="text-xs text-slate-600">
          Record the outcome below to finish with this customer.
        </p>
      ) : null}
      {call.refusal ? (
        <RefusalMessage refusal={call.refusal} title="This customer cannot be called now." />
      ) : null}
      {call.error ? <Alert>{call.error}</Alert> : null}
    </div>
  );
}

/**
 * The softphone panel of the queue page: who is on the line, the (masked) number, the call and
 * its controls. The device outlives each customer (and the page: see VoiceDeviceProvider), so the
 * next call starts without a new token.
 */
export function Softphone({
  lead,
  onCallStarted,
  onCallEnded,
  controlRef,
  answeredCall = null,
}: SoftphoneProps) {
  const headingId = useId();
  const ensureDevice = useVoiceDevice();
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          Softphone
        </h2>
        <LiveIndicator />
      </div>
      {lead ? (
        <div className="space-y-3">
          <div className="space-y-1">
            <p className="font-medium text-slate-900">{displayName(lead)}</p>
            {lead.customer.phone ? (
              <p className="text-sm text-slate-700">
                <MaskedPhone masked={lead.customer.phone.masked} />
              </p>
            ) : (
              <p className="text-sm text-slate-500">No number on file</p>
            )}
          </div>
          <CallPanel
            key={lead.userId}
            lead={lead}
            ensureDevice={ensureDevice}
            onCallStarted={onCallStarted}
            onCallEnded={onCallEnded}
            controlRef={controlRef}
            answeredCall={answeredCall}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-500">No customer</p>
      )}
    </section>
  );
}
