// Mails about the order itself: confirmed, canceled.
import { greeting } from './format.ts';
import { html } from './html.ts';
import { frame, orderSummaryHtml, orderSummaryText, textBody, type MailOrder, type RenderedMail } from './layout.ts';

/** order.created: what was ordered, and the totals. */
export function orderConfirmedMail(order: MailOrder, pickupLocation: string | null): RenderedMail {
  const subject = `Order #${order.number} confirmed`;
  const next = pickupLocation
    ? `We will e-mail you when it is ready for pickup at ${pickupLocation}.`
    : 'We will e-mail you the tracking number when it ships.';
  return {
    subject,
    text: textBody(greeting(order.customerName), `Thank you for your order #${order.number}. Here is what you ordered:`, orderSummaryText(order), next),
    html: frame(subject, html`<p>${greeting(order.customerName)}</p>
<p>Thank you for your order <strong>#${order.number}</strong>. Here is what you ordered:</p>
${orderSummaryHtml(order)}
<p>${next}</p>`),
  };
}

/** order.canceled: says so, without the internal reason. */
export function orderCanceledMail(order: MailOrder): RenderedMail {
  const subject = `Order #${order.number} canceled`;
  const body = `Your order #${order.number} has been canceled. Anything you paid for it will be refunded to your original payment method.`;
  return {
    subject,
    text: textBody(greeting(order.customerName), body, 'If you did not expect this, just reply to this e-mail.'),
    html: frame(subject, html`<p>${greeting(order.customerName)}</p><p>${body}</p><p>If you did not expect this, just reply to this e-mail.</p>`),
  };
}
