/**
 * Vector PDF of one or more pages with pdfkit: paths stay paths, text stays selectable text in the
 * embedded DejaVu Sans (subset), one PDF page per page model. The drawing itself is
 * src/core/page/draw-on-pdfkit.ts (shared with the app). The same pages and date give the same bytes.
 */
import { writeFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { drawPagesOnPdfkit, pdfDocumentOptions, type PdfkitDocumentLike } from '../../core/page/draw-on-pdfkit.ts';
import type { Page } from '../../core/page/page-model.ts';
import { pageFonts } from './page-fonts.ts';

/** Options of {@link pagesToPdf}. */
export interface PagesToPdfOptions {
  /** CreationDate of the PDF (and the seed of its file id): pass the export date for reproducible files. */
  creationDate: Date;
  /** Document title. @default the first page's title */
  title?: string;
}

/**
 * PDF bytes of `pages` (each page its own paper size, in mm -> points).
 *
 * @example
 * writeFileSync('annex.pdf', await pagesToPdf([page], { creationDate: new Date('2026-11-27T00:00:00Z') }));
 */
export function pagesToPdf(pages: Page[], options: PagesToPdfOptions): Promise<Buffer> {
  if (pages.length === 0) throw new TypeError('pagesToPdf: expected at least one page.');
  const doc = new PDFDocument(pdfDocumentOptions(pages, options.creationDate, options.title) as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const face = (weight: string, style: string) => pageFonts().find((f) => f.weight === weight && f.style === style)!.ttf;
  const [normal, bold, italic] = [face('normal', 'normal'), face('bold', 'normal'), face('normal', 'italic')];
  drawPagesOnPdfkit(doc as unknown as PdfkitDocumentLike, pages, { normal, bold, italic });
  doc.end();
  return done;
}

/** Writes `pages` to `file` as one PDF. */
export async function writePagePdf(pages: Page[], file: string, options: PagesToPdfOptions): Promise<void> {
  writeFileSync(file, await pagesToPdf(pages, options));
}
