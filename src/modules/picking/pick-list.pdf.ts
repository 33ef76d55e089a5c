// The printable pick list: one row per line in walking order, with a box to tick, the
// bin first (that is what the picker looks for), and the orders each line serves.
import { renderPdf, ensureRoom, tableRow } from './pdf-document.ts';
import type { PickWaveView } from './pick-wave.view.ts';

const COLUMNS = { check: 40, bin: 62, sku: 132, name: 222, qty: 392, orders: 432 } as const;

/** The wave's pick list as an A4 PDF. */
export function pickListPdf(wave: PickWaveView): Promise<Buffer> {
  return renderPdf('A4', `Pick list ${wave.number}`, (doc) => {
    doc.font('Helvetica-Bold').fontSize(16).text(`Pick list - wave ${wave.number}`, 40, 40);
    doc.font('Helvetica').fontSize(10)
      .text(`Location ${wave.location}   Status ${wave.status}   Created ${wave.created_at.slice(0, 16).replace('T', ' ')} UTC`)
      .text(`${wave.fulfillment_orders.length} order(s), ${wave.lines_count} line(s), ${wave.units} unit(s)`);
    let y = tableRow(doc, doc.y + 12, [
      { x: COLUMNS.check, width: 20, text: '' }, { x: COLUMNS.bin, width: 66, text: 'Bin' }, { x: COLUMNS.sku, width: 86, text: 'SKU' },
      { x: COLUMNS.name, width: 166, text: 'Product' }, { x: COLUMNS.qty, width: 36, text: 'Qty', align: 'right' }, { x: COLUMNS.orders, width: 123, text: 'Orders' },
    ], true);
    for (const line of wave.lines) {
      y = ensureRoom(doc, y, 30);
      doc.rect(COLUMNS.check, y, 10, 10).stroke();
      const orders = line.orders.map((o) => `${o.order_number} x${o.quantity}`).join(', ');
      y = tableRow(doc, y, [
        { x: COLUMNS.bin, width: 66, text: line.bin ?? '(no bin)' }, { x: COLUMNS.sku, width: 86, text: line.sku },
        { x: COLUMNS.name, width: 166, text: line.barcode ? `${line.name}\n${line.barcode}` : line.name },
        { x: COLUMNS.qty, width: 36, text: String(line.quantity), align: 'right' }, { x: COLUMNS.orders, width: 123, text: orders },
      ]);
      doc.moveTo(40, y - 2).lineTo(555, y - 2).lineWidth(0.3).stroke();
    }
  });
}
