import { UserError } from '../core/user-error.ts';

/**
 * Runs `fn` and prefixes any UserError it throws with the file name, so a message from a shared
 * parser (CRS, numbers) still says which file it is about. Other errors pass through unchanged.
 *
 * @example
 * const crs = withFile(() => parseCrs(declared), 'incidents.csv');
 */
export function withFile<T>(fn: () => T, file: string): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`${file}: ${err.message}`, err.hint);
    throw err;
  }
}
