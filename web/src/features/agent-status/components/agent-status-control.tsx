import { useQueryClient } from '@tanstack/react-query';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';

import { Alert } from '@/components/ui/alert';
import { useSession } from '@/features/auth/api/get-me';
import { useElapsedSeconds } from '@/features/calls/hooks/use-elapsed-seconds';
import type { AgentStatus, AgentStatusRequest } from '@/types/api';
import { cn } from '@/utils/cn';
import { formatElapsed } from '@/utils/duration';

import { useMyStatus } from '../api/get-my-status';
import { useSetMyStatus } from '../api/set-my-status';
import { microphoneProblem } from '../hooks/use-change-my-status';
import { useLiveAgentStatus } from '../hooks/use-live-agent-status';
import { breakReasonLabels, lockedReason, statusDotClasses, statusText } from '../labels';
import { useMicrophoneCheck } from '../microphone/check-context';

function TimeInState({ since }: { since: string }) {
  const seconds = useElapsedSeconds(Date.parse(since));
  return (
    <span className="text-xs whitespace-nowrap text-slate-600">
      <span role="timer" aria-label="Time in state" className="font-mono tabular-nums">
        {formatElapsed(seconds)}
      </span>{' '}
      in state
    </span>
  );
}

const itemSelector = '[role="menuitem"]';

function MenuItem({
  disabled,
  onSelect,
  current,
  children,
}: {
  disabled: boolean;
  onSelect: () => void;
  current: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      // Still focusable when disabled, so the keyboard can reach the reason next to the choices.
      aria-disabled={disabled || undefined}
      onClick={() => {
        if (!disabled) onSelect();
      }}
      className={cn(
        'flex w-full items-center justify-between gap-2 px-3 py-1.5 text-left text-sm',
        'focus:bg-indigo-50 focus:outline-none',
        disabled ? 'cursor-not-allowed text-slate-400' : 'text-slate-900 hover:bg-slate-50',
      )}
    >
      <span>{children}</span>
      {current ? (
        <span aria-hidden="true" className="text-indigo-600">
          ✓
        </span>
      ) : null}
    </button>
  );
}

/**
 * The agent's status in the top bar (docs: screens.md, "[● Available ▾] 02:14 in state"): what
 * the server says they are, for how long, and a menu to choose Available, a break with its reason,
 * or Offline. The server moves the status itself around a call; the menu is locked meanwhile.
 */
