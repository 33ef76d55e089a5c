// Mails about getting the goods: shipped (with tracking), ready for pickup, delivered.
import { greeting } from './format.ts';
import { html, link } from './html.ts';
import { frame, textBody, type MailOrder, type RenderedMail } from './layout.ts';

export interface ShipmentFacts {
  /** How it travels as the customer should read it: the service's name ("UPS Ground"), else its code. */
  via: string | null;
  trackingNumber: string | null;
  trackingUrl: string;
  /** What is in this parcel (empty when unknown: then the mail does not list items). */
  items: { name: string; quantity: number }[];
}

/** shipment.created: carrier service, tracking number, the tracking link, and what is in the parcel. */
export function orderShippedMail(order: MailOrder, shipment: ShipmentFacts): RenderedMail {
  const subject = `Order #${order.number} has shipped`;
  const facts = [
    shipment.via ? `Carrier: ${shipment.via}` : null,
    shipment.trackingNumber ? `Tracking number: ${shipment.trackingNumber}` : null,
  ].filter((f): f is string => f !== null);
  const items = shipment.items.map((i) => `${i.quantity} × ${i.name}`);
  return {
    subject,
    text: textBody(greeting(order.customerName), `Good news: your order #${order.number} is on its way.`, facts.join('\n'),
      items.length > 0 && `In this parcel:\n${items.join('\n')}`, `Track it: ${shipment.trackingUrl}`),
    html: frame(subject, html`<p>${greeting(order.customerName)}</p>
<p>Good news: your order <strong>#${order.number}</strong> is on its way.</p>
<p>${shipment.via ? html`Carrier: ${shipment.via}<br>` : ''}${shipment.trackingNumber ? html`Tracking number: <strong>${shipment.trackingNumber}</strong>` : ''}</p>
${items.length > 0 ? html`<p>In this parcel:</p><ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : ''}
<p>${link(shipment.trackingUrl, 'Track your parcel')}</p>`),
  };
}

export interface PickupFacts { locationName: string; address: string | null }

/** order.ready_for_pickup: where to collect it. */
export function readyForPickupMail(order: MailOrder, pickup: PickupFacts): RenderedMail {
  const subject = `Order #${order.number} is ready for pickup`;
  const where = pickup.address ? `${pickup.locationName}, ${pickup.address}` : pickup.locationName;
  return {
    subject,
    text: textBody(greeting(order.customerName), `Your order #${order.number} is ready for pickup at ${where}.`, 'Please bring this e-mail or your order number.'),
    html: frame(subject, html`<p>${greeting(order.customerName)}</p>
<p>Your order <strong>#${order.number}</strong> is ready for pickup at <strong>${pickup.locationName}</strong>${pickup.address ? html`, ${pickup.address}` : ''}.</p>
<p>Please bring this e-mail or your order number.</p>`),
  };
}

/** order.delivered: with the feedback survey link when there is one. */
export function orderDeliveredMail(order: MailOrder, surveyUrl: string | null): RenderedMail {
  const subject = `Order #${order.number} was delivered`;
  const ask = 'How did we do? Tell us in one click:';
  return {
    subject,
    text: textBody(greeting(order.customerName), `Your order #${order.number} has been delivered. We hope you enjoy it.`, surveyUrl && `${ask} ${surveyUrl}`),
    html: frame(subject, html`<p>${greeting(order.customerName)}</p>
<p>Your order <strong>#${order.number}</strong> has been delivered. We hope you enjoy it.</p>
${surveyUrl ? html`<p>${ask} ${link(surveyUrl, 'rate your order')}</p>` : ''}`),
  };
}
