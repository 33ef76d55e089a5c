// Formatting for e-mails: money from minor units, and the greeting.

const fractionDigits = new Map<string, number>();

/** Minor-unit exponent of a currency (2 for USD, 0 for JPY, 3 for KWD). */
function digitsOf(currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    fractionDigits.set(currency, digits);
  }
  return digits;
}

interface CurrencyLayout { symbol: string; before: boolean }
// Building an Intl.NumberFormat costs about a millisecond of CPU; the relay formats several
// amounts per e-mail, so each currency's symbol and its place are worked out once.
const layouts = new Map<string, CurrencyLayout | null>();

/** The currency's symbol and whether it stands before the number; null for an unknown code. */
function layoutOf(currency: string, digits: number): CurrencyLayout | null {
  if (layouts.has(currency)) return layouts.get(currency) ?? null;
  let layout: CurrencyLayout | null;
  try {
    const parts = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: digits }).formatToParts(0);
    const symbol = parts.find((p) => p.type === 'currency')?.value ?? currency;
    layout = { symbol, before: parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer') };
  } catch {
    layout = null;
  }
  layouts.set(currency, layout);
  return layout;
}

/** `4498, 'USD'` → `$44.98`; exact for any integer amount (no float division on the minor units). */
export function formatMoney(amountMinor: number, currency: string): string {
  const digits = digitsOf(currency);
  const negative = amountMinor < 0;
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const decimal = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  const layout = layoutOf(currency, digits);
  if (!layout) return `${negative ? '-' : ''}${decimal} ${currency}`;
  const grouped = decimal.replace(/^(\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  return `${negative ? '-' : ''}${layout.before ? `${layout.symbol}${grouped}` : `${grouped} ${layout.symbol}`}`;
}

/** "Hi Ana," or "Hello," when the name is unknown. */
export function greeting(name: string | null | undefined): string {
  const first = name?.trim().split(/\s+/)[0];
  return first ? `Hi ${first},` : 'Hello,';
}
