import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../scripts/cli.ts';
import type { InspectReport } from '../../scripts/inspect.ts';

const root = path.resolve(__dirname, '../..');
const fixture = (p: string) => path.join(root, 'test/fixtures/io', p);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    return { code: await runCli(args), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('wijkatlas inspect', () => {
  it('a shapefile: format, CRS and how it was found, counts, bbox in both CRSs, fields with examples, problems', async () => {
    const r = await cli(['inspect', fixture('shapefile/points.shp'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as InspectReport;
    expect(report).toMatchObject({ format: 'shapefile', records: 4, geometryTypes: { Point: 3, null: 1 } });
    expect(report.crs.id).toBe('EPSG:31370');
    expect(report.crs.how).toContain('.prj');
    expect(report.bbox.source).toEqual([158650, 189500, 159001, 190010.25]);
    expect(report.bbox.wgs84![0]).toBeCloseTo(4.49, 1);
    expect(report.fields).toEqual([
      { name: 'id', types: ['number'], filled: 4, examples: [1, 2, 3] },
      { name: 'naam', types: ['string'], filled: 4, examples: ['Café Zoniënwoud', 'Dronckaert - Coisé', 'zonder punt'] },
    ]);
    expect(report.problems).toMatchObject({ rejected: 1, byReason: { 'null-geometry': 1 }, crsHint: null });
  });

  it('text output; Lambert numbers declared as WGS 84 get a CRS hint', async () => {
    const r = await cli(['inspect', fixture('csv-lambert-as-degrees.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^format: +csv$/m);
    expect(r.out).toContain('found: default (EPSG:4326)');
    expect(r.out).toContain('the coordinates look like Belgian Lambert 72 metres');
    const ok = await cli(['inspect', fixture('csv-lambert-as-degrees.csv'), '--crs', 'EPSG:31370']);
    expect(ok.out).toMatch(/^problems: +none$/m);
  });

  it('user errors exit 1 with one line; --help', async () => {
    const none = await cli(['inspect']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('expected one input file, found none');
    const missing = await cli(['inspect', 'nope.gpkg']);
    expect(missing.code).toBe(1);
    expect(missing.err.split('\n')).toHaveLength(1);
    expect((await cli(['inspect', '--help'])).out).toContain('--layer NAME');
  });
});

const wijken = path.resolve(root, '../shared/realdata/flanders/wijken-2024.shp');
const have = existsSync(wijken);
if (!have) console.warn(`inspect-cli.test.ts: skipping the Flanders Shapefile: ${wijken} is absent`);

describe.skipIf(!have)('wijkatlas inspect on the real Flanders wijken Shapefile', () => {
  it('reports 2,730 polygons in Lambert 72 covering Flanders and Brussels', async () => {
    const report = JSON.parse((await cli(['inspect', wijken, '--json'])).out) as InspectReport;
    expect(report.records).toBe(2730);
    expect(report.geometryTypes).toEqual({ Polygon: 2683, MultiPolygon: 47 });
    const [w, s, e, n] = report.bbox.wgs84!;
    expect(w).toBeGreaterThan(2.5);
    expect(e).toBeLessThan(6);
    expect(s).toBeGreaterThan(50.6);
    expect(n).toBeLessThan(51.6);
    expect(report.problems.rejected).toBe(0);
  });
});
