// problem+json (RFC 9457) errors. Business failures are thrown as Problem so that the
// surrounding transaction rolls back, and the error handler turns them into responses.
import { ERROR_CODES, type ErrorCode } from './error-codes.ts';

export interface ProblemFieldError {
  path: string;
  message: string;
  [extra: string]: unknown;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: ProblemFieldError[];
  [extra: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** An expected failure with a stable code; never logged as an error. */
export class Problem extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: ProblemFieldError[] | undefined;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, detail: string, options: {
    errors?: ProblemFieldError[]; extra?: Record<string, unknown>; headers?: Record<string, string>;
  } = {}) {
    super(detail);
    this.name = 'Problem';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = options.errors;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  toBody(): ProblemBody {
    return problemBody(this.code, this.message, this.errors, this.extra);
  }
}

/** Builds the JSON body of a problem response. */
export function problemBody(
  code: ErrorCode, detail: string, errors?: ProblemFieldError[], extra: Record<string, unknown> = {},
): ProblemBody {
  const { status, title } = ERROR_CODES[code];
  return {
    type: `https://ordo.dev/errors/${code}`,
    title,
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...extra,
  };
}

/** Shorthand for a 404 of a named resource. */
export function notFound(what: string, key: string): Problem {
  return new Problem('not_found', `${what} ${JSON.stringify(key)} was not found`);
}

/** Shorthand for a validation failure at one path. */
export function invalid(path: string, message: string): Problem {
  return new Problem('validation_failed', `${path}: ${message}`, { errors: [{ path, message }] });
}
