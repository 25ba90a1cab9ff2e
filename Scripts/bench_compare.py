#!/usr/bin/env python3
"""Prints the Swift / C ratio per task and checks that both got the same answers."""
import json
import sys

c = json.load(open(sys.argv[1]))
s = json.load(open(sys.argv[2]))
cr, sr = c["results"], s["tasks"]
rows = [
    ("T1", "buffer 20,045 roads by class + unary union", cr["T1"]["median_s"], sr["T1"]["median_s"]),
    ("T1b", "  of which buffer only", cr["T1"]["sub_median_s"]["buffer"], sr["T1"]["buffer_s"]),
    ("T3", "1,000,000 points -> 11 districts", cr["T3"]["median_s"], sr["T3"]["median_s"]),
    ("T5", "1,000,000 points EPSG:4326 -> EPSG:4547", cr["T5"]["median_s"], sr["T5"]["median_s"]),
]
print("| task | what | C median s | Swift median s | Swift / C |")
print("|---|---|---|---|---|")
for task, what, tc, ts in rows:
    print(f"| {task} | {what} | {tc:.4f} | {ts:.4f} | {ts / tc:.2f}x |")

cc, sc = c["checks"], s["checks"]
ok = True
def check(name, cond, detail):
    global ok
    ok &= bool(cond)
    print(f"- {name}: {'ok' if cond else 'DIFFERENT'} ({detail})")
print("\nAgreement with C:")
a, b = cc["T1"]["union_area_m2"], sc["T1"]["union_area_m2"]
check("T1 union area", abs(a - b) <= 1e-6 * a, f"{b:.2f} m2 vs {a:.2f}")
check("T1 holes and vertices", (cc["T1"]["n_holes"], cc["T1"]["n_vertices"]) == (sc["T1"]["holes"], sc["T1"]["vertices"]),
      f"{sc['T1']['holes']} holes, {sc['T1']['vertices']} vertices")
check("T3 counts per district", cc["T3"]["counts"] == sc["T3"]["counts"], f"outside {sc['T3']['outside']}")
rel = max(abs(cc["T5"]["sum_x"] - sc["T5"]["sum_x"]) / abs(cc["T5"]["sum_x"]), abs(cc["T5"]["sum_y"] - sc["T5"]["sum_y"]) / abs(cc["T5"]["sum_y"]))
check("T5 coordinate sums", rel < 1e-12, f"relative difference {rel:.1e}")
sys.exit(0 if ok else 1)
