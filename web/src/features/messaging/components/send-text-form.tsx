import { Alert } from '@/components/ui/alert';
import { RefusalMessage } from '@/features/calls/components/refusal-message';
import { TextComposerFields } from '@/features/sms-templates/components/text-composer-fields';
import { useTextComposer } from '@/features/sms-templates/hooks/use-text-composer';

import { useSendSms } from '../api/send-sms';
import { textRefusedTitle } from './send-link-form';

type SendTextFormProps = {
  userId: string;
  /** What to announce: a message once the text is queued, null when a new send starts. */
  onNotice: (message: string | null) => void;
};

/** A text to the customer: the agent's own words, or a template filled in for them. */
export function SendTextForm({ userId, onNotice }: SendTextFormProps) {
  const send = useSendSms();
  const composer = useTextComposer({
    userId,
    mutation: send,
    toRequest: (text) => ({ userId, ...text }),
    messages: {
      empty: 'Write the text first.',
      sent: 'Text queued',
      failed: 'The text could not be sent. Try again.',
    },
    onNotice,
    // The notice below the forms is the link form's too: typing here leaves "Link sent" standing.
    clearNotice: 'send',
  });
  return (
    <form noValidate onSubmit={composer.handleSubmit} className="space-y-1">
      <TextComposerFields composer={composer} bodyLabel="Text message" submitLabel="Send text" />
      {composer.refusal ? (
        <RefusalMessage refusal={composer.refusal} title={textRefusedTitle} />
      ) : null}
      {composer.formError ? <Alert>{composer.formError}</Alert> : null}
    </form>
  );
}
