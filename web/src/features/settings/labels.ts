// The words the admin sees for the queue engine's settings: the sections they are grouped in,
// each key's name, its allowed values and what changing it does. The keys, formats and ranges
// are the server's (src/dialler/app/settings_codec.cpp, which checks every value); this table
// only puts them into words. A key it does not know still shows, under its own name.
import { codeInWords } from '@/features/calls/labels';
import { outcomeLabel, outcomeLabels } from '@/features/queue/labels';
import { outcomeCodeSchema } from '@/types/api';

/** How a setting is typed in. */
export type SettingInput =
  | { kind: 'text' }
  | { kind: 'number' }
  | { kind: 'choice'; choices: ReadonlyArray<readonly [value: string, label: string]> };

export type SettingInfo = {
  /** The human name: the field's label and the name used in messages ("Monday"). */
  label: string;
  /** The values allowed ("08:00-20:00 or closed; within 08:00-21:00"); empty when unknown. */
  range: string;
  /** What changing it does, in one or two short sentences. */
  effect: string;
  input: SettingInput;
};

export type SettingsGroupId =
  | 'window'
  | 'caps'
  | 'score'
  | 'lender'
  | 'outcome'
  | 'autoDial'
  | 'inbound'
  | 'alerts'
  | 'retention'
  | 'other';

export type SettingsGroupInfo = {
  id: SettingsGroupId;
  /** Keys starting with this belong to the group; null for "Other" (everything else). */
  prefix: string | null;
  title: string;
  /** The words of the section's Save button. */
  saveLabel: string;
  description: string;
};

/** The sections of the settings screen, in screen order; "Other" catches every remaining key. */
export const settingsGroups: readonly SettingsGroupInfo[] = [
  {
    id: 'window',
    prefix: 'window.',
    title: 'Calling hours',
    saveLabel: 'Save calling hours',
    description:
      'When customers may be called (UK time). Next-customer hand-outs, calls and callback times ' +
      'all follow these hours, within the limits the server is configured with.',
  },
  {
    id: 'caps',
    prefix: 'caps.',
    title: 'Contact caps',
    saveLabel: 'Save contact caps',
    description:
      'The most calls and texts one customer may get. Compliance floors apply: caps cannot be ' +
      'switched off.',
  },
  {
    id: 'score',
    prefix: 'score.',
    title: 'Scoring',
    saveLabel: 'Save scoring',
    description:
      'How a customer’s place in the queue is worked out: points are added up and the lowest ' +
      'score is called first. A change re-scores every open customer within a minute.',
  },
  {
    id: 'lender',
    prefix: 'lender.',
    title: 'Lender importance',
    saveLabel: 'Save lender importance',
    description:
      'Points for the lender of a customer’s claims: lower points are called sooner. A customer ' +
      'gets the best (lowest) of their lenders.',
  },
  {
    id: 'outcome',
    prefix: 'outcome.',
    title: 'Outcomes',
    saveLabel: 'Save outcomes',
    description:
      'What each call outcome does to the customer’s score and how long before they may be ' +
      'called again.',
  },
  {
    id: 'autoDial',
    prefix: 'autoDial.',
    title: 'Auto mode',
    saveLabel: 'Save auto mode',
    description: 'How auto mode (power dialling) runs on the agents’ screens.',
  },
  {
    id: 'inbound',
    prefix: 'inbound.',
    title: 'Customers calling us',
    saveLabel: 'Save customers calling us',
    description: 'What happens when a customer calls the firm’s number.',
  },
  {
    id: 'alerts',
    prefix: 'alerts.',
    title: 'Floor alerts',
    saveLabel: 'Save floor alerts',
    description: 'When the supervisors’ floor board flags an agent.',
  },
  {
    id: 'retention',
    prefix: 'retention.',
    title: 'Data retention',
    saveLabel: 'Save data retention',
    description:
      'How long customers’ personal details are kept. Once a day the dialler clears what is ' +
      'older than these periods, except for customers under a legal hold; the dates and outcomes ' +
      'stay. A shorter period clears more at the next daily run.',
  },
  {
    id: 'other',
    prefix: null,
    title: 'Other',
    saveLabel: 'Save other settings',
    description: 'Who is called at all, how long agents hold customers, callbacks and credit.',
  },
];

/** The group a key belongs to: by its prefix, else "Other". */
export function groupOfKey(key: string): SettingsGroupId {
  return (
    settingsGroups.find((group) => group.prefix && key.startsWith(group.prefix))?.id ?? 'other'
  );
}

const number: SettingInput = { kind: 'number' };
const text: SettingInput = { kind: 'text' };

const windowRange = '08:00-20:00 or closed; within 08:00-21:00';
const dayNames: ReadonlyArray<readonly [string, string]> = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
];

