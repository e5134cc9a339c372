import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { LoadMore } from '@/components/ui/load-more';
import { Select } from '@/components/ui/select';
import { Spinner } from '@/components/ui/spinner';
import { codeInWords } from '@/features/calls/labels';
import { agentsQueryOptions, useAgentNames } from '@/features/customers/api/get-agents';
import { agentChoices } from '@/features/customers/labels';
import { outcomeLabels } from '@/features/queue/labels';
import { useUrlFilters } from '@/hooks/use-url-filters';
import { isApiError } from '@/lib/api-error';
import { cn } from '@/utils/cn';
import {
  customerNumberProblem,
  dateRangeProblem,
  normaliseCustomerNumber,
} from '@/utils/search-filters';

import { useRecordings } from '../api/get-recordings';
import type { RecordingFilters } from '../api/schemas';
import { RecordingsTable } from './recordings-table';

/** The filters as the address names them: `/recordings?agent=3&outcome=no_answer&from=…`. */
const filterKeys = ['agent', 'customer', 'outcome', 'from', 'to'] as const;
type Field = (typeof filterKeys)[number];
type Errors = Partial<Record<Field, string>>;

/** The form's field for each filter the server may name in a 400. */
const fieldOfParam: Partial<Record<string, Field>> = {
  agentId: 'agent',
  userId: 'customer',
  outcome: 'outcome',
  from: 'from',
  to: 'to',
};

const knownOutcomes = new Set<string>(outcomeLabels.map(([code]) => code));

const paneClasses = 'rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200';

/**
 * Recordings (supervisors, admins): calls that have a recording, found by agent, customer,
 * outcome and day, newest first, each played in the page through the server (which audits every
 * play). The filters live in the address, so a reload or a shared link shows the same calls.
 */
export function RecordingsPage() {
  const id = useId();
  const { applied, draft, setField, apply } = useUrlFilters(filterKeys);
  const filters: RecordingFilters = {
    agentId: applied.agent,
    userId: applied.customer,
    outcome: applied.outcome,
    from: applied.from,
    to: applied.to,
  };
  const search = useRecordings(filters);
  const agents = useQuery(agentsQueryOptions());
  const agentName = useAgentNames();
  const [checked, setChecked] = useState<Errors>({});
  const [focusCallId, setFocusCallId] = useState<string | null>(null);
  const controls = useRef(new Map<Field, HTMLInputElement | HTMLSelectElement>());

  const calls = useMemo(
    () => search.data?.pages.flatMap((page) => page.recordings) ?? [],
    [search.data],
  );
  // Admins take no calls, so none has a recording of theirs.
  const agentOptions = agentChoices(
    (agents.data?.agents ?? []).filter((agent) => agent.role !== 'admin'),
    draft.agent,
  );

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
    setFocusCallId(null);
    // The same search again: read it afresh rather than adding a history entry.
    if (!apply(values)) void search.refetch();
  }

  function loadMore() {
    const shown = calls.length;
    void search.fetchNextPage().then((result) => {
      const added = result.data?.pages.flatMap((page) => page.recordings)[shown];
      if (added) setFocusCallId(added.callSessionId);
    });
  }

  const control = (field: Field) => ({
    id: `${id}-${field}`,
    ref: (element: HTMLInputElement | HTMLSelectElement | null) => {
      if (element) controls.current.set(field, element);
      else controls.current.delete(field);
    },
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${id}-${field}-error` : undefined,
  });
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
      calls.length === 0 ? (
        <p className="text-sm text-slate-700">
          {filtered ? 'No recorded calls match these filters.' : 'No calls have been recorded yet.'}
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
            aria-label="Recorded calls, newest first"
            className="relative min-h-0 flex-1 overflow-y-auto rounded-md focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <RecordingsTable calls={calls} agentName={agentName} focusCallId={focusCallId} />
          </div>
          {search.hasNextPage ? (
            <LoadMore
              what="recordings"
              shown={calls.length}
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
        <Alert>The recordings could not be loaded: {search.error.message}</Alert>
        <div className="flex items-center gap-2">
          <Button variant="secondary" onClick={() => void search.refetch()}>
            Try again
          </Button>
          {search.isFetching ? <Spinner label="Loading recordings" /> : null}
        </div>
      </div>
    );
  } else {
    results = <Spinner label="Loading recordings" />;
  }

  const chosenOutcome = draft.outcome;
  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <h1 className="shrink-0 text-xl font-semibold">Recordings</h1>
      <form
        role="search"
        aria-label="Recordings"
        noValidate
        onSubmit={submit}
        className={cn('flex shrink-0 flex-wrap items-start gap-x-3 gap-y-2', paneClasses)}
      >
        <div className="w-52 space-y-1">
          <Label htmlFor={`${id}-agent`}>Agent</Label>
          <Select
            {...control('agent')}
            value={draft.agent}
            onChange={(event) => change('agent', event.target.value)}
            className="py-1.5"
          >
            <option value="">Any agent</option>
            {agentOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </Select>
          {message('agent')}
          {agents.isError ? (
            <p className="text-xs text-slate-600">The list of agents could not be loaded.</p>
          ) : null}
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
        <div className="w-52 space-y-1">
          <Label htmlFor={`${id}-outcome`}>Outcome</Label>
          <Select
            {...control('outcome')}
            value={chosenOutcome}
            onChange={(event) => change('outcome', event.target.value)}
            className="py-1.5"
          >
            <option value="">Any outcome</option>
            {outcomeLabels.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
            {chosenOutcome !== '' && !knownOutcomes.has(chosenOutcome) ? (
              <option value={chosenOutcome}>{codeInWords(chosenOutcome)}</option>
            ) : null}
          </Select>
          {message('outcome')}
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
            Recorded calls
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
