import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_POINTS, DEJAVU_UNITS_PER_EM, DEJAVU_WIDTHS } from '../../../src/core/page/dejavu-widths.ts';
import { textWidth } from '../../../src/core/page/text-width.ts';
import { pageFontFiles, pageFonts, woffToSfnt } from '../../../src/io/page/page-fonts.ts';

/** The part of fontkit (a pdfkit dependency, without type declarations) these tests use. */
interface Font {
  familyName: string;
  numGlyphs: number;
  unitsPerEm: number;
  glyphForCodePoint(cp: number): { advanceWidth: number };
  hasGlyphForCodePoint(cp: number): boolean;
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): Font };
const WIDTHS_FILE = path.resolve(import.meta.dirname, '../../../src/core/page/dejavu-widths.ts');

/** Source of src/core/page/dejavu-widths.ts for the code points it lists, from the fonts. */
function widthTableSource(normal: Font, bold: Font): string {
  const chunk = (a: string[]) => {
    const out: string[] = [];
    for (let i = 0; i < a.length; i += 24) out.push('    ' + a.slice(i, i + 24).join(', ') + ',');
    return out.join('\n');
  };
  const row = (f: Font) => chunk(CODE_POINTS.map((c) => String(f.glyphForCodePoint(c).advanceWidth)));
  const head = readFileSync(WIDTHS_FILE, 'utf8').split('export const CODE_POINTS')[0];
  return `${head}export const CODE_POINTS: readonly number[] = [
${chunk(CODE_POINTS.map((c) => '0x' + c.toString(16)))}
];

/** Advance widths, same order as CODE_POINTS. */
export const DEJAVU_WIDTHS: { readonly normal: readonly number[]; readonly bold: readonly number[] } = {
  normal: [
${row(normal)}
  ],
  bold: [
${row(bold)}
  ],
};
`;
}

describe('page fonts (DejaVu Sans from @fontsource/dejavu-sans)', () => {
  it('unpacks the WOFF files to TrueType that fontkit reads with the same glyphs', () => {
    for (const f of pageFonts()) {
      const ttf = fontkit.create(f.ttf);
      const woff = fontkit.create(readFileSync(f.woffPath));
      expect(ttf.familyName).toBe('DejaVu Sans');
      expect(ttf.numGlyphs).toBe(woff.numGlyphs);
      expect(ttf.glyphForCodePoint(0x00e9).advanceWidth).toBe(woff.glyphForCodePoint(0x00e9).advanceWidth);
      expect(f.ttf.readUInt32BE(0)).toBe(0x00010000);
    }
    expect(pageFonts().map((f) => `${f.weight}/${f.style}`)).toEqual(['normal/normal', 'bold/normal', 'normal/italic']);
    expect(() => woffToSfnt(Buffer.from('not a font'))).toThrow(/WOFF/);
  });

  it('writes .ttf files for resvg', () => {
    const files = pageFontFiles();
    expect(files).toHaveLength(3);
    files.forEach((file, i) => expect(readFileSync(file).equals(pageFonts()[i].ttf)).toBe(true));
  });

  it('the width table of src/core/page matches the fonts (REGEN=1 rewrites it from the font files)', () => {
    const [normal, bold] = pageFonts().map((f) => fontkit.create(f.ttf));
    if (process.env.REGEN) writeFileSync(WIDTHS_FILE, widthTableSource(normal, bold));
    expect(normal.unitsPerEm).toBe(DEJAVU_UNITS_PER_EM);
    CODE_POINTS.forEach((cp, i) => {
      expect(normal.glyphForCodePoint(cp).advanceWidth, `U+${cp.toString(16)}`).toBe(DEJAVU_WIDTHS.normal[i]);
      expect(bold.glyphForCodePoint(cp).advanceWidth, `U+${cp.toString(16)} bold`).toBe(DEJAVU_WIDTHS.bold[i]);
      expect(normal.hasGlyphForCodePoint(cp), `U+${cp.toString(16)} in the font`).toBe(true);
    });
    // 'Legende' at 9 pt: sum of advances.
    const units = [...'Legende'].reduce((s, c) => s + normal.glyphForCodePoint(c.codePointAt(0)!).advanceWidth, 0);
    expect(textWidth('Legende', 9)).toBeCloseTo(((units / 2048) * 9 * 25.4) / 72, 6);
  });
});
