/** Every client-side path in one place, so links and routes cannot drift apart. */
export const paths = {
  home: '/',
  login: '/login',
  queue: '/queue',
  callbacks: '/callbacks',
  sms: '/sms',
  customers: '/customers',
  supervisor: '/supervisor',
  recordings: '/recordings',
  analytics: '/analytics',
  audit: '/audit',
  admin: '/admin',
} as const;

export type AppPath = (typeof paths)[keyof typeof paths];

/** Route patterns of the pages below a navigation entry; links use the builders below. */
export const routePatterns = {
  customer: `${paths.customers}/:userId`,
} as const;

/** `/customers/42`: one customer's page. */
export function customerPath(userId: string): string {
  return `${paths.customers}/${encodeURIComponent(userId)}`;
}

/** Where a signed-in user lands by default: every role may open the queue. */
export const defaultSignedInPath = paths.queue;
