import { useId } from 'react';

import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

type ListErrorProps = {
  message: string;
  retrying: boolean;
  onRetry: () => void;
};

/** A list that could not be read, and Try again (described by the message: there may be two). */
export function ListError({ message, retrying, onRetry }: ListErrorProps) {
  const id = useId();
  return (
    <div className="space-y-1">
      <p id={id} className="text-sm text-red-700">
        {message}
      </p>
      <div className="flex items-center gap-2">
        <Button variant="secondary" aria-describedby={id} onClick={onRetry}>
          Try again
        </Button>
        {retrying ? <Spinner label="Loading" /> : null}
      </div>
    </div>
  );
}
