import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useBlocker, useLocation, useNavigate } from 'react-router';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useMyStatus } from '@/features/agent-status/api/get-my-status';
import { useChangeMyStatus } from '@/features/agent-status/hooks/use-change-my-status';
import { useSession } from '@/features/auth/api/get-me';
import { useMyDay } from '@/features/auto-dial/api/get-my-day';
import type { LoadResult } from '@/features/auto-dial/auto-mode';
import { AutoModeBar } from '@/features/auto-dial/components/auto-mode-bar';
import { useAutoMode } from '@/features/auto-dial/hooks/use-auto-mode';
import { IncomingCallBanner } from '@/features/calls/components/incoming-call-banner';
import {
  Softphone,
  type AnsweredCall,
  type SoftphoneControl,
} from '@/features/calls/components/softphone';
import { useShortcutGroup } from '@/features/shortcuts/registry';
import { useKeyboardShortcut } from '@/hooks/use-keyboard-shortcut';
import type { ApiError } from '@/lib/api-error';
import {
  breakReasonSchema,
  leadSchema,
  type BreakReason,
  type Lead,
  type NoLead,
  type QueueChoice,
} from '@/types/api';
import { cn } from '@/utils/cn';

import { useNextLead } from '../api/next-lead';
import { useLeadHeartbeat } from '../hooks/use-lead-heartbeat';
import { customerName } from '../labels';
import { nextCustomerKey, queueShortcutGroup } from '../shortcuts';
import { CustomerContext } from './customer-context';
import { LeadActions } from './lead-actions';
import { NoCustomer } from './no-customer';
import { OutcomeForm } from './outcome-form';
import { QueuePanel, type Notice } from './queue-panel';

function Panel({
  title,
  className,
  children,
}: {
  title?: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const content = (
    <>
      {title ? (
        <h2 id={id} className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {title}
        </h2>
      ) : null}
      {children}
    </>
  );
  const classes = cn('rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200', className);
  return title ? (
    <section aria-labelledby={id} className={classes}>
      {content}
    </section>
  ) : (
    <div className={classes}>{content}</div>
  );
}

/** A customer another page took for the agent (a customer's Call now), as router state. */
const heldLeadStateSchema = z.object({ heldLead: leadSchema });

function heldLeadFrom(state: unknown): Lead | null {
  const parsed = heldLeadStateSchema.safeParse(state);
  return parsed.success ? parsed.data.heldLead : null;
}

type FocusRequest = { target: 'next' | 'customer'; serial: number };

/** The call made in the current hold; `ended` once it is over and only the outcome is left. */
type HeldCall = { sessionId: string; ended: boolean };

/** Shown when the agent tries to leave the page before saving the outcome of a call. */
function OutcomeFirstDialog({ name, onStay }: { name: string; onStay: () => void }) {
  const id = useId();
  return (
    <div className="fixed inset-0 z-10 flex items-center justify-center bg-slate-900/30">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onStay();
        }}
        className="max-w-sm space-y-3 rounded-lg bg-white p-4 shadow-lg ring-1 ring-slate-200"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          Record the outcome first
        </h2>
        <p id={`${id}-text`} className="text-sm text-slate-700">
          You called {name}. Save the outcome of the call before leaving the queue.
        </p>
        <Button autoFocus onClick={onStay}>
          Back to the outcome
        </Button>
      </div>
    </div>
  );
}

/**
 * The agent's call screen (docs: screens.md, "The agent's call screen"). It holds at most one
 * customer at a time: Next customer loads one; Save outcome, Skip, Release or a lost hold end it.
 * No customer is requested on mount: a reload shows no customer until the agent presses Next
 * customer, which returns the customer they still hold, if any. A customer taken on another page
 * (Call now on a customer's page) arrives in the router state and starts out loaded; so does a
 * customer whose call to us the agent answers on the Incoming call banner, the call in progress.
 * Auto mode (the bar at the top) does the same steps itself: its state lives in this page, so a
 * reload or leaving the page ends it.
 */
