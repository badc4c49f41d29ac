/** Write a page as SVG (the pure serialiser is src/core/page/page-to-svg.ts). */
import { writeFileSync } from 'node:fs';
import type { Page } from '../../core/page/page-model.ts';
import { pageToSvg, type PageToSvgOptions } from '../../core/page/page-to-svg.ts';

/**
 * Writes `page` to `file` as a standalone SVG document (UTF-8).
 *
 * @example
 * writePageSvg(page, 'annex-1.svg');
 */
export function writePageSvg(page: Page, file: string, options: PageToSvgOptions = {}): void {
  writeFileSync(file, pageToSvg(page, options));
}
