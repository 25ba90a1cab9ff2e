#!/usr/bin/env python3
"""Random city-like green landscapes for the connectivity benchmark (seeded, deterministic).

Patches are regular 16-gons around points drawn as a Poisson cluster process (parks gather in
green belts and new towns, with scattered community greens between), areas log-normal
(median 0.8 ha, a few forests of 100 ha and more), one patch per 0.25 km² on average: the
density of a city's mapped green. Coordinates are metres in EPSG:4547 (CGCS2000 / 3-degree
Gauss-Kruger CM 114E) around Guangming, so gmgeo reads them with --crs EPSG:4547.

    bench_connectivity_landscape.py N SEED OUT.geojson
"""
import json, math, random, sys


def landscape(n, seed):
    rng = random.Random(seed)
    side = math.sqrt(n * 250_000.0)  # metres: 0.25 km² per patch
    x0, y0 = 480_000.0, 2_500_000.0
    centres = [(rng.uniform(0, side), rng.uniform(0, side)) for _ in range(max(1, n // 40))]
    feats = []
    for i in range(n):
        if rng.random() < 0.7:
            cx, cy = rng.choice(centres)
            x, y = cx + rng.gauss(0, side / 25), cy + rng.gauss(0, side / 25)
        else:
            x, y = rng.uniform(0, side), rng.uniform(0, side)
        x, y = min(max(x, 0), side), min(max(y, 0), side)
        area = min(3_000_000.0, rng.lognormvariate(math.log(8_000.0), 1.2))
        r = math.sqrt(area / math.pi)
        ring = [[round(x0 + x + r * math.cos(2 * math.pi * k / 16), 3), round(y0 + y + r * math.sin(2 * math.pi * k / 16), 3)] for k in range(16)]
        ring.append(ring[0])
        feats.append({"type": "Feature", "properties": {"name": f"p{i}", "class": "park"},
                      "geometry": {"type": "Polygon", "coordinates": [ring]}})
    return {"type": "FeatureCollection", "features": feats}


if __name__ == "__main__":
    n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    with open(out, "w") as f:
        json.dump(landscape(n, seed), f)
