#!/usr/bin/env python3
"""Make Solomon-style TOPTW instances with 300 customers (no published best-known scores exist for these):
each customer of a Solomon file appears three times, its coordinates jittered by up to ±3 and its window
shifted by up to ±10 % of the horizon, with the same service time and score. Seeded, so the files are
the same on every run.

    python3 bench/make_large_instances.py ../shared/benchmarks/toptw /tmp/toptw-300
"""
import os
import random
import sys

BASES = ["c101", "c201", "r101", "r201", "rc101", "rc201"]


def main():
    source, target = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(target, "instances"), exist_ok=True)
    random.seed(300)
    for base in BASES:
        with open(os.path.join(source, "instances", base + ".txt")) as handle:
            lines = [line.split() for line in handle if line.strip()]
        customers = int(lines[0][2])
        depot = lines[2]
        horizon = float(depot[-1])
        rows = []
        for copy in range(3):
            for fields in lines[3 : 3 + customers]:
                values = [float(v) for v in fields]
                x = min(100.0, max(0.0, values[1] + random.uniform(-3, 3)))
                y = min(100.0, max(0.0, values[2] + random.uniform(-3, 3)))
                width = values[-1] - values[-2]
                shift = random.uniform(-0.1, 0.1) * horizon
                open_ = min(max(0.0, values[-2] + shift), horizon)
                close = min(open_ + width, horizon)
                rows.append((x, y, values[3], values[4], open_, close))
        with open(os.path.join(target, "instances", base + "x3.txt"), "w") as out:
            out.write(f"{lines[0][0]} {lines[0][1]} {len(rows)} {lines[0][3] if len(lines[0]) > 3 else 1}\n")
            out.write(" ".join(lines[1]) + "\n")
            out.write(f"  0 {float(depot[1]):.2f} {float(depot[2]):.2f} 0.00 0.00 0 0 {float(depot[-2]):.0f} {horizon:.0f}\n")
            for index, (x, y, d, s, o, c) in enumerate(rows, start=1):
                out.write(f"  {index} {x:.2f} {y:.2f} {d:.2f} {s:.2f} 1 1 1 {o:.0f} {c:.0f}\n")
    with open(os.path.join(target, "bks.csv"), "w") as out:
        out.write("instance,m,bks,source\n")


if __name__ == "__main__":
    main()
