// The words the agent sees for the link types and text states the API sends.
import type { MagicLink, MagicLinkType, SmsMessage, SmsStatus } from '@/types/api';
import { formatUkClock, formatUkDateTime, formatUkDay } from '@/utils/uk-time';

/** In the order the link type select lists them. */
export const magicLinkTypeLabels: ReadonlyArray<readonly [MagicLinkType, string]> = [
  ['firstLogin', 'First login'],
  ['claimPortal', 'Claim portal'],
  ['documentUpload', 'Upload documents'],
  ['claimCompletion', 'Complete claim'],
  ['requirementReview', 'Review requirements'],
  ['statusUpdate', 'Claim status'],
  ['profileUpdate', 'Update details'],
];

const magicLinkTypeLabelMap = new Map<string, string>(magicLinkTypeLabels);

export function magicLinkTypeLabel(type: MagicLinkType): string {
  return magicLinkTypeLabelMap.get(type) ?? type;
}

const smsStatusLabels: Record<SmsStatus, string> = {
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  undelivered: 'Not delivered',
  failed: 'Failed',
  unknown: 'Not confirmed',
};

/** "Delivered", "Failed (code 21610)" … */
export function smsStatusLabel(sms: Pick<SmsMessage, 'status' | 'errorCode'>): string {
  const words = smsStatusLabels[sms.status];
  return sms.errorCode !== null ? `${words} (code ${sms.errorCode})` : words;
}

/** "11:02" for a time earlier today (UK), "Thu 12 Nov, 10:02" for one before. */
export function formatSentAt(at: string, now: number = Date.now()): string {
  return formatUkDay(at) === formatUkDay(new Date(now)) ? formatUkClock(at) : formatUkDateTime(at);
}

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

/** "just now", "2 min ago", "3 h ago"; the UK date and time from a day back. */
export function formatAgo(at: string, now: number = Date.now()): string {
  const ms = now - Date.parse(at);
  // A PC clock a little behind the server's puts a fresh click in the future: it is still "now".
  if (ms < minuteMs) return 'just now';
  if (ms < hourMs) return `${Math.floor(ms / minuteMs)} min ago`;
  if (ms < 24 * hourMs) return `${Math.floor(ms / hourMs)} h ago`;
  return formatUkDateTime(at);
}

/** Whether the link still works: the server's status can be older than the clock. */
export function isLinkActive(link: MagicLink, now: number = Date.now()): boolean {
  return link.status === 'active' && Date.parse(link.expiresAt) > now;
}

/** "Not opened yet", "Opened 2 min ago", "Opened 3 times, last 2 min ago", "Expired", "Revoked". */
export function magicLinkState(link: MagicLink, now: number = Date.now()): string {
  if (link.status === 'revoked') return 'Revoked';
  if (!isLinkActive(link, now)) return 'Expired';
  const last = link.lastOpenedAt ?? link.firstOpenedAt;
  if (link.clickCount === 0 || last === null) return 'Not opened yet';
  const ago = formatAgo(last, now);
  return link.clickCount > 1 ? `Opened ${link.clickCount} times, last ${ago}` : `Opened ${ago}`;
}
