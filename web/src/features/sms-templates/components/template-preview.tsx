import type { UseQueryResult } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';

import { Label } from '@/components/ui/label';
import { Spinner } from '@/components/ui/spinner';
import { ListError } from '@/features/messaging/components/list-error';
import { isApiError } from '@/lib/api-error';
import type { SmsTemplatePreview } from '@/types/api';
import { cn } from '@/utils/cn';

export const templateGoneMessage =
  'This template is no longer in use. Choose another, or write your own.';

type TemplatePreviewProps = {
  id: string;
  /** From useSmsTemplatePreview: the form reads it too, to send only what was shown. */
  preview: UseQueryResult<SmsTemplatePreview>;
  /** Ids of what else describes the text (a note under it). */
  describedBy?: string | undefined;
  /** Ctrl+Enter sends, as in the box this one stands in for. */
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
};

/**
 * "Text to send": the template filled in for this customer, exactly as they will get it,
 * read-only. It stands where the sender's own words would be.
 */
export function TemplatePreview({ id, preview, describedBy, onKeyDown }: TemplatePreviewProps) {
  if (preview.isPending) {
    return <Spinner label="Filling in the template" className="py-1" />;
  }
  if (preview.isError) {
    const gone = isApiError(preview.error) && preview.error.field === 'templateId';
    return (
      <ListError
        message={
          gone ? templateGoneMessage : `The text could not be filled in: ${preview.error.message}`
        }
        retrying={preview.isFetching}
        onRetry={() => void preview.refetch()}
      />
    );
  }
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>Text to send</Label>
      <textarea
        id={id}
        readOnly
        rows={3}
        value={preview.data.body}
        onKeyDown={onKeyDown}
        aria-describedby={describedBy}
        className={cn(
          'block w-full resize-none rounded-md border-0 bg-slate-50 px-3 py-1.5 text-sm',
          'text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset',
          'focus:ring-2 focus:ring-indigo-600 focus:ring-inset',
        )}
      />
    </div>
  );
}
