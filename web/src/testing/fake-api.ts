// An in-memory stand-in for the dialler server at the fetch level: enough of docs/api.md (login,
// me, logout, CSRF, the error envelope, the next-lead path, calling hours, call sessions, voice
// tokens, the agent's status, texts, magic links and the SMS inbox) for feature tests, with
// per-test overrides. Also text templates (list, admin edits, previews, texts sent from one) and
// customers' calls to us ringing for the agent (listed, answered).
import {
  breakReasonSchema,
  finalCallStatuses,
  magicLinkTypeSchema,
  outcomeCodeSchema,
  smsTemplateKindSchema,
  type Agent,
  type AgentDay,
  type AgentStatus,
  type AgentStatusName,
  type AutoDialSettings,
  type CallingHoursInterval,
  type CallRefusal,
  type CallSession,
  type ErrorCode,
  type IncomingCall,
  type Lead,
  type MagicLink,
  type NoLead,
  type QueueCount,
  type Session,
  type SmsConversation,
  type SmsConversationDetail,
  type SmsMessage,
  type SmsTemplate,
  type SmsThreadMessage,
  type VoiceMode,
} from '@/types/api';

import {
  buildCallingHours,
  buildCallSession,
  buildQueueCounts,
  buildSession,
  buildShippedTemplates,
  demoAgents,
  demoPassword,
} from './data';

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
};

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

let requestCounter = 0;

function nextRequestId(): string {
  requestCounter += 1;
  return `req-${requestCounter}`;
}

export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  all.set('Content-Type', 'application/json');
  if (!all.has('X-Request-Id')) all.set('X-Request-Id', nextRequestId());
  return new Response(JSON.stringify(body), { status, headers: all });
}

export function errorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  options: { field?: string; headers?: HeadersInit } = {},
): Response {
  const requestId = nextRequestId();
  const headers = new Headers(options.headers);
  headers.set('X-Request-Id', requestId);
  return jsonResponse(
    status,
    { error: { code, message, requestId, ...(options.field ? { field: options.field } : {}) } },
    headers,
  );
}

export const wrongCredentialsMessage = 'Wrong email or password.';

export type FakeApi = ReturnType<typeof createFakeApi>;

