// Money typed by people, read exactly: "12.50" USD is 1250 minor units, by string
// arithmetic (never through a float, where 0.1 + 0.2 is not 0.3), with the currency's own
// number of minor digits (2 for USD, 0 for JPY, 3 for KWD).

/** How many minor digits the currency has (2 when the browser does not know it). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export type MoneyParse = { ok: true; minor: number } | { ok: false; message: string };

/**
 * Reads an amount typed as decimals: digits, then optionally "." or "," and at most the
 * currency's minor digits. Thousands separators are refused rather than guessed at
 * ("1,250" could be either).
 */
export function parseMoneyInput(text: string, currency: string): MoneyParse {
  const digits = minorDigits(currency);
  const trimmed = text.trim().replace(/\s/g, '');
  const example = digits === 0 ? '12' : `12.${'5'.padEnd(digits, '0')}`;
  if (trimmed === '') return { ok: false, message: 'Enter an amount.' };
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(trimmed);
  if (!match) return { ok: false, message: `Type the amount as a number, like ${example}.` };
  const whole = match[1] as string;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return { ok: false, message: digits === 0 ? `${currency} has no minor unit: type a whole amount, like ${example}.` : `At most ${digits} digits after the decimal point, like ${example}.` };
  }
  const minorText = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(minorText);
  if (!Number.isSafeInteger(minor)) return { ok: false, message: 'That amount is too large.' };
  return { ok: true, minor };
}

/** Minor units as the plain decimal text a money input shows: 1250 USD → "12.50". */
export function minorToInput(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = amountMinor < 0;
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
