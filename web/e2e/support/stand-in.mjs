// The built-in Twilio stand-in's test controls, as black-box tests use them (docs/api.md, "The
// built-in stand-in").
import { request } from './http.mjs';

/** The account SID the stand-in runs under by default: the right shape, belonging to nobody. */
export const STAND_IN_ACCOUNT = `AC${'0'.repeat(32)}`;

/**
 * Tells the stand-in at `baseUrl` how the next customer dialled behaves
 * (`{behaviour, ringMs, talkMs, loseFinalCallback}`), with the account's basic auth.
 * Resolves with request()'s { response, body, text }; asserts nothing.
 */
export function scriptNextCustomer(baseUrl, authToken, script) {
  const basic = Buffer.from(`${STAND_IN_ACCOUNT}:${authToken}`).toString('base64');
  return request(baseUrl, '/sim/customers', {
    method: 'POST',
    json: script,
    headers: { Authorization: `Basic ${basic}` },
  });
}
