import type { ComponentProps } from 'react';

import { cn } from '@/utils/cn';

/** A native select styled like Input: the browser's own keyboard and screen-reader behaviour. */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return (
    <select
      className={cn(
        'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300',
        'focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-invalid:ring-red-500',
        className,
      )}
      {...props}
    />
  );
}
