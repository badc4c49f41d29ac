/// <reference types="vite/client" />
// Pages of the shared page model (src/core/page) as files in the browser: PDF through pdfkit's browser
// build (loaded only when asked for) and PNG through a canvas, with the DejaVu Sans fonts the CLI
// embeds. Used by the export dialog and the patrol panel's route sheets.
import { drawPagesOnPdfkit, pdfDocumentOptions, type PdfkitDocumentLike } from '../../core/page/draw-on-pdfkit.ts';
import type { Page } from '../../core/page/page-model.ts';
import { pagePixels, pageToSvg, type SvgFontFace } from '../../core/page/page-to-svg.ts';
import fontNormalUrl from '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff?url';
import fontBoldUrl from '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff?url';
import fontItalicUrl from '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-italic.woff?url';

export interface Fonts {
  bytes: { normal: ArrayBuffer; bold: ArrayBuffer; italic: ArrayBuffer };
  faces: SvgFontFace[];
}

/** Fetch the three DejaVu Sans WOFF files once: bytes for pdfkit, data: URLs for SVG drawn as an image. */
let fontsPromise: Promise<Fonts> | undefined;
export function loadFonts(): Promise<Fonts> {
  const dataUrl = (buf: ArrayBuffer) => {
    let s = '';
    const bytes = new Uint8Array(buf);
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return `data:font/woff;base64,${btoa(s)}`;
  };
  fontsPromise ??= Promise.all([fontNormalUrl, fontBoldUrl, fontItalicUrl].map((u) => fetch(u).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`${u}: ${r.status}`)))))).then(
    ([normal, bold, italic]) => ({
      bytes: { normal, bold, italic },
      faces: [
        { family: 'DejaVu Sans', weight: 'normal', src: dataUrl(normal) },
        { family: 'DejaVu Sans', weight: 'bold', src: dataUrl(bold) },
        { family: 'DejaVu Sans', weight: 'normal', style: 'italic', src: dataUrl(italic) },
      ],
    }),
  );
  return fontsPromise;
}

/** PNG of a page at `dpi`: the SVG (fonts embedded) drawn on a canvas of the exact pixel size. */
export async function pageToPngBlob(page: Page, dpi: number, faces: SvgFontFace[]): Promise<Blob> {
  const px = pagePixels(page, dpi);
  const svg = pageToSvg(page, { pixels: px, fontFaces: faces });
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(px.width, px.height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = px.width;
    canvas.height = px.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, px.width, px.height);
    ctx.drawImage(img, 0, 0, px.width, px.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** PDF of pages with pdfkit's browser build, loaded only when asked for; drawn by the same core code as the CLI. */
export async function pagesToPdfBlob(pages: Page[], fonts: Fonts['bytes'], createdOn: string): Promise<Blob> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument(pdfDocumentOptions(pages, new Date(`${createdOn}T00:00:00Z`)) as PDFKit.PDFDocumentOptions);
  const chunks: BlobPart[] = [];
  const done = new Promise<Blob>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c as BlobPart));
    doc.on('end', () => resolve(new Blob(chunks, { type: 'application/pdf' })));
    doc.on('error', reject);
  });
  drawPagesOnPdfkit(doc as unknown as PdfkitDocumentLike, pages, fonts);
  doc.end();
  return done;
}
