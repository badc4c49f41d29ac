import { UserError } from '../user-error.ts';

/** Dutch weekday names, index 0 = Sunday (as Date.getUTCDay). */
export const WEEKDAY_NL = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'] as const;
const EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NL_SHORT = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];

/**
 * Weekdays from text such as "vr", "vr,za", "friday", "fri,sat", "ma-vr" (a range); Dutch or English,
 * full or short names. Returns day numbers 0 = Sunday … 6 = Saturday, sorted.
 *
 * @example
 * parseWeekdays('vr,za'); // [5, 6]
 */
export function parseWeekdays(text: string): number[] {
  const day = (word: string) => {
    const w = word.trim().toLowerCase();
    const i = [...WEEKDAY_NL.map((d, k) => [d, k] as const), ...EN.map((d, k) => [d, k] as const)].find(([d]) => w.length >= 2 && d.startsWith(w))?.[1] ?? NL_SHORT.indexOf(w);
    if (i === undefined || i < 0) throw new UserError(`--weekday: expected day names such as ma, di, wo, do, vr, za, zo (or mon … sun), found "${word}".`);
    return i;
  };
  const out = new Set<number>();
  for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
    const range = part.split('-');
    if (range.length === 2) {
      let a = day(range[0]);
      const b = day(range[1]);
      out.add(a);
      while (a !== b) {
        a = (a + 1) % 7;
        out.add(a);
      }
    } else out.add(day(part));
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Hours from "18-22" (18:00 to 22:00) or "22-2" (past midnight): incidents at hour h with
 * from ≤ h < to, or h ≥ from or h < to when wrapping.
 *
 * @example
 * parseHours('18-22'); // { from: 18, to: 22 }
 */
export function parseHours(text: string): { from: number; to: number } {
  const m = /^\s*(\d{1,2})(?::00)?\s*[-–]\s*(\d{1,2})(?::00)?\s*$/.exec(text);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2]) : NaN;
  if (!m || from > 23 || to > 24 || from === to % 24) throw new UserError(`--hours: expected a range of whole hours such as 18-22 or 22-2, found "${text}".`);
  return { from, to: to % 24 };
}
