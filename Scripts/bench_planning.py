#!/usr/bin/env python3
"""Speed of gmgeo's own commands against Shapely/GeoPandas on the reference workload.

  bench_planning.py GMGEO BENCH_DIR [RUNS]

Two comparisons, measured in the same run:
  * end to end: a gmgeo command against the GeoPandas/Shapely script a planner would write
    for the same job (read the files, compute, write the result), both as whole processes
    minus nothing: Python's time includes its imports (measured separately and reported);
  * against the in-memory timings of ../shared/bench/bench_shapely.py (inputs already loaded,
    nothing written), which gmgeo's end-to-end times include and it does not.
Each command runs RUNS times after one warm-up, gmgeo and Python alternating; medians are
compared.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import median_time, median_times  # noqa: E402
import textwrap

gmgeo, bench = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
data = f"{bench}/data"
work = f"{bench}/planning"
os.makedirs(work, exist_ok=True)
widths = "expressway=50,arterial=30,local=10"

def t1_script(name, driver, reproject):
    """T1 in GeoPandas: buffer by class, union, write `name` with `driver`."""
    frame = "gpd.GeoDataFrame(geometry=[u], crs=r.crs)" + (".to_crs(4326)" if reproject else "")
    return f"""
        r = gpd.read_file("{data}/roads.geojson", engine="pyogrio")
        w = r["class"].map({{"expressway": 50, "arterial": 30, "local": 10}}).values
        u = shapely.union_all(shapely.buffer(r.geometry.values, w, quad_segs=8))
        {frame}.to_file("{work}/{name}", driver="{driver}", engine="pyogrio")
    """


PY_PRELUDE = "import geopandas as gpd, pandas as pd, shapely, numpy as np\nfrom pyproj import Transformer\n"
python_jobs = {
    "T1": t1_script("t1_py.gpkg", "GPKG", reproject=False),
    "T2": f"""
        d = gpd.read_file("{data}/districts.geojson", engine="pyogrio")
        u = gpd.read_file("{work}/t1_gmgeo.gpkg", engine="pyogrio").geometry.iloc[0]
        share = shapely.area(shapely.intersection(d.geometry.values, u)) / shapely.area(d.geometry.values)
        pd.DataFrame({{"id": d["id"], "share": share}}).to_csv("{work}/t2_py.csv", index=False)
    """,
    "T3": f"""
        p = pd.read_csv("{data}/points.csv")
        pts = gpd.GeoDataFrame(p, geometry=gpd.points_from_xy(p.x, p.y), crs="EPSG:4547")
        d = gpd.read_file("{data}/districts.geojson", engine="pyogrio")
        hit = gpd.sjoin(pts, d[["geometry"]], predicate="within")
        p.loc[hit.index.unique().sort_values()].to_csv("{work}/t3_py.csv", index=False)
    """,
    "T4": f"""
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components
        g = gpd.read_file("{data}/green.geojson", engine="pyogrio")
        geoms = g.geometry.values
        buf = shapely.buffer(geoms, 100)
        a, b = shapely.STRtree(buf).query(buf, predicate="intersects")
        keep = a < b
        n = len(geoms)
        m = sp.coo_matrix((np.ones(keep.sum()), (a[keep], b[keep])), shape=(n, n))
        ncomp, label = connected_components(m, directed=False)
        (i, j), dist = shapely.STRtree(geoms).query_nearest(geoms, exclusive=True, return_distance=True)
        nn = np.full(n, np.nan); nn[i] = dist
        gpd.GeoDataFrame({{"component": label, "nearest_m": nn}}, geometry=geoms, crs=g.crs).to_file("{work}/t4_py.geojson", driver="GeoJSON", engine="pyogrio")
    """,
    # RFC 7946 like gmgeo's output: EPSG:4326.
    "T1+T6": t1_script("t6_py.geojson", "GeoJSON", reproject=True),
    "T5": f"""
        p = pd.read_csv("{data}/points_4326.csv")
        x, y = Transformer.from_crs(4326, 4547, always_xy=True).transform(p.lon.values, p.lat.values)
        pd.DataFrame({{"x": x, "y": y}}).to_csv("{work}/t5_py.csv", index=False, float_format="%.4f")
    """,
}
gmgeo_jobs = {
    "T1": [gmgeo, "buffer", f"{data}/roads.geojson", "--by", "class", "--widths", widths, "--dissolve", "-o", f"{work}/t1_gmgeo.gpkg", "--overwrite"],
    "T2": [gmgeo, "coverage", "--zones", f"{data}/districts.geojson", "--cover", f"{work}/t1_gmgeo.gpkg", "--csv", f"{work}/t2_gmgeo.csv"],
    "T3": [gmgeo, "query", f"{data}/points.csv", "--crs", "EPSG:4547", "--within", f"{data}/districts.geojson", "-o", f"{work}/t3_gmgeo.csv"],
    "T4": [gmgeo, "network", "--green", f"{data}/green.geojson", "--no-dissolve", "--min-patch-area", "0", "--link-distance", "200",
           "--no-importance", "-o", f"{work}/t4_gmgeo.geojson"],
    "T1+T6": [gmgeo, "buffer", f"{data}/roads.geojson", "--by", "class", "--widths", widths, "--dissolve", "-o", f"{work}/t6_gmgeo.geojson"],
    "T5": [gmgeo, "transform", "--from", "EPSG:4326", "--to", "EPSG:4547", f"{data}/points_4326.csv"],
}
what = {
    "T1": "buffer 20,045 roads by class + dissolve, GeoJSON in, GPKG out",
    "T2": "coverage share of 11 districts by the T1 union",
    "T3": "1,000,000 CSV points within 11 districts, CSV out",
    "T4": "400 green patches: links <= 200 m (= 100 m buffers touching), components, nearest neighbour; gmgeo adds IIC/PC and gap links",
    "T1+T6": "T1 with GeoJSON out (EPSG:4326, RFC 7946), i.e. T1 and T6 in one job",
    "T5": "1,000,000 CSV points EPSG:4326 -> 4547, CSV out",
}




def run_gmgeo(task):
    with open(f"{work}/{task}_stdout", "wb") as out:
        subprocess.run(gmgeo_jobs[task], check=True, stdout=out, stderr=subprocess.DEVNULL)


def run_python(task):
    code = PY_PRELUDE + textwrap.dedent(python_jobs[task])
    subprocess.run([sys.executable, "-c", code], check=True)


imports = median_time(lambda: subprocess.run([sys.executable, "-c", PY_PRELUDE], check=True), runs)
rows = []
tasks = ["T1", "T2", "T3", "T4", "T1+T6", "T5"]
for task in tasks:
    g, p = median_times([lambda: run_gmgeo(task), lambda: run_python(task)], runs)
    rows.append((task, g, p))

# The in-memory Shapely timings, measured now on this machine.
subprocess.run([sys.executable, f"{bench}/bench_shapely.py", "--data", data, "--runs", str(runs),
                "--tasks", "T1,T2,T3,T4,T5,T6", "--out", f"{work}/shapely.json"], check=True, stdout=subprocess.DEVNULL)
memory = json.load(open(f"{work}/shapely.json"))["results"]

print(f"Python start-up with geopandas, shapely, pyproj imported: {imports:.3f} s (included in 'GeoPandas e2e')\n")
print("| task | what | gmgeo e2e s | GeoPandas e2e s | Shapely in-memory s | e2e: GeoPandas / gmgeo | vs in-memory: Shapely / gmgeo |")
print("|---|---|---|---|---|---|---|")
for task, g, p in rows:
    m = sum(memory[t]["median_s"] for t in task.split("+"))
    print(f"| {task} | {what[task]} | {g:.3f} | {p:.3f} | {m:.3f} | {p / g:.2f}x | {m / g:.2f}x |")

# Agreement: same points selected, same shares.
with open(f"{work}/t3_gmgeo.csv") as a, open(f"{work}/t3_py.csv") as b:
    n_g, n_p = sum(1 for _ in a) - 1, sum(1 for _ in b) - 1
t4 = json.load(open(f"{work}/t4_gmgeo.geojson"))["features"]
t4p = json.load(open(f"{work}/t4_py.geojson"))["features"]
comps = lambda fs: len({f["properties"]["component"] for f in fs})
mean_nn = lambda fs: sum(f["properties"]["nearest_m"] for f in fs) / len(fs)
print(f"\nT4 components: gmgeo {comps(t4)}, GeoPandas {comps(t4p)}; mean nearest neighbour: gmgeo {mean_nn(t4):.2f} m, "
      f"GeoPandas {mean_nn(t4p):.2f} m")
print(f"T3 points inside: gmgeo {n_g}, GeoPandas {n_p}: {'same' if n_g == n_p else 'DIFFERENT'}")
