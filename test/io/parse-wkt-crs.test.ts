import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { describeCrsGuess, guessCrsFromBbox } from '../../src/io/guess-crs.ts';
import { parseCrs } from '../../src/io/parse-crs.ts';
import { parseWktTree, wktToCrs } from '../../src/io/parse-wkt-crs.ts';
import { LAMBERT72_ESRI_PRJ } from '../fixtures/io/make-format-fixtures.ts';
import { expectUserError } from './fixtures.ts';

const OGC_LAMBERT72 =
  'PROJCS["BD72 / Belgian Lambert 72",GEOGCS["BD72",DATUM["Reseau_National_Belge_1972",SPHEROID["International 1924",6378388,297],TOWGS84[-106.869,52.2978,-103.724,0.3366,-0.457,1.8422,-1.2747]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["latitude_of_origin",90],PARAMETER["central_meridian",4.36748666666667],PARAMETER["standard_parallel_1",51.1666672333333],PARAMETER["standard_parallel_2",49.8333339],PARAMETER["false_easting",150000.013],PARAMETER["false_northing",5400088.438],UNIT["metre",1],AXIS["Easting",EAST],AXIS["Northing",NORTH]]';
const ESRI_LAMBERT2008 =
  'PROJCS["Belge_Lambert_2008",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",649328.0],PARAMETER["False_Northing",665262.0],PARAMETER["Central_Meridian",4.359215833333333],PARAMETER["Standard_Parallel_1",49.83333333333334],PARAMETER["Standard_Parallel_2",51.16666666666666],PARAMETER["Latitude_Of_Origin",50.797815],UNIT["Meter",1.0]]';
const UTM31 = 'PROJCS["WGS_1984_UTM_Zone_31N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ETRS_UTM31 = UTM31.replace('WGS_1984_UTM_Zone_31N', 'ETRS_1989_UTM_Zone_31N').replace(/GEOGCS\[.*?\]\],PRIMEM/, 'GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM');
const WEB_MERCATOR = 'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';
const WGS84 = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const AZ_FEET =
  'PROJCS["NAD_1983_StatePlane_Arizona_Central_FIPS_0202_Feet",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",699998.6],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-111.9166666666667],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",31.0],UNIT["Foot_US",0.3048006096012192]]';

describe('wktToCrs (.prj contents)', () => {
  it('recognises the pinned CRSs in ESRI and OGC WKT by their parameters', () => {
    expect(wktToCrs(LAMBERT72_ESRI_PRJ).crs).toBe('EPSG:31370');
    expect(wktToCrs(OGC_LAMBERT72).crs).toBe('EPSG:31370');
    expect(wktToCrs(ESRI_LAMBERT2008).crs).toBe('EPSG:3812');
    expect(wktToCrs(UTM31).crs).toBe('EPSG:32631');
    expect(wktToCrs(ETRS_UTM31).crs).toBe('EPSG:25831');
    expect(wktToCrs(WEB_MERCATOR).crs).toBe('EPSG:3857');
    expect(wktToCrs(WGS84).crs).toBe('EPSG:4326');
    expect(wktToCrs(`${OGC_LAMBERT72.slice(0, -1)},AUTHORITY["EPSG","31370"]]`).how).toBe('AUTHORITY["EPSG","31370"]');
  });

  it('builds a proj4 definition for other CRSs: US-feet State Plane lands where NAD83 says (Phoenix)', () => {
    const { crs, warnings } = wktToCrs(AZ_FEET);
    expect(crs).toContain('+proj=tmerc');
    expect(crs).toContain('+to_meter=0.3048006096012192');
    expect(warnings[0]).toContain('D_North_American_1983 taken as WGS 84');
    // Arizona Central origin: lat 31°, lon -111.9167 at x = 699998.6 ft, y = 0
    const [lon, lat] = proj4(crs, 'WGS84', [699998.6, 0]);
    expect(lon).toBeCloseTo(-111.9166667, 6);
    expect(lat).toBeCloseTo(31, 6);
    expect(parseCrs(AZ_FEET).id).toBe(crs);
  });

  it('a .prj of Lambert 72 that proj4 alone would shift with another 7-parameter set is pinned to EPSG:15929', () => {
    // proj4js's own WKT reading applies its built-in "Belge 1972" shift; we do not let it.
    expect(parseCrs(LAMBERT72_ESRI_PRJ).proj4).toBe(parseCrs('EPSG:31370').proj4);
  });

  it('refuses what it cannot do safely, in one line with what to do', async () => {
    await expectUserError(() => wktToCrs('PROJCS["x",GEOGCS["ED50",DATUM["European_Datum_1950",SPHEROID["International 1924",6378388,297]]],PROJECTION["Transverse_Mercator"]]'), ['datum "European_Datum_1950" has no pinned shift', '--crs']);
    await expectUserError(() => wktToCrs('PROJCS["x",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]]],PROJECTION["Krovak"]]'), ['projection "Krovak" is not supported', '--crs']);
    await expectUserError(() => wktToCrs('PROJCRS["x",BASEGEOGCRS["y"]]'), ['found WKT2 (PROJCRS)']);
    await expectUserError(() => parseWktTree('PROJCS["x",GEOGCS['), ['expected WKT coordinate system text']);
    await expectUserError(() => wktToCrs('garbage'), ['starting with PROJCS[ or GEOGCS[']);
  });
});

describe('guessCrsFromBbox', () => {
  it('tells Belgian CRSs, swapped axes and world degrees apart', () => {
    expect(guessCrsFromBbox([158000, 189000, 159000, 191000])?.crs).toBe('EPSG:31370');
    expect(guessCrsFromBbox([658000, 689000, 659000, 691000])?.crs).toBe('EPSG:3812');
    expect(guessCrsFromBbox([600000, 5650000, 610000, 5660000])?.crs).toBe('EPSG:32631');
    expect(guessCrsFromBbox([498000, 6620000, 500000, 6625000])?.crs).toBe('EPSG:3857');
    expect(guessCrsFromBbox([4.47, 51.0, 4.5, 51.03])?.crs).toBe('EPSG:4326');
    expect(guessCrsFromBbox([51.0, 4.47, 51.03, 4.5])).toMatchObject({ crs: null, what: expect.stringContaining('swapped order') });
    expect(guessCrsFromBbox([-112, 33, -111, 34])?.what).toContain('not in Belgium');
    expect(guessCrsFromBbox([1e9, 1e9, 2e9, 2e9])).toBeNull();
    expect(describeCrsGuess([158000, 189000, 159000, 191000], 'give --crs')).toBe('these numbers look like Belgian Lambert 72 metres (x≈158500, y≈190000); give --crs EPSG:31370');
  });
});
