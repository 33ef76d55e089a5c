// Formatting of the warehouse's measures and labels.
const grams = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'gram', maximumFractionDigits: 0 });
const kilograms = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'kilogram', maximumFractionDigits: 2 });

/** 850 -> "850 g", 1250 -> "1.25 kg". */
export function formatWeight(g: number): string {
  return g < 1000 ? grams.format(g) : kilograms.format(g / 1000);
}

/** 400 × 300 × 150 mm. */
export function formatDimensions(d: { length_mm: number; width_mm: number; height_mm: number }): string {
  return `${d.length_mm} × ${d.width_mm} × ${d.height_mm} mm`;
}

/** An ISO instant as the value of a datetime-local input (local time, minutes). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local input's value as an RFC 3339 instant, or undefined when empty. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
