// The one live socket of a signed-in tab (`/api/live`). Events only say that something changed
// (a call session, by id); whoever cares refetches it through the API, which stays the truth.
// A dropped socket is reopened with backoff, and listeners are told when it is back so they can
// refetch whatever they may have missed meanwhile. Nothing here polls.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';

import { liveEventSchema, type LiveEvent } from '@/types/api';

/** The part of the browser's WebSocket used here; tests inject a fake class with the same shape. */
export type LiveSocket = Pick<WebSocket, 'onopen' | 'onmessage' | 'onclose' | 'onerror' | 'close'>;
export type LiveSocketConstructor = new (url: string) => LiveSocket;

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** Waits before each reopening attempt; the last one repeats. */
export const reconnectDelaysMs = [1_000, 2_000, 5_000, 10_000] as const;

type Listener = { event: (event: LiveEvent) => void; reconnected: () => void };

type LiveContextValue = {
  status: LiveStatus;
  subscribe: (listener: Listener) => () => void;
};

const LiveContext = createContext<LiveContextValue | null>(null);

const LiveSocketConstructorContext = createContext<LiveSocketConstructor | null>(null);

/** Replaces the WebSocket class the live socket is opened with (tests). */
export function LiveSocketProvider({
  socket,
  children,
}: {
  socket: LiveSocketConstructor | undefined;
  children: ReactNode;
}) {
  if (!socket) return children;
  return <LiveSocketConstructorContext value={socket}>{children}</LiveSocketConstructorContext>;
}

/** Same origin as the page: the session cookie authenticates the socket. */
function liveUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/api/live`;
}

function parseFrame(data: unknown): LiveEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = liveEventSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the live socket open while mounted (the signed-in pages). */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const Socket = useContext(LiveSocketConstructorContext) ?? globalThis.WebSocket;
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    let socket: LiveSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let openedBefore = false;

    function scheduleReconnect() {
      setStatus('reconnecting');
      const delay = reconnectDelaysMs[Math.min(failures, reconnectDelaysMs.length - 1)];
      failures += 1;
      retry = setTimeout(connect, delay);
    }

    function connect() {
      retry = undefined;
      let opened: LiveSocket;
      try {
        opened = new Socket(liveUrl());
      } catch {
        scheduleReconnect();
        return;
      }
      socket = opened;
      opened.onopen = () => {
        setStatus('live');
        if (openedBefore) for (const listener of listeners.current) listener.reconnected();
        openedBefore = true;
      };
      opened.onmessage = (message) => {
        // A frame means the server accepted us (it checks the session before sending any), so
        // the backoff starts again from the shortest wait next time.
        failures = 0;
        const event = parseFrame(message.data);
        if (!event) return;
        for (const listener of listeners.current) listener.event(event);
      };
      // An error is always followed by a close, which does the work.
      opened.onclose = () => {
        if (socket !== opened) return;
        socket = null;
        scheduleReconnect();
      };
    }

    connect();
    return () => {
      clearTimeout(retry);
      const open = socket;
      socket = null;
      if (open) {
        open.onopen = null;
        open.onmessage = null;
        open.onclose = null;
        open.close();
      }
    };
  }, [Socket]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveContext value={value}>{children}</LiveContext>;
}

/**
 * Calls `onEvent` for every live event and `onReconnected` whenever the socket is back after a
 * drop; returns the connection's state. Outside LiveEventsProvider nothing ever arrives.
 */
export function useLiveEvents(
  onEvent: (event: LiveEvent) => void,
  onReconnected?: () => void,
): LiveStatus {
  const live = useContext(LiveContext);
  const handlers = useRef({ onEvent, onReconnected });
  useEffect(() => {
    handlers.current = { onEvent, onReconnected };
  });

  const subscribe = live?.subscribe;
  useEffect(() => {
    if (!subscribe) return undefined;
    return subscribe({
      event: (event) => handlers.current.onEvent(event),
      reconnected: () => handlers.current.onReconnected?.(),
    });
  }, [subscribe]);

  return live?.status ?? 'connecting';
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext)?.status ?? 'connecting';
}
