import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';

type ReasonFieldProps = {
  id: string;
  label: string;
  value: string;
  /** The refusal to show under the field (the server's or the form's own check). */
  error: string | null;
  onChange: (value: string) => void;
};

/**
 * The required "why" of an action that the audit log keeps (lifting a do-not-contact entry,
 * releasing a legal hold): up to 2000 characters, its refusal read out with the field.
 */
export function ReasonField({ id, label, value, error, onChange }: ReasonFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <Textarea
        id={id}
        rows={3}
        maxLength={2000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
