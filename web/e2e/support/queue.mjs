// Queue helpers for black-box tests (docs/api.md "Queues").
import assert from 'node:assert/strict';

import { request } from './http.mjs';

/**
 * Has `user` (a login from http.mjs) take next customers, skipping the others, until one whose
 * number is of `type` ("mobile", "fixed_line"), and returns that lead, held by `user`. The
 * agent's own screen then gets the same customer back from Next customer.
 */
export async function holdCustomerWithPhone(baseUrl, user, type) {
  const post = (pathname) =>
    request(baseUrl, pathname, {
      method: 'POST',
      json: {},
      headers: { Cookie: user.cookie, 'X-CSRF-Token': user.csrfToken },
    });
  const seen = [];
  for (let i = 0; i < 40; i += 1) {
    const next = await post('/api/queue/next');
    assert.equal(next.response.status, 200, JSON.stringify(next.body));
    assert.ok(next.body.lead, JSON.stringify(next.body));
    const { lead } = next.body;
    seen.push(lead.customer.phone?.type);
    if (lead.customer.phone?.type === type) return lead;
    const skipped = await post(`/api/queue/leads/${lead.userId}/skip`);
    assert.equal(skipped.response.status, 200, JSON.stringify(skipped.body));
  }
  throw new Error(`no customer with a ${type} number among the first handed out: ${seen}`);
}
