import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createManualClock } from '@/testing/manual-clock';

import { useCountdown, useDeadline } from '../hooks/use-countdown';

afterEach(() => {
  vi.useRealTimers();
});

describe('useCountdown', () => {
  it('counts whole seconds down to 0 on the browser timers, then calls onExpire once', () => {
    vi.useFakeTimers();
    const onExpire = vi.fn();
    const endsAt = Date.now() + 3_000;
    const { result } = renderHook(() => useCountdown(endsAt, onExpire));

    expect(result.current).toBe(3);
    act(() => vi.advanceTimersByTime(999));
    expect(result.current).toBe(3);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toBe(1);
    expect(onExpire).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toBe(0);
    expect(onExpire).toHaveBeenCalledTimes(1);

    act(() => vi.advanceTimersByTime(10_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rounds a part second up and then keeps to the deadline', () => {
    vi.useFakeTimers();
    const onExpire = vi.fn();
    const endsAt = Date.now() + 2_500;
    const { result } = renderHook(() => useCountdown(endsAt, onExpire));

    expect(result.current).toBe(3);
    act(() => vi.advanceTimersByTime(500));
    expect(result.current).toBe(2);
    act(() => vi.advanceTimersByTime(2_000));
    expect(result.current).toBe(0);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('stops when the deadline goes (null) and starts afresh for a new one', () => {
    const clock = createManualClock();
    const onExpire = vi.fn();
    const { result, rerender } = renderHook(
      ({ endsAt }: { endsAt: number | null }) => useCountdown(endsAt, onExpire, clock),
      { initialProps: { endsAt: clock.now() + 5_000 } as { endsAt: number | null } },
    );
    act(() => clock.advance(2_000));
    expect(result.current).toBe(3);

    rerender({ endsAt: null });
    expect(result.current).toBeNull();
    expect(clock.pending).toBe(0);
    act(() => clock.advance(10_000));
    expect(onExpire).not.toHaveBeenCalled();

    rerender({ endsAt: clock.now() + 8_000 });
    expect(result.current).toBe(8);
    act(() => clock.advance(8_000));
    expect(result.current).toBe(0);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('expires at once for a deadline already past', () => {
    const clock = createManualClock();
    const onExpire = vi.fn();
    const { result } = renderHook(() => useCountdown(clock.now() - 1, onExpire, clock));
    expect(result.current).toBe(0);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});

describe('useDeadline', () => {
  it('calls back once the clock reaches the time, and not after it is withdrawn', () => {
    const clock = createManualClock();
    const onReached = vi.fn();
    const { rerender } = renderHook(
      ({ at }: { at: number | null }) => useDeadline(at, onReached, clock),
      { initialProps: { at: clock.now() + 60_000 } as { at: number | null } },
    );
    act(() => clock.advance(59_999));
    expect(onReached).not.toHaveBeenCalled();
    act(() => clock.advance(1));
    expect(onReached).toHaveBeenCalledTimes(1);

    rerender({ at: clock.now() + 1_000 });
    rerender({ at: null });
    act(() => clock.advance(5_000));
    expect(onReached).toHaveBeenCalledTimes(1);
  });
});
