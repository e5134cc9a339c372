import type { ReactNode } from 'react';

import { codeInWords } from '@/features/calls/labels';
import { formatUkDateTime } from '@/utils/uk-time';

import type { CustomerRecord } from '../api/schemas';
import { customerStatusLabel, isInAQueue, queueLabel } from '../labels';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </div>
  );
}

type CustomerEligibilityProps = {
  eligibility: CustomerRecord['eligibility'];
  /** Where the customer stands with the dialler (search and page alike). */
  status: CustomerRecord['status'];
  /** Names an agent by id. */
  agentName: (agentId: string) => string;
  /** What may be done about it (Call now), right under the gate's decision. */
  action?: ReactNode;
};

/**
 * Why the dialler would call the customer now (or not): the queue and its reasons, what stands
 * in the way, the score, and the contact gate's decision at this moment in words.
 */
export function CustomerEligibility({
  eligibility,
  status,
  agentName,
  action,
}: CustomerEligibilityProps) {
  const { gate, score, lease } = eligibility;
  const facts = eligibility.eligibility;
  return (
    <div className="space-y-3">
      <Block title="Queue">
        <p className="text-sm font-medium">{queueLabel(facts.queue)}</p>
        {facts.reasons.length > 0 ? (
          <ul aria-label="Reasons" className="list-disc pl-5 text-sm">
            {facts.reasons.map((reason) => (
              <li key={reason.code}>{reason.text}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">No reason to call them at the moment.</p>
        )}
        <p className="text-sm text-slate-600">
          {facts.activeClaims} active {facts.activeClaims === 1 ? 'claim' : 'claims'} ·{' '}
          {facts.outstandingRequirements} outstanding{' '}
          {facts.outstandingRequirements === 1 ? 'requirement' : 'requirements'}
        </p>
        {facts.suppressed ? (
          <p className="rounded bg-amber-100 px-1.5 py-0.5 text-sm font-medium text-amber-900">
            On the do-not-contact list
          </p>
        ) : null}
      </Block>

      <Block title="Calling now">
        {!isInAQueue(status) ? (
          <p className="text-sm font-medium text-slate-700">
            Not called by the dialler: {customerStatusLabel(status, null).toLowerCase()}
          </p>
        ) : gate.allowed ? (
          <p className="text-sm font-medium text-emerald-800">Can be called now</p>
        ) : (
          <>
            <p className="text-sm font-medium text-red-800">Cannot be called now</p>
            {gate.denials.length > 0 ? (
              <ul aria-label="Why not" className="list-disc pl-5 text-sm">
                {gate.denials.map((denial, index) => (
                  <li key={`${denial.code}-${index}`}>
                    {denial.message || codeInWords(denial.code)}
                  </li>
                ))}
              </ul>
            ) : null}
            {gate.retryAt ? (
              <p className="text-sm">Next allowed {formatUkDateTime(gate.retryAt)} (UK time)</p>
            ) : null}
          </>
        )}
        {lease ? (
          <p className="text-sm text-slate-600">
            Held by {agentName(lease.agentId)}
            {lease.expiresAt ? ` until ${formatUkDateTime(lease.expiresAt)}` : ''}
          </p>
        ) : null}
        {action}
      </Block>

      <Block title="Score">
        <p className="text-sm">
          <span className="font-semibold">Score {score.total}</span>
          <span className="text-slate-500"> (lower is called sooner)</span>
          {score.givenUp ? <span className="font-medium text-slate-700"> · Given up</span> : null}
        </p>
        {score.components.length > 0 ? (
          <ul aria-label="Score components" className="flex flex-wrap gap-1 text-xs">
            {score.components.map((component) => (
              <li key={component.name} className="rounded bg-slate-100 px-1.5 py-0.5">
                {component.name} {component.points}
                {component.detail ? (
                  <span className="text-slate-600"> — {component.detail}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Block>
    </div>
  );
}
