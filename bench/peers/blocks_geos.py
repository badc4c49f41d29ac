"""Peer benchmark: the same street-block derivation with GEOS (via Shapely), the engine of PostGIS,
QGIS and GeoPandas: node all lines (unary_union), polygonize, keep faces inside the area, subtract
street space (buffer by half-width per highway class). Prints JSON with timings.
Usage: python3 blocks_geos.py STREETS RAIL AREA [FIELD=VALUE]"""
import json, sys, time
t0 = time.perf_counter()
from shapely.geometry import shape, mapping
from shapely.ops import unary_union, polygonize, transform
from pyproj import Transformer

L72 = "+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 +x_0=150000.013 +y_0=5400088.438 +ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs"
tr = Transformer.from_crs("EPSG:4326", L72, always_xy=True).transform
HALF = {"motorway": 12, "motorway_link": 6, "trunk": 10, "trunk_link": 6, "primary": 8, "primary_link": 5, "secondary": 7, "secondary_link": 5,
        "tertiary": 6, "tertiary_link": 4.5, "unclassified": 4.5, "residential": 4.5, "living_street": 3.5, "service": 3, "track": 2}

def load(p):
    return json.load(open(p))["features"]

streets_f, rail_f, area_f = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3])
if len(sys.argv) > 4:
    k, v = sys.argv[4].split("=", 1)
    area_f = [f for f in area_f if str(f["properties"].get(k)) == v]
t_read = time.perf_counter()
area = transform(tr, shape(area_f[0]["geometry"]))
# Same input rules as Wijkatlas (docs/blocks.md): OSM extract -> features without `highway` (tile frame) and ferries are no streets.
with_class = sum(1 for f in streets_f if f["properties"].get("highway"))
streets_f = [f for f in streets_f if f["properties"].get("route") != "ferry" and (f["properties"].get("highway") or with_class * 2 <= len(streets_f))]
streets = [(transform(tr, shape(f["geometry"])), f["properties"].get("highway")) for f in streets_f]
rail = [transform(tr, shape(f["geometry"])) for f in rail_f if f["properties"].get("type", "rail") == "rail"]
t_proj = time.perf_counter()
box = area.buffer(50).envelope
lines = [g for g, _ in streets if g.intersects(box)] + [g for g in rail if g.intersects(box)] + [area.boundary]
noded = unary_union(lines)
t_node = time.perf_counter()
faces = [f for f in polygonize(noded) if area.contains(f.representative_point())]
t_poly = time.perf_counter()
# Fair use of GEOS: buffer each line once, then per face subtract only the buffers an STRtree finds near it.
from shapely.strtree import STRtree
buffers = [g.buffer(HALF.get(h, 4), cap_style=1) for g, h in streets if g.intersects(box)] + [g.buffer(3) for g in rail if g.intersects(box)]
tree = STRtree(buffers)
blocks = []
for f in faces:
    near = [b for b in tree.query(f) if b.intersects(f)]
    blocks.append(f.difference(unary_union(near)) if near else f)
blocks = [b for b in blocks if not b.is_empty and b.area > 20]
t_diff = time.perf_counter()
print(json.dumps({"engine": "GEOS (Shapely %s)" % __import__("shapely").__version__, "faces": len(faces), "blocks": len(blocks),
                  "read_s": t_read - t0, "reproject_s": t_proj - t_read, "node_s": t_node - t_proj, "polygonize_s": t_poly - t_node,
                  "street_space_s": t_diff - t_poly, "geometry_s": t_diff - t_proj, "total_s": t_diff - t0}))
