import { UserError } from '../user-error.ts';
import { DEFAULT_BLOCK_OPTIONS, DEFAULT_HIGHWAY_HALF_WIDTHS } from './block-defaults.ts';
import type { BlockOptions } from './block-types.ts';

const NON_NEGATIVE: (keyof BlockOptions)[] = [
  'snapTolerance',
  'cropMargin',
  'sliverWidth',
  'minArea',
  'minPartArea',
  'unknownHalfWidth',
  'railHalfWidth',
  'waterHalfWidth',
];

/**
 * Fills in defaults and rejects impossible values up front.
 * `highwayHalfWidths` is merged over the defaults (give only the classes you change).
 *
 * @param options - partial options
 * @returns complete options
 * @throws UserError naming the option, the value found and the expected range
 * @example
 * resolveBlockOptions({ sliverWidth: 6 }).minArea; // 150
 */
export function resolveBlockOptions(options: Partial<BlockOptions> = {}): BlockOptions {
  const merged: BlockOptions = {
    ...DEFAULT_BLOCK_OPTIONS,
    ...options,
    highwayHalfWidths: { ...DEFAULT_HIGHWAY_HALF_WIDTHS, ...(options.highwayHalfWidths ?? {}) },
  };
  for (const key of NON_NEGATIVE) {
    const v = merged[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new UserError(`blocks option ${key}: expected a number ≥ 0, found ${JSON.stringify(v)}. Fix the option or leave it out for the default.`);
    }
  }
  if (merged.arcTolerance <= 0 || !Number.isFinite(merged.arcTolerance)) {
    throw new UserError(`blocks option arcTolerance: expected a number > 0, found ${JSON.stringify(merged.arcTolerance)}.`);
  }
  if (!(merged.railLandStreetShare >= 0 && merged.railLandStreetShare <= 1)) {
    throw new UserError(`blocks option railLandStreetShare: expected a share between 0 and 1, found ${JSON.stringify(merged.railLandStreetShare)}.`);
  }
  if (merged.snapTolerance > 10) {
    throw new UserError(`blocks option snapTolerance: ${merged.snapTolerance} m would join separate streets; expected at most 10 m (default 0.5).`);
  }
  for (const [cls, w] of Object.entries(merged.highwayHalfWidths)) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new UserError(`blocks option highwayHalfWidths.${cls}: expected a number ≥ 0, found ${JSON.stringify(w)}.`);
    }
  }
  return merged;
}
