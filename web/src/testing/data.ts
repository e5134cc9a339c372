import type {
  Agent,
  CallingHoursInterval,
  CallSession,
  Lead,
  MagicLink,
  QueueCount,
  Role,
  Session,
  SmsConversationDetail,
  SmsMessage,
  SmsTemplate,
  SmsThreadMessage,
} from '@/types/api';
import { ukWallTimeToUtc, utcToUkWallTime } from '@/utils/uk-time';

/** Demo accounts shaped like the server's demo data (docs/api.md). */
export const demoAgents: Record<Role, Agent> = {
  agent: {
    id: '1',
    email: 'agent@demo.local',
    displayName: 'Demo Agent',
    role: 'agent',
    queues: ['unsigned', 'outstanding', 'callbacks'],
  },
  supervisor: {
    id: '2',
    email: 'supervisor@demo.local',
    displayName: 'Sam Supervisor',
    role: 'supervisor',
    queues: ['unsigned', 'outstanding', 'callbacks'],
  },
  admin: {
    id: '3',
    email: 'admin@demo.local',
    displayName: 'Ada Admin',
    role: 'admin',
    queues: [],
  },
};

export const demoPassword = 'correct horse battery staple';

let tokenCounter = 0;

export function buildSession(agent: Agent, overrides: Partial<Session> = {}): Session {
  tokenCounter += 1;
  return {
    agent,
    csrfToken: `csrf-${agent.id}-${tokenCounter}`,
    expiresAt: '2026-11-22T21:30:00Z',
    idleExpiresAt: '2026-11-22T10:00:00Z',
    ...overrides,
  };
}

/** A held customer shaped like `POST /api/queue/next` answers (docs/api.md), with overrides. */
export function buildLead(overrides: Partial<Lead> = {}): Lead {
  return {
    userId: '1940',
    queue: 'unsigned',
    callbackId: null,
    whyInQueue: [{ code: 'unsigned', text: 'Has not signed the claim documents.' }],
    leaseExpiresAt: '2026-11-24T10:02:00Z',
    customer: {
      firstName: 'Jane',
      lastName: 'Smith',
      age: 44,
      email: 'jane.smith@example.com',
      phone: { masked: '+44 •••• ••• 942', type: 'mobile' },
      addresses: [
        { current: false, fullAddress: '1 Old Road, York', postCode: 'YO1 1AA' },
        { current: true, fullAddress: '22 Park Lane, Leeds', postCode: 'LS1 4AB' },
      ],
    },
    claims: [
      {
        id: '3043',
        lender: 'Black Horse',
        lenderCode: 'black_horse',
        status: 'approved',
        type: 'vehicle',
        vehicle: {
          registration: 'RC66 ENB',
          make: 'Hyundai',
          model: 'Tucson',
          dealership: 'Leeds Motors',
          monthlyPayment: '421.45',
          contractStart: '2018-12-27T00:00:00Z',
        },
        requirements: [
          {
            id: 'req-1',
            type: 'proof_of_address',
            status: 'PENDING',
            reason: 'Utility bill older than three months',
            outstanding: true,
          },
        ],
      },
    ],
    score: {
      total: 22,
      components: [
        { name: 'queue', points: 0, detail: 'Unsigned documents' },
        { name: 'lender', points: 4, detail: 'Black Horse' },
        { name: 'age', points: 18, detail: '44 years' },
      ],
    },
    history: {
      outcomes: [
        {
          id: '77',
          userId: '1940',
          agentId: '1',
          outcome: 'no_answer',
          notes: '',
          at: '2026-11-12T10:02:00Z',
        },
      ],
      contacts: [{ channel: 'call', agentId: '1', at: '2026-11-12T10:02:00Z' }],
      attempts: 1,
    },
    callbacks: [],
    ...overrides,
  };
}

export function buildQueueCounts(): QueueCount[] {
  return [
    { queue: 'unsigned', total: 388, callableNow: 310, nextCallableAt: null },
    { queue: 'outstanding', total: 240, callableNow: 212, nextCallableAt: null },
    {
      queue: 'callbacks',
      total: 5,
      callableNow: 3,
      dueNow: 3,
      laterToday: 2,
      nextCallableAt: '2026-11-24T14:00:00Z',
    },
  ];
}

/** A call session as `POST /api/call-sessions` opens it (status `created`), with overrides. */
export function buildCallSession(overrides: Partial<CallSession> = {}): CallSession {
  return {
    id: '5001',
    userId: '1940',
    agentId: '1',
    status: 'created',
    createdAt: '2026-11-24T10:00:00Z',
    ringingAt: null,
    answeredAt: null,
    endedAt: null,
    ringSeconds: null,
    talkSeconds: null,
    endReason: null,
    recording: null,
    outcomeId: null,
    direction: 'outbound',
    ...overrides,
  };
}

