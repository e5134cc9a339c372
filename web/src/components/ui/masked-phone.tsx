import { cn } from '@/utils/cn';

/**
 * A masked number ("+44 •••• ••• 942"). Screen readers would spell out every dot, so they hear
 * "+44 number ending 942" instead.
 */
export function MaskedPhone({ masked, className }: { masked: string; className?: string }) {
  const country = /^\+\d+/.exec(masked)?.[0];
  const ending = /(\d+)\s*$/.exec(masked)?.[1];
  const spoken = [country, ending ? `number ending ${ending}` : 'number hidden']
    .filter(Boolean)
    .join(' ');
  return (
    <span className={cn('tabular-nums whitespace-nowrap', className)}>
      <span aria-hidden="true">{masked}</span>
      <span className="sr-only">{spoken}</span>
    </span>
  );
}
