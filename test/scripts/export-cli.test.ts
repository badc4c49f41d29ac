import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../scripts/cli.ts';

const root = path.resolve(__dirname, '../..');
const fixture = path.join(root, 'test/fixtures/export/atlas');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-export-'));
const hasPoppler = spawnSync('pdfinfo', ['-v']).error === undefined;
if (!hasPoppler) console.warn('export CLI: pdfinfo/pdftotext checks skipped (install poppler-utils).');

/** Runs `wijkatlas export` in the repository root, as `npx wijkatlas export` does. */
function wijkatlas(...args: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), 'export', ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });
}

describe('npx wijkatlas export on the demo atlas (acceptance commands)', () => {
  it('PDF A4 landscape of pct_built_before_1945, 5 quantile classes', () => {
    const out = path.join(tmp, 'annex.pdf');
    const r = wijkatlas('--layer', 'blocks', '--indicator', 'pct_built_before_1945', '--classes', '5', '--method', 'quantile', '--paper', 'A4', '--orientation', 'landscape', '--format', 'pdf', '--date', '2026-11-27', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/export: 5 classes \(quantile\), scale 1:\d+, scale bar \d+ m/);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const box = /\/MediaBox \[([^\]]+)\]/.exec(pdf.toString('latin1'))![1].trim().split(/\s+/).map(Number);
    expect(box.map(Math.round)).toEqual([0, 0, 842, 595]);
    if (!hasPoppler) return;
    expect(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+1\n[\s\S]*Page size:\s+841\.89 x 595\.2\d+ pts \(A4\)/);
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Gebouwd vóór 1946');
    expect(text).toMatch(/0,0 – \d+,\d/);
    expect(text).toContain('geen gegevens / onderdrukt');
    expect(text).toMatch(/\b\d+ m\b/);
    expect(text).toContain('Demogegevens — synthetisch');
    // Same inputs and date: the same file.
    const again = path.join(tmp, 'annex-again.pdf');
    expect(wijkatlas('--layer', 'blocks', '--indicator', 'pct_built_before_1945', '--date', '2026-11-27', '--quiet', '--out', again).status).toBe(0);
    expect(readFileSync(again).equals(pdf)).toBe(true);
  });

  it('SVG and PNG at 300 dpi (3508 × 2480 px)', () => {
    const svg = path.join(tmp, 'annex.svg');
    expect(wijkatlas('--layer', 'blocks', '--indicator', 'pct_built_before_1945', '--format', 'svg', '--out', svg).status).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text).toMatch(/^<\?xml/);
    for (const role of ['map', 'legend', 'scale-bar', 'north-arrow', 'inset', 'sources', 'street-names']) expect(text).toContain(`class="${role}"`);
    expect(text).toContain('>Hamerstraat<');
    // --no-street-names leaves them out
    const bare = path.join(tmp, 'annex-bare.svg');
    expect(wijkatlas('--layer', 'blocks', '--indicator', 'pct_built_before_1945', '--no-street-names', '--format', 'svg', '--out', bare).status).toBe(0);
    expect(readFileSync(bare, 'utf8')).not.toContain('class="street-names"');
    const png = path.join(tmp, 'annex.png');
    const r = wijkatlas('--layer', 'blocks', '--indicator', 'pct_built_before_1945', '--format', 'png', '--dpi', '300', '--out', png);
    expect(r.status, r.stderr).toBe(0);
    const buf = readFileSync(png);
    expect(buf.subarray(1, 4).toString()).toBe('PNG');
    expect([buf.readUInt32BE(16), buf.readUInt32BE(20)]).toEqual([3508, 2480]);
  });

  it.skipIf(!hasPoppler)('atlas mode: one page per block of the demo in one PDF', () => {
    const out = path.join(tmp, 'atlas.pdf');
    const r = wijkatlas('--layer', 'blocks', '--indicator', 'pct_built_before_1945', '--atlas', 'blocks', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(root, 'layers/manifest.json'), 'utf8'));
    const blocks = manifest.layers.find((l: { id: string }) => l.id === 'blocks').features;
    expect(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout).toMatch(new RegExp(`Pages:\\s+${blocks}\\n`));
  });
});

