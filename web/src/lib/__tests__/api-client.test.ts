import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import { apiClient, setCsrfToken } from '@/lib/api-client';
import { ApiError, parseRetryAfter } from '@/lib/api-error';

type Call = { url: string; init: RequestInit };

function stubFetch(respond: () => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return respond();
    }),
  );
  return calls;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const anything = z.unknown();

describe('apiClient', () => {
  beforeEach(() => setCsrfToken(null));

  it('turns the error envelope into an ApiError with status, code, message, field and requestId', async () => {
    stubFetch(() =>
      Response.json(
        {
          error: {
            code: 'invalid_argument',
            message: 'email is required',
            field: 'email',
            requestId: '5f0c1',
          },
        },
        { status: 400, headers: { 'X-Request-Id': '5f0c1' } },
      ),
    );

    const error = await caught(apiClient.post('/api/auth/login', anything, { body: {} }));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toBe('email is required');
    expect(error.field).toBe('email');
    expect(error.requestId).toBe('5f0c1');
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('reads Retry-After from a 429', async () => {
    stubFetch(() =>
      Response.json(
        { error: { code: 'resource_exhausted', message: 'Too many attempts.', requestId: 'r-9' } },
        { status: 429, headers: { 'Retry-After': '42' } },
      ),
    );

    const error = await caught(apiClient.post('/api/auth/login', anything, { body: {} }));

    expect(error.status).toBe(429);
    expect(error.code).toBe('resource_exhausted');
    expect(error.retryAfterSeconds).toBe(42);
  });

  it('falls back to a code from the status when the body is not an envelope', async () => {
    stubFetch(
      () =>
        new Response('<html>Bad Gateway</html>', {
          status: 502,
          headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'proxy-1' },
        }),
    );

    const error = await caught(apiClient.get('/api/auth/me', anything));

    expect(error.status).toBe(502);
    expect(error.code).toBe('unavailable');
    expect(error.requestId).toBe('proxy-1');
  });

  it('reports a network failure as status 0, code unavailable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    );

    const error = await caught(apiClient.get('/api/auth/me', anything));

    expect(error.status).toBe(0);
    expect(error.code).toBe('unavailable');
  });

  it('sends the session cookie and the CSRF token only on state-changing methods', async () => {
    const calls = stubFetch(() => Response.json({ ok: true }));
    setCsrfToken('tok-123');

    await apiClient.get('/api/auth/me', anything);
    await apiClient.post('/api/auth/logout', anything);
    await apiClient.delete('/api/things/1', anything);

    expect(calls.map((c) => c.init.credentials)).toEqual(['same-origin', 'same-origin', 'same-origin']);
    const csrf = calls.map((c) => new Headers(c.init.headers).get('X-CSRF-Token'));
    expect(csrf).toEqual([null, 'tok-123', 'tok-123']);
  });

  it('sends JSON bodies and parses JSON answers with the schema', async () => {
    const calls = stubFetch(() => Response.json({ ok: true, extra: 1 }));

    const result = await apiClient.post('/api/x', z.object({ ok: z.literal(true) }), {
      body: { a: 1 },
    });

    expect(result).toEqual({ ok: true });
    expect(calls[0]?.init.body).toBe('{"a":1}');
    expect(new Headers(calls[0]?.init.headers).get('Content-Type')).toBe('application/json');
  });

  it('rejects a success body that breaks the contract', async () => {
    stubFetch(() => Response.json({ ok: 'yes' }));

    await expect(apiClient.get('/api/x', z.object({ ok: z.literal(true) }))).rejects.toBeInstanceOf(
      z.ZodError,
    );
  });
});

describe('parseRetryAfter', () => {
  it('accepts delta-seconds and HTTP dates, ignores junk', () => {
    const now = Date.parse('2026-11-22T09:30:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:31:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
