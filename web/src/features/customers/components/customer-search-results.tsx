import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

import { Button } from '@/components/ui/button';
import { MaskedPhone } from '@/components/ui/masked-phone';
import { Spinner } from '@/components/ui/spinner';
import { customerPath } from '@/config/paths';
import { phoneTypeLabel } from '@/features/queue/labels';
import { cn } from '@/utils/cn';

import type { CustomerSearchResponse, CustomerSearchResult } from '../api/schemas';
import { customerStatusLabel, personName, queueLabel } from '../labels';
import { fromSearchState } from '../navigation-state';

function ResultRow({ customer, search }: { customer: CustomerSearchResult; search: string }) {
  const name = personName(customer);
  return (
    <tr className="border-t border-slate-100 align-top">
      <td className="py-1.5 pr-3">
        <Link
          to={customerPath(customer.userId)}
          state={fromSearchState(search)}
          // The visible name is in the accessible one, so voice control finds it by what it says.
          aria-label={`Open ${name}`}
          className={cn(
            'font-medium text-indigo-700 underline-offset-2 hover:underline',
            'focus-visible:outline-2 focus-visible:outline-offset-1',
            'focus-visible:outline-indigo-600',
          )}
        >
          {name}
        </Link>
        <span className="block text-xs text-slate-500">No. {customer.userId}</span>
      </td>
      <td className="py-1.5 pr-3 whitespace-nowrap">
        {customer.phone ? (
          <>
            <MaskedPhone masked={customer.phone.masked} />{' '}
            <span className="text-slate-500">({phoneTypeLabel(customer.phone.type)})</span>
          </>
        ) : (
          <span className="text-slate-500">No number</span>
        )}
      </td>
      <td className="max-w-56 truncate py-1.5 pr-3" title={customer.email ?? undefined}>
        {customer.email ?? <span className="text-slate-500">No email</span>}
      </td>
      <td className="py-1.5 pr-3">{queueLabel(customer.queue)}</td>
      <td className="py-1.5">{customerStatusLabel(customer.status, customer.nextCallAt)}</td>
    </tr>
  );
}

/**
 * Previous or Next page. When there is no such page it says so (aria-disabled) but stays
 * focusable: reaching the last page must not throw the keyboard's focus out of the list.
 */
function PageButton({
  enabled,
  onClick,
  children,
}: {
  enabled: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button
      variant="secondary"
      aria-disabled={!enabled || undefined}
      onClick={() => {
        if (enabled) onClick();
      }}
      className={cn(
        'aria-disabled:cursor-not-allowed aria-disabled:text-slate-400',
        'aria-disabled:hover:bg-white',
      )}
    >
      {children}
    </Button>
  );
}

type CustomerSearchResultsProps = {
  q: string;
  answer: CustomerSearchResponse;
  /** The page being fetched while the previous one stays on screen; null when none is. */
  loadingPage: number | null;
  onPage: (page: number) => void;
};

/** One page of matches as a table (each name opens the customer), and Previous / Next page. */
export function CustomerSearchResults({
  q,
  answer,
  loadingPage,
  onPage,
}: CustomerSearchResultsProps) {
  const { search } = useLocation();
  const { customers, page, hasMore } = answer;
  const loading = loadingPage !== null;
  const paged = page > 1 || hasMore;

  return (
    <>
      {customers.length === 0 ? (
        <p className="text-sm text-slate-700">
          {page > 1 ? `No more customers match “${q}”.` : `No customer matches “${q}”.`}
        </p>
      ) : (
        // Scrolls by itself, so it takes the focus: the keyboard can scroll it too. Positioned,
        // so the screen-reader-only text inside stays inside it rather than stretching the page.
        <div
          tabIndex={0}
          role="group"
          aria-label="Search results"
          aria-busy={loading || undefined}
          className={cn(
            'relative min-h-0 flex-1 overflow-y-auto rounded-md',
            'focus-visible:outline-2 focus-visible:outline-indigo-600',
            loading && 'opacity-60',
          )}
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Customers matching “{q}”, page {page}</caption>
            <thead className="sticky top-0 bg-white text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Name
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Phone
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Email
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  Queue
                </th>
                <th scope="col" className="py-1 font-medium">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {customers.map((customer) => (
                <ResultRow key={customer.userId} customer={customer} search={search} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {paged ? (
        <nav aria-label="Result pages" className="flex shrink-0 items-center gap-2 pt-1">
          <PageButton enabled={page > 1 && !loading} onClick={() => onPage(page - 1)}>
            Previous
          </PageButton>
          <span className="text-sm text-slate-600 tabular-nums">Page {page}</span>
          <PageButton enabled={hasMore && !loading} onClick={() => onPage(page + 1)}>
            Next page
          </PageButton>
          {loading ? <Spinner label={`Loading page ${loadingPage}`} /> : null}
        </nav>
      ) : null}
    </>
  );
}