export function QueuePage() {
  const { agent } = useSession();
  // The server lets agents and supervisors work the queues; everyone else only sees the counts.
  const canWork = agent.role === 'agent' || agent.role === 'supervisor';
  const [queue, setQueue] = useState<QueueChoice>('any');
  const location = useLocation();
  const navigate = useNavigate();
  // A customer handed over by another page starts out loaded, as if Next customer had returned it.
  const [lead, setLead] = useState<Lead | null>(() => heldLeadFrom(location.state));
  const [noLead, setNoLead] = useState<NoLead | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [call, setCall] = useState<HeldCall | null>(null);
  // The customer's call to the agent they answered, until the softphone has taken it over.
  const [answeredCall, setAnsweredCall] = useState<AnsweredCall | null>(null);
  const callActive = call !== null && !call.ended;
  const nextButtonRef = useRef<HTMLButtonElement>(null);
  const softphoneRef = useRef<SoftphoneControl>(null);
  const customerHeadingRef = useRef<HTMLHeadingElement>(null);
  const outcomeGroupRef = useRef<HTMLFieldSetElement>(null);
  const next = useNextLead();
  const myStatus = useMyStatus({ enabled: canWork });
  const myDay = useMyDay({ enabled: canWork });
  const changeStatus = useChangeMyStatus();
  useShortcutGroup(canWork ? queueShortcutGroup : null);
  // Offline or on a break, the agent has said they take no customers. A status not known (still
  // loading, or unreadable just now) blocks nothing: a glitch there must not stop the work. During
  // a call or its wrap-up Next customer stays usable: after a reload it returns the held customer.
  const away =
    canWork &&
    myStatus.isSuccess &&
    (myStatus.data.status.status === 'offline' || myStatus.data.status.status === 'break');

  // Focus moves only after the render that enables or shows its target.
  useEffect(() => {
    if (!focusRequest) return;
    const target =
      focusRequest.target === 'next' ? nextButtonRef.current : customerHeadingRef.current;
    target?.focus();
  }, [focusRequest]);

  function requestFocus(target: FocusRequest['target']) {
    setFocusRequest((current) => ({ target, serial: (current?.serial ?? 0) + 1 }));
  }

  // Having adopted a handed-over customer: announce them, and forget the hand-over so that a
  // reload (or Back to this entry) does not load them again.
  useEffect(() => {
    if (heldLeadFrom(location.state) === null) return;
    requestFocus('customer');
    void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const nextDisabled = !canWork || lead !== null || next.isPending || callActive || away;

  /**
   * Takes the next customer. Auto mode keeps the notice of what was just done ("Outcome saved"):
   * the agent did not ask for the next one themselves.
   */
  function takeNext({ keepNotice = false }: { keepNotice?: boolean } = {}): Promise<LoadResult> {
    if (nextDisabled) return Promise.resolve('blocked');
    if (!keepNotice) setNotice(null);
    setNoLead(null);
    return new Promise((resolve) => {
      next.mutate(queue, {
        onSuccess: (answer) => {
          if (answer.lead === null) {
            setNoLead(answer);
            requestFocus('next');
            resolve('none');
          } else {
            setLead(answer.lead);
            requestFocus('customer');
            resolve('lead');
          }
        },
        onError: () => resolve('error'),
      });
    });
  }

  useKeyboardShortcut(nextCustomerKey, () => void takeNext(), !nextDisabled);

  const auto = useAutoMode({
    settings: myDay.data?.autoDial,
    hasLead: lead !== null,
    callMade: call !== null,
    loadPending: next.isPending,
    away,
    loadNext: () => takeNext({ keepNotice: true }),
    // The softphone's own Call: the same session request, contact rules and refusal message.
    dial: () => softphoneRef.current?.call() ?? Promise.resolve('failed'),
    setStatus: changeStatus,
  });
  const pauseReasons = (myDay.data?.pauseReasons ?? []).filter(
    (reason): reason is BreakReason => breakReasonSchema.safeParse(reason).success,
  );

  function endLead(nextNotice: Notice) {
    setLead(null);
    setCall(null);
    setNoLead(null);
    next.reset();
    setNotice(nextNotice);
    requestFocus('next');
    auto.leadDone();
  }

  /**
   * The agent answered a customer's call: the caller is held now (any customer held before, not
   * called, was given back by the server) and is loaded as Next customer would load them, and the
   * softphone carries on with the call.
   */
  function takeAnsweredCall(caller: Lead, answered: AnsweredCall) {
    setNotice(null);
    setNoLead(null);
    next.reset();
    setCall(null);
    setLead(caller);
    setAnsweredCall(answered);
    requestFocus('customer');
  }

  function loseLead(held: Lead, error: ApiError) {
    endLead({
      tone: 'error',
      text: `The hold on ${customerName(held)} was lost: ${error.message}`,
    });
  }

  /** When a call ends the agent's next job is the outcome: put them on the chosen (or first) one. */
  function focusOutcome() {
    const group = outcomeGroupRef.current;
    const radio =
      group?.querySelector<HTMLInputElement>('input:checked') ?? group?.querySelector('input');
    radio?.focus();
  }

  // After a call the outcome is mandatory: the page cannot be left until it is saved. Signing out
  // (and an expired session) still go to the sign-in page.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      lead !== null &&
      call !== null &&
      nextLocation.pathname !== currentLocation.pathname &&
      nextLocation.pathname !== paths.login,
  );

  useEffect(() => {
    // The hold went while the dialog was up: nothing is left to save, nor to leave for.
    if (blocker.state === 'blocked' && (lead === null || call === null)) blocker.reset();
  }, [blocker, lead, call]);

  useLeadHeartbeat(lead?.userId ?? null, (userId, error) => {
    if (lead?.userId === userId) loseLead(lead, error);
  });

  let centre: ReactNode;
  if (next.isPending) {
    centre = <Spinner label="Finding the next customer" className="justify-center py-6" />;
  } else if (next.isError) {
    centre = <Alert>{next.error.message}</Alert>;
  } else if (lead) {
    centre = (
      <CustomerContext
        lead={lead}
        headingRef={customerHeadingRef}
        callSessionId={call?.sessionId ?? null}
      />
    );
  } else {
    centre = <NoCustomer answer={noLead} canWork={canWork} />;
  }

  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <h1 className="sr-only">Queue</h1>
      {canWork ? (
        <AutoModeBar
          auto={auto}
          pauseReasons={pauseReasons}
          customerName={lead ? customerName(lead) : null}
          canStart={myDay.isSuccess && !away}
          startHint={away ? 'Set yourself Available to use auto mode' : null}
          countdownSeconds={myDay.data?.autoDial.countdownSeconds ?? null}
        />
      ) : null}
      {canWork ? (
        <IncomingCallBanner
          canAnswer={call === null}
          onAnswered={takeAnsweredCall}
          onProblem={(text) => setNotice({ tone: 'error', text })}
        />
      ) : null}
      <div className="grid min-h-0 flex-1 grid-cols-[30fr_45fr_25fr] gap-3">
        <div className="flex min-h-0 flex-col gap-3 overflow-y-auto">
          <Panel>
            <Softphone
              lead={lead}
              controlRef={softphoneRef}
              answeredCall={answeredCall}
              onCallStarted={(sessionId) => {
                setCall({ sessionId, ended: false });
                auto.callStarted();
              }}
              onCallEnded={(sessionId) => {
                setCall({ sessionId, ended: true });
                focusOutcome();
              }}
            />
          </Panel>
          <Panel>
            <QueuePanel
              workableQueues={agent.queues}
              canWork={canWork}
              queue={queue}
              onQueueChange={setQueue}
              onNext={() => void takeNext()}
              nextDisabled={nextDisabled}
              nextHint={away ? 'Set yourself Available to take customers' : null}
              nextButtonRef={nextButtonRef}
              notice={notice}
            />
          </Panel>
        </div>
        <Panel title="Customer" className="min-h-0 overflow-y-auto">
          {centre}
        </Panel>
        <Panel title="Actions" className="min-h-0 overflow-y-auto">
          {lead ? (
            <LeadActions
              key={lead.userId}
              lead={lead}
              onDone={(message) => endLead({ tone: 'info', text: message })}
              onLost={(error) => loseLead(lead, error)}
              lockedReason={
                callActive
                  ? 'Skip and Release are not available during a call.'
                  : call
                    ? 'The customer was called: save the outcome below.'
                    : null
              }
            />
          ) : (
            <p className="text-sm text-slate-500">
              Actions for a customer appear here once one is loaded.
            </p>
          )}
        </Panel>
      </div>
      {lead ? (
        <Panel title="After the call" className="shrink-0">
          <OutcomeForm
            key={lead.userId}
            lead={lead}
            groupRef={outcomeGroupRef}
            callSessionId={call?.sessionId ?? null}
            callActive={callActive}
            onSaved={() => endLead({ tone: 'info', text: 'Outcome saved' })}
            onLost={(error) => loseLead(lead, error)}
          />
        </Panel>
      ) : null}
      {blocker.state === 'blocked' && lead ? (
        <OutcomeFirstDialog
          name={customerName(lead)}
          onStay={() => {
            blocker.reset();
            focusOutcome();
          }}
        />
      ) : null}
    </div>
  );
}
