// One place where every failure becomes a problem+json answer. Expected failures keep
// their code; anything unexpected is logged with the request id and answered as 500
// without internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ajvErrorsToFields } from './validation.ts';
import { Problem, PROBLEM_CONTENT_TYPE, problemBody, type ProblemBody } from './problem.ts';
import { isDatabaseUnavailable } from './db-errors.ts';

function send(reply: FastifyReply, body: ProblemBody, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(body.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(body);
}

function fromFastifyError(error: FastifyError): ProblemBody | null {
  if (error.validation) {
    const fields = ajvErrorsToFields(error.validation as never, error.validationContext ?? 'body');
    const first = fields[0];
    return problemBody('validation_failed', first ? `${first.path} ${first.message}` : 'invalid request', fields);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemBody('malformed_json', 'The request body could not be parsed as JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemBody('payload_too_large', error.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemBody('unsupported_media_type', 'Send the body as application/json.');
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return problemBody('malformed_json', 'The request body could not be parsed as JSON.');
  }
  if (error.statusCode === 413) return problemBody('payload_too_large', error.message);
  if (error.statusCode === 415) return problemBody('unsupported_media_type', error.message);
  if (error.statusCode === 408) return problemBody('request_timeout', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return problemBody('validation_failed', error.message);
  }
  return null;
}

export interface ErrorHandlerOptions {
  /** Answers an unmatched request another way (the web app's client routes); null: 404. */
  notFoundFallback?: ((request: FastifyRequest, reply: FastifyReply) => FastifyReply | null) | undefined;
}

/** Installs the error and not-found handlers. */
export function installErrorHandlers(app: FastifyInstance, options: ErrorHandlerOptions = {}): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof Problem) return send(reply, error.toBody(), error.headers);
    const known = fromFastifyError(error);
    if (known) return send(reply, known);
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return send(reply, problemBody('service_unavailable', 'The database is unavailable; retry shortly.'), { 'retry-after': '2' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, problemBody('internal_error', `Something went wrong; quote request id ${request.id}.`));
  });

  app.setNotFoundHandler((request, reply) =>
    options.notFoundFallback?.(request, reply)
      ?? send(reply, problemBody('route_not_found', `No route ${request.method} ${request.url.split('?')[0]}.`)));
}
