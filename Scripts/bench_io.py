#!/usr/bin/env python3
"""Layer I/O benchmark: gmgeo convert / query against ogr2ogr and GeoPandas on the same files.

  bench_io.py GMGEO DATA_DIR WORK_DIR [RUNS]

Every tool runs RUNS times after one warm-up; medians are compared. gmgeo and ogr2ogr are
timed as whole processes; GeoPandas is timed in-process after its imports (which cost it
another second or so per script), so the ratios favour GeoPandas.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import median_times  # noqa: E402

gmgeo, data, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
os.makedirs(work, exist_ok=True)




def run(args):
    return lambda: subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fresh(path):
    for p in [path]:
        if os.path.exists(p):
            os.remove(p)
    return path


import geopandas as gpd  # noqa: E402
import pandas as pd  # noqa: E402

roads = f"{data}/roads.geojson"
points = f"{data}/points.csv"
districts = f"{data}/districts.geojson"


def gpd_convert():
    gpd.read_file(roads, engine="pyogrio").to_file(fresh(f"{work}/roads_gpd.gpkg"), driver="GPKG", engine="pyogrio")


def gpd_query():
    df = pd.read_csv(points)
    pts = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.x, df.y), crs="EPSG:4547")
    zones = gpd.read_file(districts, engine="pyogrio")
    hits = gpd.sjoin(pts, zones[["geometry"]], predicate="dwithin", distance=100)
    sel = pts.loc[hits.index.unique()]
    out = pd.DataFrame({"WKT": sel.geometry.to_wkt()})
    out.to_csv(fresh(f"{work}/q_gpd.csv"), index=False)
    return len(sel)


rows = []
t_g, t_o, t_p = median_times([lambda: run([gmgeo, "convert", roads, fresh(f"{work}/roads_gmgeo.gpkg")])(),
                               lambda: run(["ogr2ogr", "-f", "GPKG", fresh(f"{work}/roads_ogr.gpkg"), roads])(),
                               gpd_convert], runs)
rows.append(("convert roads.geojson (20,045 lines) -> GeoPackage", t_g, t_o, t_p))


def gpd_to_geojson():
    gpd.read_file(roads, engine="pyogrio").to_crs(4326).to_file(fresh(f"{work}/roads_gpd.geojson"), driver="GeoJSON", engine="pyogrio")


t_g, t_o, t_p = median_times([lambda: run([gmgeo, "convert", roads, fresh(f"{work}/roads_gmgeo.geojson")])(),
                               lambda: run(["ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:4326", "-lco", "RFC7946=YES",
                                            fresh(f"{work}/roads_ogr.geojson"), roads])(),
                               gpd_to_geojson], runs)
rows.append(("convert roads.geojson (EPSG:4547) -> RFC 7946 GeoJSON (EPSG:4326)", t_g, t_o, t_p))

t_g, t_p = median_times([lambda: run([gmgeo, "query", points, "--crs", "EPSG:4547", "--within-distance", "100", "--of", districts,
                                      "-o", fresh(f"{work}/q_gmgeo.csv")])(),
                          gpd_query], runs)
rows.append(("query 1,000,000 points within 100 m of 11 districts -> CSV", t_g, None, t_p))

n_g = sum(1 for _ in open(f"{work}/q_gmgeo.csv")) - 1
n_p = gpd_query()
print("| task | gmgeo s | ogr2ogr s | GeoPandas s | ogr2ogr / gmgeo | GeoPandas / gmgeo |")
print("|---|---|---|---|---|---|")
for name, g, o, p in rows:
    print(f"| {name} | {g:.3f} | {'' if o is None else f'{o:.3f}'} | {p:.3f} | {'' if o is None else f'{o / g:.2f}x'} | {p / g:.2f}x |")
print(f"\nquery agreement: gmgeo {n_g} points, GeoPandas {n_p} points: {'same' if n_g == n_p else 'DIFFERENT'}")
sys.exit(0 if n_g == n_p else 1)