/** A magic link as `POST /api/magic-links` makes it (active, not opened yet), with overrides. */
export function buildMagicLink(overrides: Partial<MagicLink> = {}): MagicLink {
  return {
    id: '9001',
    userId: '1940',
    type: 'documentUpload',
    status: 'active',
    createdBy: '1',
    callSessionId: null,
    smsId: '7001',
    sentAt: '2026-11-24T10:02:00Z',
    expiresAt: '2026-11-26T10:02:00Z',
    revokedAt: null,
    clickCount: 0,
    firstOpenedAt: null,
    lastOpenedAt: null,
    ...overrides,
  };
}

/** A text as `POST /api/sms/send` queues it, with overrides. */
export function buildSmsMessage(overrides: Partial<SmsMessage> = {}): SmsMessage {
  return {
    id: '7001',
    userId: '1940',
    agentId: '1',
    to: '+44 •••• ••• 942',
    body: 'Hi Jane, here is the link to upload your documents.',
    status: 'queued',
    attempts: 0,
    errorCode: null,
    templateId: null,
    templateVersion: null,
    createdAt: '2026-11-24T10:02:00Z',
    updatedAt: '2026-11-24T10:02:00Z',
    ...overrides,
  };
}

/** A text template as an admin saved it (in use, version 1), with overrides. */
export function buildSmsTemplate(overrides: Partial<SmsTemplate> = {}): SmsTemplate {
  return {
    id: '3',
    name: 'Claim update',
    kind: 'service',
    body: 'Hi {firstName}, your claim has moved on. {agentName}',
    version: 1,
    active: true,
    changedBy: '3',
    changedAt: '2026-11-23T09:30:00Z',
    ...overrides,
  };
}

/** The two templates the dialler ships with, as `GET /api/sms/templates` first lists them. */
export function buildShippedTemplates(): SmsTemplate[] {
  const shipped = { kind: 'service', version: 1, active: true, changedBy: null } as const;
  return [
    buildSmsTemplate({
      ...shipped,
      id: '2',
      name: 'Documents waiting',
      body:
        'Hi {firstName}, this is {agentName} from the claims team. Your claim documents are ' +
        'waiting for you; we will text you a secure link to finish them.',
      changedAt: '1970-01-01T00:00:00Z',
    }),
    buildSmsTemplate({
      ...shipped,
      id: '1',
      name: 'Missed call',
      body:
        'Hi {firstName}, this is {agentName} from the claims team. We tried to call you about ' +
        'your claim. Reply to this text and we will call you back.',
      changedAt: '1970-01-01T00:00:00Z',
    }),
  ];
}

/**
 * A conversation of the SMS inbox as its thread shows it: Jane Smith texted in, unread, open,
 * unassigned, a reply may be sent. With overrides.
 */
export function buildSmsConversation(
  overrides: Partial<SmsConversationDetail> = {},
): SmsConversationDetail {
  return {
    id: '12',
    userId: '1940',
    customerName: 'Jane Smith',
    phone: '+44 •••• ••• 942',
    status: 'open',
    assignedAgentId: null,
    assignedAgentName: null,
    unreadCount: 1,
    needsAttention: false,
    lastMessage: 'Hello, is my claim ok?',
    lastMessageAt: '2026-11-24T10:02:00Z',
    optedOut: false,
    canReply: true,
    replyBlockedReason: null,
    ...overrides,
  };
}

/** A text the customer sent in, as a thread lists it, with overrides. */
export function buildSmsThreadMessage(overrides: Partial<SmsThreadMessage> = {}): SmsThreadMessage {
  return {
    id: 'in-5',
    direction: 'inbound',
    body: 'Hello, is my claim ok?',
    at: '2026-11-24T10:02:00Z',
    status: null,
    agentId: null,
    consent: null,
    ...overrides,
  };
}

const dayMs = 24 * 60 * 60 * 1000;

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The calling hours `GET /api/calling-hours?days=N` answers by default: Monday to Saturday
 * 08:00-20:00 UK time, Sundays closed, from `now` (to the second, as the server's clock) over
 * `days` UK days, today being the first.
 */
export function buildCallingHours(now: number, days: number): CallingHoursInterval[] {
  const [year, month, day] = utcToUkWallTime(new Date(now)).slice(0, 10).split('-').map(Number);
  const today = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  const nowSecond = Math.floor(now / 1000) * 1000;
  const hours: CallingHoursInterval[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = new Date(today + offset * dayMs);
    if (date.getUTCDay() === 0) continue;
    const ymd = date.toISOString().slice(0, 10);
    const opensAt = ukWallTimeToUtc(`${ymd}T08:00`) ?? '';
    const closesAt = ukWallTimeToUtc(`${ymd}T20:00`) ?? '';
    if (Date.parse(closesAt) <= nowSecond) continue;
    hours.push({
      opensAt: Date.parse(opensAt) < nowSecond ? stamp(nowSecond) : opensAt,
      closesAt,
    });
  }
  return hours;
}
