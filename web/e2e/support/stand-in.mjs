// The built-in Twilio stand-in's test controls, as black-box tests use them (docs/api.md, "The
// built-in stand-in").
import assert from 'node:assert/strict';

import { eventually, request } from './http.mjs';

/** The account SID the stand-in runs under by default: the right shape, belonging to nobody. */
export const STAND_IN_ACCOUNT = `AC${'0'.repeat(32)}`;

/**
 * Tells the stand-in at `baseUrl` how the next customer dialled behaves
 * (`{behaviour, ringMs, talkMs, loseFinalCallback}`), with the account's basic auth.
 * Resolves with request()'s { response, body, text }; asserts nothing.
 */
export function scriptNextCustomer(baseUrl, authToken, script) {
  return standIn(baseUrl, authToken, '/sim/customers', script);
}

/**
 * A request to one of the stand-in's own routes with the account's basic auth: a POST of `json`,
 * or a GET without it. E.g. a customer calling (`/sim/inbound/calls`, `{from}`) or texting
 * (`/sim/inbound/messages`, `{from, body}`) us, and what became of it
 * (`/sim/inbound/calls/<sid>`). Resolves with request()'s { response, body, text }.
 */
export function standIn(baseUrl, authToken, pathname, json) {
  const basic = Buffer.from(`${STAND_IN_ACCOUNT}:${authToken}`).toString('base64');
  return request(baseUrl, pathname, {
    method: json === undefined ? 'GET' : 'POST',
    json,
    headers: { Authorization: `Basic ${basic}` },
  });
}

/**
 * Waits until the stand-in (the customers' phones) has a text carrying a magic link of the server
 * at `baseUrl`, and returns the link's token (what follows `${baseUrl}/l/`).
 */
export function textedLinkToken(baseUrl, authToken) {
  const prefix = `${baseUrl}/l/`;
  return eventually(async () => {
    const { body } = await standIn(baseUrl, authToken, '/sim/messages');
    const text = body.messages.find((m) => m.body.includes(prefix));
    return text?.body.slice(text.body.indexOf(prefix) + prefix.length);
  }, 'the link is texted');
}

/**
 * The full number of customer `userId` (what their phone texts us from), which the dialler only
 * ever shows masked: `user` (a login from http.mjs, allowed to text them) sends them `words`, and
 * the test reads the number off the stand-in's record of that text, as the phone that got it.
 */
export async function numberByTexting(baseUrl, authToken, user, userId, words) {
  const sent = await request(baseUrl, '/api/sms/send', {
    method: 'POST',
    json: { userId, body: words },
    headers: { Cookie: user.cookie, 'X-CSRF-Token': user.csrfToken },
  });
  assert.equal(sent.response.status, 201, JSON.stringify(sent.body));
  const text = await eventually(async () => {
    const { body } = await standIn(baseUrl, authToken, '/sim/messages');
    return body.messages.find((m) => m.body === words);
  }, 'the text reaches the customer');
  return text.to;
}
