// The only module that calls fetch. Every request goes to our own origin with the session cookie;
// state-changing requests carry the CSRF token from the last login or /me response.
import type { z } from 'zod';

import { ApiError, apiErrorFromResponse } from '@/lib/api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const csrfMethods: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from login or /me); null forgets it (sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export type RequestOptions = {
  body?: unknown;
  signal?: AbortSignal | undefined;
};

/**
 * Sends one request and returns the response body parsed with `schema`.
 * Throws ApiError for any non-2xx answer (fields from the error envelope, Retry-After included)
 * and for network failures (status 0, code `unavailable`). A body that does not match `schema`
 * throws a ZodError: that is a contract bug, left to the error boundary.
 */
export async function apiRequest<TSchema extends z.ZodType>(
  method: Method,
  path: string,
  schema: TSchema,
  options: RequestOptions = {},
): Promise<z.output<TSchema>> {
  const headers = new Headers({ Accept: 'application/json' });
  let body: string | undefined;
  if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.body);
  }
  if (csrfMethods.has(method) && csrfToken !== null) {
    headers.set('X-CSRF-Token', csrfToken);
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: 'unavailable',
      message: 'Cannot reach the server. Check your connection and try again.',
    });
  }

  const text = await response.text();
  if (!response.ok) {
    throw apiErrorFromResponse(response, text);
  }
  return schema.parse(text === '' ? undefined : JSON.parse(text));
}

export const apiClient = {
  get: <TSchema extends z.ZodType>(path: string, schema: TSchema, options?: RequestOptions) =>
    apiRequest('GET', path, schema, options),
  post: <TSchema extends z.ZodType>(path: string, schema: TSchema, options?: RequestOptions) =>
    apiRequest('POST', path, schema, options),
  put: <TSchema extends z.ZodType>(path: string, schema: TSchema, options?: RequestOptions) =>
    apiRequest('PUT', path, schema, options),
  patch: <TSchema extends z.ZodType>(path: string, schema: TSchema, options?: RequestOptions) =>
    apiRequest('PATCH', path, schema, options),
  delete: <TSchema extends z.ZodType>(path: string, schema: TSchema, options?: RequestOptions) =>
    apiRequest('DELETE', path, schema, options),
};
