import { useId, useState } from 'react';

import { useLiveMessaging } from '../hooks/use-live-messaging';
import { CustomerReplies } from './customer-replies';
import { MagicLinkList } from './magic-link-list';
import { SendLinkForm } from './send-link-form';
import { SendTextForm } from './send-text-form';
import { TextList } from './text-list';

type LinksAndTextsProps = {
  userId: string;
  /** The call made to the customer in this hold, if any: a link sent now is tied to it. */
  callSessionId: string | null;
};

/**
 * Sending the customer a link or a text, and what was sent: whether links were opened, how far
 * texts got. Kept current by the live socket, never by polling.
 */
export function LinksAndTexts({ userId, callSessionId }: LinksAndTextsProps) {
  const id = useId();
  const [notice, setNotice] = useState<string | null>(null);
  useLiveMessaging(userId);

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <h4
        id={`${id}-heading`}
        className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
      >
        Links and texts
      </h4>
      <SendLinkForm userId={userId} callSessionId={callSessionId} onNotice={setNotice} />
      <SendTextForm userId={userId} onNotice={setNotice} />
      {/* Always in the page so that a screen reader is listening before the message arrives. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {notice}
      </p>
      <div className="grid grid-cols-2 gap-3">
        <div className="min-w-0 space-y-1">
          <h5 className="text-xs font-medium text-slate-600">Links sent</h5>
          <MagicLinkList userId={userId} onNotice={setNotice} />
        </div>
        <div className="min-w-0 space-y-1">
          <h5 className="text-xs font-medium text-slate-600">Texts</h5>
          <TextList userId={userId} />
          <CustomerReplies userId={userId} />
        </div>
      </div>
    </section>
  );
}
