import { callStatusLabel } from '@/features/calls/labels';
import { magicLinkTypeLabel, smsStatusLabel } from '@/features/messaging/labels';
import { outcomeLabel } from '@/features/queue/labels';
import { cn } from '@/utils/cn';
import { formatDuration } from '@/utils/duration';
import { formatUkDateTime } from '@/utils/uk-time';

import type { TimelineEntry } from '../api/schemas';
import {
  callbackStatusLabel,
  conversionText,
  followUpKindLabel,
  followUpStatusLabel,
  suppressionChannelLabels,
  timelineKindLabel,
} from '../labels';

type AgentName = (agentId: string) => string;

/** Parts of a detail line, joined with " · ", empty ones left out. */
function joined(parts: Array<string | null | false | undefined>): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' · ');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

type LinkEntry = Extract<TimelineEntry, { kind: 'link' }>['link'];

function linkState(link: LinkEntry): string {
  if (link.status === 'revoked') return 'Revoked';
  if (link.status === 'expired') return 'Expired';
  const last = link.lastOpenedAt ?? link.firstOpenedAt;
  if (link.clickCount === 0 || last === null) return 'Not opened';
  return link.clickCount === 1
    ? `Opened ${formatUkDateTime(last)}`
    : `Opened ${plural(link.clickCount, 'time', 'times')}, last ${formatUkDateTime(last)}`;
}

/** The words of one entry below its label, and (for a recorded call) the player. */
function EntryDetail({ entry, agentName }: { entry: TimelineEntry; agentName: AgentName }) {
  switch (entry.kind) {
    case 'call': {
      const { call } = entry;
      const talked = call.talkSeconds !== null && call.talkSeconds > 0;
      return (
        <>
          <p>
            {joined([
              callStatusLabel(call.status),
              talked ? `talk ${formatDuration(call.talkSeconds ?? 0)}` : null,
              !talked && call.ringSeconds !== null
                ? `rang ${formatDuration(call.ringSeconds)}`
                : null,
              agentName(call.agentId),
            ])}
          </p>
          {call.recording ? (
            // Served by our API with the session cookie; nothing loads until it is played.
            <audio
              controls
              preload="none"
              src={call.recording.url}
              aria-label={`Recording of the call on ${formatUkDateTime(entry.at)}`}
              className="mt-1 h-8 w-full"
            />
          ) : null}
        </>
      );
    }
    case 'outcome': {
      const { outcome } = entry;
      return (
        <p>
          <span className="font-medium">{outcomeLabel(outcome.outcome)}</span>
          {` · ${agentName(outcome.agentId)}`}
          {outcome.notes ? <span className="block text-slate-600">{outcome.notes}</span> : null}
        </p>
      );
    }
    case 'sms': {
      const { sms } = entry;
      const meta =
        sms.direction === 'inbound'
          ? null
          : joined([
              sms.status ? smsStatusLabel({ status: sms.status, errorCode: null }) : null,
              sms.agentId === null ? 'Automatic' : agentName(sms.agentId),
            ]);
      return (
        <>
          <p className="break-words whitespace-pre-line">“{sms.body}”</p>
          {meta ? <p className="text-slate-600">{meta}</p> : null}
        </>
      );
    }
    case 'link': {
      const { link } = entry;
      return (
        <p>
          {joined([
            magicLinkTypeLabel(link.type),
            linkState(link),
            link.createdBy === null ? 'Sent automatically' : `Sent by ${agentName(link.createdBy)}`,
          ])}
        </p>
      );
    }
    case 'callback': {
      const { callback } = entry;
      return (
        <p>
          {joined([
            `For ${formatUkDateTime(callback.scheduledFor)}`,
            callbackStatusLabel(callback.status),
            callback.closedReason ? callback.closedReason.replaceAll('_', ' ') : null,
            callback.agentId === null ? 'Any agent' : agentName(callback.agentId),
          ])}
          {callback.notes ? <span className="block text-slate-600">{callback.notes}</span> : null}
        </p>
      );
    }
    case 'suppression': {
      const { suppression } = entry;
      return (
        <p>
          {joined([
            suppressionChannelLabels[suppression.channel],
            suppression.reason,
            suppression.source ? `from ${suppression.source}` : null,
            suppression.removedAt ? `Lifted ${formatUkDateTime(suppression.removedAt)}` : null,
          ])}
        </p>
      );
    }
    case 'conversion':
      return <p>{conversionText(entry.conversion)}</p>;
    case 'follow_up': {
      const { followUp } = entry;
      return (
        <p>
          {joined([
            followUpKindLabel(followUp.kind),
            followUpStatusLabel(followUp.status),
            `due ${formatUkDateTime(followUp.dueAt)}`,
          ])}
        </p>
      );
    }
  }
}

function entryKey(entry: TimelineEntry, index: number): string {
  switch (entry.kind) {
    case 'call':
      return `call-${entry.call.id}`;
    case 'outcome':
      return `outcome-${entry.outcome.id}`;
    case 'sms':
      return `sms-${entry.sms.id}`;
    case 'link':
      return `link-${entry.link.id}`;
    case 'callback':
      return `callback-${entry.callback.id}`;
    case 'suppression':
      return `suppression-${entry.suppression.id}`;
    default:
      return `${entry.kind}-${entry.at}-${index}`;
  }
}

type CustomerTimelineProps = { entries: TimelineEntry[]; agentName: AgentName };

/** Everything that happened with the customer, newest first, as the server ordered it. */
export function CustomerTimeline({ entries, agentName }: CustomerTimelineProps) {
  if (entries.length === 0) {
    return <p className="text-sm text-slate-500">Nothing has happened with this customer yet.</p>;
  }
  return (
    // Scrolls by itself, so it takes the focus: the keyboard can scroll it too.
    <ol
      aria-label="Customer timeline"
      tabIndex={0}
      className={cn(
        'relative min-h-0 flex-1 space-y-1.5 overflow-y-auto rounded-md p-0.5',
        'focus-visible:outline-2 focus-visible:outline-indigo-600',
      )}
    >
      {entries.map((entry, index) => (
        <li key={entryKey(entry, index)} className="rounded-md bg-slate-50 px-2 py-1.5 text-sm">
          <p className="flex items-baseline justify-between gap-2">
            <span className="font-semibold text-slate-900">{timelineKindLabel(entry)}</span>
            <time dateTime={entry.at} className="shrink-0 text-xs text-slate-500 tabular-nums">
              {formatUkDateTime(entry.at)}
            </time>
          </p>
          <div className="text-slate-800">
            <EntryDetail entry={entry} agentName={agentName} />
          </div>
        </li>
      ))}
    </ol>
  );
}
