// The shipping label: a 4×6 inch page (288×432 pt), the size thermal label printers
// take. Ship-from at the top, ship-to large in the middle, the service and weight, and
// the tracking number as a Code 128 barcode with the number printed under it.
import PDFDocument from 'pdfkit';
import bwipjs from 'bwip-js';
import type { Address } from '../../platform/db/index.ts';

export const LABEL_WIDTH_PT = 288;
export const LABEL_HEIGHT_PT = 432;
const MARGIN_PT = 14;

export interface LabelContent {
  trackingNumber: string;
  serviceName: string;
  from: { name: string; address: Address };
  to: Address;
  weightG: number;
}

/** The address as printed, one line each (name, street lines, city line, country). */
export function addressLines(address: Address, name?: string): string[] {
  const cityLine = [address.city, address.region, address.postal_code].filter((part) => part !== undefined && part !== '').join(' ');
  return [name ?? address.name, address.line1, address.line2, cityLine, address.country]
    .filter((line): line is string => line !== undefined && line !== '');
}

/** A Code 128 barcode of the text as a PNG. */
async function barcodePng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 18, includetext: false });
}

function formatWeight(weightG: number): string {
  return weightG >= 1000 ? `${(weightG / 1000).toFixed(2)} kg` : `${weightG} g`;
}

/** Renders the label to PDF bytes. */
export async function renderLabel(content: LabelContent): Promise<Buffer> {
  const barcode = await barcodePng(content.trackingNumber);
  const doc = new PDFDocument({ size: [LABEL_WIDTH_PT, LABEL_HEIGHT_PT], margin: MARGIN_PT, info: { Title: `Label ${content.trackingNumber}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = LABEL_WIDTH_PT - 2 * MARGIN_PT;

  doc.font('Helvetica-Bold').fontSize(7).text('FROM', MARGIN_PT, MARGIN_PT);
  doc.font('Helvetica').fontSize(8).text(addressLines(content.from.address, content.from.name).join('\n'), { width });
  doc.moveTo(MARGIN_PT, 92).lineTo(LABEL_WIDTH_PT - MARGIN_PT, 92).stroke();

  doc.font('Helvetica-Bold').fontSize(8).text('SHIP TO', MARGIN_PT, 100);
  doc.font('Helvetica-Bold').fontSize(13).text(addressLines(content.to).join('\n'), { width });
  doc.moveTo(MARGIN_PT, 236).lineTo(LABEL_WIDTH_PT - MARGIN_PT, 236).stroke();

  doc.font('Helvetica-Bold').fontSize(11).text(content.serviceName, MARGIN_PT, 244, { width });
  doc.font('Helvetica').fontSize(9).text(`Weight: ${formatWeight(content.weightG)}`, { width });

  doc.image(barcode, MARGIN_PT, 300, { fit: [width, 80], align: 'center' });
  doc.font('Courier-Bold').fontSize(12).text(content.trackingNumber, MARGIN_PT, 388, { width, align: 'center' });
  doc.end();
  return done;
}
