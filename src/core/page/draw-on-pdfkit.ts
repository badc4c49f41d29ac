// Draws page models onto a pdfkit document. Pure: it never imports pdfkit, so the Node writer
// (src/io/page/write-page-pdf.ts) and the app's export dialog (pdfkit's browser build) share it and
// draw the same PDF.
import { MM_PER_PT, type Page, type PageItem, type PageText } from './page-model.ts';

/** The part of a pdfkit PDFDocument this module uses. */
export interface PdfkitDocumentLike {
  addPage(options: { size: [number, number]; margin: number }): unknown;
  registerFont(name: string, src: Uint8Array | ArrayBuffer): unknown;
  save(): unknown;
  restore(): unknown;
  scale(factor: number): unknown;
  rotate(angle: number, options: { origin: [number, number] }): unknown;
  rect(x: number, y: number, w: number, h: number): unknown;
  clip(): unknown;
  path(d: string): unknown;
  lineWidth(w: number): unknown;
  lineJoin(j: string): unknown;
  lineCap(c: string): unknown;
  dash(length: number, options: { space: number }): unknown;
  undash(): unknown;
  fillColor(c: string): unknown;
  strokeColor(c: string): unknown;
  fillOpacity(o: number): unknown;
  strokeOpacity(o: number): unknown;
  fill(color: string, rule: string): unknown;
  stroke(): unknown;
  fillAndStroke(fill: string, stroke: string, rule: string): unknown;
  font(name: string): unknown;
  fontSize(size: number): unknown;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options: Record<string, unknown>): unknown;
}

/** Font bytes (TrueType, OpenType or WOFF) for the three faces pages use. */
export interface PdfFonts {
  normal: Uint8Array | ArrayBuffer;
  bold: Uint8Array | ArrayBuffer;
  italic: Uint8Array | ArrayBuffer;
}

const PT_PER_MM = 1 / MM_PER_PT;

function fontName(t: Pick<PageText, 'weight' | 'italic'>): string {
  if (t.weight === 'bold') return 'DejaVuSans-Bold';
  return t.italic ? 'DejaVuSans-Oblique' : 'DejaVuSans';
}

function drawText(doc: PdfkitDocumentLike, t: PageText, opacity: number): void {
  doc.font(fontName(t));
  doc.fontSize(t.size * MM_PER_PT);
  const width = doc.widthOfString(t.text);
  const dx = t.anchor === 'middle' ? -width / 2 : t.anchor === 'end' ? -width : 0;
  const baseline = t.baseline === 'middle' ? 'middle' : t.baseline === 'hanging' ? 'hanging' : 'alphabetic';
  doc.save();
  if (t.rotate) doc.rotate(t.rotate, { origin: [t.x, t.y] });
  if (t.halo) {
    doc.lineWidth(t.halo * 2);
    doc.lineJoin('round');
    doc.strokeColor('#ffffff');
    doc.strokeOpacity(opacity);
    doc.text(t.text, t.x + dx, t.y, { lineBreak: false, baseline, stroke: true, fill: false });
  }
  doc.fillColor(t.fill ?? '#000000');
  doc.fillOpacity(opacity);
  doc.text(t.text, t.x + dx, t.y, { lineBreak: false, baseline, stroke: false, fill: true });
  doc.restore();
}

function drawItems(doc: PdfkitDocumentLike, items: PageItem[], opacity: number): void {
  for (const item of items) {
    if (item.kind === 'group') {
      doc.save();
      if (item.clip) {
        doc.rect(item.clip.x, item.clip.y, item.clip.width, item.clip.height);
        doc.clip();
      }
      drawItems(doc, item.items, opacity * (item.opacity ?? 1));
      doc.restore();
    } else if (item.kind === 'text') {
      drawText(doc, item, opacity);
    } else if (item.d && (item.fill || item.stroke)) {
      doc.path(item.d);
      if (item.stroke) {
        doc.lineWidth(item.strokeWidth ?? 0.25);
        doc.strokeColor(item.stroke);
        doc.strokeOpacity(opacity * (item.strokeOpacity ?? 1));
        doc.lineJoin(item.lineJoin ?? 'miter');
        doc.lineCap(item.lineCap ?? 'butt');
        if (item.dash?.length) doc.dash(item.dash[0], { space: item.dash[1] ?? item.dash[0] });
        else doc.undash();
      }
      if (item.fill) {
        doc.fillColor(item.fill);
        doc.fillOpacity(opacity * (item.fillOpacity ?? 1));
      }
      const rule = item.fillRule === 'evenodd' ? 'even-odd' : 'non-zero';
      if (item.fill && item.stroke) doc.fillAndStroke(item.fill, item.stroke, rule);
      else if (item.fill) doc.fill(item.fill, rule);
      else doc.stroke();
    }
  }
}

/**
 * Register the DejaVu Sans faces and draw `pages` onto a pdfkit document created with
 * `{ autoFirstPage: false }`, one PDF page per page model (mm -> pt). Paths stay vector paths; text stays
 * text in the embedded font, so it can be selected and searched. Call `doc.end()` afterwards.
 *
 * @param doc - a pdfkit PDFDocument (Node or browser build)
 * @param pages - the pages
 * @param fonts - DejaVu Sans Book, Bold and Oblique bytes
 * @example
 * const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: date } });
 * drawPagesOnPdfkit(doc, pages, fonts);
 * doc.end();
 */
export function drawPagesOnPdfkit(doc: PdfkitDocumentLike, pages: readonly Page[], fonts: PdfFonts): void {
  if (pages.length === 0) throw new TypeError('drawPagesOnPdfkit: expected at least one page.');
  doc.registerFont('DejaVuSans', fonts.normal);
  doc.registerFont('DejaVuSans-Bold', fonts.bold);
  doc.registerFont('DejaVuSans-Oblique', fonts.italic);
  for (const page of pages) {
    doc.addPage({ size: [page.width * PT_PER_MM, page.height * PT_PER_MM], margin: 0 });
    doc.save();
    doc.scale(PT_PER_MM);
    doc.rect(0, 0, page.width, page.height);
    doc.fill('#ffffff', 'non-zero');
    drawItems(doc, page.items, 1);
    doc.restore();
  }
}

/** Document options shared by every PDF export: metadata, language and the (passed-in) creation date. */
export function pdfDocumentOptions(pages: readonly Page[], creationDate: Date, title?: string): Record<string, unknown> {
  return {
    autoFirstPage: false,
    // no default font: pdfkit's Helvetica is not needed (and not available in its browser build)
    font: null,
    margin: 0,
    compress: true,
    lang: pages[0]?.lang === 'en' ? 'en-GB' : 'nl-BE',
    displayTitle: true,
    info: {
      Title: title ?? pages[0]?.title ?? 'Wijkatlas',
      Author: 'Wijkatlas',
      Creator: 'Wijkatlas',
      Producer: 'Wijkatlas (pdfkit)',
      CreationDate: creationDate,
      ModDate: creationDate,
    },
  };
}
