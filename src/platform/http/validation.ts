// Request validation. Fastify's default Ajv strips unknown properties and coerces
// types ("2" -> 2); our contract refuses both in bodies, so bodies get a strict Ajv.
// Query strings and path parameters are text by nature and keep coercion.
import AjvModule, { type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { ProblemFieldError } from './problem.ts';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

function makeAjv(coerceTypes: boolean) {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);

/** Fastify validator compiler: strict for bodies, coercing for query/params/headers. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(schema as object) as ReturnType<FastifySchemaCompiler<unknown>>;
};

const MAX_REPORTED_ERRORS = 50;

/** Turns `/lines/0/quantity` into `lines[0].quantity`. */
export function toPath(prefix: string, pointer: string, child?: string): string {
  let path = prefix;
  const parts = pointer.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (child !== undefined) parts.push(child);
  for (const part of parts) {
    path += /^\d+$/.test(part) ? `[${part}]` : path === '' ? part : `.${part}`;
  }
  return path;
}

/** Maps Ajv errors to `{ path, message }` entries, one per problem, without noise. */
export function ajvErrorsToFields(errors: readonly ErrorObject[], part: string): ProblemFieldError[] {
  const prefix = part === 'body' ? '' : part === 'querystring' ? 'query' : part;
  const out: ProblemFieldError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // anyOf/oneOf parents repeat what their branches said; keep the branches.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const params = error.params as Record<string, unknown>;
    let path: string;
    let message: string;
    if (error.keyword === 'required') {
      path = toPath(prefix, error.instancePath, String(params.missingProperty));
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      path = toPath(prefix, error.instancePath, String(params.additionalProperty));
      message = 'is not a known field';
    } else {
      path = toPath(prefix, error.instancePath) || prefix || '(root)';
      message = error.message ?? 'is invalid';
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: path || '(root)', message });
    if (out.length >= MAX_REPORTED_ERRORS) break;
  }
  return out;
}
