import type { ReactNode } from 'react';

import { MaskedPhone } from '@/components/ui/masked-phone';
import { phoneTypeLabel } from '@/features/queue/labels';
import type { Address, Claim, Lead } from '@/types/api';
import { cn } from '@/utils/cn';
import { formatUkDate } from '@/utils/uk-time';

// The parts of the queue page's customer context that describe the customer, without the parts
// that act on a held one (sending links and texts) or repeat the timeline (calls, outcomes).

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

function money(value: string): string {
  const amount = Number(value);
  return Number.isFinite(amount) ? pounds.format(amount) : value;
}

/** "proof_of_address" → "proof of address"; "PENDING" → "Pending". */
function words(code: string): string {
  const spaced = code.replaceAll('_', ' ').trim();
  return spaced === spaced.toUpperCase()
    ? spaced.charAt(0) + spaced.slice(1).toLowerCase()
    : spaced;
}

function addressText(address: Address): string {
  if (address.fullAddress) return address.fullAddress;
  return [address.line1, address.line2, address.town, address.county, address.postCode]
    .filter((part) => part !== null && part !== undefined && part.trim() !== '')
    .join(', ');
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </div>
  );
}

function ClaimItem({ claim }: { claim: Claim }) {
  const vehicle = claim.vehicle;
  const car = vehicle
    ? [vehicle.registration?.toUpperCase(), [vehicle.make, vehicle.model].filter(Boolean).join(' ')]
        .filter((part) => part !== undefined && part !== null && part !== '')
        .join(' · ')
    : '';
  return (
    <li className="rounded-md bg-slate-50 px-2 py-1.5">
      <p className="text-sm">
        <span className="font-medium">{claim.lender ?? 'Unknown lender'}</span>
        {claim.type ? <span className="text-slate-600"> · {claim.type}</span> : null}
        {claim.status ? <span className="text-slate-600"> · {words(claim.status)}</span> : null}
      </p>
      {vehicle ? (
        <p className="text-sm text-slate-700">
          {car}
          {vehicle.monthlyPayment ? <> · {money(vehicle.monthlyPayment)} a month</> : null}
          {vehicle.contractStart ? (
            <span className="text-slate-500"> · from {formatUkDate(vehicle.contractStart)}</span>
          ) : null}
        </p>
      ) : null}
      {claim.requirements.length > 0 ? (
        <ul
          aria-label={claim.lender ? `Requirements for the ${claim.lender} claim` : 'Requirements'}
          className="mt-1 space-y-0.5"
        >
          {claim.requirements.map((requirement) => (
            <li key={requirement.id} className="text-sm">
              {words(requirement.type ?? 'requirement')}
              {' — '}
              <span
                className={cn(
                  'rounded px-1 text-xs font-semibold',
                  requirement.outstanding
                    ? 'bg-amber-100 text-amber-900'
                    : 'bg-emerald-100 text-emerald-900',
                )}
              >
                {requirement.status ? words(requirement.status) : 'No status'}
              </span>
              {requirement.outstanding ? (
                <span className="text-amber-900"> (outstanding)</span>
              ) : null}
              {requirement.reason ? (
                <span className="text-slate-600"> — {requirement.reason}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Who the customer is: contact details (the number masked), claims and addresses. */
export function CustomerSummary({ lead }: { lead: Lead }) {
  const { customer } = lead;
  const addresses = [...customer.addresses].sort((a, b) => Number(b.current) - Number(a.current));
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

      <Block title={`Claims (${lead.claims.length})`}>
        {lead.claims.length === 0 ? (
          <p className="text-sm text-slate-500">No claims</p>
        ) : (
          <ul aria-label="Claims" className="space-y-1.5">
            {lead.claims.map((claim) => (
              <ClaimItem key={claim.id} claim={claim} />
            ))}
          </ul>
        )}
      </Block>

      <Block title="Addresses">
        {addresses.length === 0 ? (
          <p className="text-sm text-slate-500">No address on file</p>
        ) : (
          <ul aria-label="Addresses" className="space-y-0.5 text-sm">
            {addresses.map((address, index) => (
              <li key={index}>
                {addressText(address)}
                {address.current ? <span className="text-slate-500"> (current)</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Block>
    </div>
  );
}
