#!/usr/bin/env python3
"""The reference for Scripts/bench-hotspots.sh: gmgeo hotspots' pipeline written the way a
GIS analyst would with pandas, GeoPandas, libpysal and esda, on the same export:
read the CSV, GCJ-02 -> WGS 84 (fixed-point inverse, as gmgeo) -> EPSG:4547, flag reports
outside the district, merge duplicates (same rule as gmgeo: one category, within D m of the
case's first report and H hours of its last), place cases (sjoin to streets, upgrade
districts, control zones; sjoin_nearest to roads), count them on the same clipped hexagons
(slivers under half a hexagon joined to their neighbour with the most area), Gi* with
esda.G_Local(star=True, transform="B") on a libpysal DistanceBand, esda.fdr, and the tables.
Run like-for-like with `gmgeo hotspots --counts raw --fdr bh`.

Usage: bench_hotspots_pysal.py REPORTS.csv DATA_FOLDER OUT.json
Prints a JSON line: seconds per step, total, peak memory (MB), and each cell's z.
"""
import json
import math
import resource
import sys
import time
import warnings

import numpy as np
import pandas as pd
import geopandas as gpd
import shapely
from pyproj import Transformer
from libpysal.weights import DistanceBand
import esda

warnings.filterwarnings("ignore")
CELL, BAND, DUP_M, DUP_H = 250.0, 500.0, 50.0, 72.0


