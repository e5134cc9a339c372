import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

type AccountDialogProps = {
  /** The dialog's heading and accessible name ("Edit Kim Floor"). */
  title: string;
  /** A line under the title (the account's email). */
  subtitle?: string;
  onClose: () => void;
  children: ReactNode;
};

/**
 * A modal dialog wide enough for an account's details beside its password reset: the focus goes
 * to its first field, stays inside while it is open (Tab wraps around) and Escape closes it. The
 * page puts the focus back where it was. (The callbacks' ActionDialog is the same, narrower.)
 */
export function AccountDialog({ title, subtitle, onClose, children }: AccountDialogProps) {
  const id = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>(focusable)?.focus();
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>(focusable) ?? []);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="fixed inset-0 z-30 flex items-center justify-center bg-slate-900/30 p-4">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={subtitle ? `${id}-subtitle` : undefined}
        onKeyDown={handleKeyDown}
        className="max-h-full w-full max-w-3xl space-y-3 overflow-y-auto rounded-lg bg-white p-4 shadow-lg ring-1 ring-slate-200"
      >
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {subtitle ? (
            <p id={`${id}-subtitle`} className="text-sm text-slate-600">
              {subtitle}
            </p>
          ) : null}
        </div>
        {children}
      </div>
    </div>
  );
}
