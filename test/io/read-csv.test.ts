import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/read-csv.ts';
import { expectUserError, fixtureBytes } from './fixtures.ts';

const read = (name: string, options: Parameters<typeof readCsv>[1] = {}) => readCsv(fixtureBytes(name), { file: name, ...options });

describe('readCsv', () => {
  it('csv-semicolon-decimal-comma: detects ";" and keeps values as strings', () => {
    const t = read('csv-semicolon-decimal-comma.csv');
    expect(t.separator).toBe(';');
    expect(t.header).toEqual(['id', 'naam', 'x', 'y', 'datum']);
    expect(t.rows[0]).toEqual({ id: '1', naam: 'Hamerstraat', x: '158650,5', y: '189990,25', datum: '03/05/2021 14:30' });
    expect(t.rowNumbers).toEqual([2, 3]);
  });

  it('csv-comma-decimal-point: detects "," with a quoted comma inside a value', () => {
    const t = read('csv-comma-decimal-point.csv');
    expect(t.separator).toBe(',');
    expect(t.rows[0].name).toBe('Hamerstraat, Mechelen');
  });

  it('csv-latin1 and csv-utf8-bom: é (and €) come out right in both encodings', () => {
    const latin1 = read('csv-latin1.csv');
    expect(latin1.encoding).toBe('windows-1252');
    expect(latin1.rows.map((r) => r.naam)).toEqual(['Café De Smis', 'Station €']);
    const bom = read('csv-utf8-bom.csv');
    expect(bom.encoding).toBe('utf-8 (BOM)');
    expect(bom.header[0]).toBe('id'); // no BOM glued to the first column name
    expect(bom.rows[0].naam).toBe('Café De Smis');
    expect(readCsv(new TextEncoder().encode('id;naam\n1;Café\n')).encoding).toBe('utf-8');
  });

  it('csv-utf16-tab: Excel "Unicode text" (UTF-16LE with BOM, tab-separated)', () => {
    const t = read('csv-utf16-tab.txt');
    expect(t.encoding).toBe('utf-16le');
    expect(t.separator).toBe('\t');
    expect(t.rows[0]).toEqual({ id: '1', naam: 'Café', x: '158650', y: '189990' });
  });

  it('csv-quoted-newline: a quoted field with separator, quotes and a line break is one row', () => {
    const t = read('csv-quoted-newline.csv');
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0].omschrijving).toBe('Fiets gestolen;\nslot "geknipt"');
    expect(t.rowNumbers).toEqual([2, 3]); // as a spreadsheet shows them
  });

  it('skips blank lines but keeps spreadsheet row numbers', () => {
    const t = read('csv-bad-coordinates.csv');
    expect(t.rows.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(t.rowNumbers).toEqual([2, 3, 5, 6, 7]);
  });

  it('honours an Excel sep= line, a forced separator, and tab files', () => {
    const t = read('csv-sep-line.csv');
    expect(t.header).toEqual(['id', 'x', 'y']);
    expect(t.rowNumbers).toEqual([2]);
    expect(read('csv-tab.tsv').separator).toBe('\t');
    expect(readCsv('a,b;c\n1,2;3\n', { separator: ',' }).header).toEqual(['a', 'b;c']);
  });

  it('ignores empty trailing separators', () => {
    const t = read('csv-trailing-separators.csv');
    expect(t.header).toEqual(['id', 'x', 'y']);
    expect(t.rows[0]).toEqual({ id: '1', x: '158650', y: '189990' });
  });

  it('names empty header cells after their column letter and pads short rows', () => {
    const t = readCsv('a;;c\n1;2\n');
    expect(t.header).toEqual(['a', 'column_B', 'c']);
    expect(t.rows[0]).toEqual({ a: '1', column_B: '2', c: '' });
  });

  it('rejects structural problems with a one-line UserError naming file and row', async () => {
    await expectUserError(() => read('csv-extra-field.csv'), ['csv-extra-field.csv, row 3', 'expected 3 fields', 'found 4', 'separator ","']);
    await expectUserError(() => read('csv-duplicate-column.csv'), ['csv-duplicate-column.csv, row 1', '"x" in columns B and D']);
    await expectUserError(() => read('csv-unclosed-quote.csv'), ['csv-unclosed-quote.csv, row 3', 'closing quote is missing']);
    await expectUserError(() => readCsv('\n\n', { file: 'leeg.csv' }), ['leeg.csv', 'empty file']);
  });

  it('handles \\r line endings and a last line without newline', () => {
    const t = readCsv('a;b\r1;2\r3;4');
    expect(t.rows).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });
});
