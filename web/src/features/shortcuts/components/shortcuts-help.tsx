import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

import { Button } from '@/components/ui/button';
import { useKeyboardShortcut } from '@/hooks/use-keyboard-shortcut';
import { cn } from '@/utils/cn';

import { useShortcutGroup, useShortcutGroups, type ShortcutGroup } from '../registry';
import { ShortcutKey } from './shortcut-key';

/** The key that opens the overlay, as `KeyboardEvent.key` has it (Shift+/ on a UK keyboard). */
export const helpKey = '?';

const everywhere: ShortcutGroup = {
  id: 'everywhere',
  title: 'Everywhere',
  shortcuts: [{ keys: helpKey, action: 'Show the keyboard shortcuts' }],
};

const focusableSelector =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const groups = useShortcutGroups();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeRef.current?.focus();
    // Focus that gets outside anyway (a click on the page behind, assistive technology) is
    // brought back: the dialog is modal.
    const onFocusIn = (event: FocusEvent) => {
      const dialog = dialogRef.current;
      if (dialog && event.target instanceof Node && !dialog.contains(event.target)) {
        closeRef.current?.focus();
      }
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Nothing typed here reaches the page's own shortcuts behind the dialog.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [
      ...(dialogRef.current?.querySelectorAll<HTMLElement>(focusableSelector) ?? []),
    ];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialogRef.current?.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div
      className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/30 p-4"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        className={cn(
          'max-h-full w-full max-w-md space-y-3 overflow-y-auto rounded-lg bg-white p-4',
          'shadow-lg ring-1 ring-slate-200',
        )}
      >
        <div className="flex items-center justify-between gap-3">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            Keyboard shortcuts
          </h2>
          <Button ref={closeRef} variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
        <p id={`${id}-text`} className="text-sm text-slate-600">
          Shortcuts do nothing while you type in a field. Buttons show their key beside the label.
        </p>
        {groups.map((group) => (
          <table key={group.id} className="w-full text-left text-sm">
            <caption className="pb-1 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {group.title}
            </caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {group.shortcuts.map((shortcut) => (
                <tr key={shortcut.keys} className="border-t border-slate-100">
                  <td className="w-20 py-1 pr-3 align-top">
                    <ShortcutKey className="text-xs text-slate-800">{shortcut.keys}</ShortcutKey>
                  </td>
                  <td className="py-1 text-slate-800">{shortcut.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </div>,
    document.body,
  );
}

/**
 * The top bar's "Keyboard shortcuts" button and the help overlay it opens (also with `?`): a
 * modal dialog listing the shortcuts of whatever is on screen (see registry.ts). Escape or Close
 * shuts it, and the focus goes back where it was.
 */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useShortcutGroup(everywhere);

  function show() {
    returnFocusTo.current =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : buttonRef.current;
    setOpen(true);
  }

  function close() {
    setOpen(false);
  }

  // Once the dialog is gone (while it is up it keeps the focus to itself).
  useEffect(() => {
    if (open || !returnFocusTo.current) return;
    const target = returnFocusTo.current;
    returnFocusTo.current = null;
    (target.isConnected ? target : buttonRef.current)?.focus();
  }, [open]);

  useKeyboardShortcut(helpKey, show, !open);

  return (
    <>
      {/* On a laptop the top bar is short of room: the button shows its key, "?", and its
          name on hover; from 2xl on the word too. Its accessible name is the full one. */}
      <Button
        ref={buttonRef}
        variant="secondary"
        className="gap-1.5 px-2 py-1 text-xs font-medium whitespace-nowrap"
        aria-label="Keyboard shortcuts"
        title={`Keyboard shortcuts (${helpKey})`}
        aria-haspopup="dialog"
        aria-keyshortcuts={helpKey}
        onClick={show}
      >
        <span className="hidden 2xl:inline">Shortcuts</span>
        <ShortcutKey aria-hidden="true">{helpKey}</ShortcutKey>
      </Button>
      {open ? <ShortcutsDialog onClose={close} /> : null}
    </>
  );
}
