import { MaskedPhone } from '@/components/ui/masked-phone';
import { AddressesBlock, ClaimsBlock } from '@/features/queue/components/customer-details';
import { phoneTypeLabel } from '@/features/queue/labels';
import type { Lead } from '@/types/api';

// The call screen's description of the customer (customer-details), without the parts that act
// on a held customer (links and texts) or repeat the timeline (calls, outcomes).

/** Who the customer is: contact details (the number masked), claims and addresses. */
export function CustomerSummary({ lead }: { lead: Lead }) {
  const { customer } = lead;
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        <dt className="text-slate-500">Customer number</dt>
        <dd>{lead.userId}</dd>
        <dt className="text-slate-500">Phone</dt>
        <dd>
          {customer.phone ? (
            <>
              <MaskedPhone masked={customer.phone.masked} /> ({phoneTypeLabel(customer.phone.type)})
            </>
          ) : (
            'No number on file'
          )}
        </dd>
        <dt className="text-slate-500">Email</dt>
        <dd className="min-w-0 break-words">{customer.email ?? 'No email on file'}</dd>
        <dt className="text-slate-500">Age</dt>
        <dd>{customer.age ?? 'Not known'}</dd>
      </dl>

      <ClaimsBlock claims={lead.claims} level={3} />
      <AddressesBlock addresses={customer.addresses} level={3} />
    </div>
  );
}
