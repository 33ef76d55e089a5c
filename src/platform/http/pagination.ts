// Cursor pagination on time-ordered ids: a page is "ids below the last one seen", which
// an index answers directly however deep the page (no OFFSET, no count of the table).
import { Type } from 'typebox';
import { invalid } from './problem.ts';

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

/** Encodes the last id of a page as an opaque cursor. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** Decodes a cursor back to the id it carries, refusing anything malformed. */
export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === '') return null;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]{3}_[0-9a-z]{26}$/.test(id)) throw invalid('query.cursor', 'is not a valid cursor');
  return id;
}

/** Given `limit + 1` rows, returns the page and the cursor of the next one. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): { data: T[]; next_cursor: string | null } {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  const last = data[data.length - 1];
  return { data, next_cursor: hasMore && last ? encodeCursor(last.id) : null };
}
