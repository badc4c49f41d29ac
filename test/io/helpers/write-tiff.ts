/**
 * A small GeoTIFF writer for tests: little-endian, one image, one or more bands (planar), strips or
 * tiles, uncompressed / Deflate (fflate zlib, predictor 1) / PackBits / LZW, and the GeoTIFF tags
 * Wijkatlas reads (GeoKeys with an EPSG code, ModelPixelScale + ModelTiepoint or ModelTransformation,
 * GDAL_NODATA). geotiff.js's own writeArrayBuffer only writes uncompressed strips.
 */
import { zlibSync } from 'fflate';

export type SampleType = 'uint8' | 'uint16' | 'int16' | 'float32';

export interface WriteTiffOptions {
  width: number;
  height: number;
  /** One array of width × height values per band, row-major. */
  bands: ArrayLike<number>[];
  type?: SampleType;
  /** 1 none (default), 5 LZW, 8 Deflate, 32773 PackBits. */
  compression?: 1 | 5 | 8 | 32773;
  /** Tile size (square); omit for strips. */
  tile?: number;
  /** Rows per strip (default 2, so even small images have several strips). */
  rowsPerStrip?: number;
  /** EPSG code written as ProjectedCSTypeGeoKey (default 31370); null: no EPSG code (user-defined). */
  epsg?: number | null;
  /** Write GeographicTypeGeoKey + GTModelType 2 instead (for EPSG:4326 rasters). */
  geographic?: boolean;
  /** Upper-left corner and pixel size: written as ModelPixelScale + ModelTiepoint. */
  origin?: [number, number];
  pixelSize?: number;
  /** Write ModelTransformation (GDAL order [x0, dx, rx, y0, ry, dy]) instead of scale + tie point. */
  transform?: [number, number, number, number, number, number];
  /** GDAL_NODATA text, e.g. '255'. */
  nodata?: string;
  /** Write a plain TIFF without any georeferencing tags. */
  plain?: boolean;
  /** GTRasterTypeGeoKey: 1 PixelIsArea (default), 2 PixelIsPoint. */
  rasterType?: 1 | 2;
}

const TYPE = { uint8: { bits: 8, format: 1 }, uint16: { bits: 16, format: 1 }, int16: { bits: 16, format: 2 }, float32: { bits: 32, format: 3 } } as const;

