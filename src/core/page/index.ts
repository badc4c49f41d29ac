// Printable map pages: composition (pure, mm page model) and the SVG writer. PDF and PNG writers live in src/io/page/.
export * from './page-model.ts';
export { composeMapPage, type MapPageInfo } from './compose-map-page.ts';
export { composeAtlasPages, figureRows, type AtlasPagesOptions } from './compose-atlas-pages.ts';
export type { MapPageData, MapPageOptions, PageManifest, PageManifestField, PageManifestLayer } from './page-input.ts';
export { classifyIndicator, CLASS_METHODS, type ClassMethod, type ClassifyIndicatorOptions } from './classify-indicator.ts';
export { fitMapProjection, niceScaleDenominator, type FittedProjection, type PageProjectionKind, type Rect } from './fit-map-projection.ts';
export { scaleBarLength, type ScaleBarLength } from './draw-scale-bar.ts';
export { legendRows, type LegendRow } from './draw-legend.ts';
export { pageLayout, type Orientation, type Paper, type PageLayout } from './page-layout.ts';
export { pagePixels, pageToSvg, type PageToSvgOptions, type SvgFontFace } from './page-to-svg.ts';
export { drawPagesOnPdfkit, pdfDocumentOptions, type PdfFonts, type PdfkitDocumentLike } from './draw-on-pdfkit.ts';
export { contextLayers } from './compose-map-page.ts';
export { formatPageDate, pageText, type PageLang } from './page-strings.ts';
export { textWidth } from './text-width.ts';
