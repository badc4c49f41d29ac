import { describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/user-error.ts';
import { readCsv } from '../../src/io/read-csv.ts';
import { rejectsFormatOf, stringifyRejects, type RejectRow } from '../../src/io/write-rejects.ts';

const rows: RejectRow[] = [
  { source: 'incidents', file: 'data/incidents.csv', record: 4, location: 'row 5', outcome: 'rejected', reason: 'invalid-coordinates', id: 'PV1', detail: 'coordinates [4.48, 51.03] are impossible; say "EPSG:4326"', properties: { straat: 'Kerk, straat', n: 1 } },
  { source: 'survey', file: 'data/survey.geojson', record: 2, location: 'feature 2', outcome: 'repaired', reason: 'closed-ring+rewound', id: null, detail: 'the geometry was repaired\nsecond line', properties: null },
];

describe('stringifyRejects', () => {
  it('writes RFC 4180 CSV that reads back to the same values', () => {
    const text = stringifyRejects(rows, 'csv');
    expect(text.split('\r\n')[0]).toBe('source,file,record,location,outcome,reason,id,detail,properties');
    const table = readCsv(text, { file: 'rejects.csv' });
    expect(table.separator).toBe(',');
    expect(table.rows[0]).toEqual({ source: 'incidents', file: 'data/incidents.csv', record: '4', location: 'row 5', outcome: 'rejected', reason: 'invalid-coordinates', id: 'PV1', detail: rows[0].detail, properties: '{"straat":"Kerk, straat","n":1}' });
    expect(table.rows[1]).toMatchObject({ id: '', properties: '', detail: 'the geometry was repaired\nsecond line' });
    expect(stringifyRejects(rows, 'csv')).toBe(text);
  });

  it('writes JSON and NDJSON with the same columns, properties as objects', () => {
    const json = JSON.parse(stringifyRejects(rows, 'json'));
    expect(json.schema_version).toBe(1);
    expect(json.records[0]).toEqual({ ...rows[0] });
    expect(Object.keys(json.records[1])).toEqual(['source', 'file', 'record', 'location', 'outcome', 'reason', 'id', 'detail', 'properties']);
    const lines = stringifyRejects(rows, 'ndjson').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).record)).toEqual([4, 2]);
    expect(stringifyRejects([], 'csv')).toBe('source,file,record,location,outcome,reason,id,detail,properties\r\n');
  });

  it('picks the format from the extension, and refuses others with a UserError', () => {
    expect(['a.csv', 'b.JSON', 'c.ndjson', 'd.jsonl'].map(rejectsFormatOf)).toEqual(['csv', 'json', 'ndjson', 'ndjson']);
    let caught: unknown;
    try {
      rejectsFormatOf('rejects.xlsx');
    } catch (err) {
      caught = err;
    }
    expect(isUserError(caught)).toBe(true);
    expect((caught as Error).message).toBe('--rejects rejects.xlsx: expected a file name ending in .csv, .json or .ndjson, found ".xlsx"; rename it');
  });
});
