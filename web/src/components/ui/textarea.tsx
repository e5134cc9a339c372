import type { ComponentProps } from 'react';

import { cn } from '@/utils/cn';

/** A multi-line text field, styled like Input. */
export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return (
    <textarea
      className={cn(
        'block w-full resize-y rounded-md border-0 px-3 py-1.5 text-sm text-slate-900',
        'shadow-sm ring-1 ring-slate-300 ring-inset',
        'focus:ring-2 focus:ring-indigo-600 focus:ring-inset aria-invalid:ring-red-500',
        className,
      )}
      {...props}
    />
  );
}
