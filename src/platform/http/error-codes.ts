// Every error code the API answers with, its HTTP status and its title. docs/errors.md
// describes each one; a test keeps the two in step.
export const ERROR_CODES = {
  validation_failed: { status: 422, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The body is not valid JSON' },
  payload_too_large: { status: 413, title: 'The body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  headers_too_large: { status: 431, title: 'Request headers too large' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed for this key' },
  csrf_failed: { status: 403, title: 'CSRF token missing or wrong' },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such route' },
  already_exists: { status: 409, title: 'Already exists' },
  duplicate_order: { status: 409, title: 'Order already exists for this channel and external id' },
  invalid_transition: { status: 409, title: 'The action is not allowed in the current state' },
  insufficient_inventory: { status: 422, title: 'Not enough stock' },
  total_mismatch: { status: 422, title: 'The sent total does not match the computed total' },
  amount_out_of_range: { status: 422, title: 'An amount is out of range' },
  idempotency_key_reused: { status: 422, title: 'Idempotency key reused with another request' },
  rate_limited: { status: 429, title: 'Too many requests' },
  request_timeout: { status: 408, title: 'Request timed out' },
  service_unavailable: { status: 503, title: 'Service temporarily unavailable' },
  internal_error: { status: 500, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
