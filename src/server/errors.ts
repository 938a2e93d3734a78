import "server-only";

// One error type for everything a user may be told. Services throw AppError;
// the tRPC error formatter and route handlers map its code to a transport
// status in one place (see api/trpc.ts and http/to-error-response.ts).
export const appErrorCodes = {
  BAD_REQUEST: { trpc: "BAD_REQUEST", http: 400 },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", http: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  REQUEST_TIMEOUT: { trpc: "TIMEOUT", http: 408 },
  CONFLICT: { trpc: "CONFLICT", http: 409 },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", http: 413 },
  UNSUPPORTED_MEDIA_TYPE: { trpc: "UNSUPPORTED_MEDIA_TYPE", http: 415 },
  UNPROCESSABLE: { trpc: "UNPROCESSABLE_CONTENT", http: 422 },
  QUOTA_EXCEEDED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429 },
  UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
  // tRPC has no 507; its procedures answer it through the formatter's httpStatus.
  INSUFFICIENT_STORAGE: { trpc: "SERVICE_UNAVAILABLE", http: 507 },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500 },
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** For 429s: when trying again can succeed; sent as Retry-After. */
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = Math.max(1, Math.ceil(options.retryAfterSeconds));
  }

  get httpStatus(): number {
    return appErrorCodes[this.code].http;
  }

  get trpcCode() {
    return appErrorCodes[this.code].trpc;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
