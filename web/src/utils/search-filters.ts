// Checks the search pages make before asking the server, for the slips a person makes while
// typing; the server checks everything again, and its 400 names the field.

/** Why `value` is not a customer number; null when it is one, or empty (any customer). */
export function customerNumberProblem(value: string): string | null {
  const text = value.trim();
  if (text === '' || /^0*[1-9]\d{0,17}$/.test(text)) return null;
  return 'A customer number is a whole number from 1 up, such as 1940.';
}

/** "1940" for " 01940 ": the number as the server and the address write it. */
export function normaliseCustomerNumber(value: string): string {
  return value.trim().replace(/^0+(?=\d)/, '');
}

/**
 * Why `to` cannot end a range that starts at `from` (both "2026-11-04"); null when it can, or
 * when either is not set.
 */
export function dateRangeProblem(from: string, to: string): string | null {
  if (from === '' || to === '' || to >= from) return null;
  return 'The To date is before the From date.';
}
