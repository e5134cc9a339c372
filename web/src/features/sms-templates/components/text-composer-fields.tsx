import { useId, type KeyboardEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { cn } from '@/utils/cn';

import { maxTextLength, type TextComposer } from '../hooks/use-text-composer';
import { TemplatePreview } from './template-preview';
import { TemplateSelect } from './template-select';

type TextComposerFieldsProps = {
  /** From useTextComposer, whose handleSubmit the form around these fields calls. */
  composer: TextComposer;
  /** The name of the box for the agent's own words: "Text message", "Reply". */
  bodyLabel: string;
  /** "Send text", "Send reply". */
  submitLabel: string;
  /** Why nothing can be sent, shown over the box while the composer is blocked. */
  blockedReason?: string | null;
};

/**
 * The template select, then the agent's own words (with the characters left) or the chosen
 * template as the customer will get it, and the Send button.
 */
export function TextComposerFields({
  composer,
  bodyLabel,
  submitLabel,
  blockedReason = null,
}: TextComposerFieldsProps) {
  const id = useId();
  const { blocked, bodyError, templateError, templateId } = composer;
  const reason = blocked ? blockedReason : null;

  /** Enter adds a line; Ctrl+Enter sends, as it saves the notes of the outcome. */
  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  const left = maxTextLength - composer.body.length;
  const errorId = `${id}-body-error`;
  const countId = `${id}-body-count`;
  const blockedId = `${id}-blocked`;
  const templateErrorId = `${id}-template-error`;
  const noteId = `${id}-template-note`;
  const describedBy = [bodyError ? errorId : null, reason ? blockedId : null, countId]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <TemplateSelect
        ref={composer.selectRef}
        id={`${id}-template`}
        value={templateId}
        onChange={composer.chooseTemplate}
        disabled={composer.templatesOff}
        invalid={templateError !== null}
        describedBy={templateError ? templateErrorId : undefined}
      />
      {templateError ? (
        <p id={templateErrorId} className="text-sm text-red-700">
          {templateError}
        </p>
      ) : null}
      {templateId === null ? (
        <>
          <Label htmlFor={`${id}-body`}>{bodyLabel}</Label>
          {reason ? (
            <p id={blockedId} className="text-sm font-medium text-amber-900">
              {reason}
            </p>
          ) : null}
          <textarea
            ref={composer.textareaRef}
            id={`${id}-body`}
            rows={2}
            maxLength={maxTextLength}
            value={composer.body}
            disabled={blocked}
            onChange={(event) => composer.changeBody(event.target.value)}
            onKeyDown={handleKeyDown}
            aria-required="true"
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={describedBy}
            className={cn(
              'block w-full resize-none rounded-md border-0 px-3 py-1.5 text-sm text-slate-900',
              'shadow-sm ring-1 ring-slate-300 ring-inset',
              'disabled:bg-slate-100 disabled:text-slate-500',
              'focus:ring-2 focus:ring-indigo-600 focus:ring-inset aria-invalid:ring-red-500',
            )}
          />
          {bodyError ? (
            <p id={errorId} className="text-sm text-red-700">
              {bodyError}
            </p>
          ) : null}
        </>
      ) : (
        <TemplatePreview
          id={`${id}-preview`}
          preview={composer.preview}
          describedBy={noteId}
          onKeyDown={handleKeyDown}
        />
      )}
      <div className="flex items-center justify-between gap-2">
        {templateId === null ? (
          <p id={countId} className="text-xs text-slate-500 tabular-nums">
            {left} {left === 1 ? 'character' : 'characters'} left. Ctrl+Enter sends.
          </p>
        ) : (
          <p id={noteId} className="text-xs text-slate-500">
            As the customer will get it. Ctrl+Enter sends.
          </p>
        )}
        <Button type="submit" disabled={blocked} className="shrink-0">
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
