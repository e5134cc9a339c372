import { errorCodeSchema, errorEnvelopeSchema, type ErrorCode } from '@/types/api';

/** What the server's error envelope says, plus the HTTP status and (for 429) Retry-After. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly requestId: string | undefined;
  /** Seconds to wait before retrying, from the Retry-After header (429, sometimes 503). */
  readonly retryAfterSeconds: number | undefined;
  /**
   * The whole parsed error body, for the few routes that say more than the envelope does (the
   * contact rules' denials on `POST /api/call-sessions`); undefined when it was not JSON.
   */
  readonly body: unknown;

  constructor(init: {
    status: number;
    code: ErrorCode;
    message: string;
    field?: string | undefined;
    requestId?: string | undefined;
    retryAfterSeconds?: number | undefined;
    body?: unknown;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.body = init.body;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.status === 401;
}

/** The code the server would have sent for a status, for failures that carry no envelope (proxies). */
export function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'invalid_argument';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'permission_denied';
  if (status === 404) return 'not_found';
  if (status === 409) return 'failed_precondition';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'resource_exhausted';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

const fallbackMessages: Record<ErrorCode, string> = {
  invalid_argument: 'The request was not valid.',
  unauthenticated: 'You are not signed in.',
  permission_denied: 'You are not allowed to do that.',
  not_found: 'Not found.',
  already_exists: 'That already exists.',
  failed_precondition: 'That cannot be done right now.',
  payload_too_large: 'The request is too large.',
  resource_exhausted: 'Too many requests. Please wait and try again.',
  internal: 'Something went wrong on the server.',
  unavailable: 'The server is unavailable. Please try again shortly.',
};

/** Parses Retry-After given as delta-seconds or as an HTTP date; undefined when absent or bad. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Builds the ApiError for a non-2xx response from its (already read) body text. */
export function apiErrorFromResponse(response: Response, bodyText: string): ApiError {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const headerRequestId = response.headers.get('X-Request-Id') ?? undefined;

  let json: unknown;
  try {
    json = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    json = undefined;
  }
  const envelope = errorEnvelopeSchema.safeParse(json);
  const statusCode = codeForStatus(response.status);
  if (!envelope.success) {
    return new ApiError({
      status: response.status,
      code: statusCode,
      message: fallbackMessages[statusCode],
      requestId: headerRequestId,
      retryAfterSeconds,
      body: json,
    });
  }
  const body = envelope.data.error;
  const known = errorCodeSchema.safeParse(body.code);
  const code = known.success ? known.data : statusCode;
  return new ApiError({
    status: response.status,
    code,
    message: body.message || fallbackMessages[code],
    field: body.field ?? undefined,
    requestId: body.requestId ?? headerRequestId,
    retryAfterSeconds,
    body: json,
  });
}
