/** A field's error, which the field names in aria-describedby (nothing when there is none). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

/** The ids a field is described by: its error first (when shown), then its help. */
export function describedBy(
  error: string | undefined,
  errorId: string,
  ...help: Array<string | null | undefined>
): string | undefined {
  return [error ? errorId : null, ...help].filter(Boolean).join(' ') || undefined;
}
