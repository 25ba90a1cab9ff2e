#!/usr/bin/env python3
"""Map rendering benchmark: the full Guangming overview at A3 landscape, 300 dpi, with labels,
drawn by `gmgeo map` and by GeoPandas + matplotlib, whole processes, same run.

  bench_map.py GMGEO GEODATA_DIR WORK_DIR [RUNS]
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import median_times  # noqa: E402
import textwrap

gmgeo, data, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
os.makedirs(work, exist_ok=True)
layers = ["boundary", "control-zones", "green", "roads", "rail", "stations", "upgrade-districts", "projects-sample"]

gmgeo_cmd = [gmgeo, "map", *layers, "-o", f"{work}/overview_gmgeo.png", "--page", "A3", "--dpi", "300",
             "--title", "光明区全域景观提升 总图"]
mpl_code = textwrap.dedent(f"""
    import geopandas as gpd, matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.rcParams["font.sans-serif"] = ["Noto Sans CJK SC", "DejaVu Sans"]
    d = "{data}"
    L = {{n: gpd.read_file(f"{{d}}/{{n}}.geojson", engine="pyogrio").to_crs(4547) for n in {layers!r}}}
    fig, ax = plt.subplots(figsize=(420 / 25.4, 297 / 25.4))
    b = L["boundary"]
    b[b["class"] == "street"].boundary.plot(ax=ax, color="grey", linewidth=0.5, linestyle="--")
    b[b["class"] == "district"].boundary.plot(ax=ax, color="black", linewidth=1.5)
    L["control-zones"].plot(ax=ax, color="orange", alpha=0.2)
    L["green"].plot(ax=ax, color="#5E9E5B")
    r = L["roads"]
    r[r["class"] == "arterial"].plot(ax=ax, color="#E08E2B", linewidth=1)
    r[r["class"] == "expressway"].plot(ax=ax, color="#C0392B", linewidth=2)
    L["rail"].plot(ax=ax, color="#2E5E9E", linewidth=1, linestyle="--")
    L["upgrade-districts"].boundary.plot(ax=ax, color="#7D5BA6", linestyle="--")
    L["projects-sample"].plot(ax=ax, color="#7D5BA6", markersize=20)
    s = L["stations"]
    s.plot(ax=ax, color="white", edgecolor="#2E5E9E", markersize=25)
    for x, y, t in zip(s.geometry.x, s.geometry.y, s["name_zh"]):
        ax.annotate(t, (x, y), xytext=(4, 0), textcoords="offset points", fontsize=7)
    for g, t in zip(L["upgrade-districts"].geometry, L["upgrade-districts"]["name_zh"]):
        p = g.representative_point()
        ax.annotate(t, (p.x, p.y), fontsize=7, ha="center")
    ax.set_title("光明区全域景观提升 总图")
    ax.set_aspect("equal")
    fig.savefig("{work}/overview_mpl.png", dpi=300)
""")




g, m = median_times([lambda: subprocess.run(gmgeo_cmd, check=True, stderr=subprocess.DEVNULL),
                     lambda: subprocess.run([sys.executable, "-c", mpl_code], check=True)], runs)
print("| map | gmgeo s | GeoPandas + matplotlib s | matplotlib / gmgeo |")
print("|---|---|---|---|")
print(f"| Guangming overview, 8 layers + labels, A3 landscape 300 dpi PNG (4961 x 3508 px) | {g:.3f} | {m:.3f} | {m / g:.2f}x |")
