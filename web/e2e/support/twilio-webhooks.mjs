// Twilio's webhooks as Twilio sends them to the server at `baseUrl`: form-encoded and signed with
// npm `twilio`'s own getExpectedTwilioSignature for the auth token the server is configured with.
import assert from 'node:assert/strict';

import twilio from 'twilio';

import { request } from './http.mjs';

/** Posts `params` to `pathname`, signed. */
export function signedWebhook(baseUrl, authToken, pathname, params) {
  const signature = twilio.getExpectedTwilioSignature(authToken, `${baseUrl}${pathname}`, params);
  return request(baseUrl, pathname, {
    method: 'POST',
    body: new URLSearchParams(params).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
  });
}

/**
 * The customer's leg of the browser's call `parent` reports `status`, stamped `sequence` × 5 s
 * after `base` (an RFC 3339 time); the server must accept it (204).
 */
export async function customerLegStatus(baseUrl, authToken, { parent, base, status, sequence }) {
  const r = await signedWebhook(baseUrl, authToken, '/api/webhooks/twilio/status', {
    CallSid: `CAchild${parent}`,
    ParentCallSid: parent,
    CallStatus: status,
    SequenceNumber: String(sequence),
    Timestamp: new Date(Date.parse(base) + sequence * 5000).toUTCString().replace('GMT', '+0000'),
  });
  assert.equal(r.response.status, 204, r.text);
}