export function createFakeApi() {
  const accounts = Object.values(demoAgents).map((agent) => ({ agent, password: demoPassword }));
  const overrides = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  let session: Session | null = null;
  // The next-lead path: customers waiting to be handed out (in order), the one held, and what
  // next answers when nobody is waiting.
  let queueCounts: QueueCount[] = buildQueueCounts();
  const waiting: Lead[] = [];
  let held: Lead | null = null;
  let whenEmpty: NoLead = { lead: null, reason: 'queue_empty', refused: 0, nextCallableAt: null };
  // Calls: every session opened (oldest first), what the contact rules say, tokens handed out.
  const callSessions: CallSession[] = [];
  let refusal: CallRefusal | null = null;
  let tokensIssued = 0;
  let voiceMode: VoiceMode = 'sim';
  // Customers' calls ringing for the signed-in agent, each with the customer answering hands out.
  const ringing: Array<{ call: IncomingCall; lead: Lead }> = [];
  // The signed-in agent's status. A test that starts signed in starts Available (as if they had
  // chosen it earlier); signing in through the login form leaves them offline, as the server does.
  let agentStatus: AgentStatus | null = null;
  // The agent's day as `GET /api/agents/me/day` answers it (each call session opened adds a call)
  // and auto mode's settings.
  let day: AgentDay = {
    since: '2026-11-24T00:00:00Z',
    calls: 0,
    contacts: 0,
    talkSeconds: 0,
    linksSent: 0,
  };
  let autoDial: AutoDialSettings = {
    countdownSeconds: 10,
    maxCallsPerSession: 150,
    breakReminderMinutes: 120,
  };
  // What `GET /api/calling-hours` answers; null derives them from the clock (buildCallingHours).
  let callingHours: CallingHoursInterval[] | null = null;
  // Texts and links (oldest first), the texts queued per sender's idempotency key, and what the
  // contact rules say about texting.
  const smsMessages: SmsMessage[] = [];
  const magicLinks: MagicLink[] = [];
  const textsByKey = new Map<string, SmsMessage>();
  let textRefusal: CallRefusal | null = null;
  // The SMS inbox: conversations in the order the server lists them (the test gives it), each
  // with its messages, oldest first.
  type FakeConversation = { conversation: SmsConversationDetail; messages: SmsThreadMessage[] };
  const conversations: FakeConversation[] = [];
  // Text templates, the two the dialler ships with to begin with (any order: listed by name).
  const templates: SmsTemplate[] = buildShippedTemplates();

  /** The server's clock to the second, as it writes `since`. */
  function nowStamp(): string {
    return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  function moveStatus(agent: Agent, status: AgentStatusName, reason: string | null = null) {
    agentStatus = { agentId: agent.id, status, reason, since: nowStamp() };
  }

  function currentStatus(agent: Agent): AgentStatus {
    return agentStatus?.agentId === agent.id
      ? agentStatus
      : { agentId: agent.id, status: 'offline', reason: null, since: null };
  }

  function requireSession(request: RecordedRequest): Response | Session {
    if (!session) return errorResponse(401, 'unauthenticated', 'Please sign in.');
    if (
      ['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) &&
      request.headers.get('X-CSRF-Token') !== session.csrfToken
    ) {
      return errorResponse(403, 'permission_denied', 'Missing or wrong CSRF token.');
    }
    return session;
  }

  /** The 409 the contact rules answer with, for a call or a text. */
  function refused(answer: CallRefusal, message: string): Response {
    return jsonResponse(409, {
      error: { code: 'failed_precondition', message, requestId: nextRequestId() },
      ...answer,
    });
  }

  /** An agent may text a customer they hold or have called (the server: in the last 24 hours). */
  function mayText(agent: Agent, userId: string): boolean {
    return (
      held?.userId === userId ||
      callSessions.some((call) => call.userId === userId && call.agentId === agent.id)
    );
  }

  const notYours = () =>
    errorResponse(
      403,
      'permission_denied',
      'you may text only a customer you hold or called in the last 24 hours',
    );

  function queueText(
    agent: Agent,
    userId: string,
    body: string,
    template: SmsTemplate | null = null,
  ): SmsMessage {
    const at = nowStamp();
    const sms: SmsMessage = {
      id: String(7000 + smsMessages.length + 1),
      userId,
      agentId: agent.id,
      to: (held?.userId === userId ? held.customer.phone?.masked : null) ?? '+44 •••• ••• 942',
      body,
      status: 'queued',
      attempts: 0,
      errorCode: null,
      templateId: template?.id ?? null,
      templateVersion: template?.version ?? null,
      createdAt: at,
      updatedAt: at,
    };
    smsMessages.push(sms);
    return sms;
  }

  /** Agents see what they sent; supervisors and admins see everyone's. */
  function visibleTo(agent: Agent, sender: string | null): boolean {
    return agent.role !== 'agent' || sender === agent.id;
  }

  function userIdParam(request: RecordedRequest): string | null {
    return new URL(request.path, 'http://localhost').searchParams.get('userId');
  }

  const userIdRequired = () =>
    errorResponse(400, 'invalid_argument', 'userId is required', { field: 'userId' });

  const invalidField = (field: string, message: string) =>
    errorResponse(400, 'invalid_argument', message, { field });

  /** The customer's first name for {firstName}: the held lead's, or the inbox's. */
  function firstNameOf(userId: string): string {
    if (held?.userId === userId) return held.customer.firstName?.trim() ?? '';
    const entry = conversations.find((c) => c.conversation.userId === userId);
    return entry?.conversation.customerName?.trim().split(/\s+/)[0] ?? '';
  }

  /** The template filled in for the customer and the sender, as the server does it. */
  function renderTemplate(template: SmsTemplate, userId: string, sender: Agent): string {
    const values: Record<string, string> = {
      firstName: firstNameOf(userId) || 'there',
      agentName: sender.displayName.trim() || 'the claims team',
    };
    return template.body.replace(
      /\{(firstName|agentName)\}/g,
      (_all, name: string) => values[name] ?? '',
    );
  }

  /**
   * What a text to send says: `body`, or the template `templateId` (in use) filled in; the error
   * response when neither will do.
   */
  function textToSend(
    body: { body?: unknown; templateId?: unknown },
    userId: string,
    sender: Agent,
  ): Response | { text: string; template: SmsTemplate | null } {
    if (body.templateId !== undefined) {
      if (body.body !== undefined) return invalidField('body', 'give body or templateId, not both');
      const template = templates.find((t) => t.id === body.templateId && t.active);
      if (!template) return invalidField('templateId', 'templateId is not a template in use');
      return { text: renderTemplate(template, userId, sender), template };
    }
    const text = typeof body.body === 'string' ? body.body.trim() : '';
    if (text.length < 1 || text.length > 918) {
      return invalidField('body', 'body must be 1-918 characters');
    }
    return { text, template: null };
  }

  /** A template's name, kind and words checked as the server checks them, or the 400. */
  function checkTemplate(
    request: RecordedRequest,
    exceptId: string | null,
  ): Response | Pick<SmsTemplate, 'name' | 'kind' | 'body'> {
    const body = (request.body ?? {}) as { name?: unknown; kind?: unknown; body?: unknown };
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (name === '') return invalidField('name', 'name is required');
    if (name.length > 80) return invalidField('name', 'name is too long: at most 80 characters');
    const kind = smsTemplateKindSchema.safeParse(body.kind);
    if (!kind.success) return invalidField('kind', 'kind must be service or marketing');
    const text = typeof body.body === 'string' ? body.body.trim() : '';
    if (text.length < 1 || text.length > 918) {
      return invalidField('body', 'body must be 1-918 characters');
    }
    for (const match of text.matchAll(/\{([^{}]*)\}|[{}]/g)) {
      if (match[0] === '{') return invalidField('body', "body has a '{' without its '}'");
      if (match[0] === '}') return invalidField('body', "body has a '}' without its '{'");
      if (match[1] !== 'firstName' && match[1] !== 'agentName') {
        return invalidField(
          'body',
          `body uses {${match[1] ?? ''}}: the placeholders are {firstName} and {agentName}`,
        );
      }
    }
    if (kind.data === 'marketing' && !/(^|[^A-Za-z0-9])STOP([^A-Za-z0-9]|$)/.test(text)) {
      return invalidField(
        'body',
        'body is marketing and must say how to opt out, e.g. "Reply STOP to opt out"',
      );
    }
    if (templates.some((t) => t.name === name && t.id !== exceptId)) {
      return errorResponse(409, 'already_exists', 'another template has this name', {
        field: 'name',
      });
    }
    return { name, kind: kind.data, body: text };
  }

  const byName = (a: SmsTemplate, b: SmsTemplate) => a.name.localeCompare(b.name);

  const routes: Record<string, Handler> = {
    'POST /api/auth/login': (request) => {
      const body = (request.body ?? {}) as { email?: unknown; password?: unknown };
      if (typeof body.email !== 'string' || body.email === '') {
        return errorResponse(400, 'invalid_argument', 'email is required', { field: 'email' });
      }
      if (typeof body.password !== 'string' || body.password === '') {
        return errorResponse(400, 'invalid_argument', 'password is required', {
          field: 'password',
        });
      }
      const account = accounts.find((a) => a.agent.email === body.email);
      if (!account || account.password !== body.password) {
        return errorResponse(401, 'unauthenticated', wrongCredentialsMessage);
      }
      session = buildSession(account.agent);
      moveStatus(account.agent, 'offline');
      return jsonResponse(200, session);
    },
    'GET /api/auth/me': (request) => {
      const result = requireSession(request);
      return result instanceof Response ? result : jsonResponse(200, result);
    },
    'GET /api/queue': (request) => {
      const result = requireSession(request);
      return result instanceof Response ? result : jsonResponse(200, { queues: queueCounts });
    },
    'GET /api/calling-hours': (request) => {
      const result = requireSession(request);
      if (result instanceof Response) return result;
      const days = new URL(request.path, 'http://localhost').searchParams.get('days') ?? '';
      if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 31) {
        return errorResponse(400, 'invalid_argument', 'days must be a whole number from 1 to 31', {
          field: 'days',
        });
      }
      return jsonResponse(200, {
        timeZone: 'Europe/London',
        now: nowStamp(),
        hours: callingHours ?? buildCallingHours(Date.now(), Number(days)),
      });
    },
    'POST /api/queue/next': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      // An agent who already holds a customer gets that one again.
      held ??= waiting.shift() ?? null;
      return jsonResponse(200, held ? { lead: held } : whenEmpty);
    },
    'POST /api/telephony/token': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      tokensIssued += 1;
      return jsonResponse(200, {
        token: `voice-token-${tokensIssued}`,
        identity: `agent-${result.agent.id}`,
        mode: voiceMode,
        ttlSeconds: 3600,
      });
    },
    'POST /api/call-sessions': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      const body = (request.body ?? {}) as { userId?: unknown };
      if (typeof body.userId !== 'string' || body.userId === '') {
        return errorResponse(400, 'invalid_argument', 'userId is required', { field: 'userId' });
      }
      if (held?.userId !== body.userId) return notHeld();
      if (refusal) return refused(refusal, 'the contact rules do not allow this call now');
      const session = buildCallSession({
        id: String(5000 + callSessions.length + 1),
        userId: body.userId,
        agentId: result.agent.id,
      });
      callSessions.push(session);
      day = { ...day, calls: day.calls + 1 };
      moveStatus(result.agent, 'on_call');
      return jsonResponse(201, { callSession: session });
    },
    'GET /api/calls/incoming': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      return jsonResponse(200, { incoming: ringing.map((entry) => entry.call) });
    },
    'GET /api/agents/me/day': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      return jsonResponse(200, { day, autoDial, pauseReasons: breakReasonSchema.options });
    },
    'GET /api/agents/me/status': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      return jsonResponse(200, { status: currentStatus(result.agent) });
    },
    'PUT /api/agents/me/status': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      const body = (request.body ?? {}) as { status?: unknown; reason?: unknown };
      const invalid = (field: string, message: string) =>
        errorResponse(400, 'invalid_argument', message, { field });
      if (body.status !== 'available' && body.status !== 'break' && body.status !== 'offline') {
        return invalid('status', 'status must be available, break or offline');
      }
      const reason = breakReasonSchema.safeParse(body.reason);
      if (body.status === 'break' && !reason.success) {
        return invalid(
          'reason',
          'a break needs a reason: break, lunch, training, meeting, admin or comfort',
        );
      }
      if (body.status !== 'break' && body.reason !== undefined) {
        return invalid('reason', 'only a break takes a reason');
      }
      const current = currentStatus(result.agent);
      if (current.status === 'on_call' || current.status === 'wrap_up') {
        return errorResponse(
          409,
          'failed_precondition',
          current.status === 'on_call' ? 'finish the call first' : "save the call's outcome first",
        );
      }
      const wanted = reason.success && body.status === 'break' ? reason.data : null;
      if (current.status !== body.status || current.reason !== wanted) {
        moveStatus(result.agent, body.status, wanted);
      }
      return jsonResponse(200, { status: currentStatus(result.agent) });
    },
    'GET /api/call-sessions': (request) => {
      const result = requireSession(request);
      if (result instanceof Response) return result;
      const userId = new URL(request.path, 'http://localhost').searchParams.get('userId');
      const mine = callSessions.filter(
        (session) => session.agentId === result.agent.id && (!userId || session.userId === userId),
      );
      return jsonResponse(200, { callSessions: [...mine].reverse() });
    },
    'POST /api/sms/send': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      const body = (request.body ?? {}) as {
        userId?: unknown;
        body?: unknown;
        templateId?: unknown;
        idempotencyKey?: unknown;
      };
      const invalid = (field: string, message: string) =>
        errorResponse(400, 'invalid_argument', message, { field });
      if (typeof body.userId !== 'string' || body.userId === '') return userIdRequired();
      const content = textToSend(body, body.userId, result.agent);
      if (content instanceof Response) return content;
      const key = body.idempotencyKey;
      if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(key))) {
        return invalid('idempotencyKey', 'idempotencyKey must be 8-64 of A-Z, a-z, 0-9, - and _');
      }
      if (!mayText(result.agent, body.userId)) return notYours();
      const keyed = typeof key === 'string' ? `${result.agent.id}:${key}` : null;
      const earlier = keyed === null ? undefined : textsByKey.get(keyed);
      if (earlier) {
        return earlier.userId === body.userId
          ? jsonResponse(201, { sms: earlier })
          : invalid('idempotencyKey', 'idempotencyKey was used for another customer');
      }
      if (textRefusal) return refused(textRefusal, 'the contact rules do not allow this text now');
      const sms = queueText(result.agent, body.userId, content.text, content.template);
      if (keyed !== null) textsByKey.set(keyed, sms);
      return jsonResponse(201, { sms });
    },
    'GET /api/sms/messages': (request) => {
      const result = requireSession(request);
      if (result instanceof Response) return result;
      const userId = userIdParam(request);
      if (!userId) return userIdRequired();
      const messages = smsMessages.filter(
        (sms) => sms.userId === userId && visibleTo(result.agent, sms.agentId),
      );
      // The customer's conversation in the inbox, if the caller may see it (admins never do).
      const entry =
        result.agent.role === 'admin'
          ? undefined
          : conversationsFor(result.agent).find((c) => c.conversation.userId === userId);
      const conversation = entry
        ? {
            id: entry.conversation.id,
            unreadCount: entry.conversation.unreadCount,
            status: entry.conversation.status,
          }
        : null;
      return jsonResponse(200, { messages: [...messages].reverse(), conversation });
    },
    'POST /api/magic-links': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      const body = (request.body ?? {}) as {
        userId?: unknown;
        type?: unknown;
        callSessionId?: unknown;
      };
      const invalid = (field: string, message: string) =>
        errorResponse(400, 'invalid_argument', message, { field });
      if (typeof body.userId !== 'string' || body.userId === '') return userIdRequired();
      const userId = body.userId;
      const type = magicLinkTypeSchema.safeParse(body.type);
      if (!type.success) return invalid('type', 'type is not a known link type');
      const callSessionId = body.callSessionId;
      if (
        callSessionId !== undefined &&
        !callSessions.some(
          (call) =>
            call.id === callSessionId && call.userId === userId && call.agentId === result.agent.id,
        )
      ) {
        return invalid('callSessionId', 'callSessionId is not your call to this customer');
      }
      if (!mayText(result.agent, userId)) return notYours();
      const day = Date.now() - 24 * 60 * 60 * 1000;
      if (magicLinks.filter((l) => l.userId === userId && Date.parse(l.sentAt) > day).length >= 5) {
        return errorResponse(
          429,
          'resource_exhausted',
          'this customer has been sent 5 links in the last 24 hours; use one of those',
          { field: 'userId' },
        );
      }
      if (textRefusal) return refused(textRefusal, 'the contact rules do not allow a text now');
      const id = String(9000 + magicLinks.length + 1);
      const sms = queueText(
        result.agent,
        userId,
        `Use this link to carry on with your claim: http://localhost/l/token-${id}`,
      );
      const sentAt = nowStamp();
      const link: MagicLink = {
        id,
        userId,
        type: type.data,
        status: 'active',
        createdBy: result.agent.id,
        callSessionId: typeof callSessionId === 'string' ? callSessionId : null,
        smsId: sms.id,
        sentAt,
        expiresAt: new Date(Date.parse(sentAt) + 48 * 60 * 60 * 1000)
          .toISOString()
          .replace('.000Z', 'Z'),
        revokedAt: null,
        clickCount: 0,
        firstOpenedAt: null,
        lastOpenedAt: null,
      };
      magicLinks.push(link);
      return jsonResponse(201, { magicLink: link });
    },
    'GET /api/magic-links': (request) => {
      const result = requireSession(request);
      if (result instanceof Response) return result;
      const userId = userIdParam(request);
      if (!userId) return userIdRequired();
      const links = magicLinks.filter(
        (link) => link.userId === userId && visibleTo(result.agent, link.createdBy),
      );
      return jsonResponse(200, { magicLinks: [...links].reverse(), now: nowStamp() });
    },
    'GET /api/sms/conversations': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      const status = new URL(request.path, 'http://localhost').searchParams.get('status') ?? 'open';
      if (status !== 'open' && status !== 'closed') {
        return errorResponse(400, 'invalid_argument', 'status must be open or closed', {
          field: 'status',
        });
      }
      const visible = conversationsFor(result.agent);
      return jsonResponse(200, {
        conversations: visible
          .filter((entry) => entry.conversation.status === status)
          .map((entry) => listed(entry.conversation)),
        unreadTotal: unreadFor(result.agent),
      });
    },
    'GET /api/admin/warnings': (request) => {
      const result = requireAdmin(request);
      if (result instanceof Response) return result;
      return jsonResponse(200, { warnings: [] });
    },
    'GET /api/sms/unread': (request) => {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      return jsonResponse(200, { unread: unreadFor(result.agent) });
    },
    'GET /api/sms/templates': (request) => {
      const result = requireSession(request);
      if (result instanceof Response) return result;
      const all =
        new URL(request.path, 'http://localhost').searchParams.get('includeRetired') === 'true';
      const listed = templates.filter((t) => all || t.active).sort(byName);
      return jsonResponse(200, { templates: listed });
    },
    'POST /api/sms/templates': (request) => {
      const result = requireAdmin(request);
      if (result instanceof Response) return result;
      const input = checkTemplate(request, null);
      if (input instanceof Response) return input;
      const template: SmsTemplate = {
        id: String(Math.max(0, ...templates.map((t) => Number(t.id))) + 1),
        ...input,
        version: 1,
        active: true,
        changedBy: result.agent.id,
        changedAt: nowStamp(),
      };
      templates.push(template);
      return jsonResponse(201, { template });
    },
    'POST /api/auth/logout': (request) => {
      const result = requireSession(request);
      if (result instanceof Response) return result;
      session = null;
      return jsonResponse(200, { ok: true });
    },
  };

  /** Agents see the unassigned conversations and their own; supervisors all. */
  function conversationsFor(agent: Agent) {
    return conversations.filter(
      ({ conversation }) =>
        agent.role !== 'agent' ||
        conversation.assignedAgentId === null ||
        conversation.assignedAgentId === agent.id,
    );
  }

  function unreadFor(agent: Agent): number {
    return conversationsFor(agent).reduce((sum, entry) => sum + entry.conversation.unreadCount, 0);
  }

  /** A conversation as the list shows it (without what only the thread needs). */
  function listed(conversation: SmsConversationDetail): SmsConversation {
    const { optedOut: _o, canReply: _c, replyBlockedReason: _r, ...rest } = conversation;
    return rest;
  }

  /** `/api/sms/conversations/:id/<action>`. */
  function conversationRoute(request: RecordedRequest, id: string, action: string): Response {
    const result = requireFloor(request);
    if (result instanceof Response) return result;
    const agent = result.agent;
    const entry = conversationsFor(agent).find((candidate) => candidate.conversation.id === id);
    if (!entry) return errorResponse(404, 'not_found', 'no such conversation');
    const { conversation } = entry;
    const answer = () => jsonResponse(200, { conversation: listed(conversation) });
    const key = `${request.method} ${action}`;
    switch (key) {
      case 'GET messages':
        return jsonResponse(200, { conversation, messages: entry.messages });
      case 'POST read':
        conversation.unreadCount = 0;
        return answer();
      case 'POST close':
        conversation.status = 'closed';
        return answer();
      case 'POST reopen':
        conversation.status = 'open';
        return answer();
      case 'POST assign': {
        const body = (request.body ?? {}) as { agentId?: unknown };
        if (body.agentId !== null && typeof body.agentId !== 'string') {
          return errorResponse(400, 'invalid_argument', 'agentId must be an id or null', {
            field: 'agentId',
          });
        }
        const mayChange =
          agent.role === 'supervisor' ||
          (body.agentId === agent.id && conversation.assignedAgentId === null) ||
          (body.agentId === null && conversation.assignedAgentId === agent.id);
        if (!mayChange) {
          return errorResponse(403, 'permission_denied', 'agents may assign only themselves');
        }
        const assignee = Object.values(demoAgents).find((a) => a.id === body.agentId);
        conversation.assignedAgentId = body.agentId;
        conversation.assignedAgentName = assignee?.displayName ?? null;
        return answer();
      }
      case 'POST messages': {
        const body = (request.body ?? {}) as {
          body?: unknown;
          templateId?: unknown;
          idempotencyKey?: unknown;
        };
        const invalid = (field: string, message: string) =>
          errorResponse(400, 'invalid_argument', message, { field });
        const content = textToSend(body, conversation.userId ?? '', agent);
        if (content instanceof Response) return content;
        const text = content.text;
        const idempotencyKey = body.idempotencyKey;
        if (typeof idempotencyKey !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(idempotencyKey)) {
          return invalid('idempotencyKey', 'idempotencyKey must be 8-64 of A-Z, a-z, 0-9, - and _');
        }
        if (conversation.userId === null) {
          return errorResponse(409, 'failed_precondition', 'this number is not a customer of ours');
        }
        const keyed = `${agent.id}:${idempotencyKey}`;
        const earlier = textsByKey.get(keyed);
        if (earlier) return jsonResponse(201, { sms: earlier });
        if (conversation.optedOut || !conversation.canReply) {
          return errorResponse(
            409,
            'failed_precondition',
            conversation.replyBlockedReason ?? 'a reply cannot be sent',
          );
        }
        if (textRefusal) {
          return refused(textRefusal, 'the contact rules do not allow this text now');
        }
        const sms = queueText(agent, conversation.userId, text, content.template);
        textsByKey.set(keyed, sms);
        entry.messages.push({
          id: `out-${sms.id}`,
          direction: 'outbound',
          body: text,
          at: sms.createdAt,
          status: sms.status,
          agentId: agent.id,
          consent: null,
        });
        conversation.lastMessage = text;
        conversation.lastMessageAt = sms.createdAt;
        return jsonResponse(201, { sms });
      }
      default:
        return errorResponse(404, 'not_found', `No route for ${request.method} ${request.path}.`);
    }
  }

  /** `/api/sms/templates/:id[/<action>]`. */
  function templateRoute(request: RecordedRequest, id: string, action: string): Response {
    const template = templates.find((t) => t.id === id);
    const notFound = () => errorResponse(404, 'not_found', 'no such template');
    if (request.method === 'GET' && action === 'preview') {
      const result = requireFloor(request);
      if (result instanceof Response) return result;
      const userId = userIdParam(request);
      if (!userId) return userIdRequired();
      if (!template?.active) {
        return invalidField('templateId', 'templateId is not a template in use');
      }
      return jsonResponse(200, {
        body: renderTemplate(template, userId, result.agent),
        templateId: template.id,
        templateVersion: template.version,
      });
    }
    const result = requireAdmin(request);
    if (result instanceof Response) return result;
    if (request.method === 'PUT' && action === '') {
      if (!template) return notFound();
      const body = (request.body ?? {}) as { version?: unknown };
      if (typeof body.version !== 'number') {
        return invalidField('version', 'version is required: the one you changed');
      }
      const input = checkTemplate(request, id);
      if (input instanceof Response) return input;
      if (body.version !== template.version) {
        return errorResponse(
          409,
          'failed_precondition',
          'someone else changed this template meanwhile: look at it again',
          { field: 'version' },
        );
      }
      Object.assign(template, input, {
        version: template.version + 1,
        changedBy: result.agent.id,
        changedAt: nowStamp(),
      });
      return jsonResponse(200, { template });
    }
    if (request.method === 'POST' && (action === 'retire' || action === 'restore')) {
      if (!template) return notFound();
      template.active = action === 'restore';
      return jsonResponse(200, { template });
    }
    return errorResponse(404, 'not_found', `No route for ${request.method} ${request.path}.`);
  }

  /** The session of an admin, or the error response. */
  function requireAdmin(request: RecordedRequest): Response | Session {
    const result = requireSession(request);
    if (result instanceof Response) return result;
    if (result.agent.role !== 'admin') {
      return errorResponse(403, 'permission_denied', 'Only admins may change templates.');
    }
    return result;
  }

  const floorRoles = new Set(['agent', 'supervisor']);

  /** The session of an agent or supervisor (who work the queues), or the error response. */
  function requireFloor(request: RecordedRequest): Response | Session {
    const result = requireSession(request);
    if (result instanceof Response) return result;
    if (!floorRoles.has(result.agent.role)) {
      return errorResponse(403, 'permission_denied', 'Your role may not work the queues.');
    }
    return result;
  }

  const notHeld = () => errorResponse(409, 'failed_precondition', 'you do not hold this customer');

  /** `POST /api/magic-links/:id/revoke`. */
  function revokeRoute(request: RecordedRequest, id: string): Response {
    const result = requireFloor(request);
    if (result instanceof Response) return result;
    const link = magicLinks.find(
      (candidate) => candidate.id === id && visibleTo(result.agent, candidate.createdBy),
    );
    if (!link) return errorResponse(404, 'not_found', 'no such link');
    if (link.status === 'revoked') {
      return errorResponse(409, 'failed_precondition', 'the link is already revoked');
    }
    Object.assign(link, { status: 'revoked', revokedAt: nowStamp() });
    return jsonResponse(200, { magicLink: link });
  }

  /**
   * `POST /api/call-sessions/:id/answer`: the agent takes a customer's call ringing for them. The
   * caller is held for the agent (one held before, not called, goes back to the queue).
   */
  function answerRoute(request: RecordedRequest, id: string): Response {
    const result = requireFloor(request);
    if (result instanceof Response) return result;
    const session = callSessions.find(
      (candidate) => candidate.id === id && candidate.agentId === result.agent.id,
    );
    if (!session) return errorResponse(404, 'not_found', 'no such call session');
    const index = ringing.findIndex((entry) => entry.call.callSessionId === id);
    const entry = ringing[index];
    if (!entry) {
      return errorResponse(409, 'failed_precondition', 'this call is no longer ringing for you');
    }
    ringing.splice(index, 1);
    if (held && held.userId !== entry.lead.userId) waiting.unshift(held);
    held = entry.lead;
    moveStatus(result.agent, 'on_call');
    return jsonResponse(200, { lead: entry.lead, callSession: session });
  }

  /** `POST /api/queue/leads/:userId/<action>`. */
  function leadRoute(request: RecordedRequest, userId: string, action: string): Response {
    const result = requireFloor(request);
    if (result instanceof Response) return result;
    if (held?.userId !== userId) return notHeld();
    switch (action) {
      case 'heartbeat':
        return jsonResponse(200, { leaseExpiresAt: '2026-11-24T10:04:00Z' });
      case 'release':
        waiting.unshift(held);
        held = null;
        return jsonResponse(200, { ok: true });
      case 'skip':
        held = null;
        return jsonResponse(200, { ok: true });
      case 'outcome': {
        const body = (request.body ?? {}) as {
          outcome?: unknown;
          notes?: unknown;
          callbackAt?: unknown;
          callSessionId?: unknown;
        };
        const invalid = (field: string, message: string) =>
          errorResponse(400, 'invalid_argument', message, { field });
        const outcome = outcomeCodeSchema.safeParse(body.outcome);
        if (!outcome.success) {
          return invalid('outcome', 'outcome is not one of the known dispositions');
        }
        const notes = typeof body.notes === 'string' ? body.notes : '';
        if (outcome.data === 'do_not_contact' && notes === '') {
          return invalid('notes', 'notes are required for do_not_contact');
        }
        if (outcome.data === 'call_back' && typeof body.callbackAt !== 'string') {
          return invalid('callbackAt', 'callbackAt (date and time) is required for a call back');
        }
        let call: CallSession | undefined;
        if (body.callSessionId !== undefined) {
          call = callSessions.find(
            (session) =>
              session.id === body.callSessionId &&
              session.userId === userId &&
              session.agentId === result.agent.id &&
              session.outcomeId === null,
          );
          if (!call) {
            return invalid('callSessionId', 'callSessionId is not your call to this customer');
          }
        }
        held = null;
        const status = currentStatus(result.agent).status;
        if (status === 'on_call' || status === 'wrap_up') moveStatus(result.agent, 'available');
        const outcomeId = String(requests.length);
        if (call) call.outcomeId = outcomeId;
        return jsonResponse(201, {
          outcome: {
            id: outcomeId,
            userId,
            agentId: result.agent.id,
            outcome: outcome.data,
            notes,
            at: '2026-11-24T10:01:00Z',
          },
        });
      }
      default:
        return errorResponse(404, 'not_found', `No route for POST ${request.path}.`);
    }
  }

  async function fetchImpl(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://localhost',
    );
    const method = (init.method ?? 'GET').toUpperCase();
    const text = typeof init.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method,
      path: url.pathname + url.search,
      headers: new Headers(init.headers),
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
      credentials: init.credentials,
    };
    requests.push(request);
    const key = `${method} ${url.pathname}`;
    const handler = overrides.get(key) ?? routes[key];
    if (handler) return handler(request);
    const callSession = /^\/api\/call-sessions\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && callSession) {
      const result = requireSession(request);
      if (result instanceof Response) return result;
      const id = decodeURIComponent(callSession[1] ?? '');
      const found = callSessions.find(
        (session) => session.id === id && session.agentId === result.agent.id,
      );
      return found
        ? jsonResponse(200, { callSession: found })
        : errorResponse(404, 'not_found', 'no such call session');
    }
    const answer = /^\/api\/call-sessions\/([^/]+)\/answer$/.exec(url.pathname);
    if (method === 'POST' && answer) {
      return answerRoute(request, decodeURIComponent(answer[1] ?? ''));
    }
    const revoke = /^\/api\/magic-links\/([^/]+)\/revoke$/.exec(url.pathname);
    if (method === 'POST' && revoke) {
      return revokeRoute(request, decodeURIComponent(revoke[1] ?? ''));
    }
    const templateAction = /^\/api\/sms\/templates\/([^/]+)(?:\/([a-z]+))?$/.exec(url.pathname);
    if (templateAction) {
      return templateRoute(
        request,
        decodeURIComponent(templateAction[1] ?? ''),
        templateAction[2] ?? '',
      );
    }
    const conversationAction = /^\/api\/sms\/conversations\/([^/]+)\/([a-z]+)$/.exec(url.pathname);
    if (conversationAction) {
      return conversationRoute(
        request,
        decodeURIComponent(conversationAction[1] ?? ''),
        conversationAction[2] ?? '',
      );
    }
    const leadAction = /^\/api\/queue\/leads\/([^/]+)\/([a-z]+)$/.exec(url.pathname);
    if (method === 'POST' && leadAction) {
      return leadRoute(request, decodeURIComponent(leadAction[1] ?? ''), leadAction[2] ?? '');
    }
    const denied = requireSession(request);
    if (denied instanceof Response) return denied;
    return errorResponse(404, 'not_found', `No route for ${key}.`);
  }

  return {
    fetch: fetchImpl,
    requests,
    /** Replaces the answer for one method and path, e.g. `on('GET', '/api/auth/me', …)`. */
    on(method: string, path: string, handler: Handler) {
      overrides.set(`${method} ${path}`, handler);
    },
    /** Goes back to the usual answer for one method and path after `on`. */
    off(method: string, path: string) {
      overrides.delete(`${method} ${path}`);
    },
    /** Starts the test with a live session, as if the user had signed in earlier. */
    signIn(agent: Agent): Session {
      session = buildSession(agent);
      moveStatus(agent, 'available');
      return session;
    },
    /** The server forgets the session (idle expiry, revocation). */
    expireSession() {
      session = null;
    },
    get session() {
      return session;
    },
    /** Customers `POST /api/queue/next` hands out, in order, once each. */
    queueLeads(...leads: Lead[]) {
      waiting.push(...leads);
    },
    /** What `POST /api/queue/next` answers when nobody is waiting (default: queue_empty). */
    whenQueueEmpty(answer: Partial<Omit<NoLead, 'lead'>>) {
      whenEmpty = { ...whenEmpty, ...answer };
    },
    setQueueCounts(counts: QueueCount[]) {
      queueCounts = counts;
    },
    /** The customer the signed-in agent holds, if any. */
    get heldLead() {
      return held;
    },
    /** The call sessions opened so far, oldest first (live objects: tests may read them later). */
    get callSessions(): readonly CallSession[] {
      return callSessions;
    },
    /**
     * A customer calls and the server rings the signed-in agent: the call's session (inbound,
     * ringing) is opened and the call listed by `GET /api/calls/incoming` until it is answered or
     * stops ringing. Answering it holds `lead` for the agent. Returns the call as listed.
     */
    ringAgent(lead: Lead, overrides: Partial<IncomingCall> = {}): IncomingCall {
      if (!session) throw new Error('nobody is signed in');
      const call: IncomingCall = {
        callSessionId: String(5000 + callSessions.length + 1),
        userId: lead.userId,
        customerName:
          [lead.customer.firstName, lead.customer.lastName].filter(Boolean).join(' ') || null,
        since: nowStamp(),
        ...overrides,
      };
      callSessions.push(
        buildCallSession({
          id: call.callSessionId,
          userId: call.userId,
          agentId: session.agent.id,
          status: 'ringing',
          direction: 'inbound',
          ringingAt: call.since,
        }),
      );
      ringing.push({ call, lead });
      return call;
    },
    /**
     * The call stops ringing for the agent without being answered here (the caller gave up, it
     * was declined, nobody answered in time): it is no longer listed and its session ends so.
     */
    stopRinging(callSessionId: string, status: CallSession['status'] = 'no-answer') {
      const index = ringing.findIndex((entry) => entry.call.callSessionId === callSessionId);
      if (index >= 0) ringing.splice(index, 1);
      const call = callSessions.find((candidate) => candidate.id === callSessionId);
      if (call) Object.assign(call, { status, endReason: status });
    },
    /** The calls ringing for the signed-in agent now, oldest first. */
    get ringing(): readonly IncomingCall[] {
      return ringing.map((entry) => entry.call);
    },
    /** A call session made earlier (for the call history), as if `POST /api/call-sessions` had. */
    addCallSession(session: CallSession) {
      callSessions.push(session);
    },
    /**
     * Moves a call session along (what the provider's status callbacks do on the server); its end
     * puts the agent in wrap-up.
     */
    updateCallSession(id: string, changes: Partial<CallSession>) {
      const session = callSessions.find((candidate) => candidate.id === id);
      if (!session) throw new Error(`no call session ${id}`);
      Object.assign(session, changes);
      const agent = Object.values(demoAgents).find((a) => a.id === session.agentId);
      if (agent && finalCallStatuses.has(session.status) && agentStatus?.status === 'on_call') {
        moveStatus(agent, 'wrap_up');
      }
    },
    /** What `GET /api/agents/me/day` answers from now on (each call opened still adds one). */
    setDay(changes: Partial<AgentDay>) {
      day = { ...day, ...changes };
    },
    get day(): AgentDay {
      return day;
    },
    /** Auto mode's settings, as an admin would set them. */
    setAutoDial(changes: Partial<AutoDialSettings>) {
      autoDial = { ...autoDial, ...changes };
    },
    /** The signed-in agent's status as `GET /api/agents/me/status` answers it. */
    get agentStatus(): AgentStatus | null {
      return session ? currentStatus(session.agent) : null;
    },
    /** Moves the signed-in agent's status, as the server does around calls (`since` is now). */
    setAgentStatus(status: AgentStatusName, reason: string | null = null) {
      if (!session) throw new Error('nobody is signed in');
      moveStatus(session.agent, status, reason);
    },
    /**
     * What `GET /api/calling-hours` answers from now on, whatever `days` asks for; null goes back
     * to the default (Monday to Saturday 08:00-20:00 UK time from the clock's now).
     */
    setCallingHours(hours: CallingHoursInterval[] | null) {
      callingHours = hours;
    },
    /** The voice mode `POST /api/telephony/token` names (default: sim). */
    setVoiceMode(mode: VoiceMode) {
      voiceMode = mode;
    },
    /** From now on the contact rules refuse every call so; null lets calls through again. */
    refuseCalls(answer: CallRefusal | null) {
      refusal = answer;
    },
    get tokensIssued() {
      return tokensIssued;
    },
    /** From now on the contact rules refuse every text (so every link); null lets them through. */
    refuseTexts(answer: CallRefusal | null) {
      textRefusal = answer;
    },
    /** The texts queued so far, oldest first (live objects). */
    get smsMessages(): readonly SmsMessage[] {
      return smsMessages;
    },
    /** A text sent earlier, as if `POST /api/sms/send` had queued it. */
    addSmsMessage(sms: SmsMessage) {
      smsMessages.push(sms);
    },
    /** Moves a text along, as the sender and the provider's delivery reports do on the server. */
    updateSmsMessage(id: string, changes: Partial<SmsMessage>) {
      const sms = smsMessages.find((candidate) => candidate.id === id);
      if (!sms) throw new Error(`no text ${id}`);
      Object.assign(sms, changes);
    },
    /**
     * A conversation of the SMS inbox with its messages (oldest first). They are listed in the
     * order added, as the server would order them: the test chooses.
     */
    addConversation(conversation: SmsConversationDetail, messages: SmsThreadMessage[] = []) {
      conversations.push({ conversation, messages: [...messages] });
    },
    /** The inbox's conversations as they are now (live objects). */
    get conversations(): readonly SmsConversationDetail[] {
      return conversations.map((entry) => entry.conversation);
    },
    /** The messages of one conversation, oldest first (live array). */
    conversationMessages(id: string): readonly SmsThreadMessage[] {
      const entry = conversations.find((candidate) => candidate.conversation.id === id);
      if (!entry) throw new Error(`no conversation ${id}`);
      return entry.messages;
    },
    /** Changes a conversation as the server would (an inbound STOP, another agent's assign). */
    updateConversation(id: string, changes: Partial<SmsConversationDetail>) {
      const entry = conversations.find((candidate) => candidate.conversation.id === id);
      if (!entry) throw new Error(`no conversation ${id}`);
      Object.assign(entry.conversation, changes);
    },
    /** The customer texts in: the message is added, unread, and the conversation moves on. */
    receiveText(id: string, message: SmsThreadMessage) {
      const entry = conversations.find((candidate) => candidate.conversation.id === id);
      if (!entry) throw new Error(`no conversation ${id}`);
      entry.messages.push(message);
      entry.conversation.unreadCount += 1;
      entry.conversation.lastMessage = message.body;
      entry.conversation.lastMessageAt = message.at;
    },
    /** The text templates as they are now, retired ones too (live objects, in no order). */
    get templates(): readonly SmsTemplate[] {
      return templates;
    },
    /** A template made earlier, as if an admin had added it. */
    addTemplate(template: SmsTemplate) {
      templates.push(template);
    },
    /** Changes a template as another admin would have (give it the next version to mean it). */
    updateTemplate(id: string, changes: Partial<SmsTemplate>) {
      const template = templates.find((candidate) => candidate.id === id);
      if (!template) throw new Error(`no template ${id}`);
      Object.assign(template, changes);
    },
    /** The links sent so far, oldest first (live objects). */
    get magicLinks(): readonly MagicLink[] {
      return magicLinks;
    },
    /** A link sent earlier, as if `POST /api/magic-links` had made it. */
    addMagicLink(link: MagicLink) {
      magicLinks.push(link);
    },
    /** Changes a link as the server would (revoked elsewhere, expired). */
    updateMagicLink(id: string, changes: Partial<MagicLink>) {
      const link = magicLinks.find((candidate) => candidate.id === id);
      if (!link) throw new Error(`no link ${id}`);
      Object.assign(link, changes);
    },
    /** The customer opens a link (`GET /l/:token`): the click is counted at `at` (default now). */
    openMagicLink(id: string, at: string = nowStamp()) {
      const link = magicLinks.find((candidate) => candidate.id === id);
      if (!link) throw new Error(`no link ${id}`);
      link.clickCount += 1;
      link.firstOpenedAt ??= at;
      link.lastOpenedAt = at;
    },
  };
}
