/**
 * How far the server's clock is ahead of this PC's (ms), from an answer's `now` and when it
 * arrived (TanStack Query's `dataUpdatedAt`): screens judge times against the server's clock, not
 * the PC's, which may be wrong. 0 until an answer is known.
 */
export function serverSkewMs(serverNow: string | undefined, receivedAt: number): number {
  return serverNow === undefined ? 0 : Date.parse(serverNow) - receivedAt;
}
