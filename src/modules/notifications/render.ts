// Which mail an outbox event becomes. Each renderer reads what it needs (the order, a
// location, a survey link) in the relay's transaction and returns the mail, or null when
// the event calls for none (no e-mail address on the order, an imported old order).
import type { Config } from '../../config.ts';
import type { Kdb } from '../../platform/db/index.ts';
import type { OutboxMessage } from '../../platform/outbox/index.ts';
import { findLocationByCode } from '../locations/index.ts';
import { findOrderFacts, findShipmentFacts, type OrderFacts } from './order-facts.ts';
import { findOrderFactsMany, orderKey } from './order-facts-batch.ts';
import { trackingUrl } from './links.ts';
import { surveyUrlFor } from './survey-link.ts';
import {
  orderCanceledMail, orderConfirmedMail, orderDeliveredMail, orderShippedMail, readyForPickupMail, refundIssuedMail, returnApprovedMail,
  type RenderedMail,
} from './templates/index.ts';

/** An order placed this long before its event was imported history: no confirmation mail. */
const BACKDATED_AFTER_MS = 3_600_000;

export interface NotificationDraft { template: string; orderId: string; recipient: string; mail: RenderedMail }

type Renderer = (trx: Kdb, order: OrderFacts, message: OutboxMessage, config: Config) => Promise<RenderedMail | null>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

const RENDERERS: Record<string, { template: string; render: Renderer }> = {
  'order.created': {
    template: 'order_confirmed',
    render: async (_trx, order, message) => {
      if (message.createdAt.getTime() - order.createdAt.getTime() > BACKDATED_AFTER_MS) return null;
      return orderConfirmedMail(order.mail, order.pickupLocation);
    },
  },
  'order.canceled': { template: 'order_canceled', render: async (_trx, order) => orderCanceledMail(order.mail) },
  'shipment.created': {
    template: 'order_shipped',
    render: async (trx, order, message, config) => {
      const number = text(message.payload.tracking_number);
      const url = trackingUrl(config.publicUrl, message.tenantId, number ? { trackingNumber: number } : { orderNumber: order.number, email: order.email ?? '' });
      const shipment = await findShipmentFacts(trx, message.tenantId, text(message.payload.shipment_id), order);
      return orderShippedMail(order.mail, {
        via: shipment?.via ?? text(message.payload.service), trackingNumber: number, trackingUrl: url, items: shipment?.items ?? [],
      });
    },
  },
  'order.ready_for_pickup': {
    template: 'ready_for_pickup',
    render: async (trx, order, message) => {
      const code = text(message.payload.location) ?? order.pickupLocation;
      const location = code ? await findLocationByCode(trx, message.tenantId, code) : undefined;
      const address = location?.address as { line1?: string; city?: string } | undefined;
      return readyForPickupMail(order.mail, {
        locationName: location?.name ?? code ?? 'the store',
        address: address ? [address.line1, address.city].filter(Boolean).join(', ') || null : null,
      });
    },
  },
  'order.delivered': {
    template: 'order_delivered',
    render: async (trx, order, message, config) => orderDeliveredMail(order.mail, await surveyUrlFor(trx, message.tenantId, order.id, config.publicUrl)),
  },
  'return.approved': {
    template: 'return_approved',
    render: async (_trx, order, message) => {
      const number = message.payload.number;
      return returnApprovedMail(order.mail, typeof number === 'number' || typeof number === 'string' ? String(number) : null);
    },
  },
  'refund.issued': {
    template: 'refund_issued',
    render: async (_trx, order, message) => {
      const amount = message.payload.amount;
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) throw new Error('refund.issued without an integer amount');
      return refundIssuedMail(order.mail, amount, text(message.payload.currency) ?? order.mail.currency);
    },
  },
};

/** The topics that send customers a mail. */
export const NOTIFIED_TOPICS = Object.keys(RENDERERS);

/** The order an event is about: `order_id`, or an order's own `id` (rows written before every payload carried order_id). */
export function orderIdOf(message: OutboxMessage): string | null {
  const id = text(message.payload.id);
  return text(message.payload.order_id) ?? (id?.startsWith('ord_') ? id : null);
}

/** The mail the event calls for, given its order's facts (null: no such order). */
async function renderFor(trx: Kdb, message: OutboxMessage, order: OrderFacts | null, config: Config): Promise<NotificationDraft | null> {
  const renderer = RENDERERS[message.topic];
  const recipient = order?.email;
  if (!renderer || !order || !recipient) return null;
  const mail = await renderer.render(trx, order, message, config);
  return mail ? { template: renderer.template, orderId: order.id, recipient, mail } : null;
}

/** The mail this event calls for, or null. */
export async function renderNotification(trx: Kdb, message: OutboxMessage, config: Config): Promise<NotificationDraft | null> {
  const orderId = orderIdOf(message);
  if (!RENDERERS[message.topic] || !orderId) return null;
  return renderFor(trx, message, await findOrderFacts(trx, message.tenantId, orderId), config);
}

/**
 * The mails of several events, as renderNotification would make them one by one (in the
 * events' order, which matters for the survey link of a repeated delivery), but with the
 * orders of all of them read in one query. Renderers that read more (a shipment, a
 * location, the survey offer) still do so per event: those events are the rare ones.
 */
export async function renderNotifications(trx: Kdb, messages: readonly OutboxMessage[], config: Config): Promise<{ message: OutboxMessage; draft: NotificationDraft }[]> {
  const wanted = messages.flatMap((message) => {
    const orderId = orderIdOf(message);
    return RENDERERS[message.topic] && orderId ? [{ message, orderId }] : [];
  });
  const facts = await findOrderFactsMany(trx, wanted.map((w) => ({ tenantId: w.message.tenantId, orderId: w.orderId })));
  const drafts: { message: OutboxMessage; draft: NotificationDraft }[] = [];
  for (const { message, orderId } of wanted) {
    const draft = await renderFor(trx, message, facts.get(orderKey(message.tenantId, orderId)) ?? null, config);
    if (draft) drafts.push({ message, draft });
  }
  return drafts;
}
