// Formatting for people: money from minor units, dates, counts, labels from codes.
import type { Money } from './api/types.ts';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      format = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(currency, format);
  }
  return format;
}

/** 4498 USD -> "$44.98": the currency's own number of minor digits. */
export function formatMoney(amountMinor: number, currency: string): string {
  const format = moneyFormat(currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** Several currencies joined, or a dash for none. */
export function formatMoneyList(list: readonly Money[]): string {
  return list.length === 0 ? '—' : list.map((m) => formatMoney(m.amount, m.currency)).join(' · ');
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const count = new Intl.NumberFormat();

export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTime.format(new Date(value)) : '—';
}

export function formatDate(value: string | null | undefined): string {
  return value ? dateOnly.format(new Date(value)) : '—';
}

export function formatCount(value: number): string {
  return count.format(value);
}

/** `on_hold` -> "On hold", `order.created` -> "Order created". */
export function humanize(code: string): string {
  const text = code.replace(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The local calendar day (YYYY-MM-DD) of a date. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a YYYY-MM-DD day as an RFC 3339 instant; `plusDays` moves it. */
export function dayStart(day: string, plusDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays).toISOString();
}

/** Who did something, from the API's actor string (`user:usr_…`, `key:key_…`, `system:…`). */
export function actorLabel(actor: string, myUserId?: string | null): string {
  const [kind, id = ''] = actor.split(':', 2);
  if (kind === 'user') return myUserId && id === myUserId ? 'You' : `User …${id.slice(-6)}`;
  if (kind === 'key') return `API key …${id.slice(-6)}`;
  if (kind === 'system') return `System (${id})`;
  return actor;
}
