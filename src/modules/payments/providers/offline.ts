// Providers whose money moves outside Ordo: a bank transfer or invoice (manual), cash the
// courier collects (cash_on_delivery), and money a marketplace already collected
// (prepaid). Their calls always succeed; they record what happened, nothing more.
import type { Kdb } from '../../../platform/db/index.ts';
import type { PaymentProvider, ProviderCall, ProviderResult } from './provider.ts';

async function recorded(_db: Kdb, call: ProviderCall): Promise<ProviderResult> {
  return { ok: true, reference: call.idempotencyKey };
}

const offline = { needsToken: false, authorize: recorded, capture: recorded, void: recorded, refund: recorded };

/** Bank transfer or invoice: pending until an operator marks it paid. */
export const manualProvider: PaymentProvider = { ...offline, name: 'manual', capturesOnShipment: false, intakeCall: null };

/** Authorized at intake (the order is accepted), captured when a shipment is delivered. */
export const cashOnDeliveryProvider: PaymentProvider = { ...offline, name: 'cash_on_delivery', capturesOnShipment: false, intakeCall: 'authorize' };

/** A marketplace collected the money: captured at intake. */
export const prepaidProvider: PaymentProvider = { ...offline, name: 'prepaid', capturesOnShipment: false, intakeCall: 'capture' };
