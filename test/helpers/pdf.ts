// Reads a PDF the server produced (labels, packing slips, pick lists) back into text, so
// tests can check what a person would see on paper.
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const standardFontDataUrl = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

/** The text of every page (items joined by `itemJoiner`, pages by newlines), the page count and the first page's size in points. */
export async function readPdf(bytes: Buffer, itemJoiner = ' '): Promise<{ text: string; pages: number; width: number; height: number }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl }).promise;
  const texts: string[] = [];
  let size = { width: 0, height: 0 };
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    if (n === 1) size = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(itemJoiner));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: texts.join('\n'), pages, width: size.width, height: size.height };
}
