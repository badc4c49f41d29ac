import { describe, expect, it } from 'vitest';
import { KNOWN_CRS_IDS, parseCrs } from '../../src/io/parse-crs.ts';
import { expectUserError } from './fixtures.ts';

describe('parseCrs', () => {
  it('accepts EPSG codes in every common spelling', () => {
    const spellings = [
      'EPSG:31370',
      'epsg:31370',
      ' 31370 ',
      'urn:ogc:def:crs:EPSG::31370',
      'urn:ogc:def:crs:EPSG:6.6:31370',
      'http://www.opengis.net/def/crs/EPSG/0/31370',
      'https://www.opengis.net/def/crs/EPSG/0/31370',
    ];
    for (const s of spellings) expect(parseCrs(s).id, s).toBe('EPSG:31370');
  });

  it('maps CRS84 names to EPSG:4326 (longitude first)', () => {
    for (const s of ['urn:ogc:def:crs:OGC:1.3:CRS84', 'CRS84', 'OGC:CRS84', 'WGS84', 'http://www.opengis.net/def/crs/OGC/1.3/CRS84']) {
      const crs = parseCrs(s);
      expect(crs.id, s).toBe('EPSG:4326');
      expect(crs.geographic).toBe(true);
    }
  });

  it('knows the pinned CRSs, with Lambert 72 pinned to the EPSG:15929 datum shift', () => {
    expect(KNOWN_CRS_IDS).toEqual(['EPSG:4326', 'EPSG:31370', 'EPSG:3812', 'EPSG:3857', 'EPSG:32631', 'EPSG:25831']);
    expect(parseCrs('EPSG:31370').proj4).toContain('+towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747');
    expect(parseCrs('EPSG:3812').geographic).toBe(false);
  });

  it('accepts a proj4 string as its own id', () => {
    const crs = parseCrs('+proj=utm  +zone=32 +datum=WGS84 +units=m +no_defs');
    expect(crs.id).toBe('+proj=utm +zone=32 +datum=WGS84 +units=m +no_defs');
    expect(crs.geographic).toBe(false);
    expect(crs.plausible).toBeNull();
    expect(parseCrs('+proj=longlat +ellps=intl +no_defs').geographic).toBe(true);
  });

  it('rejects unknown codes, names and broken proj4 strings with a one-line UserError', async () => {
    await expectUserError(() => parseCrs('EPSG:28992'), ['EPSG:28992', 'proj4 string', 'epsg.io/28992']);
    await expectUserError(() => parseCrs('Lambert'), ['unknown CRS "Lambert"', 'EPSG:31370']);
    await expectUserError(() => parseCrs('+proj=nonsense +units=m'), ['invalid proj4 string']);
    await expectUserError(() => parseCrs(''), ['expected a CRS']);
  });
});
