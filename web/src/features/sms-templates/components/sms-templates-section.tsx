import { useId, useState } from 'react';

import { Alert } from '@/components/ui/alert';
import type { SmsTemplate } from '@/types/api';

import { useSmsTemplates } from '../api/get-sms-templates';
import { templateVersionLabel } from '../labels';
import { TemplateForm } from './template-form';
import { TemplateTable } from './template-table';

/**
 * The admin's text templates: the list (retired ones too) beside the form that adds one or, after
 * Edit, changes one. What happened is announced in one place.
 */
export function SmsTemplatesSection() {
  const id = useId();
  const templates = useSmsTemplates('all');
  const [editing, setEditing] = useState<SmsTemplate | null>(null);
  // A new form (emptied, or refilled from the server) each time this moves on.
  const [formRound, setFormRound] = useState(0);
  const [focusForm, setFocusForm] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editButtonId = (templateId: string) => `${id}-edit-${templateId}`;

  function openForm(template: SmsTemplate | null, focus: boolean) {
    setEditing(template);
    setFormRound((round) => round + 1);
    setFocusForm(focus);
  }

  /** Back to a new template; the keyboard goes back to the row that was being edited. */
  function closeEdit() {
    const edited = editing;
    openForm(null, false);
    if (edited) {
      requestAnimationFrame(() => document.getElementById(editButtonId(edited.id))?.focus());
    }
  }

  async function reload() {
    if (!editing || reloading) return;
    setReloading(true);
    try {
      const result = await templates.refetch();
      const latest = result.data?.templates.find((t) => t.id === editing.id);
      if (latest) {
        openForm(latest, true);
        setNotice(`Reloaded "${latest.name}" (${templateVersionLabel(latest)}).`);
      } else {
        openForm(null, false);
        setError(result.error?.message ?? 'The template could not be reloaded. Try again.');
      }
    } finally {
      setReloading(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <div className="space-y-0.5">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Text templates
        </h2>
        <p className="text-sm text-slate-600">
          Ready-made texts agents choose from when they text a customer or reply in the SMS inbox.
          Retired templates are kept but no longer offered.
        </p>
      </div>
      {/* Always in the page so that a screen reader is listening before the message arrives. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-emerald-800">
        {notice}
      </p>
      {error ? <Alert>{error}</Alert> : null}
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <TemplateTable
          editingId={editing?.id ?? null}
          editButtonId={editButtonId}
          onEdit={(template) => {
            setNotice(null);
            setError(null);
            openForm(template, true);
          }}
          onNotice={setNotice}
          onError={setError}
        />
        <TemplateForm
          key={`${editing?.id ?? 'new'}:${formRound}`}
          template={editing}
          focusOnOpen={focusForm}
          onSaved={(message) => {
            setError(null);
            setNotice(message);
            // After an edit, back to its row; after adding one, ready for the next.
            if (editing) closeEdit();
            else openForm(null, true);
          }}
          onCancel={closeEdit}
          onReload={() => void reload()}
          reloading={reloading}
        />
      </div>
    </section>
  );
}
