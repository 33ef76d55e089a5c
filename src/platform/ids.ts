// Opaque ids with a type prefix (`ord_…`). The body is a lower-case ULID: time-ordered,
// so sorting by id is sorting by creation time, which lets lists page on the primary key.
import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

export type IdPrefix =
  | 'ten' | 'key' | 'prd' | 'loc' | 'chn' | 'cus' | 'ord' | 'oln' | 'alc'
  | (string & {});

/** A new id such as `ord_01jd…`. */
export function newId(prefix: IdPrefix, timeMs?: number): string {
  return `${prefix}_${nextUlid(timeMs).toLowerCase()}`;
}

/** True when the string looks like an id with the given prefix. */
export function hasPrefix(value: string, prefix: IdPrefix): boolean {
  return value.startsWith(`${prefix}_`) && value.length === prefix.length + 27;
}
