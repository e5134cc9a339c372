/** Every client-side path in one place, so links and routes cannot drift apart. */
export const paths = {
  home: '/',
  login: '/login',
  queue: '/queue',
  callbacks: '/callbacks',
  sms: '/sms',
  customers: '/customers',
  supervisor: '/supervisor',
  admin: '/admin',
} as const;

export type AppPath = (typeof paths)[keyof typeof paths];

/** Where a signed-in user lands by default: every role may open the queue. */
export const defaultSignedInPath = paths.queue;
