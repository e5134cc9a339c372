import { useRef, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { useNow } from '@/hooks/use-now';
import type { MagicLink } from '@/types/api';
import { cn } from '@/utils/cn';
import { serverSkewMs } from '@/utils/server-clock';

import { useCustomerMagicLinks } from '../api/get-magic-links';
import { useRevokeMagicLink } from '../api/revoke-magic-link';
import { formatSentAt, isLinkActive, magicLinkState, magicLinkTypeLabel } from '../labels';
import { ListError } from './list-error';

/** "Opened 2 min ago" and a link's expiry move on with the clock; twice a minute is enough. */
export const linkClockTickMs = 30_000;

type MagicLinkItemProps = {
  link: MagicLink;
  now: number;
  onRevoke: (link: MagicLink, label: string) => void;
};

function MagicLinkItem({ link, now, onRevoke }: MagicLinkItemProps) {
  const label = magicLinkTypeLabel(link.type);
  const sent = formatSentAt(link.sentAt, now);
  const state = magicLinkState(link, now);
  const opened = link.clickCount > 0 && isLinkActive(link, now);
  return (
    <li className="flex items-start justify-between gap-2 rounded-md bg-slate-50 px-2 py-1">
      <div className="min-w-0">
        <p className="text-sm font-medium">{label}</p>
        <p className="text-xs">
          <span className="text-slate-500">{sent}</span>
          {' · '}
          <span className={opened ? 'font-medium text-emerald-800' : 'text-slate-600'}>
            {state}
          </span>
        </p>
      </div>
      {isLinkActive(link, now) ? (
        // A small text button: a full-size one would squeeze the words in this narrow column.
        <button
          type="button"
          aria-label={`Revoke ${label} link sent ${sent}`}
          onClick={() => onRevoke(link, label)}
          className={cn(
            'shrink-0 rounded px-1 text-xs font-semibold text-red-700 hover:underline',
            'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-700',
          )}
        >
          Revoke
        </button>
      ) : null}
    </li>
  );
}

type MagicLinkListProps = {
  userId: string;
  /** What to announce: a message once a link is revoked, null when a revoke starts. */
  onNotice: (message: string | null) => void;
};

/** The links sent to the customer, newest first, with whether they were opened. */
export function MagicLinkList({ userId, onNotice }: MagicLinkListProps) {
  const links = useCustomerMagicLinks(userId);
  const revoke = useRevokeMagicLink();
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const items = links.data?.magicLinks ?? [];
  // Only a live link changes with the clock alone; with none on screen nothing ticks. Judged on
  // the server's clock (its answer's `now`, moved on since), not the PC's, which may be wrong.
  const pcNow = useNow(items.some((link) => link.status === 'active') ? linkClockTickMs : null);
  const now = pcNow + serverSkewMs(links.data?.now, links.dataUpdatedAt);

  function handleRevoke(link: MagicLink, label: string) {
    if (revoke.isPending) return;
    setRevokeError(null);
    onNotice(null);
    revoke.mutate(link, {
      onSuccess: () => {
        // The Revoke button goes away with the link: the list takes the focus, not the page.
        listRef.current?.focus();
        onNotice(`${label} link revoked`);
      },
      onError: (error) => setRevokeError(error.message || 'The link could not be revoked.'),
    });
  }

  if (links.isPending) return <Spinner label="Loading links" />;
  if (links.isError) {
    return (
      <ListError
        message={`The links could not be loaded: ${links.error.message}`}
        retrying={links.isFetching}
        onRetry={() => void links.refetch()}
      />
    );
  }
  if (items.length === 0) return <p className="text-sm text-slate-500">No links sent yet</p>;
  return (
    <div className="space-y-1">
      {/* Scrolls by itself, so it takes the focus: the keyboard can scroll it too. */}
      <ul
        ref={listRef}
        aria-label="Links sent"
        tabIndex={0}
        className={cn(
          'max-h-44 space-y-1 overflow-y-auto rounded-md',
          'focus-visible:outline-2 focus-visible:outline-indigo-600',
        )}
      >
        {items.map((link) => (
          <MagicLinkItem key={link.id} link={link} now={now} onRevoke={handleRevoke} />
        ))}
      </ul>
      {revokeError ? <Alert>{revokeError}</Alert> : null}
    </div>
  );
}
