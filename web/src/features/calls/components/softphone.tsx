import { useId } from 'react';

import { MaskedPhone } from '@/components/ui/masked-phone';
import type { Lead } from '@/types/api';

export type SoftphoneProps = {
  /** The customer the agent holds, or null when there is none. */
  lead: Lead | null;
  /** Called when a call to the customer ends, so the page can move to the outcome form. */
  onCallEnded: () => void;
};

function displayName(lead: Lead): string {
  const name = [lead.customer.firstName, lead.customer.lastName].filter(Boolean).join(' ');
  return name === '' ? `Customer ${lead.userId}` : name;
}

/**
 * The softphone panel of the queue page: who is on the line and the (masked) number. The page
 * depends only on these props, so the calling controls can grow here without touching it.
 */
export function Softphone(props: SoftphoneProps) {
  const { lead } = props;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Softphone
      </h2>
      {lead ? (
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
      ) : (
        <p className="text-sm text-slate-500">No customer</p>
      )}
    </section>
  );
}