const scoreRange = 'A whole number from -1000 to 100000';
const datesRange = 'Dates as YYYY-MM-DD, separated by commas; empty for none';
const statusesRange = 'Status codes separated by commas';
// At least a month on the server, so that a slip of the keyboard cannot clear last week's records.
const retentionRange = 'A whole number from 30 to 3650';

/**
 * The keys this screen knows, in the order each section lists them. Keys of a section that are
 * not here (a key added later) come after these, by key.
 */
const knownSettings: ReadonlyArray<readonly [string, SettingInfo]> = [
  ...dayNames.map(
    ([day, name]) =>
      [
        `window.${day}`,
        {
          label: name,
          range: windowRange,
          effect: `Customers are called on ${name}s only between these times; closed: not at all.`,
          input: text,
        },
      ] as const,
  ),
  [
    'window.bankHolidays',
    {
      label: 'Bank holidays',
      range: 'Closed or open',
      effect:
        'Closed: nobody is called on England & Wales bank holidays (worked out for any year). ' +
        'Open: they are worked as ordinary days.',
      input: {
        kind: 'choice',
        choices: [
          ['closed', 'Closed'],
          ['open', 'Open'],
        ],
      },
    },
  ],
  [
    'window.closedDays',
    {
      label: 'Extra closed days',
      range: datesRange,
      effect: 'One-off closures (a jubilee, a funeral): nobody is called on these dates.',
      input: text,
    },
  ],
  [
    'window.openDays',
    {
      label: 'Bank holidays worked',
      range: datesRange,
      effect: 'Bank holidays the floor works anyway, with that weekday’s hours.',
      input: text,
    },
  ],
  [
    'caps.callsPerDay',
    {
      label: 'Calls a day',
      range: 'A whole number from 1 to 10',
      effect:
        'The most calls one customer gets in a UK day; then the next call waits for tomorrow.',
      input: number,
    },
  ],
  [
    'caps.callsPer7Days',
    {
      label: 'Calls in 7 days',
      range: 'A whole number from 1 to 50, at least the calls a day',
      effect: 'The most calls one customer gets in any 7 days.',
      input: number,
    },
  ],
  [
    'caps.smsPerDay',
    {
      label: 'Texts a day',
      range: 'A whole number from 1 to 10',
      effect: 'The most texts one customer is sent in a UK day.',
      input: number,
    },
  ],
  [
    'score.unsignedBase',
    {
      label: 'Unsigned queue points',
      range: scoreRange,
      effect: 'Where customers who have not signed start: lower puts the queue ahead.',
      input: number,
    },
  ],
  [
    'score.outstandingBase',
    {
      label: 'Outstanding queue points',
      range: scoreRange,
      effect: 'Where customers with outstanding requirements start.',
      input: number,
    },
  ],
  [
    'score.unknownLenderPoints',
    {
      label: 'Unknown lender points',
      range: scoreRange,
      effect: 'For a customer whose lenders are not in the lender importance list.',
      input: number,
    },
  ],
  [
    'score.ageBands',
    {
      label: 'Points by age',
      range: 'min-max:points separated by commas, e.g. 18-24:6,25-34:2 (ages 0-200)',
      effect: 'Points for the customer’s age band.',
      input: text,
    },
  ],
  [
    'score.unknownAgePoints',
    {
      label: 'Unknown age points',
      range: scoreRange,
      effect: 'For a customer whose date of birth is not known.',
      input: number,
    },
  ],
  [
    'score.pointsPerWaitingDay',
    {
      label: 'Points per day waiting',
      range: scoreRange,
      effect: 'Added for each day in the queue (Sundays not counted), up to the most for waiting.',
      input: number,
    },
  ],
  [
    'score.maxWaitingPoints',
    {
      label: 'Most points for waiting',
      range: scoreRange,
      effect: 'The cap on the points for days waiting.',
      input: number,
    },
  ],
  [
    'score.pointsPerAttempt',
    {
      label: 'Points per call made',
      range: scoreRange,
      effect:
        'Added for each call since the customer’s last change: often-called customers drop back.',
      input: number,
    },
  ],
  [
    'score.giveUpThreshold',
    {
      label: 'Give-up score',
      range: scoreRange,
      effect: 'A customer whose score reaches this is no longer called.',
      input: number,
    },
  ],
  [
    'autoDial.countdownSeconds',
    {
      label: 'Countdown before dialling (seconds)',
      range: 'A whole number from 3 to 60',
      effect: 'How long the agent sees the next customer before auto mode dials.',
      input: number,
    },
  ],
  [
    'autoDial.maxCallsPerSession',
    {
      label: 'Calls per auto-mode session',
      range: 'A whole number from 1 to 1000',
      effect: 'Auto mode stops after this many calls; the agent starts it again.',
      input: number,
    },
  ],
  [
    'autoDial.breakReminderMinutes',
    {
      label: 'Break reminder (minutes)',
      range: 'A whole number from 15 to 600',
      effect: 'Agents are reminded to take a break after working this long.',
      input: number,
    },
  ],
  [
    'inbound.outOfHoursMessage',
    {
      label: 'Out-of-hours message',
      range: 'One line, 1 to 500 characters',
      effect: 'What a customer calling us hears outside the calling hours.',
      input: text,
    },
  ],
  [
    'inbound.ringSeconds',
    {
      label: 'Ring time (seconds)',
      range: 'A whole number from 10 to 60',
      effect: 'How long an agent’s browser rings for a customer’s call before it is missed.',
      input: number,
    },
  ],
  [
    'alerts.ringingSeconds',
    {
      label: 'Ringing too long (seconds)',
      range: 'A whole number from 20 to 600',
      effect: 'A call ringing unanswered for longer than this is flagged on the floor board.',
      input: number,
    },
  ],
  [
    'alerts.breakMinutes',
    {
      label: 'Break too long (minutes)',
      range: 'A whole number from 5 to 240',
      effect: 'An agent on a break for longer than this is flagged on the floor board.',
      input: number,
    },
  ],
  [
    'retention.callDays',
    {
      label: 'Calls kept (days)',
      range: retentionRange,
      effect:
        'The numbers called, call recordings and voicemails are cleared this many days after the ' +
        'call.',
      input: number,
    },
  ],
  [
    'retention.textDays',
    {
      label: 'Texts kept (days)',
      range: retentionRange,
      effect:
        'The words and numbers of texts sent and received are cleared this many days after the ' +
        'text.',
      input: number,
    },
  ],
  [
    'retention.noteDays',
    {
      label: 'Notes kept (days)',
      range: retentionRange,
      effect:
        'Agents’ notes on outcomes and on closed callbacks are cleared this many days after they ' +
        'were written.',
      input: number,
    },
  ],
  [
    'retention.linkClickDays',
    {
      label: 'Link opens kept (days)',
      range: retentionRange,
      effect:
        'The browser details recorded when a customer opens a magic link are deleted after this ' +
        'many days.',
      input: number,
    },
  ],
  [
    'inbound.voicemail',
    {
      label: 'Voicemail',
      range: 'On or off',
      effect: 'On: a caller nobody answers may leave a message with their callback.',
      input: {
        kind: 'choice',
        choices: [
          ['on', 'On'],
          ['off', 'Off'],
        ],
      },
    },
  ],
  [
    'eligibility.inactiveUserStatuses',
    {
      label: 'Inactive account statuses',
      range: statusesRange,
      effect: 'Customers whose account has one of these statuses are not called.',
      input: text,
    },
  ],
  [
    'eligibility.closedClaimStatuses',
    {
      label: 'Closed claim statuses',
      range: statusesRange,
      effect: 'Claims with these statuses do not count as active.',
      input: text,
    },
  ],
  [
    'eligibility.pendingRequirementStatuses',
    {
      label: 'Pending requirement statuses',
      range: statusesRange,
      effect: 'Requirements in these statuses put the customer in the outstanding queue.',
      input: text,
    },
  ],
  [
    'eligibility.excludedRequirements',
    {
      label: 'Requirements not chased',
      range: 'type, or type=exact reason, separated by semicolons',
      effect: 'Requirements of these types (or with exactly that reason) are not chased by phone.',
      input: text,
    },
  ],
  [
    'lease.seconds',
    {
      label: 'Hold time (seconds)',
      range: 'A whole number from 30 to 3600',
      effect:
        'A customer goes back to the queue when the agent’s page stops checking in this long.',
      input: number,
    },
  ],
  [
    'callback.graceMinutes',
    {
      label: 'Callback grace (minutes)',
      range: 'A whole number from 0 to 1440',
      effect:
        'How long a due callback waits for its own agent before anyone on the team may take it.',
      input: number,
    },
  ],
  [
    'callback.maxFailedTries',
    {
      label: 'Unanswered callback tries',
      range: 'A whole number from 1 to 20',
      effect:
        'Unanswered tries (no answer, voicemail, hung up) before a callback goes to the team.',
      input: number,
    },
  ],
  [
    'conversion.creditDays',
    {
      label: 'Conversion credit (days)',
      range: 'A whole number from 1 to 365',
      effect: 'An agent is credited when their customer signs or completes within this many days.',
      input: number,
    },
  ],
];

