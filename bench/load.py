#!/usr/bin/env python3
"""Load figures for one engine in one run: append throughput and p99 with 1, 8 and 64 writers against a
plain insert loop (`parley bench store`), read API requests/s (wrk), and live-update delay with many open
streams (SSE), on one server and, on PostgreSQL, from one server to another.

    swift build -c release
    python3 bench/load.py --engine sqlite
    python3 bench/load.py --engine postgres --database-url "$PARLEY_TEST_POSTGRES_URL"

Needs wrk (apt-get install wrk). Pins the server to core 0 and the load to core 1 when taskset exists.
"""
import argparse
import json
import os
import re
import selectors
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pinned(core, command):
    return (["taskset", "-c", str(core)] if shutil.which("taskset") else []) + command


def store_options(engine, url, folder):
    if engine == "postgres":
        parts = urllib.parse.urlsplit(url)
        query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "schema"]
        query.append(("schema", "load_" + uuid.uuid4().hex[:8]))
        return ["--database-url", urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))]
    return ["--db", os.path.join(folder, "load.sqlite")]


def start_server(binary, store, folder):
    port = free_port()
    log = open(os.path.join(folder, f"server-{port}.log"), "wb")
    process = subprocess.Popen(pinned(0, [binary, "serve", "--demo", "--port", str(port)] + store), stdout=log,
                               stderr=log)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            return process, port
        except OSError:
            time.sleep(0.05)
    raise SystemExit("server did not start")


def wrk(port, path, seconds, connections):
    out = subprocess.run(pinned(1, ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency",
                                    f"http://127.0.0.1:{port}{path}"]), capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rate, float(p99.group(1)) * scale, int(errors.group(1)) if errors else 0


def live_delay(post_port, watch_port, streams, events, interval):
    """Opens `streams` SSE connections to `watch_port`, posts `events` signals to `post_port`, and returns
    the delays (ms) from each post's start to its arrival on each stream."""
    selector = selectors.DefaultSelector()
    sockets = []
    for _ in range(streams):
        s = socket.create_connection(("127.0.0.1", watch_port))
        s.sendall(b"GET /desks/dmz-2019/live HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        s.setblocking(False)
        selector.register(s, selectors.EVENT_READ, {"buffer": b""})
        sockets.append(s)
    arrivals = {}
    stop = threading.Event()

    def read():
        while not stop.is_set():
            for key, _ in selector.select(timeout=0.1):
                data = key.data
                try:
                    chunk = key.fileobj.recv(65536)
                except BlockingIOError:
                    continue
                now = time.monotonic()
                data["buffer"] += chunk
                for match in re.finditer(rb"\nid: (\d+)\n", data["buffer"]):
                    arrivals.setdefault(int(match.group(1)), []).append(now)
                data["buffer"] = data["buffer"][-64:]

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(1.0)
    sent = {}
    for index in range(events):
        body = json.dumps({"id": f"live-{uuid.uuid4().hex[:8]}", "summary": "live delay probe", "attribution": ["bench"],
                           "stance": "neutral", "grade": "F6"}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{post_port}/api/v1/desks/dmz-2019/signals", data=body,
                                         method="POST", headers={"Content-Type": "application/json"})
        started = time.monotonic()
        with urllib.request.urlopen(request) as response:
            sent[int(response.headers["X-Desk-Version"])] = started
        time.sleep(interval)
    time.sleep(2.0)
    stop.set()
    reader.join()
    for s in sockets:
        s.close()
    delays = []
    missing = 0
    for sequence, start in sent.items():
        got = arrivals.get(sequence, [])
        missing += streams - len(got)
        delays.extend((arrival - start) * 1000 for arrival in got)
    return sorted(delays), missing


def percentile(values, fraction):
    return values[min(len(values) - 1, max(0, int(len(values) * fraction + 0.999999) - 1))] if values else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--database-url", default=os.environ.get("PARLEY_DATABASE_URL"))
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/parley"))
    parser.add_argument("--seconds", type=float, default=5, help="per append measurement")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--streams", type=int, default=200)
    parser.add_argument("--events", type=int, default=100)
    arguments = parser.parse_args()
    if arguments.engine == "postgres" and not arguments.database_url:
        raise SystemExit("--database-url (or PARLEY_DATABASE_URL) is needed for postgres")
    folder = tempfile.mkdtemp(prefix="parley-load-")
    print(f"# {arguments.engine}, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores", flush=True)

    print("## appends (parley bench store)", flush=True)
    bench = [arguments.binary, "bench", "store", "--engines", arguments.engine, "--seconds", str(arguments.seconds),
             "--folder", folder]
    if arguments.engine == "postgres":
        bench += ["--database-url", arguments.database_url]
    subprocess.run(bench, check=True)

    store = store_options(arguments.engine, arguments.database_url, folder)
    server, port = start_server(arguments.binary, store, folder)
    second = None
    try:
        print("## reads (wrk, 1 thread, 32 connections)", flush=True)
        for path in ["/livez", "/api/v1/desks/dmz-2019/summary", "/api/v1/desks/dmz-2019/signals", "/desks/dmz-2019"]:
            rate, p99, errors = wrk(port, path, arguments.wrk_seconds, 32)
            print(f"{path:40s} {rate:9.0f} req/s   p99 {p99:7.2f} ms   non-2xx {errors}", flush=True)
        print(f"## live-update delay, {arguments.streams} open streams, {arguments.events} events", flush=True)
        runs = [("same server", port, port)]
        if arguments.engine == "postgres":
            second, second_port = start_server(arguments.binary, store, folder)
            runs.append(("another server (LISTEN/NOTIFY)", port, second_port))
        for label, post_port, watch_port in runs:
            delays, missing = live_delay(post_port, watch_port, arguments.streams, arguments.events, 0.05)
            print(f"{label:32s} p50 {percentile(delays, 0.5):7.2f} ms   p99 {percentile(delays, 0.99):7.2f} ms   "
                  f"max {max(delays):7.2f} ms   deliveries {len(delays)}   missing {missing}", flush=True)
    finally:
        for process in [server, second]:
            if process:
                process.terminate()
                process.wait()


if __name__ == "__main__":
    main()
