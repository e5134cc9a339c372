import type { ComponentProps } from 'react';

import { cn } from '@/utils/cn';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return (
    <input
      className={cn(
        'block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300',
        'placeholder:text-slate-500 focus:ring-2 focus:ring-inset focus:ring-indigo-600',
        'aria-invalid:ring-red-500',
        className,
      )}
      {...props}
    />
  );
}
