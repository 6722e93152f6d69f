"""Faults on the engine this run uses (PARLEY_ENGINE): a server killed with SIGKILL during a stream of
appends loses no acknowledged event, and its chain verifies."""
import threading
import time

from servers import Server, call, fresh_store, parley, token


def post_signals(base, prefix, stop, acknowledged, failures):
    """Posts signals until `stop` is set; records the ids the server acknowledged (201)."""
    index = 0
    while not stop.is_set():
        index += 1
        key = f"{prefix}-{index}"
        body = {"id": key, "summary": f"drill {key}", "attribution": ["drill"], "stance": "neutral", "grade": "F6"}
        try:
            status, _, _ = call(base, "/api/v1/desks/dmz-2019/signals", "POST", body, timeout=5)
        except OSError:
            failures.append(key)
            continue
        if status == 201:
            acknowledged.append(key)
        else:
            failures.append((key, status))


def test_server_killed_during_appends_loses_no_acknowledged_event(tmp_path):
    store = fresh_store(tmp_path)
    acknowledged = []
    password = None
    for round_number in range(3):
        server = Server(store, tmp_path, password=password)
        password = server.password
        # Signed in before the clock starts: four sign-ins at once (scrypt) can take most of a second on a
        # loaded two-core machine, and the drill is about appends, not sign-ins.
        token(server.url)
        stop, failures = threading.Event(), []
        writers = [threading.Thread(target=post_signals,
                                    args=(server.url, f"r{round_number}w{w}", stop, acknowledged, failures))
                   for w in range(4)]
        for writer in writers:
            writer.start()
        time.sleep(1.0 + 0.3 * round_number)
        server.kill()
        stop.set()
        for writer in writers:
            writer.join()
        server.stop()
    assert len(acknowledged) > 20, f"only {len(acknowledged)} appends were acknowledged"
    server = Server(store, tmp_path, password=password)
    try:
        status, _, signals = call(server.url, "/api/v1/desks/dmz-2019/signals")
        assert status == 200
        present = {signal["id"] for signal in signals}
        lost = set(acknowledged) - present
        assert not lost, f"acknowledged but lost after SIGKILL: {sorted(lost)}"
    finally:
        server.stop()
    verified = parley("verify", *store)
    assert verified.returncode == 0, verified.stderr
    assert "dmz-2019: ok" in verified.stdout
