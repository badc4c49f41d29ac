import { textWidth } from './text-width.ts';

/**
 * Break a text into lines no wider than `maxWidth` mm at `sizePt`, at spaces; a single word longer than
 * the width is cut and ends in "…". Explicit newlines are kept.
 *
 * @param text - the text
 * @param maxWidth - line width in mm
 * @param sizePt - font size in points
 * @param weight - 'normal' or 'bold'
 * @returns the lines (at least one)
 * @example
 * wrapText('Bronnen: demogegevens, synthetisch', 30, 7); // ['Bronnen:', 'demogegevens,', 'synthetisch']
 */
export function wrapText(text: string, maxWidth: number, sizePt: number, weight: 'normal' | 'bold' = 'normal'): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (textWidth(candidate, sizePt, weight) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = textWidth(word, sizePt, weight) <= maxWidth ? word : ellipsize(word, maxWidth, sizePt, weight);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The text itself when it fits in `maxWidth` mm, else its longest prefix that fits followed by "…".
 *
 * @example
 * ellipsize('Incidenten per 1.000 inwoners', 20, 9); // 'Incidenten…'
 */
export function ellipsize(text: string, maxWidth: number, sizePt: number, weight: 'normal' | 'bold' = 'normal'): string {
  if (textWidth(text, sizePt, weight) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(chars.join('') + '…', sizePt, weight) > maxWidth) chars.pop();
  return chars.join('').trimEnd() + '…';
}
