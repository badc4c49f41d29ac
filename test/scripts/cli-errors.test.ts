import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const demo = path.join(root, 'data/arsenaal-demo');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkatlas-cli-'));

function wijkatlas(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/wijkatlas.mjs'), ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

/** A user error is exactly one line, without a stack trace, and exits with 1. */
function expectOneLineError(r: ReturnType<typeof wijkatlas>, ...mentions: (string | RegExp)[]) {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr.split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const m of mentions) expect(r.stderr).toMatch(m);
}

/** The demo config with absolute paths, optionally changed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test edits arbitrary config fields
function demoConfig(change: (cfg: Record<string, any>) => void = () => {}): string {
  const cfg = JSON.parse(readFileSync(path.join(demo, 'atlas.config.json'), 'utf8'));
  const abs = (s: { path: string }) => (s.path = path.join(demo, s.path));
  abs(cfg.area);
  abs(cfg.blocks.streets);
  abs(cfg.blocks.rail);
  for (const s of Object.values(cfg.sources)) abs(s as { path: string });
  change(cfg);
  const file = path.join(tmp, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(cfg));
  return file;
}

const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('wijkatlas CLI: user errors are one line, name the file and record, and say what to do', () => {
  it('prints help and exits 0', () => {
    const r = wijkatlas('blocks', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--area-where');
  });

  it('rejects an unknown flag', () => {
    expectOneLineError(wijkatlas('blocks', '--stretes', 'x.geojson'), /stretes/, /--help/);
  });

  it('rejects a missing required flag', () => {
    expectOneLineError(wijkatlas('blocks', '--streets', 'a.geojson'), /--rail/);
  });

  it('reports broken JSON with file, line and column', () => {
    const broken = write('broken.geojson', '{"type": "FeatureCollection",\n "features": [ {"type": "Feature",, } ]}');
    const ok = path.join(demo, 'railways.geojson');
    expectOneLineError(wijkatlas('blocks', '--streets', broken, '--rail', ok, '--area', path.join(demo, 'area.geojson'), '--out', 'o.geojson'), /broken\.geojson/, /line 2/, /column/);
  });

  it('reports a polygon with too few points, naming the record', () => {
    const area = write('area-too-few.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[4.49, 51.02], [4.5, 51.02], [4.49, 51.02]]] } }] }));
    const r = wijkatlas('blocks', '--streets', path.join(demo, 'streets.geojson'), '--rail', path.join(demo, 'railways.geojson'), '--area', area, '--out', 'o.geojson');
    expectOneLineError(r, /area-too-few\.geojson/, /feature 1\b/, /(4 positions|too few|at least)/i);
  });

  it('reports a point with NaN coordinates in a joined source, naming the record and the way out', () => {
    const csv = readFileSync(path.join(demo, 'incidents.csv'), 'utf8').split('\r\n');
    csv[3] = csv[3].replace(/;(\d+),(\d+);(\d+),(\d+);/, ';abc;$3,$4;');
    const bad = write('incidents-nan.csv', csv.join('\r\n'));
    const r = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.sources.incidents.path = bad)), '--out', path.join(tmp, 'layers'));
    expectOneLineError(r, /incidents-nan\.csv/, /(row|record) 4/, /on_invalid/);
  });

  it('with on_invalid "reject", lists the malformed record in the report instead', () => {
    const csv = readFileSync(path.join(demo, 'incidents.csv'), 'utf8').split('\r\n');
    csv[3] = csv[3].replace(/;(\d+),(\d+);(\d+),(\d+);/, ';NaN;$3,$4;');
    const bad = write('incidents-nan2.csv', csv.join('\r\n'));
    const out = path.join(tmp, 'layers-reject');
    const r = wijkatlas('build', '--quiet', '--config', demoConfig((c) => ((c.sources.incidents.path = bad), (c.on_invalid = 'reject'))), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    const inc = report.joins.find((j: { source: string }) => j.source === 'incidents');
    expect(inc.recordsIn).toBe(690);
    expect(inc.joined + inc.rejected.length).toBe(690);
    expect(inc.rejected.find((x: { index: number }) => x.index === 2)?.reason).toBe('invalid-coordinates');
  });

  it('rejects an unknown field in the config, naming it', () => {
    const r = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.sources.housing.snapp_m = 3)), '--out', path.join(tmp, 'x'));
    expectOneLineError(r, /unknown field "snapp_m"/, /sources\.housing/, /spelling/);
  });

  it('a basemap in the config reaches the manifest; a tile URL without placeholders or over http is refused', () => {
    const grb = { id: 'grb', name: 'GRB basiskaart', max_zoom: 21, attribution: 'GRB © Digitaal Vlaanderen', url: 'https://geo.api.vlaanderen.be/GRB/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=grb_bsk&STYLE=&FORMAT=image/png&TILEMATRIXSET=GoogleMapsVL&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}' };
    const out = path.join(tmp, 'basemap-layers');
    const ok = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.basemaps = [grb])), '--out', out);
    expect(ok.code, ok.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.basemaps).toEqual([{ id: 'grb', name: 'GRB basiskaart', url: grb.url, attribution: grb.attribution, maxZoom: 21 }]);
    const noXyz = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.basemaps = [{ ...grb, url: 'https://tiles.example/{z}.png' }])), '--out', path.join(tmp, 'b1'));
    expectOneLineError(noXyz, /basemaps\[0\]\.url/, /\{z\}, \{x\} and \{y\}/);
    const http = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.basemaps = [{ ...grb, url: 'http://tiles.example/{z}/{x}/{y}.png' }])), '--out', path.join(tmp, 'b2'));
    expectOneLineError(http, /expected an https:\/\/ tile URL/);
  });

  it('the patrol start must be WGS84 [longitude, latitude] in or near the area', () => {
    const lambert = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.patrol = { start: [157000, 189000] })), '--out', path.join(tmp, 'p1'));
    expectOneLineError(lambert, /field "patrol\.start"/, /look like projected metres/, /\[4\.4937, 51\.0206\]/);
    const swapped = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.patrol = { start: [51.0206, 4.4937] })), '--out', path.join(tmp, 'p2'));
    expectOneLineError(swapped, /field "patrol\.start": expected a point in or near the atlas area/, /check the order \[longitude, latitude\]/);
    const leuven = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.patrol = { start: [4.7005, 50.8798] })), '--out', path.join(tmp, 'p3'));
    expectOneLineError(leuven, /in or near the atlas area \(longitude 4\.4\d+…4\.5\d+/);
  });

  it('the patrol start label is a text or one per language; anything else is one line', () => {
    const plain = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.patrol = { start: [4.4937, 51.0206], start_label: 'het wijkhuis' })), '--out', path.join(tmp, 'l1'));
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(tmp, 'l1', 'manifest.json'), 'utf8')).patrol.startLabel).toBe('het wijkhuis');
    const wrong = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.patrol = { start: [4.4937, 51.0206], start_label: { nl: 'het wijkhuis' } })), '--out', path.join(tmp, 'l2'));
    expectOneLineError(wrong, /field "patrol\.start_label": expected a text, or \{"nl": …, "en": …\}/);
  });

  it('rejects a config that maps a field to a missing column', () => {
    const r = wijkatlas('build', '--quiet', '--config', demoConfig((c) => (c.sources.housing.fields.construction_year = 'bouwjaar_x')), '--out', path.join(tmp, 'y'));
    expectOneLineError(r, /bouwjaar_x/, /columns found/);
  });

  it('rejects an area filter that matches nothing, listing the values found', () => {
    const r = wijkatlas('blocks', '--streets', path.join(demo, 'streets.geojson'), '--rail', path.join(demo, 'railways.geojson'), '--area', path.join(demo, 'area.geojson'), '--area-where', 'naam=Arsenal', '--out', 'o.geojson');
    expectOneLineError(r, /naam = "Arsenal"/, /Arsenaal \(Mechelen\)/);
  });
});
