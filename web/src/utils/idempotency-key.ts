/**
 * A fresh key for a request the server must apply once however often it is sent: 32 hex digits
 * (128 random bits). Built from getRandomValues because crypto.randomUUID exists only on HTTPS
 * pages and localhost, and the dialler may be served over plain HTTP on the office network.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
