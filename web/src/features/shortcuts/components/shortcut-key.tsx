import type { ComponentProps } from 'react';

import { cn } from '@/utils/cn';

/**
 * A key as printed on the keyboard ("H", "F2", "Esc"), shown next to the label of the button it
 * presses. Inside a button it is hidden from the accessible name (`aria-hidden`): the button says
 * its key with `aria-keyshortcuts`, and its name stays the plain label.
 */
export function ShortcutKey({ className, ...props }: ComponentProps<'kbd'>) {
  return (
    <kbd
      title="Keyboard shortcut"
      className={cn(
        'rounded border border-current/30 px-1 py-px font-mono text-[0.7rem] leading-none font-medium',
        className,
      )}
      {...props}
    />
  );
}
