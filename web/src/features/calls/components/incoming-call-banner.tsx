import { useEffect, useId, useRef, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { isTypingTarget } from '@/hooks/use-keyboard-shortcut';
import { isApiError } from '@/lib/api-error';
import type { IncomingCall, Lead } from '@/types/api';
import { cn } from '@/utils/cn';

import { useAnswerCall } from '../api/answer-call';
import { useIncomingCalls } from '../api/get-incoming-calls';
import { voiceErrorMessage } from '../hooks/use-call';
import { useVoiceDevice } from '../hooks/use-voice-device';
import { callerName } from '../labels';
import type { AnsweredCall } from './softphone';

type IncomingCallBannerProps = {
  /**
   * False while the agent's current customer has a call (or its outcome to save): that comes
   * first, so the call can only be declined.
   */
  canAnswer: boolean;
  /** The call was answered: the caller is held now, and `answered` is the call to carry on. */
  onAnswered: (lead: Lead, answered: AnsweredCall) => void;
  /** Answering or declining failed; `message` says why, in words. */
  onProblem: (message: string) => void;
};

function RingingCall({
  call,
  canAnswer,
  answering,
  declining,
  onAccept,
  onDecline,
}: {
  call: IncomingCall;
  canAnswer: boolean;
  answering: boolean;
  declining: boolean;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const id = useId();
  const acceptRef = useRef<HTMLButtonElement>(null);
  const name = callerName(call);

  // The agent's next move is to answer, so Accept takes the focus; but not from a field they are
  // typing in (a space would answer for them), nor during their current call.
  useEffect(() => {
    if (!canAnswer || isTypingTarget(document.activeElement)) return;
    acceptRef.current?.focus();
  }, [call.callSessionId, canAnswer]);

  const busy = answering || declining;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        'flex flex-wrap items-center gap-3 rounded-lg bg-emerald-50 p-3 shadow-sm',
        'ring-1 ring-emerald-300',
      )}
    >
      <div className="min-w-0 flex-1">
        <h2
          id={`${id}-title`}
          className="text-xs font-semibold tracking-wide text-emerald-800 uppercase"
        >
          Incoming call
        </h2>
        <p id={`${id}-caller`} className="truncate font-semibold text-slate-900">
          {name}
        </p>
        {canAnswer ? null : (
          <p className="text-xs text-slate-700">
            Save the outcome of your current call first; until then this call can only be
            declined.
          </p>
        )}
      </div>
      {answering ? <Spinner label="Answering the call" /> : null}
      {canAnswer ? (
        <Button
          ref={acceptRef}
          // Not disabled while it works: the focus stays on it if the answer is a refusal.
          aria-disabled={busy || undefined}
          aria-describedby={`${id}-caller`}
          onClick={() => {
            if (!busy) onAccept();
          }}
        >
          Accept call
        </Button>
      ) : null}
      <Button
        variant="secondary"
        aria-disabled={busy || undefined}
        aria-describedby={`${id}-caller`}
        onClick={() => {
          if (!busy) onDecline();
        }}
      >
        Decline call
      </Button>
    </section>
  );
}

/**
 * The queue page's "Incoming call" banner: a customer's call ringing for the agent, with who is
 * calling, Accept and Decline. Accepting asks the server for the call (it holds the caller for the
 * agent), then answers it on the device; the page loads the caller and the softphone carries on
 * with the call. Declining turns it away on the device: the server then records it as missed.
 * Calls that ring are read when the page opens and whenever the live socket says they changed.
 */
export function IncomingCallBanner({ canAnswer, onAnswered, onProblem }: IncomingCallBannerProps) {
  const incoming = useIncomingCalls();
  const ensureDevice = useVoiceDevice();
  const answer = useAnswerCall();
  const [declining, setDeclining] = useState(false);
  // Answered or turned away here: gone from the banner at once, before the server's list says so.
  const [handled, setHandled] = useState<readonly string[]>([]);
  const markHandled = (id: string) => setHandled((current) => [...current, id]);

  const ringing =
    incoming.data?.incoming.find((call) => !handled.includes(call.callSessionId)) ?? null;

  function accept(call: IncomingCall) {
    answer.mutate(call.callSessionId, {
      onSuccess: ({ lead, callSession }) => {
        markHandled(call.callSessionId);
        const answered = ensureDevice().then((device) => device.acceptIncoming());
        // The softphone reports a failure to answer on the device; nothing else waits on it.
        answered.catch(() => {});
        onAnswered(lead, { callSessionId: callSession.id, userId: lead.userId, call: answered });
      },
      onError: (error) => {
        onProblem(`The call could not be answered: ${error.message}`);
        // Not ours (any more): stop it ringing here. Other failures may pass: it rings on.
        if (isApiError(error) && (error.status === 404 || error.status === 409)) {
          void ensureDevice()
            .then((device) => device.rejectIncoming())
            .catch(() => {});
        }
      },
    });
  }

  async function decline(call: IncomingCall) {
    setDeclining(true);
    try {
      const device = await ensureDevice();
      await device.rejectIncoming();
      markHandled(call.callSessionId);
    } catch (failure) {
      onProblem(`The call could not be declined: ${voiceErrorMessage(failure)}`);
    } finally {
      setDeclining(false);
    }
  }

  let content = null;
  if (ringing) {
    content = (
      <RingingCall
        key={ringing.callSessionId}
        call={ringing}
        canAnswer={canAnswer}
        answering={answer.isPending}
        declining={declining}
        onAccept={() => accept(ringing)}
        onDecline={() => void decline(ringing)}
      />
    );
  } else if (incoming.isError) {
    content = (
      <Alert className="flex items-center justify-between gap-2">
        <span>Calls ringing for you could not be read: {incoming.error.message}</span>
        <Button variant="secondary" className="py-1" onClick={() => void incoming.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }

  return (
    // Always in the page, so that a screen reader is listening before a call rings.
    <div role="status" aria-live="polite" aria-label="Incoming calls" className="shrink-0">
      {content}
    </div>
  );
}
