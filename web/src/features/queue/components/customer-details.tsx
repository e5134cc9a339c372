// The parts of a customer's details that the call screen and the customer's page both show: the
// claims with their requirements, and the addresses, current first.
import type { ReactNode } from 'react';

import type { Address, Claim } from '@/types/api';
import { cn } from '@/utils/cn';
import { formatUkDate } from '@/utils/uk-time';

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

function money(value: string): string {
  const amount = Number(value);
  return Number.isFinite(amount) ? pounds.format(amount) : value;
}

/** "proof_of_address" → "proof of address"; "PENDING" → "Pending". */
export function words(code: string): string {
  const spaced = code.replaceAll('_', ' ').trim();
  if (spaced === spaced.toUpperCase()) {
    return spaced.charAt(0) + spaced.slice(1).toLowerCase();
  }
  return spaced;
}

function addressText(address: Address): string {
  if (address.fullAddress) return address.fullAddress;
  return [address.line1, address.line2, address.town, address.county, address.postCode]
    .filter((part) => part !== null && part !== undefined && part.trim() !== '')
    .join(', ');
}

/** A titled part of a customer's details; `level` keeps the page's heading outline. */
export function Block({
  title,
  children,
  level = 4,
}: {
  title: string;
  children: ReactNode;
  level?: 3 | 4;
}) {
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="space-y-1">
      <Heading className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
      </Heading>
      {children}
    </div>
  );
}

function ClaimItem({ claim }: { claim: Claim }) {
  const vehicle = claim.vehicle;
  const car = vehicle
    ? [
        vehicle.registration?.toUpperCase() ?? null,
        [vehicle.make, vehicle.model].filter(Boolean).join(' '),
      ]
        .filter((part) => part !== null && part !== '')
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
            <span className="text-slate-600"> · from {formatUkDate(vehicle.contractStart)}</span>
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
              <span>{words(requirement.type ?? 'requirement')}</span>
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

/** The customer's claims, each with its vehicle and requirements. */
export function ClaimsBlock({ claims, level }: { claims: Claim[]; level?: 3 | 4 }) {
  return (
    <Block title={`Claims (${claims.length})`} level={level}>
      {claims.length === 0 ? (
        <p className="text-sm text-slate-500">No claims</p>
      ) : (
        <ul aria-label="Claims" className="space-y-1.5">
          {claims.map((claim) => (
            <ClaimItem key={claim.id} claim={claim} />
          ))}
        </ul>
      )}
    </Block>
  );
}

/** The customer's addresses, the current one first. */
export function AddressesBlock({ addresses, level }: { addresses: Address[]; level?: 3 | 4 }) {
  const sorted = [...addresses].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <Block title="Addresses" level={level}>
      {sorted.length === 0 ? (
        <p className="text-sm text-slate-500">No address on file</p>
      ) : (
        <ul aria-label="Addresses" className="space-y-0.5 text-sm">
          {sorted.map((address, index) => (
            <li key={index}>
              {addressText(address)}
              {address.current ? <span className="text-slate-500"> (current)</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Block>
  );
}
