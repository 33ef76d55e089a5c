// JSON bodies: Fastify's own parser (with its prototype-poisoning protection), plus a
// refusal of NUL characters, which PostgreSQL cannot store in text and would otherwise
// turn a harmless typo into a 500.
import type { FastifyInstance } from 'fastify';
import { invalid } from './problem.ts';
import { toPath } from './validation.ts';

function findNul(value: unknown, pointer: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${pointer}/${key.replaceAll('\u0000', '\\u0000')}`;
    const found = findNul(child, `${pointer}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** Replaces the JSON body parser with one that also refuses NUL characters. */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error, value) => {
      if (error) return done(error, undefined);
      const at = findNul(value, '');
      if (at !== null) return done(invalid(toPath('', at) || '(root)', 'must not contain NUL characters'), undefined);
      done(null, value);
    });
  });
}
