// A stand-in for the browser's WebSocket, injected as the live socket's class: the test plays the
// server (accept the socket, send events, drop it) and no network is touched.
import type { LiveSocket } from '@/features/calls/live/live-events';

export type FakeLive = ReturnType<typeof createFakeLive>;

export function createFakeLive() {
  const sockets: FakeLiveSocket[] = [];

  class FakeLiveSocket implements LiveSocket {
    onopen: WebSocket['onopen'] = null;
    onmessage: WebSocket['onmessage'] = null;
    onclose: WebSocket['onclose'] = null;
    onerror: WebSocket['onerror'] = null;
    readonly url: string;
    /** The page closed it (or the test dropped it). */
    closed = false;

    constructor(url: string) {
      this.url = url;
      sockets.push(this);
    }

    close(): void {
      this.closed = true;
    }

    private get asWebSocket(): WebSocket {
      return this as unknown as WebSocket;
    }

    /** The server accepts the socket and greets it, as `/api/live` does. */
    accept(agentId = '1'): void {
      this.onopen?.call(this.asWebSocket, new Event('open'));
      this.send({ type: 'hello', agentId });
    }

    send(frame: unknown): void {
      const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
      this.onmessage?.call(this.asWebSocket, new MessageEvent('message', { data }));
    }

    /** The connection is lost (server restart, network). */
    drop(code = 1006): void {
      this.closed = true;
      this.onclose?.call(this.asWebSocket, new CloseEvent('close', { code }));
    }
  }

  return {
    Socket: FakeLiveSocket,
    sockets,
    /** The socket the page has open now (the last one it has not closed). */
    get current(): FakeLiveSocket {
      const open = sockets.filter((socket) => !socket.closed);
      const socket = open[open.length - 1];
      if (!socket) throw new Error('the page has no live socket open');
      return socket;
    },
    /** Sends the event the server sends when a call session changes. */
    callChanged(callSessionId: string, state: string, agentId = '1'): void {
      this.current.send({
        type: 'call',
        subjectId: callSessionId,
        state,
        agentId,
        at: '2026-11-24T10:00:05Z',
      });
    },
    /** Sends the event the server sends when a customer's call starts ringing for an agent. */
    callIncoming(callSessionId: string, agentId = '1'): void {
      this.current.send({
        type: 'call.incoming',
        subjectId: callSessionId,
        state: 'ringing',
        agentId,
        at: '2026-11-24T10:00:05Z',
      });
    },
    /** Sends the event the server sends when an agent's status moves. */
    agentStatusChanged(state: string, agentId = '1'): void {
      this.current.send({
        type: 'agent.status',
        subjectId: agentId,
        state,
        agentId,
        at: '2026-11-24T10:00:05Z',
      });
    },
    /** Sends the event every agent gets when a customer is handed out, given back or finished. */
    leadChanged(userId: string, state: 'taken' | 'released' | 'done', agentId = '2'): void {
      this.current.send({
        type: 'lead',
        subjectId: userId,
        state,
        agentId,
        at: '2026-11-24T10:00:05Z',
      });
    },
    /** Sends the event the server sends when a magic link is sent, opened or revoked. */
    magicLinkChanged(linkId: string, state: 'sent' | 'opened' | 'revoked', agentId = '1'): void {
      this.current.send({
        type: 'magic_link',
        subjectId: linkId,
        state,
        agentId,
        at: '2026-11-24T10:00:05Z',
      });
    },
    /** Sends the event the server sends when an inbox conversation changes. */
    smsConversationChanged(
      conversationId: string,
      state: 'message' | 'read' | 'assigned' | 'closed' | 'reopened',
      agentId = '1',
    ): void {
      this.current.send({
        type: 'sms_conversation',
        subjectId: conversationId,
        state,
        agentId,
        at: '2026-11-24T10:00:05Z',
      });
    },
    /** Sends the event the server sends when a text is queued or moves on. */
    smsChanged(smsId: string, state: string, agentId = '1'): void {
      this.current.send({
        type: 'sms',
        subjectId: smsId,
        state,
        agentId,
        at: '2026-11-24T10:00:05Z',
      });
    },
  };
}
