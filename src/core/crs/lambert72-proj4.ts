/**
 * EPSG:31370 (BD72 / Belgian Lambert 72) as a proj4 string, with the datum shift of EPSG
 * transformation 15929 "BD72 to WGS 84 (3)" (NGI, 7 parameters). The one pinned definition: the io
 * layer's CRS table (src/io/parse-crs.ts, which documents its sources and tests) and the browser's
 * route planner both use this constant.
 */
export const LAMBERT72_PROJ4 =
  '+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 +x_0=150000.013 +y_0=5400088.438 +ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs';
