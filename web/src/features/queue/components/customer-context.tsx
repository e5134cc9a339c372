import type { Ref } from 'react';

import { MaskedPhone } from '@/components/ui/masked-phone';
import { CallHistory } from '@/features/calls/components/call-history';
import { LinksAndTexts } from '@/features/messaging/components/links-and-texts';
import type { Lead } from '@/types/api';
import { formatUkDateTime } from '@/utils/uk-time';

import { customerName, outcomeLabel, phoneTypeLabel, queueLabels } from '../labels';

import { AddressesBlock, Block, ClaimsBlock, words } from './customer-details';

type CustomerContextProps = {
  lead: Lead;
  /** The name heading takes focus when a customer loads, so a screen reader announces them. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** The call made to the customer in this hold, if any: links sent now are tied to it. */
  callSessionId?: string | null;
};

/** Everything the API says about the held customer, for the agent to read before and during the call. */
export function CustomerContext({
  lead,
  headingRef,
  callSessionId = null,
}: CustomerContextProps) {
  const { customer, score, history } = lead;
  const outcomes = [...history.outcomes].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const calls = history.contacts.filter((contact) => contact.channel === 'call').length;
  const texts = history.contacts.length - calls;

  return (
    <div className="space-y-3">
      <div className="space-y-0.5">
        <h3
          ref={headingRef}
          tabIndex={-1}
          className="text-xl font-semibold text-slate-900 focus:outline-none"
        >
          {customerName(lead)}
        </h3>
        <p className="text-sm text-slate-700">
          {customer.age !== null ? <>Age {customer.age} · </> : null}
          {customer.phone ? (
            <>
              <MaskedPhone masked={customer.phone.masked} /> ({phoneTypeLabel(customer.phone.type)})
            </>
          ) : (
            'No number on file'
          )}
          {customer.email ? <> · {customer.email}</> : null}
        </p>
      </div>

      <Block title="Why in queue">
        <p className="text-sm text-slate-600">
          {lead.queue ? `${queueLabels[lead.queue]} queue` : 'No queue'}
          {lead.callbackId ? ' · callback due' : ''}
        </p>
        <ul className="list-disc pl-5 text-sm">
          {lead.whyInQueue.map((why) => (
            <li key={why.code}>{why.text}</li>
          ))}
        </ul>
      </Block>

      <Block title="Score">
        <p className="text-sm">
          <span className="font-semibold">Score {score.total}</span>
          <span className="text-slate-500"> (lower is called sooner)</span>
        </p>
        <ul aria-label="Score components" className="flex flex-wrap gap-1 text-xs">
          {score.components.map((component) => (
            <li
              key={component.name}
              className="rounded bg-slate-100 px-1.5 py-0.5"
              title={component.detail}
            >
              {component.name} {component.points}
              {component.detail ? (
                <span className="text-slate-600"> — {component.detail}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </Block>

      <ClaimsBlock claims={lead.claims} />

      <AddressesBlock addresses={customer.addresses} />

      <Block title="History">
        <p className="text-sm">
          {history.attempts} {history.attempts === 1 ? 'call attempt' : 'call attempts'} ·{' '}
          {history.contacts.length} {history.contacts.length === 1 ? 'contact' : 'contacts'}
          {history.contacts.length > 0 ? ` (${calls} by phone, ${texts} by SMS)` : ''}
        </p>
        {outcomes.length > 0 ? (
          <ul aria-label="Outcomes" className="space-y-0.5 text-sm">
            {outcomes.map((outcome) => (
              <li key={outcome.id}>
                <span className="text-slate-500">{formatUkDateTime(outcome.at)}</span>{' '}
                <span className="font-medium">{outcomeLabel(outcome.outcome)}</span>
                {outcome.notes ? <span className="text-slate-600"> — {outcome.notes}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">No outcomes yet</p>
        )}
      </Block>

      <Block title="Calls">
        <CallHistory userId={lead.userId} />
      </Block>

      <LinksAndTexts key={lead.userId} userId={lead.userId} callSessionId={callSessionId} />

      <Block title="Callbacks">
        {lead.callbacks.length === 0 ? (
          <p className="text-sm text-slate-500">None</p>
        ) : (
          <ul aria-label="Callbacks" className="space-y-0.5 text-sm">
            {lead.callbacks.map((callback) => (
              <li key={callback.id}>
                <span className="font-medium">{formatUkDateTime(callback.scheduledFor)}</span>{' '}
                <span className="text-slate-600">{callback.status}</span>
                {callback.closedReason ? (
                  <span className="text-slate-600"> ({words(callback.closedReason)})</span>
                ) : null}
                {callback.notes ? (
                  <span className="text-slate-600"> — {callback.notes}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Block>
    </div>
  );
}