const knownMap = new Map<string, SettingInfo>(knownSettings);
const knownOrder = new Map<string, number>(knownSettings.map(([key], index) => [key, index]));

/** Lender codes whose title case reads wrongly ("vw_finance" is not "Vw Finance"). */
const lenderNames: Record<string, string> = {
  vw_finance: 'VW Finance',
  bmw_finance: 'BMW Finance',
  rci: 'RCI Financial Services',
  psa_finance: 'PSA Finance',
  fca_automotive_services: 'FCA Automotive Services',
  placeholder: 'Various Lenders',
};

/** "black_horse" → "Black Horse" (as the server names lenders it has no display name for). */
export function lenderName(code: string): string {
  return (
    lenderNames[code] ??
    code
      .split('_')
      .filter((word) => word !== '')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ')
  );
}

/** The outcome of an `outcome.<code>.<field>` key, and the field; null for any other key. */
export function outcomeKeyParts(key: string): { code: string; field: string } | null {
  const match = /^outcome\.([^.]+)\.([^.]+)$/.exec(key);
  return match ? { code: match[1] ?? '', field: match[2] ?? '' } : null;
}

/** "No answer" for a known outcome code, "Some new outcome" for one added later. */
export function outcomeName(code: string): string {
  const known = outcomeCodeSchema.safeParse(code);
  return known.success ? outcomeLabel(known.data) : codeInWords(code);
}

