// The packing slip as a PDF (A4 or Letter): sender, order, ship-to, lines, packages.
import type { Address } from '../../platform/db/index.ts';
import { ensureRoom, renderPdf, tableRow, type Pdf } from '../picking/index.ts';
import type { PackingSlip } from './packing-slip.ts';

function addressLines(a: Address): string[] {
  return [a.name, a.line1, a.line2, [a.postal_code, a.city].join(' '), [a.region, a.country].filter(Boolean).join(', ')].filter((l): l is string => Boolean(l));
}

function block(doc: Pdf, x: number, y: number, title: string, lines: readonly string[]): number {
  doc.font('Helvetica-Bold').fontSize(9).text(title, x, y, { width: 240 });
  doc.font('Helvetica').fontSize(10);
  for (const line of lines) doc.text(line, x, doc.y, { width: 240 });
  return doc.y;
}

const COLUMNS = { sku: 40, name: 150, ordered: 420, shipped: 490 } as const;

export function packingSlipPdf(slip: PackingSlip, size: 'A4' | 'LETTER'): Promise<Buffer> {
  return renderPdf(size, `Packing slip ${slip.order.number}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(slip.merchant, 40, 40);
    doc.font('Helvetica').fontSize(12).text(`Packing slip - order ${slip.order.number}`);
    doc.fontSize(10).text(`Placed ${slip.order.placed_at.toISOString().slice(0, 10)}${slip.order.shipping_method ? `   Shipping: ${slip.order.shipping_method}` : ''}`);
    const top = doc.y + 14;
    const left = block(doc, 40, top, 'FROM', [slip.location.name, ...addressLines(slip.location.address)]);
    const shipTo = slip.ship_to ? addressLines(slip.ship_to) : [slip.delivery_type === 'pickup' ? `Pickup at ${slip.location.name}` : ''];
    const right = block(doc, 310, top, slip.delivery_type === 'pickup' ? 'PICKUP' : 'SHIP TO', [
      ...(slip.ship_to?.name ? [] : slip.order.customer_name ? [slip.order.customer_name] : []), ...shipTo,
    ]);
    let y = tableRow(doc, Math.max(left, right) + 18, [
      { x: COLUMNS.sku, width: 105, text: 'SKU' }, { x: COLUMNS.name, width: 260, text: 'Item' },
      { x: COLUMNS.ordered, width: 60, text: 'Ordered', align: 'right' }, { x: COLUMNS.shipped, width: 65, text: 'In this box', align: 'right' },
    ], true);
    for (const line of slip.lines) {
      y = ensureRoom(doc, y, 20);
      y = tableRow(doc, y, [
        { x: COLUMNS.sku, width: 105, text: line.sku }, { x: COLUMNS.name, width: 260, text: line.name },
        { x: COLUMNS.ordered, width: 60, text: String(line.ordered), align: 'right' }, { x: COLUMNS.shipped, width: 65, text: String(line.in_shipment), align: 'right' },
      ]);
    }
    y = ensureRoom(doc, y + 10, 40);
    doc.font('Helvetica-Bold').fontSize(10).text(`Packages (${slip.packages.length})`, 40, y);
    doc.font('Helvetica').fontSize(9);
    slip.packages.forEach((p, i) => {
      const contents = p.items.map((item) => `${item.sku} x${item.quantity}`).join(', ');
      const d = p.dimensions;
      doc.text(`${i + 1}. ${p.box ?? 'custom'} ${d.length_mm}x${d.width_mm}x${d.height_mm} mm, ${(p.weight_g / 1000).toFixed(2)} kg (${p.weight_source}): ${contents}`, 40, doc.y, { width: 515 });
    });
    if (slip.order.note) doc.moveDown().font('Helvetica-Oblique').text(`Note: ${slip.order.note}`, 40, doc.y, { width: 515 });
  });
}
