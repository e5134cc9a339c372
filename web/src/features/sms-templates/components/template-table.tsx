import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { ListError } from '@/features/messaging/components/list-error';
import type { SmsTemplate } from '@/types/api';
import { cn } from '@/utils/cn';

import { useSmsTemplates } from '../api/get-sms-templates';
import { useRestoreSmsTemplate } from '../api/restore-sms-template';
import { useRetireSmsTemplate } from '../api/retire-sms-template';
import {
  templateChangedLabel,
  templateKindLabel,
  templateStatusLabel,
  templateVersionLabel,
} from '../labels';

type RetireButtonProps = {
  template: SmsTemplate;
  onNotice: (message: string) => void;
  onError: (message: string | null) => void;
};

/**
 * Retire, or Restore once retired: one button whose words change, so it keeps the focus when
 * pressed. Either can be undone by the other, so neither asks to confirm.
 */
function RetireButton({ template, onNotice, onError }: RetireButtonProps) {
  const retire = useRetireSmsTemplate();
  const restore = useRestoreSmsTemplate();
  const busy = retire.isPending || restore.isPending;
  const verb = template.active ? 'Retire' : 'Restore';

  function handleClick() {
    if (busy) return;
    onError(null);
    const failed = (what: string) => (error: Error) =>
      onError(error.message || `"${template.name}" could not be ${what}. Try again.`);
    if (template.active) {
      retire.mutate(template.id, {
        onSuccess: ({ template: saved }) =>
          onNotice(`Retired "${saved.name}": agents no longer see it.`),
        onError: failed('retired'),
      });
    } else {
      restore.mutate(template.id, {
        onSuccess: ({ template: saved }) =>
          onNotice(`Restored "${saved.name}": agents can choose it again.`),
        onError: failed('restored'),
      });
    }
  }

  return (
    <Button
      variant="secondary"
      className="px-2 py-1"
      aria-label={`${verb} ${template.name}`}
      onClick={handleClick}
    >
      {verb}
    </Button>
  );
}

type TemplateTableProps = {
  /** The template whose form is open, if any. */
  editingId: string | null;
  /** The id of a row's Edit button, so the page can give it back the focus. */
  editButtonId: (templateId: string) => string;
  onEdit: (template: SmsTemplate) => void;
  onNotice: (message: string) => void;
  onError: (message: string | null) => void;
};

/** Every template, retired ones too, by name: what it says, its kind, version and state. */
export function TemplateTable({
  editingId,
  editButtonId,
  onEdit,
  onNotice,
  onError,
}: TemplateTableProps) {
  const templates = useSmsTemplates('all');
  if (templates.isPending) return <Spinner label="Loading templates" />;
  if (templates.isError) {
    return (
      <ListError
        message={`The templates could not be loaded: ${templates.error.message}`}
        retrying={templates.isFetching}
        onRetry={() => void templates.refetch()}
      />
    );
  }
  const items = templates.data.templates;
  if (items.length === 0) {
    return <p className="text-sm text-slate-500">No templates yet. Add one with the form.</p>;
  }
  const cell = 'px-2 py-2 align-top';
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table aria-label="Templates" className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Name
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Kind
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Version
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Status
            </th>
            <th scope="col" className={cn(cell, 'font-medium')}>
              Last changed
            </th>
            <th scope="col" className={cell}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((template) => (
            <tr
              key={template.id}
              aria-current={template.id === editingId ? 'true' : undefined}
              className={cn(
                template.id === editingId && 'bg-indigo-50',
                !template.active && 'text-slate-600',
              )}
            >
              <th scope="row" className={cn(cell, 'max-w-64 font-normal')}>
                <span className="block font-medium text-slate-900">{template.name}</span>{' '}
                <span className="line-clamp-2 text-xs text-slate-600" title={template.body}>
                  {template.body}
                </span>
              </th>
              <td className={cell}>{templateKindLabel(template.kind)}</td>
              <td className={cn(cell, 'tabular-nums')}>{templateVersionLabel(template)}</td>
              <td className={cell}>
                <span
                  className={cn(
                    'rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap',
                    template.active
                      ? 'bg-emerald-100 text-emerald-900'
                      : 'bg-slate-200 text-slate-700',
                  )}
                >
                  {templateStatusLabel(template)}
                </span>
              </td>
              <td className={cn(cell, 'whitespace-nowrap')}>
                {template.changedBy === null ? (
                  templateChangedLabel(template)
                ) : (
                  <time dateTime={template.changedAt}>{templateChangedLabel(template)}</time>
                )}
              </td>
              <td className={cell}>
                <div className="flex justify-end gap-1">
                  <Button
                    id={editButtonId(template.id)}
                    variant="secondary"
                    className="px-2 py-1"
                    aria-label={`Edit ${template.name}`}
                    onClick={() => onEdit(template)}
                  >
                    Edit
                  </Button>
                  <RetireButton template={template} onNotice={onNotice} onError={onError} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
