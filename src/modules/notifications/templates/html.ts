// The whole template approach: templates are TypeScript functions, and HTML is built with
// the `html` tagged template, which escapes every interpolated value unless it is already
// SafeHtml (the result of another `html`). So customer-supplied text (names, notes, item
// names) can never inject markup, and no template engine or dependency is needed.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string { return this.value; }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

type Interpolated = SafeHtml | string | number | null | undefined | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** HTML with every interpolation escaped (arrays are joined, SafeHtml kept as is). */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => { out += render(value) + (strings[i + 1] ?? ''); });
  return new SafeHtml(out);
}

/** A link whose URL is only http(s); anything else is rendered as plain text. */
export function link(url: string, label: string): SafeHtml {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}">${label}</a>` : html`${label}`;
}
