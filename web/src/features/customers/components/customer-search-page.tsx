import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Spinner } from '@/components/ui/spinner';
import { isApiError } from '@/lib/api-error';
import { cn } from '@/utils/cn';

import { useCustomerSearch } from '../api/search-customers';
import { CustomerSearchResults } from './customer-search-results';

/** `?page=` as a page number: 1 for anything that is not a whole number from 1 up. */
function pageFrom(value: string | null): number {
  if (value === null || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

const paneClasses =
  'flex min-h-0 flex-col gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200';

/**
 * Finding a customer by name, phone, email or customer number. The search and the page live in
 * the address (`/customers?q=smith&page=2`): every search and page turn is a history entry, so
 * Back and Forward go through them and a reload or a shared link shows the same results.
 */
export function CustomerSearchPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const page = pageFrom(params.get('page'));
  const search = useCustomerSearch(q, page);

  // The box follows the address (Back, Forward, a link) but keeps what is being typed otherwise.
  const [draft, setDraft] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setDraft(q);
  }

  function go(nextQ: string, nextPage: number) {
    const next = new URLSearchParams();
    if (nextQ !== '') next.set('q', nextQ);
    if (nextQ !== '' && nextPage > 1) next.set('page', String(nextPage));
    setParams(next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = draft.trim();
    if (text === q && page === 1) {
      // The same search again: read it afresh rather than adding a history entry.
      if (text !== '') void search.refetch();
      return;
    }
    go(text, 1);
  }

  const error = search.isError ? search.error : null;
  const qInvalid = isApiError(error) && error.field === 'q';
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  let results;
  if (q === '') {
    results = (
      <p className="text-sm text-slate-500">
        Type a name, phone number, email or customer number above and press Enter.
      </p>
    );
  } else if (search.isPending) {
    results = <Spinner label="Searching customers" />;
  } else if (search.isError) {
    results = (
      <Alert id={errorId}>
        <p>The search did not work: {search.error.message}</p>
      </Alert>
    );
  } else {
    results = (
      <CustomerSearchResults
        q={q}
        answer={search.data}
        loadingPage={search.isPlaceholderData ? page : null}
        onPage={(nextPage) => go(q, nextPage)}
      />
    );
  }

  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <h1 className="sr-only">Customers</h1>
      <form
        role="search"
        aria-label="Customers"
        onSubmit={submit}
        className={cn(
          'flex shrink-0 flex-wrap items-end gap-x-2 gap-y-1',
          'rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200',
        )}
      >
        <div className="min-w-0 flex-1 space-y-1">
          <Label htmlFor={`${id}-q`}>Search customers</Label>
          <Input
            id={`${id}-q`}
            type="search"
            name="q"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            autoFocus={q === ''}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={qInvalid ? `${hintId} ${errorId}` : hintId}
            aria-invalid={qInvalid || undefined}
          />
        </div>
        <Button type="submit">Search</Button>
        <p id={hintId} className="w-full text-xs text-slate-500">
          Name, phone, email or customer number
        </p>
      </form>
      <section aria-labelledby={`${id}-results`} className={cn(paneClasses, 'flex-1')}>
        <h2
          id={`${id}-results`}
          className="shrink-0 text-xs font-semibold tracking-wide text-slate-500 uppercase"
        >
          Results
        </h2>
        {results}
      </section>
    </div>
  );
}
