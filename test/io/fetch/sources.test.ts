/**
 * Each online source against recorded responses served from a local HTTP server (the machine has no
 * internet): the request the fetcher sends, what it keeps, and its errors for malformed answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchGrb, GRB_WFS_URL } from '../../../src/io/fetch/fetch-grb.ts';
import { checkOverpassJson, fetchOverpass, overpassQuery } from '../../../src/io/fetch/fetch-overpass.ts';
import { fetchStatbelSectors, statbelSectorsUrl } from '../../../src/io/fetch/fetch-statbel-sectors.ts';
import { bboxInCrs, parseBBox } from '../../../src/io/fetch/study-bbox.ts';
import { fetchedGeojson } from '../../../src/io/fetch/write-fetched-geojson.ts';
import { readGeojson } from '../../../src/io/read-geojson.ts';
import { expectUserError } from '../fixtures.ts';
import { startServer, type TestServer } from '../helpers/recorded-server.ts';

const recorded = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/recorded/${name}`, import.meta.url)));
const REAL_OVERPASS = fileURLToPath(new URL('../../../../shared/realdata/mechelen/overpass-bars-2026.json', import.meta.url));
const ARSENAAL = parseBBox('4.47,51.01,4.49,51.03');
const quick = { sleep: async () => {}, cacheDir: null, retries: 2 };

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('OpenStreetMap via Overpass', () => {
  it('asks for streets incl. footways, railways, buildings, green, trees in the box (south,west,north,east)', () => {
    const q = overpassQuery(ARSENAAL, 180);
    expect(q).toContain('[out:json][timeout:180][bbox:51.01,4.47,51.03,4.49];');
    for (const part of ['way["highway"]', 'way["railway"]', 'way["building"]', 'way["landuse"]', 'way["leisure"]', 'way["natural"]', 'node["natural"="tree"]', '(._;>;);']) expect(q).toContain(part);
  });

  it('POSTs the query and keeps the recorded answer as received', async () => {
    const body = recorded('overpass-small.json');
    server = await startServer(() => ({ body }));
    const r = await fetchOverpass(ARSENAAL, { source: 'osm', endpoint: `${server.url}/api/interpreter`, ...quick });
    expect(r.counts).toEqual({ node: 12, way: 4 });
    expect(r.osmBase).toBe('2026-04-10T08:58:46Z');
    expect(Buffer.from(r.body).equals(body)).toBe(true);
    const sent = server.requests[0];
    expect([sent.method, sent.url]).toEqual(['POST', '/api/interpreter']);
    expect(decodeURIComponent(sent.body.replace(/^data=/, ''))).toBe(r.query);
  });

  it.skipIf(!existsSync(REAL_OVERPASS))('accepts the real Overpass answer of ../shared/realdata (bars in Mechelen)', async () => {
    server = await startServer(() => ({ body: readFileSync(REAL_OVERPASS) }));
    const r = await fetchOverpass(ARSENAAL, { source: 'osm', endpoint: `${server.url}/api/interpreter`, ...quick });
    expect(r.counts.node! + (r.counts.way ?? 0)).toBe(92);
  });
  if (!existsSync(REAL_OVERPASS)) console.warn(`skipped the real Overpass answer: ${REAL_OVERPASS} is absent (../shared not mounted)`);

  it('retries an overloaded server (429 with Retry-After, then 504) and then succeeds', async () => {
    const body = recorded('overpass-small.json');
    server = await startServer((r) => (r.n === 1 ? { status: 429, headers: { 'retry-after': '2' }, body: 'rate_limited' } : r.n === 2 ? { status: 504, body: '<html>Gateway Timeout</html>' } : { body }));
    const waits: number[] = [];
    const r = await fetchOverpass(ARSENAAL, { source: 'osm', endpoint: server.url, cacheDir: null, sleep: async (ms) => void waits.push(ms) });
    expect([r.attempts, waits[0], waits.length]).toEqual([3, 2000, 2]);
  });

  it('refuses malformed answers: HTML, JSON without elements, and partial data after a runtime error', async () => {
    const answers = ['<?xml version="1.0"?><html><body>The server is probably too busy</body></html>', '{"version":0.6,"nodes":[]}', recorded('overpass-runtime-error.json'), '{"elements":[{"type":"area","id":1}]}'];
    server = await startServer((r) => ({ body: answers[r.n - 1] }));
    const opts = { source: 'osm', endpoint: server.url, ...quick };
    await expectUserError(() => fetchOverpass(ARSENAAL, opts), ['osm:', 'expected Overpass JSON', 'HTML/XML', 'too busy']);
    await expectUserError(() => fetchOverpass(ARSENAAL, opts), ['osm:', '"elements" array', 'version, nodes']);
    await expectUserError(() => fetchOverpass(ARSENAAL, opts), ['osm:', 'runtime error: Query timed out', 'partial data (1 elements)']);
    await expectUserError(() => fetchOverpass(ARSENAAL, opts), ['element 1', '"area"']);
    expect(() => checkOverpassJson(new Uint8Array(), 'osm')).toThrow(/an empty answer/);
  });
});

describe('Statbel statistical sectors', () => {
  it('documents the real download URL', () => {
    expect(statbelSectorsUrl(2024)).toBe('https://statbel.fgov.be/sites/default/files/files/opendata/Statistische%20sectoren/sh_statbel_statistical_sectors_31370_20240101.geojson.zip');
  });

  it('unzips the GeoJSON and keeps the sectors that meet the study box', async () => {
    const zip = zipSync({ 'sh_statbel_statistical_sectors_31370_20240101.geojson': recorded('statbel-sectors-sample.geojson') });
    server = await startServer(() => ({ headers: { 'content-type': 'application/zip' }, body: zip }));
    const r = await fetchStatbelSectors(ARSENAAL, { source: 'statbel-sectors', endpoint: `${server.url}/sectors.zip`, ...quick });
    expect(r.features.map((f) => f.properties!.cd_sector)).toEqual(['12025A011', '12025A00-']);
    expect([r.total, r.crs, r.entry]).toEqual([3, 'EPSG:31370', 'sh_statbel_statistical_sectors_31370_20240101.geojson']);
    // The written file is read back as Lambert 72 by the GeoJSON reader.
    const back = readGeojson(fetchedGeojson(r.features, r.crs), { file: 'sectors.geojson' });
    expect([back.crs, back.features.length, back.problems]).toEqual(['EPSG:31370', 2, []]);
  });

  it('refuses a damaged ZIP, a ZIP without GeoJSON, an HTML page, and sectors in another CRS', async () => {
    const good = zipSync({ 'a.geojson': recorded('statbel-sectors-sample.geojson') });
    const wgs = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, features: [] });
    const answers: Array<string | Uint8Array> = [good.slice(0, 60), zipSync({ 'readme.txt': new TextEncoder().encode('hi') }), '<!DOCTYPE html><html><title>Statbel</title></html>', zipSync({ 'x.geojson': new TextEncoder().encode(wgs) })];
    server = await startServer((r) => ({ body: answers[r.n - 1] }));
    const opts = { source: 'statbel-sectors', endpoint: server.url, ...quick };
    await expectUserError(() => fetchStatbelSectors(ARSENAAL, opts), ['statbel-sectors:', 'ZIP is damaged']);
    await expectUserError(() => fetchStatbelSectors(ARSENAAL, opts), ['no .geojson file']);
    await expectUserError(() => fetchStatbelSectors(ARSENAAL, opts), ['expected a ZIP archive', 'HTML/XML']);
    await expectUserError(() => fetchStatbelSectors(ARSENAAL, opts), ['EPSG:31370', 'CRS84']);
  });
});

describe('GRB via the Flemish WFS', () => {
  it('pages buildings (GRB:GBG) with startIndex/count until numberMatched, in Lambert 72', async () => {
    const pages = [recorded('grb-gbg-page1.json'), recorded('grb-gbg-page2.json')];
    server = await startServer((r) => ({ body: pages[r.n - 1] }));
    const r = await fetchGrb('buildings', ARSENAAL, { source: 'grb', endpoint: `${server.url}/GRB/wfs`, pageSize: 2, ...quick });
    expect(r.features.map((f) => f.properties!.OIDN)).toEqual([1418620, 1418621, 1418700]);
    expect([r.pages, r.numberMatched, r.duplicates, r.typeName]).toEqual([2, 3, 0, 'GRB:GBG']);
    const q = server.requests.map((req) => new URL(req.url, server!.url).searchParams);
    expect(q.map((p) => [p.get('startIndex'), p.get('count')])).toEqual([['0', '2'], ['2', '2']]);
    const box = bboxInCrs(ARSENAAL, 'EPSG:31370').map((v) => v.toFixed(2)).join(',');
    expect(Object.fromEntries(q[0])).toMatchObject({ service: 'WFS', version: '2.0.0', request: 'GetFeature', typeNames: 'GRB:GBG', outputFormat: 'application/json', srsName: 'EPSG:31370', bbox: `${box},EPSG:31370` });
    expect(GRB_WFS_URL).toBe('https://geo.api.vlaanderen.be/GRB/wfs');
  });

  it('fetches road segments (GRB:Wegsegment)', async () => {
    server = await startServer(() => ({ body: recorded('grb-wegsegment.json') }));
    const r = await fetchGrb('roads', ARSENAAL, { source: 'grb', endpoint: server.url, ...quick });
    expect(r.features.map((f) => f.properties!.LSTRNM)).toEqual(['Hamerstraat', null]);
    expect(new URL(server.requests[0].url, server.url).searchParams.get('typeNames')).toBe('GRB:Wegsegment');
  });

  it('retries a 500, then succeeds', async () => {
    server = await startServer((r) => (r.n === 1 ? { status: 500, body: 'java.lang.OutOfMemoryError' } : { body: recorded('grb-wegsegment.json') }));
    const r = await fetchGrb('roads', ARSENAAL, { source: 'grb', endpoint: server.url, ...quick });
    expect(r.features).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it('never writes fewer features than matched, and reports WFS exceptions and non-GeoJSON answers', async () => {
    const page1 = recorded('grb-gbg-page1.json');
    const short = JSON.stringify({ type: 'FeatureCollection', features: [], numberMatched: 3 });
    const answers: Array<string | Uint8Array> = [page1, short, recorded('grb-exception.xml'), '{"type":"Feature"}', page1, page1];
    server = await startServer((r) => ({ body: answers[r.n - 1] }));
    const opts = { source: 'grb', endpoint: server.url, pageSize: 2, ...quick };
    await expectUserError(() => fetchGrb('buildings', ARSENAAL, opts), ['matched 3', 'sent 2', 'nothing was written']);
    await expectUserError(() => fetchGrb('buildings', ARSENAAL, opts), ['grb:', 'Feature type GRB:GBX unknown']);
    await expectUserError(() => fetchGrb('buildings', ARSENAAL, opts), ['expected a GeoJSON FeatureCollection', '"Feature"']);
    const noCount = JSON.stringify({ ...JSON.parse(new TextDecoder().decode(page1)), numberMatched: undefined });
    const again = await startServer(() => ({ body: noCount }));
    await expectUserError(() => fetchGrb('buildings', ARSENAAL, { ...opts, endpoint: again.url }), ['repeats features', 'ignores startIndex']);
    await again.close();
  });
});

describe('the study box', () => {
  it('parses degrees and refuses Lambert metres, swapped axes and huge boxes', async () => {
    expect(parseBBox(' 4.47, 51.01 ,4.49,51.03')).toEqual([4.47, 51.01, 4.49, 51.03]);
    await expectUserError(() => parseBBox('157100,188870,158500,191100'), ['projected metres']);
    await expectUserError(() => parseBBox('51.01,4.47,51.03,4.49'), ['latitude first']);
    await expectUserError(() => parseBBox('4.49,51.01,4.47,51.03'), ['minLon < maxLon']);
    await expectUserError(() => parseBBox('2,49,7,52'), ['more than 2°']);
    await expectUserError(() => parseBBox('4.47,51.01,4.49'), ['four numbers']);
  });
});
