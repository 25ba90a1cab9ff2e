#!/usr/bin/env python3
"""Independent reference for patch importance: dPC and dIIC by their definition.

Each removed patch's PC and IIC numerators are recomputed from scratch: all-pairs best paths
by Floyd-Warshall in NumPy (n vectorised steps) on the full distance matrix, which Shapely
measures between every pair of the landscape's polygons. Compares with gmgeo's output.
(SciPy's csgraph Dijkstra was tried first and gave PCnum 17% too low on the 300-patch
landscape with touching patches, against Floyd-Warshall and gmgeo alike: not used.)

    bench_connectivity_reference.py LANDSCAPE.geojson GMGEO_PATCHES.geojson SAMPLE
      SAMPLE: how many patches to remove (0: all); the rest are extrapolated for timing.
Prints one JSON line: seconds per removal, estimated total, agreement with gmgeo.
"""
import json, math, random, sys, time

import numpy as np
import shapely

LINK = 300.0   # rules.toml [green_network] link_distance
HALF = 300.0   # half_probability_distance


def floyd(c):
    d = c.copy()
    for m in range(len(d)):
        np.minimum(d, d[:, m:m + 1] + d[m:m + 1, :], out=d)
    return d


def numerators(cost, hops_graph, areas, keep):
    d = floyd(cost[np.ix_(keep, keep)])
    a = areas[keep]
    pc = float(a @ np.exp(-d) @ a)
    h = floyd(hops_graph[np.ix_(keep, keep)])
    w = np.where(np.isfinite(h), 1.0 / (1.0 + h), 0.0)
    iic = float(a @ w @ a)
    return pc, iic


def main():
    land, got, sample = sys.argv[1], sys.argv[2], int(sys.argv[3])
    feats = json.load(open(land))["features"]
    geoms = np.array([shapely.geometry.shape(f["geometry"]) for f in feats])
    names = [f["properties"]["name"] for f in feats]
    n = len(geoms)
    t0 = time.time()
    dist = shapely.distance(geoms[:, None], geoms[None, :])
    areas = shapely.area(geoms) / 10_000.0
    k = math.log(2) / HALF
    cost = k * dist
    np.fill_diagonal(cost, 0)
    hops = np.where(dist < LINK, 1.0, np.inf)
    np.fill_diagonal(hops, 0)
    measured = time.time() - t0
    every = list(range(n))
    pc, iic = numerators(cost, hops, areas, every)
    chosen = every if sample == 0 or sample >= n else sorted(random.Random(1).sample(every, sample))
    t1 = time.time()
    ref = {}
    for r in chosen:
        keep = [i for i in every if i != r]
        pcr, iicr = numerators(cost, hops, areas, keep)
        ref[names[r]] = (100 * (pc - pcr) / pc, 100 * (iic - iicr) / iic)
    per = (time.time() - t1) / len(chosen)
    out = {f["properties"]["name_zh"]: f["properties"] for f in json.load(open(got))["features"]}
    worst_pc = max(abs(out[name]["dPC"] - v[0]) for name, v in ref.items())
    worst_iic = max(abs(out[name]["dIIC"] - v[1]) for name, v in ref.items())
    print(json.dumps({"n": n, "removed": len(chosen), "seconds_per_removal": per,
                      "estimated_total_s": measured + per * n, "distances_s": measured,
                      "max_abs_diff_dPC": worst_pc, "max_abs_diff_dIIC": worst_iic}))


if __name__ == "__main__":
    main()
