// The only way the web app talks to the server: the public /v1 API, with the session
// cookie (sent by the browser) and, on changes, the CSRF token from its cookie.

export interface FieldError { path: string; message: string }

/** A problem+json answer (or a network failure) as an Error the pages can show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: FieldError[];

  constructor(status: number, code: string, title: string, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = errors;
  }
}

/** Whatever a call threw, as an ApiError a page can show. */
export function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, 'client_error', 'Error', String(caught));
}

const CSRF_COOKIE = 'ordo_csrf';
const listeners = new Set<() => void>();

/** Calls `listener` whenever the server says the session is gone (401). */
export function onUnauthorized(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function csrfToken(): string {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return '';
}

async function toError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<{ code: string; title: string; detail: string; errors: FieldError[] }> | null;
  return new ApiError(
    response.status,
    body?.code ?? 'http_error',
    body?.title ?? response.statusText,
    body?.detail ?? `The server answered ${response.status}.`,
    body?.errors ?? [],
  );
}

/** Sends one request; resolves with the JSON answer (undefined for 204). */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network_error', 'No connection', 'The server could not be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const error = await toError(response);
    if (response.status === 401 && path !== '/v1/auth/login') for (const listener of listeners) listener();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
