import { Alert } from '@/components/ui/alert';
import type { CallRefusal } from '@/types/api';
import { formatUkDateTime } from '@/utils/uk-time';

import { codeInWords } from '../labels';

type RefusalMessageProps = {
  refusal: CallRefusal;
  /** What was refused, e.g. "This customer cannot be called now." */
  title: string;
};

/** The contact rules' reasons for refusing a call or a text, and when it may be tried again. */
export function RefusalMessage({ refusal, title }: RefusalMessageProps) {
  return (
    <Alert>
      <p className="font-medium">{title}</p>
      {refusal.denials.length > 0 ? (
        <ul className="list-disc pl-5">
          {refusal.denials.map((denial, index) => (
            <li key={`${denial.code}-${index}`}>{denial.message || codeInWords(denial.code)}</li>
          ))}
        </ul>
      ) : null}
      {refusal.nextAllowedAt ? (
        <p>Next allowed: {formatUkDateTime(refusal.nextAllowedAt)} (UK time)</p>
      ) : null}
    </Alert>
  );
}
