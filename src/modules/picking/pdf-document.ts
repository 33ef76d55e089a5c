// A small wrapper around pdfkit: build a document, get its bytes. The standard Helvetica
// fonts need no font files; text is kept to what they can draw.
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

/** Renders a PDF of the given page size (A4 or Letter) with the given drawing function. */
export function renderPdf(size: 'A4' | 'LETTER', title: string, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size, margin: 40, info: { Title: title, Producer: 'Ordo' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/** Draws one table row: each cell at its x with its width; returns the row's bottom. */
export function tableRow(doc: Pdf, y: number, cells: readonly { x: number; width: number; text: string; align?: 'left' | 'right' }[], bold = false): number {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
  let bottom = y;
  for (const cell of cells) {
    doc.text(cell.text, cell.x, y, { width: cell.width, align: cell.align ?? 'left' });
    bottom = Math.max(bottom, doc.y);
  }
  return bottom + 4;
}

/** Starts a new page when fewer than `needed` points are left. */
export function ensureRoom(doc: Pdf, y: number, needed: number): number {
  if (y + needed <= doc.page.height - doc.page.margins.bottom) return y;
  doc.addPage();
  return doc.page.margins.top;
}
