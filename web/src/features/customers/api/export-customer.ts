import type { Role } from '@/types/api';

/**
 * `GET /api/customers/:id/export` (supervisors and admins): everything held about the customer,
 * for a subject access request, as a zip (`customer.json`, one CSV per kind of record,
 * `README.txt`). The browser fetches it itself, as a download from a plain link: a same-origin
 * GET the session cookie authenticates, so it does not go through the API client. The server
 * audits every export (`customer.exported`).
 */
export function customerExportUrl(userId: string): string {
  return `/api/customers/${encodeURIComponent(userId)}/export`;
}

/** Who may export a customer's data; the server answers 403 to anyone else. */
export const exportRoles: readonly Role[] = ['supervisor', 'admin'];
