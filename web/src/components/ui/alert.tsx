import type { ComponentProps } from 'react';

import { cn } from '@/utils/cn';

const tones = {
  error: 'bg-red-50 text-red-800 ring-red-200',
  info: 'bg-sky-50 text-sky-800 ring-sky-200',
} as const;

type AlertProps = ComponentProps<'div'> & { tone?: keyof typeof tones };

/**
 * A message box. Errors use role="alert" (announced at once); notices use role="status".
 */
export function Alert({ tone = 'error', className, ...props }: AlertProps) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('rounded-md px-3 py-2 text-sm ring-1 ring-inset', tones[tone], className)}
      {...props}
    />
  );
}
