import { useNavigate } from 'react-router';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useSession } from '@/features/auth/api/get-me';
import { callRefusal } from '@/features/calls/api/create-call-session';
import { RefusalMessage } from '@/features/calls/components/refusal-message';

import type { CustomerRecord } from '../api/schemas';
import { useTakeCustomer } from '../api/take-customer';
import { isInAQueue } from '../labels';

/** What the queue page reads from the router state to start with a customer already held. */
export type HeldLeadState = { heldLead: CustomerRecord['lead'] };

type CallNowProps = { record: CustomerRecord };

/**
 * Call now: holds this customer for the agent and opens the queue page with them loaded, as if
 * Next customer had handed them out. Offered to those who work the queues, when the contact gate
 * allows a call now and nobody else holds the customer; the server checks both again.
 */
export function CallNow({ record }: CallNowProps) {
  const { agent } = useSession();
  const navigate = useNavigate();
  const take = useTakeCustomer();
  const { userId } = record.lead;
  const canWork = agent.role === 'agent' || agent.role === 'supervisor';
  const heldByOther = record.heldBy !== null && record.heldBy !== agent.id;
  const offered = isInAQueue(record.status) && record.eligibility.gate.allowed && !heldByOther;

  if (!canWork || (!offered && !take.isError)) return null;

  const error = take.isError ? take.error : null;
  const refusal = error ? callRefusal(error) : null;
  return (
    <div className="space-y-2">
      {offered ? (
        <div className="flex items-center gap-2">
          <Button
            // Not disabled while it works: the focus stays on it if the answer is a refusal.
            aria-disabled={take.isPending || undefined}
            onClick={() => {
              if (take.isPending) return;
              take.mutate(userId, {
                onSuccess: ({ lead }) => {
                  const state: HeldLeadState = { heldLead: lead };
                  void navigate(paths.queue, { state });
                },
              });
            }}
          >
            Call now
          </Button>
          {take.isPending ? <Spinner label="Taking the customer" /> : null}
        </div>
      ) : null}
      {refusal && error ? (
        // The server's own words first, then each of the contact rules' reasons.
        <RefusalMessage refusal={refusal} title={error.message} />
      ) : error ? (
        <Alert>{error.message}</Alert>
      ) : null}
    </div>
  );
}
