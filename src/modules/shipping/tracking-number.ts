// Tracking numbers the rate-table carrier issues: `ORD`, an 11-digit serial from the
// tenant's sequence, and a Luhn check digit, so a mistyped number (one wrong digit, two
// swapped neighbours) is refused before it is looked up.

export const TRACKING_PREFIX = 'ORD';
const SERIAL_DIGITS = 11;
export const SERIAL_MAX = 10 ** SERIAL_DIGITS - 1;

/** The Luhn check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts from the rightmost digit, since the check digit will follow it.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** `ORD` + the serial in 11 digits + its check digit (12 digits in all). */
export function formatTrackingNumber(serial: number): string {
  if (!Number.isInteger(serial) || serial < 1 || serial > SERIAL_MAX) throw new RangeError(`tracking serial ${serial} out of range`);
  const digits = String(serial).padStart(SERIAL_DIGITS, '0');
  return `${TRACKING_PREFIX}${digits}${luhnCheckDigit(digits)}`;
}

/** True when the text is a tracking number this carrier issued (prefix, length, check digit). */
export function isValidTrackingNumber(text: string): boolean {
  const match = /^ORD(\d{11})(\d)$/.exec(text);
  return match !== null && luhnCheckDigit(match[1] as string) === Number(match[2]);
}
