/** Field-level validation messages: field name → catalog key (+ params). */
export type FieldErrors = Record<string, { key: string; params?: Record<string, string | number> }>;

/**
 * Base of every expected error. `code` is stable (clients and tests rely on it), `messageKey` is a catalog key
 * shown to people, `status` the HTTP status.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string = `errors.${code}`,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export class NotFoundError extends AppError {
  constructor(code = 'not_found') {
    super(404, code, 'errors.not_found');
  }
}

export class ForbiddenError extends AppError {
  /** `messageKey` explains a refusal the person can do something about ("your institution awaits approval"). */
  constructor(code = 'forbidden', messageKey = 'errors.forbidden') {
    super(403, code, messageKey);
  }
}

export class UnauthorizedError extends AppError {
  constructor(code = 'unauthorized') {
    super(401, code, 'errors.unauthorized');
  }
}

/** The entity changed since the caller loaded it (revision check) or a unique value is taken. */
export class ConflictError extends AppError {
  constructor(
    code: string,
    messageKey = `errors.${code}`,
    /** The current stored version, so a form can show both sides. */
    readonly current?: unknown,
  ) {
    super(409, code, messageKey);
  }
}

export class ValidationError extends AppError {
  constructor(
    readonly fields: FieldErrors,
    code = 'validation_failed',
  ) {
    super(422, code, 'errors.validation_failed');
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', 'errors.rate_limited', { seconds: retryAfterSeconds });
  }
}
