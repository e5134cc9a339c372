import { useId, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';

import { Spinner } from '@/components/ui/spinner';
import { ListError } from '@/features/messaging/components/list-error';
import { customerName } from '@/features/queue/labels';
import { isApiError } from '@/lib/api-error';
import { cn } from '@/utils/cn';

import { useAgentNames } from '../api/get-agents';
import { useCustomer } from '../api/get-customer';
import type { CustomerRecord } from '../api/schemas';
import { customerStatusLabel } from '../labels';
import { backToSearchPath } from '../navigation-state';
import { CallNow } from './call-now';
import { CustomerEligibility } from './customer-eligibility';
import { CustomerExport } from './customer-export';
import { CustomerSummary } from './customer-summary';
import { CustomerTimeline } from './customer-timeline';

/** A column of the page; one that `scrolls` takes the focus, so the keyboard can scroll it. */
function Panel({
  title,
  scrolls = false,
  children,
}: {
  title: string;
  scrolls?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      tabIndex={scrolls ? 0 : undefined}
      className={cn(
        'flex min-h-0 flex-col gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200',
        scrolls && 'overflow-y-auto focus-visible:outline-2 focus-visible:outline-indigo-600',
      )}
    >
      <h2 id={id} className="shrink-0 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {title}
      </h2>
      {children}
    </section>
  );
}

// Customer, why now, timeline: the timeline gets the most room, it is what is read most.
const threeColumns = 'grid-cols-[minmax(0,4fr)_minmax(0,3fr)_minmax(0,5fr)]';

function BackLink() {
  const location = useLocation();
  return (
    <Link
      to={backToSearchPath(location.state)}
      className={cn(
        'text-sm font-medium text-indigo-700 underline-offset-2 hover:underline',
        'focus-visible:outline-2 focus-visible:outline-indigo-600',
      )}
    >
      Back to search
    </Link>
  );
}

function formatHoldDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
}

function Record({ record }: { record: CustomerRecord }) {
  const agentName = useAgentNames();
  const { lead, eligibility } = record;
  const stored = eligibility.stored;
  const status = customerStatusLabel(record.status, stored?.nextCallAt ?? null);
  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <div className="flex shrink-0 flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold text-slate-900">{customerName(lead)}</h1>
          <p className="text-sm text-slate-700">
            <span className="font-medium">{status}</span>
            {record.heldBy !== null ? <> · with {agentName(record.heldBy)}</> : null}
            {record.legalHold ? (
              <>
                {' · '}
                <span className="font-medium text-amber-800">
                  Under legal hold since {formatHoldDate(record.legalHold.placedAt)}
                </span>
                : {record.legalHold.reason}
              </>
            ) : null}
          </p>
        </div>
        <div className="flex items-center gap-4">
          <CustomerExport userId={lead.userId} />
          <BackLink />
        </div>
      </div>
      <div className={cn('grid min-h-0 flex-1 gap-3', threeColumns)}>
        <Panel title="Customer" scrolls>
          <CustomerSummary lead={lead} />
        </Panel>
        <Panel title="Why now" scrolls>
          <CustomerEligibility
            eligibility={eligibility}
            status={record.status}
            agentName={agentName}
            action={<CallNow record={record} />}
          />
        </Panel>
        <Panel title="Timeline">
          <CustomerTimeline entries={record.timeline} agentName={agentName} />
        </Panel>
      </div>
    </div>
  );
}

/**
 * One customer (`/customers/:userId`): who they are, why the dialler would call them now or not,
 * and everything that has happened with them. Agents and supervisors may Call now from here;
 * supervisors and admins may download everything held about them (a subject access request).
 */
export function CustomerPage() {
  const { userId = '' } = useParams();
  const customer = useCustomer(userId);

  if (customer.isPending) {
    return <Spinner label="Loading the customer" />;
  }
  if (customer.isError) {
    if (isApiError(customer.error) && customer.error.status === 404) {
      return (
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">No customer with number {userId}</h1>
          <BackLink />
        </div>
      );
    }
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Customer {userId}</h1>
        <ListError
          message={`The customer could not be loaded: ${customer.error.message}`}
          retrying={customer.isFetching}
          onRetry={() => void customer.refetch()}
        />
        <BackLink />
      </div>
    );
  }
  return <Record record={customer.data} />;
}
