// Mails after the sale: return approved, refund issued.
import { formatMoney, greeting } from './format.ts';
import { html } from './html.ts';
import { frame, textBody, type MailOrder, type RenderedMail } from './layout.ts';

/** return.approved: the return number to put on the parcel. */
export function returnApprovedMail(order: MailOrder, returnNumber: string | null): RenderedMail {
  const label = returnNumber ? `return #${returnNumber}` : 'your return';
  const subject = `Return approved for order #${order.number}`;
  const steps = `Please pack the items, write ${returnNumber ? `the return number ${returnNumber}` : `your order number ${order.number}`} on the parcel and send it back to us. We will refund you once it arrives.`;
  return {
    subject,
    text: textBody(greeting(order.customerName), `We have approved ${label} for order #${order.number}.`, steps),
    html: frame(subject, html`<p>${greeting(order.customerName)}</p>
<p>We have approved <strong>${label}</strong> for order <strong>#${order.number}</strong>.</p>
<p>${steps}</p>`),
  };
}

/** refund.issued: how much goes back. */
export function refundIssuedMail(order: MailOrder, amountMinor: number, currency: string): RenderedMail {
  const amount = formatMoney(amountMinor, currency);
  const subject = `Refund of ${amount} for order #${order.number}`;
  const body = `We have refunded ${amount} for your order #${order.number} to your original payment method. Depending on your bank it can take a few days to show.`;
  return {
    subject,
    text: textBody(greeting(order.customerName), body),
    html: frame(subject, html`<p>${greeting(order.customerName)}</p><p>${body}</p>`),
  };
}
