/**
 * A printable page as a flat list of drawing items, in millimetres from the top-left corner of the
 * paper. Core code composes pages (map, legend, scale bar, route sheets); writers in `src/io/page/`
 * turn one page model into SVG, PDF or PNG, so every output format draws the same thing.
 *
 * Kept deliberately small: paths (SVG path syntax in mm), text, and groups with an optional clip.
 */

export interface PageStyle {
  /** CSS colour (#rrggbb or rgb()); undefined = no fill. */
  fill?: string;
  fillOpacity?: number;
  /** CSS colour; undefined = no stroke. */
  stroke?: string;
  /** Stroke width in mm. */
  strokeWidth?: number;
  strokeOpacity?: number;
  /** Dash pattern in mm. */
  dash?: number[];
  lineJoin?: 'miter' | 'round' | 'bevel';
  lineCap?: 'butt' | 'round' | 'square';
}

export interface PagePath extends PageStyle {
  kind: 'path';
  /** SVG path data (M, L, H, V, C, Z, absolute commands only), coordinates in mm. */
  d: string;
  /** Fill rule for rings with holes. */
  fillRule?: 'nonzero' | 'evenodd';
  /** Optional id for tests and SVG structure (e.g. the block_id). */
  id?: string;
}

export interface PageText {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  /** Font size in points (1 pt = 25.4/72 mm). */
  size: number;
  weight?: 'normal' | 'bold';
  italic?: boolean;
  anchor?: 'start' | 'middle' | 'end';
  /** Vertical alignment of (x, y): the text baseline (default), or the middle/top of the em box. */
  baseline?: 'alphabetic' | 'middle' | 'hanging';
  fill?: string;
  /** Rotation in degrees clockwise around (x, y). */
  rotate?: number;
  /** Halo (white outline) width in mm for labels drawn over a map. */
  halo?: number;
  id?: string;
}

export interface PageGroup {
  kind: 'group';
  items: PageItem[];
  /** Clip rectangle in mm: x, y, width, height. */
  clip?: { x: number; y: number; width: number; height: number };
  /** Semantic role, kept in SVG as a class (`map`, `legend`, `scale-bar`, `north-arrow`, …). */
  role?: string;
  opacity?: number;
}

export type PageItem = PagePath | PageText | PageGroup;

export interface Page {
  /** Paper size in mm (A4 landscape = 297 × 210). */
  width: number;
  height: number;
  items: PageItem[];
  /** Document metadata, written into PDF info / SVG <title>. */
  title?: string;
  lang?: 'nl' | 'en';
}

export const MM_PER_PT = 25.4 / 72;

export const PAPER_MM = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
} as const;