def gcj_offset(lon, lat):
    a, ee = 6378245.0, 0.00669342162296594323
    x, y = lon - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    dlat += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlat += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    dlat += (160.0 * np.sin(y / 12.0 * np.pi) + 320 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    dlon += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlon += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    dlon += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    radlat = lat / 180.0 * np.pi
    magic = 1 - ee * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((a * (1 - ee)) / (magic * sqrtmagic) * np.pi)
    dlon = (dlon * 180.0) / (a / sqrtmagic * np.cos(radlat) * np.pi)
    return dlon, dlat


def gcj_to_wgs(lon, lat):
    wlon, wlat = lon.copy(), lat.copy()
    for _ in range(30):
        dlon, dlat = gcj_offset(wlon, wlat)
        slon, slat = lon - (wlon + dlon), lat - (wlat + dlat)
        wlon += slon
        wlat += slat
        if np.max(np.abs(slon)) < 1e-10 and np.max(np.abs(slat)) < 1e-10:
            break
    return wlon, wlat


def dedupe(t, cat, x, y):
    """Greedy merge in time order, with buckets of DUP_M m per category: a report joins the
    earliest opened case within reach."""
    order = np.lexsort((np.arange(len(t)), t))
    window = int(round(DUP_H * 3600))
    buckets, first_x, first_y, last_t, count, ids = {}, [], [], [], [], []
    for i in order:
        ti, ci, xi, yi = t[i], cat[i], x[i], y[i]
        gx, gy = math.floor(xi / DUP_M), math.floor(yi / DUP_M)
        joined = -1
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                key = (ci, gx + dx, gy + dy)
                open_ = buckets.get(key)
                if not open_:
                    continue
                open_ = [c for c in open_ if ti - last_t[c] <= window]
                buckets[key] = open_
                for c in open_:
                    if (joined < 0 or c < joined) and (first_x[c] - xi) ** 2 + (first_y[c] - yi) ** 2 <= DUP_M * DUP_M:
                        joined = c
        if joined >= 0:
            last_t[joined] = ti
            count[joined] += 1
        else:
            buckets.setdefault((ci, gx, gy), []).append(len(first_x))
            first_x.append(xi); first_y.append(yi); last_t.append(ti); count.append(1); ids.append(i)
    return np.array(ids), np.array(first_x), np.array(first_y), np.array(count)


def hex_cell(x, y, ox, oy, spacing):
    r_ = spacing / math.sqrt(3)
    px, py = x - ox, y - oy
    fq = (math.sqrt(3) / 3 * px - py / 3) / r_
    fr = (2.0 / 3 * py) / r_
    fs = -fq - fr
    q, r, s = np.round(fq), np.round(fr), np.round(fs)
    dq, dr, ds = np.abs(q - fq), np.abs(r - fr), np.abs(s - fs)
    q = np.where((dq > dr) & (dq > ds), -r - s, q)
    r = np.where(~((dq > dr) & (dq > ds)) & (dr > ds), -q - s, r)
    return q.astype(int), r.astype(int)


def main():
    path, data, out = sys.argv[1], sys.argv[2], sys.argv[3]
    steps, t0 = {}, time.perf_counter()

    def step(name, start):
        steps[name] = round(time.perf_counter() - start, 3)
        return time.perf_counter()

    s = time.perf_counter()
    df = pd.read_csv(path, dtype={"id": str, "category": str})
    df = df.dropna(subset=["lon", "lat", "time", "category"])
    df = df[pd.to_numeric(df["lon"], errors="coerce").notna() & pd.to_numeric(df["lat"], errors="coerce").notna()]
    tt = pd.to_datetime(df["time"], errors="coerce", utc=True, format="ISO8601")
    df = df[tt.notna()]
    # Seconds since 1970 whatever unit pandas keeps the times in (ns or us).
    times = ((tt[tt.notna()] - pd.Timestamp("1970-01-01", tz="UTC")) // pd.Timedelta("1s")).to_numpy()
    lon, lat = gcj_to_wgs(df["lon"].astype(float).to_numpy(), df["lat"].astype(float).to_numpy())
    x, y = Transformer.from_crs("EPSG:4326", "EPSG:4547", always_xy=True).transform(lon, lat)
    cats = df["category"].to_numpy()
    s = step("read", s)

    boundary = gpd.read_file(f"{data}/boundary.geojson").to_crs(4547)
    district = boundary[boundary["class"] == "district"].geometry.union_all()
    streets = boundary[boundary["class"] == "street"][["name_zh", "geometry"]]
    inside = shapely.contains_xy(district, x, y)
    codes, uniques = pd.factorize(cats)
    ids, cx, cy, counts = dedupe(times[inside], codes[inside], x[inside], y[inside])
    s = step("clean", s)

    pts = gpd.GeoDataFrame({"case": np.arange(len(cx))}, geometry=gpd.points_from_xy(cx, cy), crs=4547)
    ups = gpd.read_file(f"{data}/upgrade-districts.geojson").to_crs(4547)[["name_zh", "geometry"]]
    zones = gpd.read_file(f"{data}/control-zones.geojson").to_crs(4547)[["name_zh", "geometry"]]
    roads = gpd.read_file(f"{data}/roads.geojson").to_crs(4547)[["name_zh", "geometry"]]
    st = gpd.sjoin(pts, streets, predicate="within", how="left").groupby("case").first()
    up = gpd.sjoin(pts, ups, predicate="within", how="left").groupby("case").first()
    zn = gpd.sjoin(pts, zones, predicate="within", how="inner").groupby("case")["name_zh"].agg(";".join)
    near = gpd.sjoin_nearest(pts, roads, distance_col="road_m").groupby("case").first()
    s = step("place", s)

    minx, miny, maxx, maxy = district.bounds
    spacing, r_ = CELL, CELL / math.sqrt(3)
    full = 3 * math.sqrt(3) / 2 * r_ * r_
    keys, shapes = [], []
    qlow, rlow = hex_cell(np.array([minx]), np.array([miny]), minx, miny, spacing)
    qhigh, rhigh = hex_cell(np.array([maxx]), np.array([maxy]), minx, miny, spacing)
    for r in range(rlow[0] - 1, rhigh[0] + 2):
        first = math.floor(0 / spacing - r / 2) - 1
        last = math.ceil((maxx - minx) / spacing - r / 2) + 1
        for q in range(first, last + 1):
            cxh = minx + r_ * math.sqrt(3) * (q + r / 2)
            cyh = miny + r_ * 1.5 * r
            corners = [(cxh + r_ * math.cos(math.radians(60 * k - 30)), cyh + r_ * math.sin(math.radians(60 * k - 30))) for k in range(7)]
            keys.append((q, r)); shapes.append(shapely.Polygon(corners))
    grid = gpd.GeoDataFrame({"q": [k[0] for k in keys], "r": [k[1] for k in keys]}, geometry=shapes, crs=4547)
    grid = grid[grid.intersects(district)].copy()
    grid["geometry"] = grid.intersection(district)
    grid["area"] = grid.area
    grid = grid[grid["area"] > 0]
    index = {(q, r): i for i, (q, r) in enumerate(zip(grid["q"], grid["r"]))}
    areas = grid["area"].to_numpy()
    owner = list(range(len(grid)))
    for i, (q, r) in enumerate(zip(grid["q"], grid["r"])):
        if areas[i] >= full / 2:
            continue
        around = [index.get((q + dq, r + dr)) for dq, dr in ((1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1))]
        around = [j for j in around if j is not None and areas[j] >= full / 2]
        if around:
            owner[i] = max(around, key=lambda j: (areas[j], -j))
    mains = [i for i in range(len(grid)) if owner[i] == i]
    cell_of_piece = {m: k for k, m in enumerate(mains)}
    cell_area = np.zeros(len(mains))
    for i in range(len(grid)):
        cell_area[cell_of_piece[owner[i]]] += areas[i]
    qs, rs = hex_cell(cx, cy, minx, miny, spacing)
    piece = np.array([index.get((a, b), -1) for a, b in zip(qs, rs)])
    cell = np.array([cell_of_piece[owner[p]] if p >= 0 else -1 for p in piece])
    cnt = np.bincount(cell[cell >= 0], minlength=len(mains)).astype(float)
    xval = cnt * full / cell_area
    centres = [(minx + r_ * math.sqrt(3) * (grid["q"].iloc[m] + grid["r"].iloc[m] / 2), miny + r_ * 1.5 * grid["r"].iloc[m]) for m in mains]
    w = DistanceBand(centres, threshold=BAND + 1e-6, binary=True, silence_warnings=True)
    g = esda.G_Local(xval, w, transform="B", star=True, permutations=0)
    p = 2 * g.p_norm
    thresholds = {lv: esda.fdr(p, a) for lv, a in (("99", 0.01), ("95", 0.05), ("90", 0.10))}
    bands = []
    for z, pv in zip(g.Zs, p):
        lv = next((lv for lv in ("99", "95", "90") if pv < thresholds[lv]), None)
        bands.append("ns" if lv is None else ("hot" if z > 0 else "cold") + lv)
    s = step("hotspots", s)

    cases = pd.DataFrame({"street": st["name_zh"].to_numpy(), "category": uniques[codes[inside][ids]],
                          "month": pd.to_datetime(times[inside][ids] + 8 * 3600, unit="s").strftime("%Y-%m")})
    tables = [pd.crosstab(cases["street"], cases["category"]), pd.crosstab(cases["month"], cases["category"]),
              cases.groupby("category").size()]
    s = step("tables", s)

    result = {"steps": steps, "total_s": round(time.perf_counter() - t0, 3),
              "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
              "reports": int(len(df)), "cases": int(len(cx)), "cells": len(mains),
              "z": {f"{grid['q'].iloc[m]},{grid['r'].iloc[m]}": float(z) for m, z in zip(mains, g.Zs)},
              "bands": {b: bands.count(b) for b in sorted(set(bands))}}
    with open(out, "w") as f:
        json.dump(result, f)
    print(json.dumps({k: v for k, v in result.items() if k != "z"}))


if __name__ == "__main__":
    main()
