import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { LoadMore } from '@/components/ui/load-more';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { agentsQueryOptions, useAgentNames } from '@/features/customers/api/get-agents';
import { agentChoices } from '@/features/customers/labels';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { isApiError } from '@/lib/api-error';
import { cn } from '@/utils/cn';
import {
  customerNumberProblem,
  dateRangeProblem,
  normaliseCustomerNumber,
} from '@/utils/search-filters';

import { useAuditEntries } from '../api/get-audit-entries';
import type { AuditFilters } from '../api/schemas';
import { AuditTable } from './audit-table';

/** The filters as the address names them: `/audit?agent=3&action=call.&from=…`. */
const filterKeys = ['agent', 'action', 'customer', 'from', 'to'] as const;
type Field = (typeof filterKeys)[number];
type Errors = Partial<Record<Field, string>>;

/** The form's field for each filter the server may name in a 400. */
const fieldOfParam: Partial<Record<string, Field>> = {
  agentId: 'agent',
  action: 'action',
  userId: 'customer',
  from: 'from',
  to: 'to',
};

const paneClasses = 'rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200';

/**
 * The Audit log (supervisors, admins): who did what to which customer, and when, newest first,
 * found by who, action, customer and day. The filters live in the address, so a reload or a
 * shared link shows the same entries.
 */
