// Reading typed values out of a form, with the field errors a person can fix.
import type { FieldError } from '../../../api/client.ts';
import { parseMoneyInput } from '../../../ui/money-input.ts';

/** Collects field errors while values are read; `check()` throws them all at once. */
export class FormReader {
  readonly errors: FieldError[] = [];
  constructor(private readonly data: FormData) {}

  text(name: string): string {
    return String(this.data.get(name) ?? '').trim();
  }

  /** The text, or undefined when empty. */
  optionalText(name: string): string | undefined {
    return this.text(name) || undefined;
  }

  checked(name: string): boolean {
    return this.data.get(name) !== null;
  }

  /** A whole number in [min, max]; null when empty and `optional`. */
  integer(name: string, path: string, min: number, max: number, optional = false): number | null {
    const raw = this.text(name);
    if (raw === '' && optional) return null;
    const value = Number(raw);
    if (raw === '' || !Number.isInteger(value) || value < min || value > max) {
      this.errors.push({ path, message: `must be a whole number from ${min} to ${max}` });
      return null;
    }
    return value;
  }

  /** An amount typed as decimals in the currency, as minor units. */
  money(name: string, path: string, currency: string): number | null {
    const parsed = parseMoneyInput(this.text(name), currency);
    if (parsed.ok) return parsed.minor;
    this.errors.push({ path, message: parsed.message });
    return null;
  }

  /** Items separated by commas or new lines, trimmed, empty ones dropped. */
  list(name: string): string[] {
    return this.text(name).split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  }
}
