/**
 * An error caused by the user's input (a bad file, a missing field, a wrong CRS, an unknown flag).
 * The CLI prints `message` on one line, without a stack trace, and exits with status 1.
 * Anything that is not a UserError is a bug and keeps its stack.
 *
 * Messages follow one pattern: where (file, record), what was expected, what was found, what to do.
 *
 * @example
 * throw new UserError('incidents.csv, row 12: expected a number in column "x", found "abc". Fix the row or drop it.');
 */
export class UserError extends Error {
  override name = 'UserError';
  /** Short hint printed after the message, e.g. "run `wijkatlas blocks --help`". */
  hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** True for errors that should be shown to the user as one line (no stack). */
export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError || (err instanceof Error && err.name === 'UserError');
}
