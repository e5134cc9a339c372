import { useId, useRef, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Spinner } from '@/components/ui/spinner';
import { useAgentNames } from '@/features/customers/api/get-agents';
import { ListError } from '@/features/messaging/components/list-error';

import { useSuppressions } from '../api/get-suppressions';
import type { Suppression } from '../api/schemas';
import type { SuppressionFilter } from '../api/suppression-keys';
import { channelLabel, spokenCovered, isCustomerNumber } from '../labels';
import { AddSuppressionForm } from './add-suppression-form';
import { RemoveSuppressionDialog } from './remove-suppression-dialog';
import { SuppressionTable } from './suppression-table';

const newestFirst = (a: Suppression, b: Suppression) =>
  b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id);

type FilterFormProps = {
  filter: SuppressionFilter;
  onChange: (filter: SuppressionFilter) => void;
};

/** Only one customer's entries (by customer number), and whether lifted entries show too. */
function FilterForm({ filter, onChange }: FilterFormProps) {
  const id = useId();
  const [customer, setCustomer] = useState(filter.userId ?? '');
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = customer.trim();
    if (wanted !== '' && !isCustomerNumber(wanted)) {
      setError('A customer number is digits only, e.g. 1940.');
      return;
    }
    setError(null);
    onChange({ ...filter, userId: wanted === '' ? null : wanted });
  }

  return (
    <form
      noValidate
      role="search"
      aria-label="Filter the entries"
      onSubmit={handleSubmit}
      className="flex flex-wrap items-end gap-3"
    >
      <div className="space-y-1">
        <Label htmlFor={`${id}-customer`}>Customer number</Label>
        <Input
          id={`${id}-customer`}
          value={customer}
          inputMode="numeric"
          autoComplete="off"
          className="w-40"
          onChange={(event) => {
            setCustomer(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <Button type="submit" variant="secondary">
        Show entries
      </Button>
      {filter.userId !== null ? (
        <Button
          variant="secondary"
          onClick={() => {
            setCustomer('');
            setError(null);
            onChange({ ...filter, userId: null });
          }}
        >
          Show every customer
        </Button>
      ) : null}
      <label className="inline-flex items-center gap-1.5 pb-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={filter.includeRemoved}
          onChange={(event) => onChange({ ...filter, includeRemoved: event.target.checked })}
        />
        Include removed entries
      </label>
      {error ? (
        <p id={`${id}-error`} className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}

/**
 * The do-not-contact list (supervisors and admins): every entry, lifted ones too, the form that
 * adds one and Remove, which asks why. What happened is announced in one place.
 */
export function SuppressionsSection() {
  const id = useId();
  const [filter, setFilter] = useState<SuppressionFilter>({ userId: null, includeRemoved: true });
  const suppressions = useSuppressions(filter);
  const agentName = useAgentNames();
  const [removing, setRemoving] = useState<Suppression | null>(null);
  const [notice, setNotice] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const removeButtonId = (entryId: string) => `${id}-remove-${entryId}`;

  function closeDialog() {
    const entry = removing;
    setRemoving(null);
    if (entry) {
      requestAnimationFrame(() => document.getElementById(removeButtonId(entry.id))?.focus());
    }
  }

  let list;
  if (suppressions.isPending) list = <Spinner label="Loading the do-not-contact list" />;
  else if (suppressions.isError) {
    list = (
      <ListError
        message={`The do-not-contact list could not be loaded: ${suppressions.error.message}`}
        retrying={suppressions.isFetching}
        onRetry={() => void suppressions.refetch()}
      />
    );
  } else if (suppressions.data.suppressions.length === 0) {
    list = (
      <p className="text-sm text-slate-600">
        {filter.userId !== null
          ? `No entries for customer ${filter.userId}.`
          : 'Nobody is on the do-not-contact list.'}
      </p>
    );
  } else {
    list = (
      <SuppressionTable
        entries={[...suppressions.data.suppressions].sort(newestFirst)}
        agentName={agentName}
        removeButtonId={removeButtonId}
        onRemove={(entry) => {
          setNotice('');
          setRemoving(entry);
        }}
      />
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <div className="space-y-0.5">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Do not contact
        </h2>
        <p className="text-sm text-slate-600">
          Customers and numbers that must not be called or texted. An entry is in force at once; a
          removed entry is kept with when and why it was removed.
        </p>
      </div>
      {/* Always in the page, so that a screen reader is listening before the message arrives. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {notice}
      </p>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-2">
          <h3 ref={listHeading} tabIndex={-1} className="text-base font-semibold text-slate-900">
            Entries
          </h3>
          <FilterForm filter={filter} onChange={setFilter} />
          {list}
        </div>
        <AddSuppressionForm
          onAdded={(entry) =>
            setNotice(
              `Added ${spokenCovered(entry)} (${channelLabel(entry.channel).toLowerCase()}) to ` +
                'the do-not-contact list.',
            )
          }
        />
      </div>
      {removing ? (
        <RemoveSuppressionDialog
          entry={removing}
          onClose={closeDialog}
          onRemoved={(entry) => {
            setRemoving(null);
            setNotice(`Removed the entry for ${spokenCovered(entry)}.`);
            requestAnimationFrame(() => listHeading.current?.focus());
          }}
        />
      ) : null}
    </section>
  );
}
