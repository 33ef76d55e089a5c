import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '../src/platform/http/index.ts';

test('docs/errors.md describes every error code with its status', () => {
  const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
  for (const [code, { status }] of Object.entries(ERROR_CODES)) {
    assert.match(doc, new RegExp(`\\| \`${code}\` \\| ${status} \\|`), `docs/errors.md lacks a row for ${code} (${status})`);
  }
  const documented = [...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(documented.filter((c) => !(c as string in ERROR_CODES)), [], 'docs/errors.md lists codes the API does not use');
});