/** Outcome codes in the order the outcome form lists them; codes added later after, by code. */
export function compareOutcomeCodes(a: string, b: string): number {
  const order = (code: string) => {
    const index = outcomeLabels.findIndex(([known]) => known === code);
    return index < 0 ? outcomeLabels.length : index;
  };
  return order(a) - order(b) || a.localeCompare(b);
}

/** The fields of each outcome's row, as the outcomes table's columns. */
export const outcomeColumns: ReadonlyArray<
  readonly [field: string, info: { heading: string; range: string; effect: string }]
> = [
  [
    'score',
    {
      heading: 'Score change',
      range: 'A whole number from -1000 to 1000',
      effect: 'Added once to the customer’s score when an agent records the outcome.',
    },
  ],
  [
    'nextCallMinutes',
    {
      heading: 'Wait before the next call (minutes)',
      range: 'At least 30; empty for no wait, except where the outcome always waits',
      effect: 'How long after the outcome before the customer may be called again.',
    },
  ],
];

/** The name, range and effect of any key; the key itself for one this screen does not know. */
export function settingInfo(key: string): SettingInfo {
  const known = knownMap.get(key);
  if (known) return known;
  if (key.startsWith('lender.') && key.length > 'lender.'.length) {
    const code = key.slice('lender.'.length);
    return {
      label: lenderName(code),
      range: 'A whole number from -1000 to 1000',
      effect: `Points for a claim with lender code ${code}; lower is called sooner.`,
      input: number,
    };
  }
  const outcome = outcomeKeyParts(key);
  const column = outcome && outcomeColumns.find(([field]) => field === outcome.field)?.[1];
  if (outcome && column) {
    return {
      label: `${outcomeName(outcome.code)}: ${column.heading.toLowerCase()}`,
      range: column.range,
      effect: column.effect,
      input: number,
    };
  }
  return {
    label: key,
    range: '',
    effect: 'A setting this screen has no description for; the server checks the value.',
    input: text,
  };
}

/** Sorts the keys of one section: the known ones in table order, then the rest by key. */
export function compareKeys(a: string, b: string): number {
  const order = (key: string) => knownOrder.get(key) ?? knownSettings.length;
  return order(a) - order(b) || a.localeCompare(b);
}

/** "08:00-20:00", or "(empty)" for a value that is empty. */
export function shownValue(value: string): string {
  return value === '' ? '(empty)' : value;
}

/** "Monday: 08:00-20:00 → 10:00-12:00" for each changed key, in the order given. */
export function describeChanges(changes: ReadonlyArray<readonly [string, string, string]>): string {
  return changes
    .map(([key, from, to]) => `${settingInfo(key).label}: ${shownValue(from)} → ${shownValue(to)}`)
    .join('; ');
}

/**
 * The server names the key it refuses at the start of its message ("window.wed must lie within
 * …"); the screen calls it by its label ("Wednesday must lie within …"), and names the other key
 * a message may mention ("must be at least caps.callsPerDay") the same way.
 */
export function settingMessage(message: string, key: string): string {
  const withLabel = message.startsWith(`${key} `)
    ? `${settingInfo(key).label} ${message.slice(key.length + 1)}`
    : message;
  return withLabel.replace(
    /\b(?:caps|window|score|autoDial|inbound|alerts|retention)\.[A-Za-z0-9]+\b/g,
    (other) => (knownMap.has(other) ? `“${settingInfo(other).label}”` : other),
  );
}
