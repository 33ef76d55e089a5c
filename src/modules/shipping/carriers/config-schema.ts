// Validates a carrier config against its TypeBox schema with the same strict rules as
// request bodies (no unknown fields, no coercion), reporting paths under `config`.
import AjvModule from 'ajv';
import type { TSchema } from 'typebox';
import type { ProblemFieldError } from '../../../platform/http/index.ts';
import { ajvErrorsToFields } from '../../../platform/http/validation.ts';

const ajv = new AjvModule.default({ allErrors: true, removeAdditional: false, coerceTypes: false, strict: false });
const compiled = new WeakMap<TSchema, ReturnType<typeof ajv.compile>>();

/** Every way the value breaks the schema, as `config.…` paths; empty when it fits. */
export function schemaErrors(schema: TSchema, value: unknown): ProblemFieldError[] {
  let check = compiled.get(schema);
  if (!check) { check = ajv.compile(schema as object); compiled.set(schema, check); }
  return check(value) ? [] : ajvErrorsToFields(check.errors ?? [], 'config');
}