/** Writes a GeoTIFF; returns its bytes. */
export function writeTiff(o: WriteTiffOptions): Uint8Array {
  const type = o.type ?? 'uint8';
  const { bits, format } = TYPE[type];
  const bpp = bits / 8;
  const compression = o.compression ?? 1;
  const nb = o.bands.length;

  // Chunks (strips or tiles) per band, planar configuration 2 when several bands.
  const chunks: Uint8Array[] = [];
  const encode = (values: number[]): Uint8Array => {
    const raw = new Uint8Array(values.length * bpp);
    const view = new DataView(raw.buffer);
    values.forEach((v, i) => {
      if (type === 'uint8') view.setUint8(i, v);
      else if (type === 'uint16') view.setUint16(i * 2, v, true);
      else if (type === 'int16') view.setInt16(i * 2, v, true);
      else view.setFloat32(i * 4, v, true);
    });
    if (compression === 8) return zlibSync(raw);
    if (compression === 32773) return packBits(raw);
    if (compression === 5) return lzw(raw);
    return raw;
  };
  const tile = o.tile;
  const rps = o.rowsPerStrip ?? 2;
  for (const band of o.bands) {
    if (tile) {
      for (let ty = 0; ty < o.height; ty += tile) {
        for (let tx = 0; tx < o.width; tx += tile) {
          const vals: number[] = [];
          for (let y = ty; y < ty + tile; y++) for (let x = tx; x < tx + tile; x++) vals.push(x < o.width && y < o.height ? band[y * o.width + x] : 0);
          chunks.push(encode(vals));
        }
      }
    } else {
      for (let y = 0; y < o.height; y += rps) {
        const vals: number[] = [];
        for (let yy = y; yy < Math.min(o.height, y + rps); yy++) for (let x = 0; x < o.width; x++) vals.push(band[yy * o.width + x]);
        chunks.push(encode(vals));
      }
    }
  }

  // Tags: [tag, type, values]; type 2 ASCII, 3 SHORT, 4 LONG, 12 DOUBLE.
  const tags: Array<[number, number, number[] | string]> = [
    [256, 4, [o.width]],
    [257, 4, [o.height]],
    [258, 3, Array(nb).fill(bits)],
    [259, 3, [compression]],
    [262, 3, [1]],
    [277, 3, [nb]],
    [284, 3, [nb > 1 ? 2 : 1]],
    [339, 3, Array(nb).fill(format)],
  ];
  const offsetsTag = tile ? 324 : 273;
  const countsTag = tile ? 325 : 279;
  tags.push([offsetsTag, 4, chunks.map(() => 0)], [countsTag, 4, chunks.map((c) => c.length)]);
  if (tile) tags.push([322, 3, [tile]], [323, 3, [tile]]);
  else tags.push([278, 4, [rps]]);
  if (o.plain) {
    // no georeferencing
  } else if (o.transform) {
    const [x0, dx, rx, y0, ry, dy] = o.transform;
    tags.push([34264, 12, [dx, rx, 0, x0, ry, dy, 0, y0, 0, 0, 0, 0, 0, 0, 0, 1]]);
  } else {
    const [x, y] = o.origin ?? [150000, 200000];
    const s = o.pixelSize ?? 1;
    tags.push([33550, 12, [s, s, 0]], [33922, 12, [0, 0, 0, x, y, 0]]);
  }
  const keys: number[][] = [[1024, 0, 1, o.geographic ? 2 : 1], [1025, 0, 1, o.rasterType ?? 1]];
  if (o.epsg !== null) keys.push(o.geographic ? [2048, 0, 1, o.epsg ?? 4326] : [3072, 0, 1, o.epsg ?? 31370]);
  else keys.push([3072, 0, 1, 32767]);
  if (!o.plain) tags.push([34735, 3, [1, 1, 0, keys.length, ...keys.flat()]]);
  if (o.nodata !== undefined) tags.push([42113, 2, o.nodata + '\0']);
  tags.sort((a, b) => a[0] - b[0]);

  // Layout: header, IFD, out-of-line values, chunk data.
  const size = (t: number) => (t === 2 ? 1 : t === 3 ? 2 : t === 4 ? 4 : 8);
  const ifdSize = 2 + tags.length * 12 + 4;
  let extra = 8 + ifdSize;
  const extraAt = new Map<number, number>();
  for (const [tag, t, v] of tags) {
    const len = v.length * size(t);
    if (len > 4) {
      extraAt.set(tag, extra);
      extra += len + (len % 2);
    }
  }
  let dataAt = extra;
  const offsets = chunks.map((c) => {
    const at = dataAt;
    dataAt += c.length;
    return at;
  });
  const offsetsEntry = tags.find((t) => t[0] === offsetsTag)!;
  offsetsEntry[2] = offsets;
  const out = new Uint8Array(dataAt);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  view.setUint16(8, tags.length, true);
  const put = (at: number, t: number, v: number[] | string) => {
    if (typeof v === 'string') for (let i = 0; i < v.length; i++) view.setUint8(at + i, v.charCodeAt(i));
    else
      v.forEach((n, i) => {
        if (t === 3) view.setUint16(at + i * 2, n, true);
        else if (t === 4) view.setUint32(at + i * 4, n, true);
        else view.setFloat64(at + i * 8, n, true);
      });
  };
  tags.forEach(([tag, t, v], i) => {
    const e = 10 + i * 12;
    view.setUint16(e, tag, true);
    view.setUint16(e + 2, t, true);
    view.setUint32(e + 4, v.length, true);
    const at = extraAt.get(tag);
    if (at !== undefined) {
      view.setUint32(e + 8, at, true);
      put(at, t, v);
    } else put(e + 8, t, v);
  });
  view.setUint32(10 + tags.length * 12, 0, true);
  chunks.forEach((c, i) => out.set(c, offsets[i]));
  return out;
}

/** PackBits (TIFF compression 32773): literal runs and repeat runs of up to 128 bytes. */
function packBits(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    let run = 1;
    while (i + run < data.length && run < 128 && data[i + run] === data[i]) run++;
    if (run >= 2) {
      out.push(257 - run, data[i]);
      i += run;
      continue;
    }
    const start = i;
    while (i < data.length && i - start < 128 && !(i + 1 < data.length && data[i + 1] === data[i])) i++;
    if (i === start) i++;
    out.push(i - start - 1, ...data.slice(start, i));
  }
  return new Uint8Array(out);
}

/** TIFF LZW (MSB-first codes, ClearCode 256, EOI 257, early change). */
function lzw(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let nbits = 0;
  let width = 9;
  const emit = (code: number) => {
    acc = (acc << width) | code;
    nbits += width;
    while (nbits >= 8) {
      out.push((acc >>> (nbits - 8)) & 0xff);
      nbits -= 8;
      acc &= (1 << nbits) - 1;
    }
  };
  let dict = new Map<string, number>();
  let next = 258;
  const reset = () => {
    dict = new Map();
    next = 258;
    width = 9;
  };
  emit(256);
  let w = '';
  for (const byte of data) {
    const c = String.fromCharCode(byte);
    const wc = w + c;
    if (w === '' || dict.has(wc) || wc.length === 1) {
      w = wc;
      continue;
    }
    emit(w.length === 1 ? w.charCodeAt(0) : dict.get(w)!);
    dict.set(wc, next++);
    if (next >= 1 << width) {
      if (width === 12) {
        emit(256);
        reset();
      } else width++;
    }
    w = c;
  }
  if (w !== '') emit(w.length === 1 ? w.charCodeAt(0) : dict.get(w)!);
  emit(257);
  if (nbits > 0) out.push((acc << (8 - nbits)) & 0xff);
  return new Uint8Array(out);
}
