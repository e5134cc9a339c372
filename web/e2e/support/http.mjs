// Small helpers for the black-box API tests: JSON requests, the session cookie, the error envelope.
import assert from 'node:assert/strict';

/** Sends a request and returns { response, body } where body is parsed JSON when it is JSON. */
export async function request(baseUrl, pathname, { method = 'GET', json, body, headers = {} } = {}) {
  const init = { method, headers: { ...headers }, redirect: 'manual' };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(`${baseUrl}${pathname}`, init);
  const text = await response.text();
  let parsed = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') {
    parsed = JSON.parse(text);
  }
  return { response, body: parsed, text };
}

/** The `dialler_session=…` pair from a response's Set-Cookie headers, or undefined. */
export function sessionCookieLine(response) {
  return response.headers.getSetCookie().find((line) => line.startsWith('dialler_session='));
}

export function cookieHeader(setCookieLine) {
  return setCookieLine.split(';')[0];
}

/** Logs in and returns { response, body, cookie, csrfToken }; asserts nothing. */
export async function login(baseUrl, email, password) {
  const { response, body } = await request(baseUrl, '/api/auth/login', {
    method: 'POST',
    json: { email, password },
  });
  const line = sessionCookieLine(response);
  return {
    response,
    body,
    cookie: line ? cookieHeader(line) : undefined,
    csrfToken: body?.csrfToken,
  };
}

/**
 * Asserts the one error shape of docs/api.md: status, code, a string requestId that matches
 * the X-Request-Id header, and (when given) the offending field.
 */
export function assertErrorEnvelope({ response, body }, { status, code, field }) {
  assert.equal(response.status, status, `status (body: ${JSON.stringify(body)})`);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  assert.equal(typeof body, 'object', `body should be JSON, got: ${String(body).slice(0, 200)}`);
  assert.ok(body.error, `body has no "error": ${JSON.stringify(body)}`);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.requestId, 'string');
  assert.ok(body.error.requestId.length > 0, 'requestId is empty');
  assert.equal(response.headers.get('x-request-id'), body.error.requestId, 'X-Request-Id header');
  if (field !== undefined) assert.equal(body.error.field, field);
}

/**
 * Polls `check` (async) until it returns a truthy value, which it resolves with; a check that
 * throws counts as not yet. Fails the test with `label` after `deadlineMs`. For what the server
 * finishes in its own time (a provider's callbacks, a worker's round): no fixed sleeps.
 */
export async function eventually(check, label, deadlineMs = 15_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    assert.ok(Date.now() < deadline, `timed out: ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
