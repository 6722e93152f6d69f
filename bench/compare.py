#!/usr/bin/env python3
"""Side-by-side table of two TOPTW benchmark runs (CSV from `parley bench planner --csv` and
`bench/ortools_toptw.py --csv`): mean gap per class and per m, and on how many cases the first scores
at least as much as the second.

    python3 bench/compare.py parley.csv ortools.csv
"""
import csv
import sys


def load(path):
    with open(path, newline="") as handle:
        return {(row["instance"], int(row["m"])): row for row in csv.DictReader(handle)}


def instance_class(name):
    letters = len(name) - len(name.lstrip("abcdefghijklmnopqrstuvwxyz"))
    return name[: letters + 1]


def main():
    first, second = load(sys.argv[1]), load(sys.argv[2])
    cases = sorted(set(first) & set(second))
    groups = {}
    for case in cases:
        for key in (instance_class(case[0]), f"m={case[1]}", "all"):
            groups.setdefault(key, []).append(case)
    order = ["c1", "c2", "r1", "r2", "rc1", "rc2", "m=1", "m=2", "m=3", "m=4", "all"]
    print("| cases | n | Parley mean gap % | OR-Tools mean gap % | Parley ≥ OR-Tools | Parley worst gap % | infeasible (P / O) |")
    print("|---|---|---|---|---|---|---|")
    for key in order:
        if key not in groups:
            continue
        group = groups[key]
        gap = lambda run, c: float(run[c]["gap_percent"]) if run[c]["gap_percent"] else None
        known = [c for c in group if gap(first, c) is not None and gap(second, c) is not None]
        mean = lambda run: f"{sum(gap(run, c) for c in known) / len(known):.2f}" if known else "-"
        mean_first, mean_second = mean(first), mean(second)
        at_least = sum(1 for c in group if int(first[c]["score"]) >= int(second[c]["score"]))
        worst = f"{max(gap(first, c) for c in known):.2f}" if known else "-"
        infeasible = (sum(first[c]["feasible"] != "true" for c in group), sum(second[c]["feasible"] != "True" for c in group))
        print(f"| {key} | {len(group)} | {mean_first} | {mean_second} | {at_least}/{len(group)} "
              f"({100 * at_least / len(group):.1f} %) | {worst} | {infeasible[0]} / {infeasible[1]} |")
    below = [c for c in cases if int(first[c]["score"]) < int(second[c]["score"])]
    if below:
        print()
        print("Cases where OR-Tools scored more: " + ", ".join(
            f"{c[0]} m={c[1]} ({first[c]['score']} vs {second[c]['score']})" for c in below))


if __name__ == "__main__":
    main()
