export { html, escapeHtml, link, SafeHtml } from './html.ts';
export { formatMoney, greeting } from './format.ts';
export type { MailOrder, RenderedMail } from './layout.ts';
export { orderConfirmedMail, orderCanceledMail } from './order-mails.ts';
export { orderShippedMail, readyForPickupMail, orderDeliveredMail, type ShipmentFacts, type PickupFacts } from './delivery-mails.ts';
export { returnApprovedMail, refundIssuedMail } from './after-sales-mails.ts';
