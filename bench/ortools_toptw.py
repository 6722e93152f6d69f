#!/usr/bin/env python3
"""Solve the Solomon TOPTW benchmark cases with OR-Tools routing, as a baseline for Parley's planner.

Same conventions as `parley bench planner`: travel = Euclidean distance truncated to one decimal, all
times scaled by 10 to integers; each customer is optional with a drop penalty large enough that score
is maximised first and distance only breaks ties. Every answer is re-checked independently before it
counts. Usage:

    pip install ortools
    python3 bench/ortools_toptw.py ../shared/benchmarks/toptw --seconds 1 --csv ortools.csv
"""
import argparse
import csv
import math
import os
import sys
import time

from ortools.constraint_solver import pywrapcp, routing_enums_pb2


def read_instance(path):
    with open(path) as handle:
        lines = [line.split() for line in handle if line.strip()]
    customers = int(lines[0][2])
    vertices = []
    for fields in lines[2 : 2 + customers + 1]:
        numbers = [float(value) for value in fields]
        vertices.append(
            dict(x=numbers[1], y=numbers[2], duration=round(numbers[3] * 10), score=int(numbers[4]),
                 open=round(numbers[-2] * 10), close=round(numbers[-1] * 10)))
    return vertices


def travel(a, b):
    dx = round((a["x"] - b["x"]) * 100)
    dy = round((a["y"] - b["y"]) * 100)
    return math.isqrt((dx * dx + dy * dy) // 100)


def solve(vertices, tours, seconds):
    count = len(vertices)
    matrix = [[travel(vertices[i], vertices[j]) for j in range(count)] for i in range(count)]
    horizon = vertices[0]["close"]
    manager = pywrapcp.RoutingIndexManager(count, tours, 0)
    routing = pywrapcp.RoutingModel(manager)

    def transit(from_index, to_index):
        i, j = manager.IndexToNode(from_index), manager.IndexToNode(to_index)
        return matrix[i][j] + vertices[i]["duration"]

    callback = routing.RegisterTransitCallback(transit)
    routing.SetArcCostEvaluatorOfAllVehicles(callback)
    routing.AddDimension(callback, horizon, horizon, False, "Time")
    dimension = routing.GetDimensionOrDie("Time")
    for node in range(1, count):
        index = manager.NodeToIndex(node)
        dimension.CumulVar(index).SetRange(vertices[node]["open"], vertices[node]["close"])
        penalty = vertices[node]["score"] * (tours * horizon * 100 + 1)
        routing.AddDisjunction([index], penalty)
    for vehicle in range(tours):
        dimension.CumulVar(routing.Start(vehicle)).SetRange(0, horizon)
        dimension.CumulVar(routing.End(vehicle)).SetRange(0, horizon)
    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    parameters.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    parameters.time_limit.FromMilliseconds(int(seconds * 1000))
    solution = routing.SolveWithParameters(parameters)
    routes = []
    if solution:
        for vehicle in range(tours):
            index = routing.Start(vehicle)
            route = []
            while not routing.IsEnd(index):
                node = manager.IndexToNode(index)
                if node != 0:
                    route.append(node)
                index = solution.Value(routing.NextVar(index))
            routes.append(route)
    return routes, matrix


def check(vertices, matrix, routes):
    """Recompute every time; return the score, or None when any rule is broken."""
    seen = set()
    score = 0
    horizon = vertices[0]["close"]
    for route in routes:
        clock, location = 0, 0
        for node in route:
            if node in seen:
                return None
            seen.add(node)
            start = max(clock + matrix[location][node], vertices[node]["open"])
            if start > vertices[node]["close"]:
                return None
            clock, location = start + vertices[node]["duration"], node
            score += vertices[node]["score"]
        if clock + matrix[location][0] > horizon:
            return None
    return score


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--m", default="1,2,3,4")
    parser.add_argument("--instances")
    parser.add_argument("--csv")
    args = parser.parse_args()
    best_known = {}
    with open(os.path.join(args.directory, "bks.csv"), newline="") as handle:
        for row in csv.DictReader(handle):
            best_known[(row["instance"], int(row["m"]))] = int(row["bks"])
    wanted = set(args.instances.split(",")) if args.instances else None
    names = sorted(f[:-4] for f in os.listdir(os.path.join(args.directory, "instances")) if f.endswith(".txt"))
    rows = []
    for name in names:
        if wanted and name not in wanted:
            continue
        vertices = read_instance(os.path.join(args.directory, "instances", name + ".txt"))
        for tours in [int(m) for m in args.m.split(",")]:
            started = time.monotonic()
            routes, matrix = solve(vertices, tours, args.seconds)
            elapsed = time.monotonic() - started
            score = check(vertices, matrix, routes)
            feasible = score is not None
            score = score or 0
            bks = best_known.get((name, tours))
            gap = (bks - score) / bks * 100 if bks else None
            rows.append((name, tours, score, bks, gap, elapsed, feasible))
            shown = f"{bks:7d} {gap:6.2f}" if bks else "      -      -"
            print(f"{name:8} {tours} {score:7d} {shown} {elapsed:8.3f}" + ("" if feasible else "  INFEASIBLE"), flush=True)
    gaps = [row[4] for row in rows if row[4] is not None]
    if gaps:
        print(f"all cases {len(rows)} mean gap {sum(gaps) / len(gaps):.2f}%")
    if args.csv:
        with open(args.csv, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["instance", "m", "score", "bks", "gap_percent", "seconds", "feasible"])
            for row in rows:
                gap = "" if row[4] is None else f"{row[4]:.4f}"
                writer.writerow([row[0], row[1], row[2], row[3] or "", gap, f"{row[5]:.4f}", row[6]])


if __name__ == "__main__":
    sys.exit(main())
