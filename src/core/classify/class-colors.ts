import { NO_DATA_CLASS } from './class-index.ts';
import { NO_DATA_RGB, type RGB } from './sequential-palette.ts';

/** Options of {@link classColors}. */
export interface ClassColorsOptions {
  /** Colour of no-data values. @default NO_DATA_RGB */
  noData?: RGB;
  /** Opacity (0–255) of the features that `mask` leaves out. @default 40 */
  dimAlpha?: number;
  /** 1 for features that pass the filters, 0 for the others; all pass when absent. */
  mask?: Uint8Array;
  /** Reuse this buffer (length 4 × features) instead of allocating. */
  into?: Uint8Array;
}

/**
 * The fill colour of every feature as one flat RGBA array (4 bytes per feature), ready for a deck.gl
 * accessor or a binary attribute: class colours from `palette`, grey for no data, and features outside
 * the filter mask kept in their colour but faded, so filtering never changes what a colour means.
 *
 * @param indices - class index per feature (-1 = no data), e.g. `classifyValues(…).indices`
 * @param palette - one colour per class
 * @param options - see {@link ClassColorsOptions}
 * @returns RGBA bytes, feature `i` at `4 * i`
 * @example
 * classColors(Int16Array.of(1, -1), [[0, 0, 0], [255, 0, 0]]); // Uint8Array [255, 0, 0, 255, 189, 189, 189, 255]
 */
export function classColors(indices: Int16Array, palette: readonly RGB[], options: ClassColorsOptions = {}): Uint8Array {
  const { noData = NO_DATA_RGB, dimAlpha = 40, mask, into } = options;
  const n = indices.length;
  if (mask && mask.length !== n) throw new RangeError(`classColors: expected a mask of ${n} entries (one per feature), found ${mask.length}.`);
  const out = into && into.length === n * 4 ? into : new Uint8Array(n * 4);
  for (let i = 0, o = 0; i < n; i++, o += 4) {
    const k = indices[i];
    const c = k === NO_DATA_CLASS ? noData : palette[k];
    if (!c) throw new RangeError(`classColors: class ${k} has no colour (palette has ${palette.length}).`);
    out[o] = c[0];
    out[o + 1] = c[1];
    out[o + 2] = c[2];
    out[o + 3] = mask && !mask[i] ? dimAlpha : 255;
  }
  return out;
}
