import { useId } from 'react';
import { useSearchParams } from 'react-router';

import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import type { SmsConversationStatus } from '@/types/api';

import { useLiveSmsInbox } from '../hooks/use-live-sms-inbox';
import { ConversationList } from './conversation-list';
import { ConversationThread } from './conversation-thread';

const paneClasses =
  'flex min-h-0 flex-col gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200';

/**
 * The SMS inbox: the conversations on the left, the one opened on the right. Which list is shown
 * and which conversation is open live in the address (`?show=closed&conversation=12`), so a
 * reload or a shared link comes back to the same place. Kept current by the live socket.
 */
export function SmsInboxPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status: SmsConversationStatus = params.get('show') === 'closed' ? 'closed' : 'open';
  const openId = params.get('conversation');
  useLiveSmsInbox(openId);

  function update(changes: Record<string, string | null>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }

  return (
    <div className="flex h-full min-h-0 flex-col gap-3">
      <h1 className="sr-only">SMS</h1>
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-3">
        <section aria-labelledby={`${id}-list`} className={paneClasses}>
          <div className="flex shrink-0 items-center justify-between gap-2">
            <h2
              id={`${id}-list`}
              className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
            >
              Conversations
            </h2>
            <div className="flex items-center gap-2">
              <Label htmlFor={`${id}-show`}>Show</Label>
              <Select
                id={`${id}-show`}
                value={status}
                onChange={(event) =>
                  update({ show: event.target.value === 'closed' ? 'closed' : null })
                }
                className="w-auto py-1"
              >
                <option value="open">Open</option>
                <option value="closed">Closed</option>
              </Select>
            </div>
          </div>
          <ConversationList
            status={status}
            selectedId={openId}
            onOpen={(conversationId) => update({ conversation: conversationId })}
          />
        </section>
        <section aria-label="Conversation" className={paneClasses}>
          {openId === null ? (
            <p className="text-sm text-slate-500">Choose a conversation to read it and reply.</p>
          ) : (
            <ConversationThread key={openId} conversationId={openId} />
          )}
        </section>
      </div>
    </div>
  );
}