describe('wijkatlas export options and errors', () => {
  it('--help prints the contract and exits 0', () => {
    const r = wijkatlas('--help');
    expect(r.status).toBe(0);
    for (const flag of ['--layer', '--indicator', '--classes', '--method', '--breaks', '--paper', '--orientation', '--format', '--dpi', '--lang', '--title', '--atlas', '--out', '--layers']) {
      expect(r.stdout).toContain(flag);
    }
  });

  it('English, A3 portrait, manual breaks, own title; SVG/PNG atlas pages get numbered files', () => {
    const svg = path.join(tmp, 'en.svg');
    const r = wijkatlas('--layers', fixture, '--indicator', 'pct_old', '--breaks', '25,50,75', '--paper', 'A3', '--orientation', 'portrait', '--lang', 'en', '--title', 'Old housing', '--date', '2026-01-02', '--out', svg);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text).toContain('width="297mm" height="420mm"');
    expect(text).toContain('>Old housing<');
    expect(text).toContain('Classes: fixed breaks (4)');
    expect(text).toContain('Created: 02/01/2026');
    const atlas = path.join(tmp, 'page.svg');
    expect(wijkatlas('--layers', fixture, '--indicator', 'pct_old', '--atlas', 'blocks', '--out', atlas).status).toBe(0);
    for (let i = 1; i <= 6; i++) expect(existsSync(path.join(tmp, `page-00${i}.svg`))).toBe(true);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['no --out', ['--layers', fixture, '--indicator', 'pct_old'], /missing --out/],
    ['unknown layer', ['--layers', fixture, '--layer', 'wijken', '--out', 'x.pdf'], /expected --layer to be a layer of the manifest .* found "wijken"/],
    ['text field as indicator', ['--layers', fixture, '--indicator', 'block_id', '--out', 'x.pdf'], /numeric fields, found "block_id"/],
    ['bad method', ['--layers', fixture, '--method', 'natural', '--out', 'x.pdf'], /--method: expected one of quantile, equal, jenks, manual, found "natural"/],
    ['manual without breaks', ['--layers', fixture, '--method', 'manual', '--out', 'x.pdf'], /--breaks/],
    ['breaks not ascending', ['--layers', fixture, '--breaks', '50,25', '--out', 'x.pdf'], /strictly ascending/],
    ['breaks not numbers', ['--layers', fixture, '--breaks', '10,abc', '--out', 'x.pdf'], /--breaks: expected numbers/],
    ['too many classes', ['--layers', fixture, '--classes', '12', '--out', 'x.pdf'], /--classes: expected 1 to 9/],
    ['dpi for a PDF', ['--layers', fixture, '--dpi', '300', '--out', 'x.pdf'], /--dpi applies to PNG only/],
    ['unknown extension', ['--layers', fixture, '--out', 'x.docx'], /expected a \.pdf, \.svg or \.png file/],
    ['missing layers dir', ['--layers', path.join(tmp, 'nowhere'), '--out', 'x.pdf'], /manifest not found/],
    ['bad date', ['--layers', fixture, '--date', '27/11/2026', '--out', 'x.pdf'], /--date: expected a date as YYYY-MM-DD/],
    ['unknown flag', ['--layers', fixture, '--colour', 'red', '--out', 'x.pdf'], /Unknown option '--colour'/],
  ];
  for (const [name, args, message] of bad) {
    it(`${name}: one line on stderr, exit 1`, async () => {
      const lines: string[] = [];
      const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
      try {
        expect(await runCli(['export', ...args])).toBe(1);
      } finally {
        spy.mockRestore();
      }
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^wijkatlas export: error: /);
      expect(lines[0]).toMatch(message);
      expect(lines[0]).not.toContain('\n');
    });
  }
});
