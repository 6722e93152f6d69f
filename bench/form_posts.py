"""How long a browser's form post takes, redirect included: the contact-attempt form and the add-a-party
form on the demo desk, sent one after another and by several clients at once.

Usage: python3 bench/form_posts.py URL PASSWORD [--posts 500] [--clients 1,8]
(a server started with `parley serve --demo`, and the admin password it printed).
Prints requests/s and p50/p95/p99 per form and client count. Loopback only.
"""
import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse

TOKEN = "b" * 43


def session(host, port, password):
    connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.request("POST", "/api/v1/session", json.dumps({"name": "admin", "password": password}),
                       {"Content-Type": "application/json"})
    return json.loads(connection.getresponse().read())["token"]


def post_forms(host, port, bearer, path, make_fields, count, latencies, lock, offset):
    connection = http.client.HTTPConnection(host, port, timeout=10)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Authorization": f"Bearer {bearer}",
               "Cookie": f"parley_form={TOKEN}"}
    mine = []
    for index in range(count):
        body = urllib.parse.urlencode({**make_fields(offset + index), "_csrf": TOKEN})
        started = time.perf_counter()
        connection.request("POST", path, body, headers)
        response = connection.getresponse()
        response.read()
        mine.append(time.perf_counter() - started)
        if response.status != 303:
            raise SystemExit(f"{path} answered {response.status}")
    with lock:
        latencies.extend(mine)


def run(url, password, path, make_fields, posts, clients):
    parts = urllib.parse.urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("loopback only")
    bearer = session(parts.hostname, parts.port, password)
    latencies, lock = [], threading.Lock()
    per_client = posts // clients
    threads = [threading.Thread(target=post_forms, args=(parts.hostname, parts.port, bearer, path, make_fields,
                                                         per_client, latencies, lock, n * per_client))
               for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    def quantile(q):
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000
    print(f"{path:45} clients {clients:2}  {len(ordered) / elapsed:7.0f}/s  p50 {quantile(0.5):6.2f} ms  "
          f"p95 {quantile(0.95):6.2f} ms  p99 {quantile(0.99):6.2f} ms  mean {statistics.mean(ordered) * 1000:.2f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("password")
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--clients", default="1,8")
    arguments = parser.parse_args()
    forms = [
        ("/desks/dmz-2019/attempts", lambda n: {"channel": "dmz-hotline", "engagement": "dmz-handshake",
                                                "outcome": "unanswered", "note": f"bench {n}"}),
        ("/desks/dmz-2019/new/party", lambda n: {"name": f"Bench party {n}"}),
    ]
    for clients in (int(c) for c in arguments.clients.split(",")):
        for path, make_fields in forms:
            run(arguments.url, arguments.password, path, make_fields, arguments.posts, clients)


if __name__ == "__main__":
    main()
