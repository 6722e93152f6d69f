"""Fills a running server with desks for the home page and alarm benchmarks (issue 16).

    python3 bench/home_desks.py http://127.0.0.1:8181 PASSWORD --desks 20 --events 2000

Each desk gets a party, an engagement, and then signals and messages from the other side (half each)
through the API until it holds about `--events` events; messages are alarms, so `/alarms` has work.
"""
import argparse
import concurrent.futures
import json
import urllib.request


def post(base, token, path, body):
    request = urllib.request.Request(
        base + path, method="POST", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def fill(base, token, index, events):
    desk = f"bench-{index:02d}"
    post(base, token, "/api/v1/desks", {"name": desk, "title": f"Bench desk {index}", "zone": "Asia/Seoul"})
    post(base, token, f"/api/v1/desks/{desk}/parties", {"id": "other", "name": "The other side"})
    post(base, token, f"/api/v1/desks/{desk}/parties", {"id": "us", "name": "Us"})
    post(base, token, f"/api/v1/desks/{desk}/principals", {"id": "lead", "name": "Lead", "party": "us"})
    post(base, token, f"/api/v1/desks/{desk}/engagements",
         {"id": "talks", "title": "Talks", "principals": ["lead"], "counterpart": "other", "duration": "1h"})
    for n in range(events - 5):
        if n % 2:
            post(base, token, f"/api/v1/desks/{desk}/messages",
                 {"engagement": "talks", "from": "other", "summary": f"Message {n}", "stance": "open"})
        else:
            post(base, token, f"/api/v1/desks/{desk}/signals",
                 {"engagement": "talks", "summary": f"Signal {n}", "attribution": ["bench"], "grade": "B2",
                  "stance": "neutral"})
    return desk


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("password")
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--events", type=int, default=2000)
    arguments = parser.parse_args()
    request = urllib.request.Request(
        arguments.base + "/api/v1/session", method="POST", headers={"Content-Type": "application/json"},
        data=json.dumps({"name": "admin", "password": arguments.password}).encode())
    with urllib.request.urlopen(request) as response:
        token = json.loads(response.read())["token"]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        for desk in pool.map(lambda i: fill(arguments.base, token, i, arguments.events), range(arguments.desks)):
            print("filled", desk)
    print(token)


if __name__ == "__main__":
    main()