export function AgentStatusControl() {
  const id = useId();
  const { agent } = useSession();
  const queryClient = useQueryClient();
  const status = useMyStatus();
  const change = useSetMyStatus();
  const checkMicrophone = useMicrophoneCheck();
  useLiveAgentStatus(agent.id);

  const [open, setOpen] = useState(false);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  // Which item takes the focus when the menu opens: the first, or the last (Arrow Up).
  const openAt = useRef<'first' | 'last'>('first');

  const current: AgentStatus | undefined = status.data?.status;
  const text = current ? statusText(current) : status.isError ? 'Unknown' : 'Loading…';
  const locked = current ? lockedReason(current.status) : null;
  const busy = checking || change.isPending;
  const disabled = locked !== null || busy;

  useEffect(() => {
    if (!open) return undefined;
    const items = menuRef.current?.querySelectorAll<HTMLElement>(itemSelector);
    const target = openAt.current === 'last' ? items?.[items.length - 1] : items?.[0];
    target?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function openMenu(at: 'first' | 'last') {
    openAt.current = at;
    setOpen(true);
  }

  function closeMenu({ refocus }: { refocus: boolean }) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  async function choose(request: AgentStatusRequest) {
    closeMenu({ refocus: true });
    setProblem(null);
    change.reset();
    if (request.status === 'available') {
      // Only the real voice service uses this browser's microphone; the simulation has none.
      setChecking(true);
      const microphone = await microphoneProblem(queryClient, checkMicrophone);
      setChecking(false);
      if (microphone) {
        setProblem(microphone);
        return;
      }
    }
    change.mutate(request);
  }

  function onMenuKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>(itemSelector) ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => items[(next + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index < 0 ? -1 : index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(-1);
        break;
      case 'Escape':
        closeMenu({ refocus: true });
        break;
      case 'Tab':
        closeMenu({ refocus: false });
        return;
      default: {
        // Type-ahead; it also keeps letters from reaching the page's shortcuts (N, F2).
        if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) return;
        const letter = event.key.toLowerCase();
        const after = [...items.slice(index + 1), ...items.slice(0, index + 1)];
        after.find((item) => item.textContent?.trim().toLowerCase().startsWith(letter))?.focus();
      }
    }
    event.preventDefault();
    event.stopPropagation();
  }

  const message =
    problem ?? (change.error ? `Your status was not changed: ${change.error.message}` : null);

  return (
    <div ref={containerRef} className="relative flex items-center gap-2">
      <button
        ref={buttonRef}
        id={`${id}-button`}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={`Status: ${text}`}
        aria-busy={busy || undefined}
        onClick={() => (open ? closeMenu({ refocus: false }) : openMenu('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openMenu(event.key === 'ArrowUp' ? 'last' : 'first');
          }
        }}
        className={cn(
          'inline-flex items-center gap-2 rounded-md bg-white px-2.5 py-1.5 text-sm font-medium',
          'text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50',
          'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            'size-2.5 shrink-0 rounded-full',
            current ? statusDotClasses[current.status] : 'bg-slate-300',
          )}
        />
        <span className="whitespace-nowrap">{text}</span>
        <span aria-hidden="true" className="text-xs text-slate-500">
          ▾
        </span>
      </button>
      {current?.since ? <TimeInState since={current.since} /> : null}

      {open ? (
        <div
          className={cn(
            'absolute top-full left-0 z-20 mt-1 w-64 rounded-md bg-white py-1 shadow-lg',
            'ring-1 ring-slate-200',
          )}
        >
          {locked ? (
            <p id={`${id}-locked`} className="px-3 py-1.5 text-xs text-slate-700">
              {locked}
            </p>
          ) : null}
          {status.isError && !current ? (
            <p className="px-3 py-1.5 text-xs text-red-800">
              Your status could not be read: {status.error.message}
            </p>
          ) : null}
          <div
            ref={menuRef}
            id={`${id}-menu`}
            role="menu"
            aria-labelledby={`${id}-button`}
            aria-describedby={locked ? `${id}-locked` : undefined}
            onKeyDown={onMenuKeyDown}
          >
            <MenuItem
              disabled={disabled}
              current={current?.status === 'available'}
              onSelect={() => void choose({ status: 'available' })}
            >
              Available
            </MenuItem>
            <div role="group" aria-labelledby={`${id}-break`} className="border-y border-slate-100">
              <div
                id={`${id}-break`}
                aria-hidden="true"
                className="px-3 pt-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase"
              >
                Break
              </div>
              {breakReasonLabels.map(([reason, label]) => (
                <MenuItem
                  key={reason}
                  disabled={disabled}
                  current={current?.status === 'break' && current.reason === reason}
                  onSelect={() => void choose({ status: 'break', reason })}
                >
                  {label}
                </MenuItem>
              ))}
            </div>
            <MenuItem
              disabled={disabled}
              current={current?.status === 'offline'}
              onSelect={() => void choose({ status: 'offline' })}
            >
              Offline
            </MenuItem>
          </div>
        </div>
      ) : null}

      {message ? (
        <Alert className="absolute top-full left-0 z-10 mt-1 flex w-80 items-start gap-2 shadow-md">
          <span className="flex-1">{message}</span>
          <button
            type="button"
            className="text-xs font-semibold underline"
            onClick={() => {
              setProblem(null);
              change.reset();
            }}
          >
            Dismiss
          </button>
        </Alert>
      ) : null}
    </div>
  );
}
