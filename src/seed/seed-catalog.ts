// The shop's master data in one transaction: channels, locations, products (with weights,
// sizes and barcodes), opening stock through the inventory ledger, and a bin for every
// product at every location.
import { transaction } from '../platform/http/index.ts';
import { createChannel, type ChannelKind } from '../modules/channels/index.ts';
import { createLocation } from '../modules/locations/index.ts';
import { createProduct } from '../modules/catalog/index.ts';
import { adjustInventory, setBin } from '../modules/inventory/index.ts';
import { DEMO_CHANNELS, DEMO_LOCATIONS, demoProducts, ean13, type DemoProduct } from './demo-catalog.ts';
import { binFor } from './demo-settings.ts';
import type { SeedContext } from './seed-context.ts';

const PREORDER_FIRST_BATCH = 8;

/** Creates the catalog and opening stock; answers the products. */
export async function seedCatalog(ctx: SeedContext): Promise<DemoProduct[]> {
  const { tenantId, random } = ctx;
  const actor = ctx.who.actor;
  const products = demoProducts();
  await transaction(ctx.db, async (trx) => {
    for (const c of DEMO_CHANNELS) await createChannel(trx, tenantId, { code: c.code, name: c.name, kind: c.kind as ChannelKind });
    for (const l of DEMO_LOCATIONS) await createLocation(trx, tenantId, { ...l, address: { ...l.address } });
    for (const [i, p] of products.entries()) {
      await createProduct(trx, tenantId, {
        sku: p.sku, name: p.name, price: p.price, currency: 'USD', weight_g: p.weight_g, barcode: ean13(i + 1), inventory_policy: p.policy,
        length_mm: p.length_mm, width_mm: p.width_mm, height_mm: p.height_mm,
      });
      for (const location of DEMO_LOCATIONS) {
        // Bins first: a bin may be set before stock arrives (the level starts at zero, no ledger row).
        await setBin(trx, tenantId, { sku: p.sku, location: location.code, bin: binFor(location.code, p.sku, i) });
        // Pre-order items: a first small batch in the warehouses, long sold out (later
        // orders wait on backorder); the rest is spread unevenly on purpose.
        const base = p.policy === 'continue' ? (location.kind === 'store' ? 0 : PREORDER_FIRST_BATCH)
          : location.kind === 'store' ? 8 + Math.floor(random() * 12) : 60 + Math.floor(random() * 140);
        if (base > 0) await adjustInventory(trx, tenantId, actor, { sku: p.sku, location: location.code, delta: base, reason: 'receipt', note: 'opening stock' });
      }
    }
  });
  return products;
}
