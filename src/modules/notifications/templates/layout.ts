// What every mail shares: the rendered shape, the HTML frame and the text footer.
import { html, type SafeHtml } from './html.ts';
import { formatMoney } from './format.ts';

export interface RenderedMail { subject: string; text: string; html: string }

/** The order facts the mails show. */
export interface MailOrder {
  number: string;
  customerName: string | null;
  currency: string;
  lines: { name: string; sku: string; quantity: number; total: number }[];
  subtotal: number; discountTotal: number; shippingTotal: number; taxTotal: number; total: number;
}

const SIGN_OFF = 'Thank you for shopping with us.';

/** A complete, simple HTML document around the body (inline styles: mail clients drop <style>). */
export function frame(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f6;font-family:Arial,Helvetica,sans-serif;color:#222">
<div style="max-width:560px;margin:0 auto;background:#fff;padding:24px;border-radius:6px">
${body}
<p style="color:#666;font-size:13px;margin-top:24px">${SIGN_OFF}</p>
</div></body></html>`.value;
}

/** Plain-text body: paragraphs separated by blank lines, and the sign-off. */
export function textBody(...paragraphs: (string | null | undefined | false)[]): string {
  return `${paragraphs.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n')}\n\n${SIGN_OFF}\n`;
}

/** The order's lines and totals as text rows. */
export function orderSummaryText(order: MailOrder): string {
  const money = (n: number) => formatMoney(n, order.currency);
  const rows = order.lines.map((l) => `${l.quantity} × ${l.name} (${l.sku})  ${money(l.total)}`);
  const totals = [
    `Subtotal: ${money(order.subtotal)}`,
    order.discountTotal > 0 ? `Discount: -${money(order.discountTotal)}` : null,
    order.shippingTotal > 0 ? `Shipping: ${money(order.shippingTotal)}` : null,
    order.taxTotal > 0 ? `Tax: ${money(order.taxTotal)}` : null,
    `Total: ${money(order.total)}`,
  ].filter((row): row is string => row !== null);
  return [...rows, '', ...totals].join('\n');
}

/** The order's lines and totals as an HTML table. */
export function orderSummaryHtml(order: MailOrder): SafeHtml {
  const money = (n: number) => formatMoney(n, order.currency);
  const cell = 'padding:4px 8px;border-bottom:1px solid #eee';
  const total = (label: string, amount: string, strong = false) =>
    html`<tr><td colspan="2" style="padding:4px 8px;text-align:right">${strong ? html`<strong>${label}</strong>` : label}</td><td style="padding:4px 8px;text-align:right">${strong ? html`<strong>${amount}</strong>` : amount}</td></tr>`;
  return html`<table style="width:100%;border-collapse:collapse;font-size:14px">
${order.lines.map((l) => html`<tr><td style="${cell}">${l.quantity} ×</td><td style="${cell}">${l.name} <span style="color:#888">${l.sku}</span></td><td style="${cell};text-align:right">${money(l.total)}</td></tr>`)}
${total('Subtotal', money(order.subtotal))}
${order.discountTotal > 0 ? total('Discount', `-${money(order.discountTotal)}`) : ''}
${order.shippingTotal > 0 ? total('Shipping', money(order.shippingTotal)) : ''}
${order.taxTotal > 0 ? total('Tax', money(order.taxTotal)) : ''}
${total('Total', money(order.total), true)}
</table>`;
}
