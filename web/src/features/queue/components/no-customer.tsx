import type { NoLead } from '@/types/api';

import { noLeadMessage } from '../labels';

type NoCustomerProps = {
  /** The answer of the last Next customer that had nobody; null before the agent asks. */
  answer: NoLead | null;
  canWork: boolean;
};

/** The centre of the page when nobody is held: why, and what to do next. */
export function NoCustomer({ answer, canWork }: NoCustomerProps) {
  const { title, detail } = answer
    ? noLeadMessage(answer)
    : canWork
      ? {
          title: 'No customer loaded',
          detail: 'Press Next customer (N) to take the next customer from the queue.',
        }
      : {
          title: 'No customer loaded',
          detail: 'Customers are taken from the queues by agents and supervisors.',
        };
  return (
    <div className="space-y-1 py-6 text-center">
      <h3 className="text-lg font-semibold text-slate-800">{title}</h3>
      <p className="text-sm text-slate-600">{detail}</p>
    </div>
  );
}
