// Wire DTOs as zod schemas, with the TypeScript types inferred from them. The contract is
// docs/api.md; a response that does not parse is a bug (client or server), never a user error.
import { z } from 'zod';

/** Keep in sync with ErrorCode in src/dialler/base/error.hpp and the table in docs/api.md. */
export const errorCodeSchema = z.enum([
  'invalid_argument',
  'unauthenticated',
  'permission_denied',
  'not_found',
  'already_exists',
  'failed_precondition',
  'payload_too_large',
  'resource_exhausted',
  'internal',
  'unavailable',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * The one failure shape of every route. Parsed leniently (unknown codes and missing fields are
 * tolerated) because it is read on the failure path, where throwing a parse error would hide
 * the real problem.
 */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().nullish(),
    field: z.string().nullish(),
    requestId: z.string().nullish(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export const roleSchema = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const queueNameSchema = z.enum(['unsigned', 'outstanding', 'callbacks']);
export type QueueName = z.infer<typeof queueNameSchema>;

export const agentSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  queues: z.array(queueNameSchema),
});
export type Agent = z.infer<typeof agentSchema>;

/** Body of `POST /api/auth/login` and `GET /api/auth/me`. */
export const sessionSchema = z.object({
  agent: agentSchema,
  csrfToken: z.string().min(1),
  expiresAt: z.iso.datetime(),
  idleExpiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof sessionSchema>;

export const loginRequestSchema = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const okResponseSchema = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof okResponseSchema>;

export const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });
export type Health = z.infer<typeof healthSchema>;

// --- Queues (docs/api.md "Queues (the next-lead path)" and "Callbacks") ---

const timestampSchema = z.iso.datetime();

/** One row of `GET /api/queue`; `dueNow` and `laterToday` come only on the callbacks row. */
export const queueCountSchema = z.object({
  queue: queueNameSchema,
  total: z.number().int(),
  callableNow: z.number().int(),
  nextCallableAt: timestampSchema.nullable(),
  dueNow: z.number().int().optional(),
  laterToday: z.number().int().optional(),
});
export type QueueCount = z.infer<typeof queueCountSchema>;

export const queueCountsResponseSchema = z.object({ queues: z.array(queueCountSchema) });
export type QueueCountsResponse = z.infer<typeof queueCountsResponseSchema>;

/** Keep in sync with OutcomeCode in src/dialler/domain/outcomes.cpp. */
export const outcomeCodeSchema = z.enum([
  'completed_form',
  'going_to_complete',
  'might_complete',
  'call_back',
  'no_answer',
  'voicemail_left',
  'hung_up',
  'bad_number',
  'not_interested',
  'no_claim',
  'do_not_contact',
]);
export type OutcomeCode = z.infer<typeof outcomeCodeSchema>;

export const storedOutcomeSchema = z.object({
  id: z.string(),
  userId: z.string(),
  agentId: z.string(),
  outcome: outcomeCodeSchema,
  notes: z.string(),
  at: timestampSchema,
});
export type StoredOutcome = z.infer<typeof storedOutcomeSchema>;

export const callbackSchema = z.object({
  id: z.string(),
  userId: z.string(),
  agentId: z.string().nullable(),
  scheduledFor: timestampSchema,
  status: z.enum(['pending', 'completed', 'cancelled']),
  notes: z.string(),
  failedTries: z.number().int(),
  closedReason: z.string().nullable(),
  /** A missed caller's message, played through the server (each play is audited). */
  voicemail: z.object({ seconds: z.number().int(), url: z.string() }).nullable(),
  createdBy: z.object({ kind: z.string(), agentId: z.string().nullable() }),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Callback = z.infer<typeof callbackSchema>;

/** Only ever the masked form: the agent never sees a full number. */
export const maskedPhoneSchema = z.object({ masked: z.string(), type: z.string() });
export type MaskedPhone = z.infer<typeof maskedPhoneSchema>;

export const addressSchema = z.object({
  current: z.boolean(),
  fullAddress: z.string().nullable(),
  line1: z.string().nullish(),
  line2: z.string().nullish(),
  town: z.string().nullish(),
  county: z.string().nullish(),
  postCode: z.string().nullable(),
});
export type Address = z.infer<typeof addressSchema>;

export const requirementSchema = z.object({
  id: z.string(),
  type: z.string().nullable(),
  status: z.string().nullable(),
  reason: z.string().nullable(),
  outstanding: z.boolean(),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const vehicleSchema = z.object({
  registration: z.string().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  dealership: z.string().nullable(),
  /** A decimal string in pounds ("421.45"), kept as text so no float rounding creeps in. */
  monthlyPayment: z.string().nullable(),
  contractStart: timestampSchema.nullable(),
});
export type Vehicle = z.infer<typeof vehicleSchema>;

export const claimSchema = z.object({
  id: z.string(),
  lender: z.string().nullable(),
  lenderCode: z.string().nullable(),
  status: z.string().nullable(),
  type: z.string().nullable(),
  vehicle: vehicleSchema.nullable(),
  requirements: z.array(requirementSchema),
});
export type Claim = z.infer<typeof claimSchema>;

export const scoreComponentSchema = z.object({
  name: z.string(),
  points: z.number(),
  detail: z.string(),
});
export type ScoreComponent = z.infer<typeof scoreComponentSchema>;

export const contactSchema = z.object({
  channel: z.enum(['call', 'sms']),
  agentId: z.string().nullable(),
  at: timestampSchema.nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

/** The customer `POST /api/queue/next` hands out, with everything the agent needs for the call. */
export const leadSchema = z.object({
  userId: z.string(),
  queue: queueNameSchema.nullable(),
  callbackId: z.string().nullable(),
  whyInQueue: z.array(z.object({ code: z.string(), text: z.string() })),
  leaseExpiresAt: timestampSchema.nullable(),
  customer: z.object({
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    age: z.number().int().nullable(),
    email: z.string().nullable(),
    phone: maskedPhoneSchema.nullable(),
    addresses: z.array(addressSchema),
  }),
  claims: z.array(claimSchema),
  score: z.object({ total: z.number(), components: z.array(scoreComponentSchema) }),
  history: z.object({
    outcomes: z.array(storedOutcomeSchema),
    contacts: z.array(contactSchema),
    attempts: z.number().int(),
  }),
  callbacks: z.array(callbackSchema),
});
export type Lead = z.infer<typeof leadSchema>;

/**
 * Why `POST /api/queue/next` handed nobody out. `reason` stays a plain string so that a reason
 * added on the server later still reads as "nothing to call" rather than breaking the page.
 */
export const noLeadSchema = z.object({
  lead: z.null(),
  reason: z.string(),
  refused: z.number().int(),
  nextCallableAt: timestampSchema.nullable(),
});
export type NoLead = z.infer<typeof noLeadSchema>;

export const nextLeadResponseSchema = z.union([z.object({ lead: leadSchema }), noLeadSchema]);
export type NextLeadResponse = z.infer<typeof nextLeadResponseSchema>;

/** Body of `POST /api/queue/next`; `any` = every queue the agent may work. */
export type QueueChoice = QueueName | 'any';

export const heartbeatResponseSchema = z.object({ leaseExpiresAt: timestampSchema });
export type HeartbeatResponse = z.infer<typeof heartbeatResponseSchema>;

export type OutcomeRequest = {
  outcome: OutcomeCode;
  notes?: string;
  /** RFC 3339 UTC; only for `call_back`. */
  callbackAt?: string;
  /** The call made to the customer during this hold, so the outcome is linked to it. */
  callSessionId?: string;
};

/** One stretch of `GET /api/calling-hours`: open from `opensAt` up to (not at) `closesAt`. */
export const callingHoursIntervalSchema = z.object({
  opensAt: timestampSchema,
  closesAt: timestampSchema,
});
export type CallingHoursInterval = z.infer<typeof callingHoursIntervalSchema>;

/**
 * `GET /api/calling-hours?days=N`: the open stretches from now through the next N UK days, sorted,
 * at most one per UK day; closed days (Sundays, bank holidays) have none.
 */
export const callingHoursResponseSchema = z.object({
  timeZone: z.string(),
  /** The server's clock when it answered: the times offered are cut against it, not the PC's. */
  now: timestampSchema,
  hours: z.array(callingHoursIntervalSchema),
});
export type CallingHoursResponse = z.infer<typeof callingHoursResponseSchema>;

export const outcomeResponseSchema = z.object({ outcome: storedOutcomeSchema });
export type OutcomeResponse = z.infer<typeof outcomeResponseSchema>;

// --- Calls (docs/api.md "Calls") ---

/** `POST /api/telephony/token`: a Voice SDK access token for the signed-in agent. */
export const telephonyTokenSchema = z.object({
  token: z.string().min(1),
  identity: z.string(),
  mode: z.enum(['sim', 'twilio']),
  ttlSeconds: z.number().int().positive(),
});
export type TelephonyToken = z.infer<typeof telephonyTokenSchema>;
export type VoiceMode = TelephonyToken['mode'];

/** The provider's call states, in order; the last five are final. */
export const callStatusSchema = z.enum([
  'created',
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
]);
export type CallStatus = z.infer<typeof callStatusSchema>;

export const finalCallStatuses: ReadonlySet<CallStatus> = new Set([
  'completed',
  'busy',
  'no-answer',
  'failed',
  'canceled',
]);

/** Who rang whom: the agent a customer (`outbound`), or a customer our number (`inbound`). */
export const callDirectionSchema = z.enum(['outbound', 'inbound']);
export type CallDirection = z.infer<typeof callDirectionSchema>;

export const callSessionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  agentId: z.string(),
  status: callStatusSchema,
  createdAt: timestampSchema,
  ringingAt: timestampSchema.nullable(),
  answeredAt: timestampSchema.nullable(),
  endedAt: timestampSchema.nullable(),
  ringSeconds: z.number().int().nullable(),
  talkSeconds: z.number().int().nullable(),
  endReason: callStatusSchema.nullable(),
  recording: z.object({ seconds: z.number().int(), url: z.string() }).nullable(),
  outcomeId: z.string().nullable(),
  direction: callDirectionSchema,
});
export type CallSession = z.infer<typeof callSessionSchema>;

export const callSessionResponseSchema = z.object({ callSession: callSessionSchema });
export type CallSessionResponse = z.infer<typeof callSessionResponseSchema>;

export const callSessionsResponseSchema = z.object({ callSessions: z.array(callSessionSchema) });
export type CallSessionsResponse = z.infer<typeof callSessionsResponseSchema>;

/** A customer's call ringing for the signed-in agent (`GET /api/calls/incoming`). */
export const incomingCallSchema = z.object({
  callSessionId: z.string(),
  userId: z.string(),
  /** Null when the customer's name cannot be read just now. */
  customerName: z.string().nullable(),
  since: timestampSchema,
});
export type IncomingCall = z.infer<typeof incomingCallSchema>;

/** The calls ringing for me now: normally none or one. */
export const incomingCallsResponseSchema = z.object({ incoming: z.array(incomingCallSchema) });
export type IncomingCallsResponse = z.infer<typeof incomingCallsResponseSchema>;

/**
 * `POST /api/call-sessions/:id/answer`: the caller, now held by the agent (the same lead as
 * `POST /api/queue/leads/:userId/take` gives), and the call's session.
 */
export const answerCallResponseSchema = z.object({
  lead: leadSchema,
  callSession: callSessionSchema,
});
export type AnswerCallResponse = z.infer<typeof answerCallResponseSchema>;

/**
 * The extra fields of the 409 `POST /api/call-sessions` answers when the contact rules refuse the
 * call. Absent when the 409 means the agent no longer holds the customer. Texts and magic links
 * (`POST /api/sms/send`, `POST /api/magic-links`) are refused with the same fields.
 */
export const callRefusalSchema = z.object({
  denials: z.array(z.object({ code: z.string(), message: z.string().nullish() })),
  nextAllowedAt: timestampSchema.nullish(),
});
export type CallRefusal = z.infer<typeof callRefusalSchema>;

// --- Texts and magic links (docs/api.md "Texts" and "Magic links") ---

/** Keep in sync with SmsStatus in src/dialler/domain/sms.cpp. */
export const smsStatusSchema = z.enum([
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'unknown',
]);
export type SmsStatus = z.infer<typeof smsStatusSchema>;

export const smsMessageSchema = z.object({
  id: z.string(),
  userId: z.string(),
  /** Null for a text no agent sent (an automatic one). */
  agentId: z.string().nullable(),
  /** The masked number: the agent never sees a full one. */
  to: z.string(),
  body: z.string(),
  status: smsStatusSchema,
  attempts: z.number().int(),
  /** The provider's code when it refused the text (21610: the customer replied STOP). */
  errorCode: z.number().int().nullable(),
  /** The template the text was written from, and which version of it; null for typed texts. */
  templateId: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type SmsMessage = z.infer<typeof smsMessageSchema>;

export const smsResponseSchema = z.object({ sms: smsMessageSchema });
export type SmsResponse = z.infer<typeof smsResponseSchema>;

/**
 * The customer's conversation in the SMS inbox (their texts to us), as `GET /api/sms/messages`
 * names it: only one the caller may see.
 */
export const smsCustomerConversationSchema = z.object({
  id: z.string(),
  unreadCount: z.number().int(),
  status: z.enum(['open', 'closed']),
});
export type SmsCustomerConversation = z.infer<typeof smsCustomerConversationSchema>;

/**
 * `GET /api/sms/messages?userId=`: the texts sent to the customer, and their conversation in the
 * SMS inbox if the caller may see one (null when none, and always for admins; absent from older
 * servers).
 */
export const smsMessagesResponseSchema = z.object({
  messages: z.array(smsMessageSchema),
  conversation: smsCustomerConversationSchema.nullish(),
});
export type SmsMessagesResponse = z.infer<typeof smsMessagesResponseSchema>;

/**
 * What a text says: the sender's own words, or a template the server fills in for the customer
 * (`{firstName}`, `{agentName}`).
 */
export type TextContent = { body: string } | { templateId: string };

/** Body of `POST /api/sms/send`. */
export type SendSmsRequest = TextContent & {
  userId: string;
  /** 8-64 of `A-Za-z0-9_-`: the same key from the same sender returns the text it queued. */
  idempotencyKey: string;
};

// --- Text templates (docs/api.md "Texts", "Templates") ---

export const smsTemplateKindSchema = z.enum(['service', 'marketing']);
export type SmsTemplateKind = z.infer<typeof smsTemplateKindSchema>;

/** A template as `GET /api/sms/templates` lists it (sorted by name). */
export const smsTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: smsTemplateKindSchema,
  /** The words with placeholders, e.g. "Hi {firstName}, this is {agentName}…". */
  body: z.string(),
  /** Starts at 1 and goes up by one with every change; an edit names the version it changed. */
  version: z.number().int(),
  /** False once retired: agents no longer see it. */
  active: z.boolean(),
  /** The admin who last changed it; null for the templates the dialler ships with. */
  changedBy: z.string().nullable(),
  changedAt: timestampSchema,
});
export type SmsTemplate = z.infer<typeof smsTemplateSchema>;

export const smsTemplatesResponseSchema = z.object({ templates: z.array(smsTemplateSchema) });

/** `GET /api/admin/warnings`: settings that work but that an admin should change. */
export const configWarningsResponseSchema = z.object({
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type ConfigWarningsResponse = z.infer<typeof configWarningsResponseSchema>;
export type SmsTemplatesResponse = z.infer<typeof smsTemplatesResponseSchema>;

export const smsTemplateResponseSchema = z.object({ template: smsTemplateSchema });
export type SmsTemplateResponse = z.infer<typeof smsTemplateResponseSchema>;

/** Body of `POST /api/sms/templates`. */
export type SmsTemplateInput = { name: string; kind: SmsTemplateKind; body: string };

/** Body of `PUT /api/sms/templates/:id`: `version` is the one being changed. */
export type SmsTemplateUpdate = SmsTemplateInput & { version: number };

/** `GET /api/sms/templates/:id/preview?userId=`: the text as that customer would get it. */
export const smsTemplatePreviewSchema = z.object({
  body: z.string(),
  templateId: z.string(),
  templateVersion: z.number().int(),
});
export type SmsTemplatePreview = z.infer<typeof smsTemplatePreviewSchema>;

// --- SMS inbox (docs/api.md "SMS inbox") ---

/**
 * One customer's text conversation as `GET /api/sms/conversations` lists it. `userId` is null
 * when the number matches no customer; the number is only ever the masked form.
 */
export const smsConversationSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  customerName: z.string().nullable(),
  phone: z.string(),
  status: z.enum(['open', 'closed']),
  assignedAgentId: z.string().nullable(),
  assignedAgentName: z.string().nullable(),
  unreadCount: z.number().int(),
  /** A message in it mentioned stop without being an exact opt-out: someone should read it. */
  needsAttention: z.boolean(),
  lastMessage: z.string().nullable(),
  lastMessageAt: timestampSchema.nullable(),
});
export type SmsConversation = z.infer<typeof smsConversationSchema>;
export type SmsConversationStatus = SmsConversation['status'];

/** Open or closed conversations, unread first, then newest (the server's order). */
export const smsConversationsResponseSchema = z.object({
  conversations: z.array(smsConversationSchema),
  unreadTotal: z.number().int(),
});
export type SmsConversationsResponse = z.infer<typeof smsConversationsResponseSchema>;

/** `GET /api/sms/unread`: unread inbound texts in the conversations the user may see. */
export const smsUnreadResponseSchema = z.object({ unread: z.number().int() });
export type SmsUnreadResponse = z.infer<typeof smsUnreadResponseSchema>;

/** The conversation with what the thread needs: whether a reply may be sent, and if not why. */
export const smsConversationDetailSchema = smsConversationSchema.extend({
  optedOut: z.boolean(),
  canReply: z.boolean(),
  replyBlockedReason: z.string().nullable(),
});
export type SmsConversationDetail = z.infer<typeof smsConversationDetailSchema>;

export const smsConsentSchema = z.enum(['opt_out', 'opt_in', 'mentions_stop']);
export type SmsConsent = z.infer<typeof smsConsentSchema>;

/** One message of a thread: a text the customer sent us, or one we sent them. */
export const smsThreadMessageSchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  body: z.string(),
  at: timestampSchema,
  /** How far an outbound text got; null for inbound ones. */
  status: smsStatusSchema.nullable(),
  /** The agent who sent an outbound text; null for inbound and automatic ones. */
  agentId: z.string().nullable(),
  /** Set on an inbound text that opted out, opted back in, or mentioned stop. */
  consent: smsConsentSchema.nullable(),
});
export type SmsThreadMessage = z.infer<typeof smsThreadMessageSchema>;

/** `GET /api/sms/conversations/:id/messages`: the conversation and its messages, oldest first. */
export const smsThreadResponseSchema = z.object({
  conversation: smsConversationDetailSchema,
  messages: z.array(smsThreadMessageSchema),
});
export type SmsThreadResponse = z.infer<typeof smsThreadResponseSchema>;

/** What `/read`, `/assign`, `/close` and `/reopen` answer: the conversation as it is now. */
export const smsConversationResponseSchema = z.object({ conversation: smsConversationSchema });
export type SmsConversationResponse = z.infer<typeof smsConversationResponseSchema>;

/** Body of `POST /api/sms/conversations/:id/messages`. */
export type SendReplyRequest = TextContent & {
  /** 8-64 of `A-Za-z0-9_-`: the same key from the same sender returns the text it queued. */
  idempotencyKey: string;
};

/** Keep in sync with LinkType in src/dialler/domain/magic_link.cpp. */
export const magicLinkTypeSchema = z.enum([
  'firstLogin',
  'claimPortal',
  'documentUpload',
  'claimCompletion',
  'requirementReview',
  'statusUpdate',
  'profileUpdate',
]);
export type MagicLinkType = z.infer<typeof magicLinkTypeSchema>;

export const magicLinkSchema = z.object({
  id: z.string(),
  userId: z.string(),
  type: magicLinkTypeSchema,
  status: z.enum(['active', 'expired', 'revoked']),
  /** The agent who sent it; null for a link a rule sent. */
  createdBy: z.string().nullable(),
  callSessionId: z.string().nullable(),
  /** The text that carried it. */
  smsId: z.string().nullable(),
  sentAt: timestampSchema,
  expiresAt: timestampSchema,
  revokedAt: timestampSchema.nullable(),
  clickCount: z.number().int(),
  firstOpenedAt: timestampSchema.nullable(),
  lastOpenedAt: timestampSchema.nullable(),
});
export type MagicLink = z.infer<typeof magicLinkSchema>;

export const magicLinkResponseSchema = z.object({ magicLink: magicLinkSchema });
export type MagicLinkResponse = z.infer<typeof magicLinkResponseSchema>;

export const magicLinksResponseSchema = z.object({
  magicLinks: z.array(magicLinkSchema),
  /** The server's clock when it answered: expiry and "opened … ago" are judged on it. */
  now: timestampSchema,
});
export type MagicLinksResponse = z.infer<typeof magicLinksResponseSchema>;

/** Body of `POST /api/magic-links`. */
export type SendMagicLinkRequest = {
  userId: string;
  type: MagicLinkType;
  /** The call made to the customer during this hold, so the link is tied to it. */
  callSessionId?: string;
};

// --- Agent status (docs/api.md "Agent status") ---

/** Keep in sync with AgentStatus in src/dialler/domain/agent_status.cpp. */
export const agentStatusNameSchema = z.enum([
  'offline',
  'available',
  'on_call',
  'wrap_up',
  'break',
]);
export type AgentStatusName = z.infer<typeof agentStatusNameSchema>;

/** Why an agent is on a break; the server refuses a break without one of these. */
export const breakReasonSchema = z.enum([
  'break',
  'lunch',
  'training',
  'meeting',
  'admin',
  'comfort',
]);
export type BreakReason = z.infer<typeof breakReasonSchema>;

export const agentStatusSchema = z.object({
  agentId: z.string(),
  status: agentStatusNameSchema,
  /** Only for a break; kept a plain string so that a reason added later still shows. */
  reason: z.string().nullable(),
  /** When this status began; null when the agent has never had one recorded. */
  since: timestampSchema.nullable(),
});
export type AgentStatus = z.infer<typeof agentStatusSchema>;

export const agentStatusResponseSchema = z.object({ status: agentStatusSchema });
export type AgentStatusResponse = z.infer<typeof agentStatusResponseSchema>;

/** Body of `PUT /api/agents/me/status`: the three statuses an agent may choose themselves. */
export type AgentStatusRequest =
  | { status: 'available' | 'offline' }
  | { status: 'break'; reason: BreakReason };

/** The agent's own figures since UK midnight (`GET /api/agents/me/day`). */
export const agentDaySchema = z.object({
  since: timestampSchema,
  calls: z.number().int(),
  /** Calls that were answered. */
  contacts: z.number().int(),
  talkSeconds: z.number().int(),
  linksSent: z.number().int(),
});
export type AgentDay = z.infer<typeof agentDaySchema>;

/** Auto mode's settings (admin: `autoDial.*`), as agents read them. */
export const autoDialSettingsSchema = z.object({
  countdownSeconds: z.number().int().positive(),
  maxCallsPerSession: z.number().int().positive(),
  breakReminderMinutes: z.number().int().positive(),
});
export type AutoDialSettings = z.infer<typeof autoDialSettingsSchema>;

/**
 * `GET /api/agents/me/day`. `pauseReasons` stays plain strings, as a break's reason does: the page
 * offers the ones it knows (BreakReason).
 */
export const myDayResponseSchema = z.object({
  day: agentDaySchema,
  autoDial: autoDialSettingsSchema,
  pauseReasons: z.array(z.string()),
});
export type MyDayResponse = z.infer<typeof myDayResponseSchema>;

/**
 * A frame of the live socket (`/api/live`). Only `type` is relied on: an event type added on the
 * server later is ignored rather than breaking the socket.
 */
export const liveEventSchema = z.object({
  type: z.string(),
  subjectId: z.string().nullish(),
  state: z.string().nullish(),
  agentId: z.string().nullish(),
  at: z.string().nullish(),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;