export function AuditLogPage() {
  const id = useId();
  const { applied, draft, setField, apply } = useUrlFilters(filterKeys);
  const filters: AuditFilters = {
    agentId: applied.agent,
    action: applied.action,
    userId: applied.customer,
    from: applied.from,
    to: applied.to,
  };
  const search = useAuditEntries(filters);
  const agents = useQuery(agentsQueryOptions());
  const agentName = useAgentNames();
  const [checked, setChecked] = useState<Errors>({});
  const [focusEntryId, setFocusEntryId] = useState<string | null>(null);
  const controls = useRef(new Map<Field, HTMLInputElement | HTMLSelectElement>());

  const entries = useMemo(
    () => search.data?.pages.flatMap((page) => page.entries) ?? [],
    [search.data],
  );
  const agentOptions = agentChoices(agents.data?.agents ?? [], draft.agent);

  // A 400 for the filters in the address names the one it could not take: its message shows at
  // that field for as long as the field still says what was searched.
  const refused =
    search.isError &&
    !search.isFetchNextPageError &&
    isApiError(search.error) &&
    search.error.status === 400
      ? search.error
      : null;
  const refusedField = refused?.field ? (fieldOfParam[refused.field] ?? null) : null;
  const errors: Errors = { ...checked };
  if (refused && refusedField && draft[refusedField] === applied[refusedField]) {
    errors[refusedField] ??= refused.message;
  }

  useEffect(() => {
    if (refusedField) controls.current.get(refusedField)?.focus();
  }, [refused, refusedField]);

  function change(field: Field, value: string) {
    setField(field, value);
    setChecked((current) => ({ ...current, [field]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = { ...draft, customer: normaliseCustomerNumber(draft.customer) };
    const problems: Errors = {};
    const customer = customerNumberProblem(values.customer);
    if (customer) problems.customer = customer;
    const range = dateRangeProblem(values.from, values.to);
    if (range) problems.to = range;
    setChecked(problems);
    const first = filterKeys.find((key) => problems[key]);
    if (first) {
      // After the render that shows the message, so aria-describedby already points at it.
      requestAnimationFrame(() => controls.current.get(first)?.focus());
      return;
    }
    setFocusEntryId(null);
    // The same search again: read it afresh rather than adding a history entry.
    if (!apply(values)) void search.refetch();
  }

  function loadMore() {
    const shown = entries.length;
    void search.fetchNextPage().then((result) => {
      const added = result.data?.pages.flatMap((page) => page.entries)[shown];
      if (added) setFocusEntryId(added.id);
    });
  }

  const control = (field: Field, hint?: string) => {
    const described = [hint, errors[field] ? `${id}-${field}-error` : undefined].filter(Boolean);
    return {
      id: `${id}-${field}`,
      ref: (element: HTMLInputElement | HTMLSelectElement | null) => {
        if (element) controls.current.set(field, element);
        else controls.current.delete(field);
      },
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
    };
  };
  const message = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="text-sm text-red-700">
        {errors[field]}
      </p>
    ) : null;

  const filtered = filterKeys.some((key) => applied[key] !== '');
  let results;
  if (search.data) {
    results =
      entries.length === 0 ? (
        <p className="text-sm text-slate-700">
          {filtered ? 'No entries match these filters.' : 'Nothing has been recorded yet.'}
        </p>
      ) : (
        <>
          {search.isRefetchError ? (
            <Alert className="shrink-0">
              The list could not be brought up to date: {search.error.message}
            </Alert>
          ) : null}
          {/* Scrolls by itself, so it takes the focus: the keyboard can scroll it too. */}
          <div
            tabIndex={0}
            role="group"
            aria-label="Audit log entries, newest first"
            className="relative min-h-0 flex-1 overflow-y-auto rounded-md focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <AuditTable entries={entries} agentName={agentName} focusEntryId={focusEntryId} />
          </div>
          {search.hasNextPage ? (
            <LoadMore
              what="entries"
              shown={entries.length}
              loading={search.isFetchingNextPage}
              error={search.isFetchNextPageError ? search.error.message : null}
              onLoadMore={loadMore}
            />
          ) : null}
        </>
      );
  } else if (refusedField) {
    results = (
      <p className="text-sm text-slate-700">
        Nothing was searched: correct the filter marked above, then search again.
      </p>
    );
  } else if (search.isError) {
    results = (
      <div className="space-y-2">
        <Alert>The audit log could not be loaded: {search.error.message}</Alert>
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={() => void search.refetch()}>
            Try again
          </Button>
          {search.isFetching ? <Spinner label="Loading the audit log" /> : null}
        </div>
      </div>
    );
  } else {
    results = <Spinner label="Loading the audit log" />;
  }

  const actionHint = `${id}-action-hint`;
  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <h1 className="shrink-0 text-xl font-semibold">Audit log</h1>
      <form
        role="search"
        aria-label="Audit log"
        noValidate
        onSubmit={submit}
        className={cn('flex shrink-0 flex-wrap items-start gap-x-3 gap-y-2', paneClasses)}
      >
        <div className="w-52 space-y-1">
          <Label htmlFor={`${id}-agent`}>Who</Label>
          <Select
            {...control('agent')}
            value={draft.agent}
            onChange={(event) => change('agent', event.target.value)}
            className="py-1.5"
          >
            <option value="">Anyone</option>
            {agentOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </Select>
          {message('agent')}
          {agents.isError ? (
            <p className="text-xs text-slate-600">The list of people could not be loaded.</p>
          ) : null}
        </div>
        <div className="w-64 space-y-1">
          <Label htmlFor={`${id}-action`}>Action</Label>
          <Input
            {...control('action', actionHint)}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={draft.action}
            onChange={(event) => change('action', event.target.value)}
            className="py-1.5 font-mono"
          />
          <p id={actionHint} className="text-xs text-slate-600">
            e.g. call.recording_played, or call. for every call action
          </p>
          {message('action')}
        </div>
        <div className="w-36 space-y-1">
          <Label htmlFor={`${id}-customer`}>Customer number</Label>
          <Input
            {...control('customer')}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={draft.customer}
            onChange={(event) => change('customer', event.target.value)}
            className="py-1.5"
          />
          {message('customer')}
        </div>
        <div className="w-40 space-y-1">
          <Label htmlFor={`${id}-from`}>From</Label>
          <Input
            {...control('from')}
            type="date"
            value={draft.from}
            onChange={(event) => change('from', event.target.value)}
            className="py-1.5"
          />
          {message('from')}
        </div>
        <div className="w-40 space-y-1">
          <Label htmlFor={`${id}-to`}>To</Label>
          <Input
            {...control('to')}
            type="date"
            value={draft.to}
            onChange={(event) => change('to', event.target.value)}
            className="py-1.5"
          />
          {message('to')}
        </div>
        {/* Level with the fields, below their labels, whatever messages they show under them. */}
        <Button type="submit" className="mt-6 py-1.5">
          Search
        </Button>
      </form>
      <section
        aria-labelledby={`${id}-results`}
        className={cn('flex min-h-0 flex-1 flex-col gap-2', paneClasses)}
      >
        <div className="flex shrink-0 items-center gap-3">
          <h2
            id={`${id}-results`}
            className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
          >
            Entries
          </h2>
          {search.isSuccess && search.isFetching && !search.isFetchingNextPage ? (
            <Spinner label="Updating" />
          ) : null}
        </div>
        {results}
      </section>
    </div>
  );
}
