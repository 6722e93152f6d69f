"""Several servers on one PostgreSQL database (the PostgreSQL run of tests/external/run): a change made
through one server shows live in a browser connected to another; writers racing through both get
conflicts, and no event is lost or doubled; a database restart under a running server gives clean 503
answers meanwhile and the server reconnects by itself."""
import threading
import time

import pytest
import yaml
from openapi_schema_validator import OAS31Validator
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from servers import ENGINE, PrivatePostgres, Server, call, fresh_store, parley
from browsers import browser, sign_in

pytestmark = pytest.mark.skipif(ENGINE != "postgres", reason="needs PARLEY_ENGINE=postgres")


@pytest.fixture
def two_servers(tmp_path):
    store = fresh_store(tmp_path, "postgres")
    first = Server(store, tmp_path)
    second = Server(store, tmp_path, password=first.password)
    yield first, second, store
    first.stop()
    second.stop()


def test_change_through_one_server_appears_live_in_a_browser_on_another(two_servers):
    first, second, _ = two_servers
    watcher, writer = browser(), browser()
    try:
        sign_in(watcher, first.url, first.password)
        sign_in(writer, second.url, first.password)
        watcher.get(first.url + "/desks/dmz-2019")
        writer.get(second.url + "/desks/dmz-2019")
        WebDriverWait(watcher, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "time + .viewer-time"))
        watcher.execute_script("window.__notReloaded = true")
        Select(writer.find_element(By.NAME, "channel")).select_by_value("dmz-hotline")
        Select(writer.find_element(By.NAME, "outcome")).select_by_value("acknowledged")
        writer.find_element(By.NAME, "at").send_keys("2019-06-30 07:35")
        writer.find_element(By.NAME, "note").send_keys("Recorded on the second server")
        submitted = time.monotonic()
        writer.find_element(By.CSS_SELECTOR, "#record-attempt button").click()
        WebDriverWait(watcher, 5, poll_frequency=0.02).until(
            lambda d: "Recorded on the second server" in d.find_element(By.ID, "channels").text)
        delay = time.monotonic() - submitted
        assert delay < 1.0, f"the browser on the first server showed it after {delay:.2f} s"
        assert watcher.execute_script("return window.__notReloaded === true")
    finally:
        watcher.quit()
        writer.quit()


def test_writers_racing_through_two_servers_get_conflicts_and_nothing_is_lost_or_doubled(two_servers):
    first, second, store = two_servers
    _, headers, _ = call(first.url, "/api/v1/desks/dmz-2019/summary")
    version = int(headers["X-Desk-Version"])
    winners = []
    for round_number in range(8):
        barrier = threading.Barrier(8)
        outcomes = []

        def write(writer):
            server = (first, second)[writer % 2]
            body = {"id": f"race-{round_number}-{writer}", "summary": "race", "attribution": ["drill"],
                    "stance": "neutral", "grade": "F6", "expected_version": version}
            barrier.wait()
            status, headers, _ = call(server.url, "/api/v1/desks/dmz-2019/signals", "POST", body)
            outcomes.append((status, body["id"], headers.get("X-Desk-Version")))

        threads = [threading.Thread(target=write, args=(w,)) for w in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        statuses = sorted(status for status, _, _ in outcomes)
        assert statuses == [201] + [409] * 7, f"round {round_number}: {statuses}"
        winner = next(o for o in outcomes if o[0] == 201)
        winners.append(winner[1])
        version = int(winner[2])
    # Each server rechecks the database at most every quarter second for writes made elsewhere.
    time.sleep(0.3)
    for server in (first, second):
        _, _, signals = call(server.url, "/api/v1/desks/dmz-2019/signals")
        raced = [s["id"] for s in signals if s["id"].startswith("race-")]
        assert sorted(raced) == sorted(winners)
    verified = parley("verify", *store)
    assert verified.returncode == 0, verified.stderr


def test_postgres_restart_gives_503_meanwhile_and_the_server_reconnects(tmp_path):
    database = PrivatePostgres()
    store = ["--database-url", database.url]
    server = Server(store, tmp_path)
    try:
        status, headers, before = call(server.url, "/api/v1/desks/dmz-2019/signals")
        assert status == 200
        spec = yaml.safe_load(call(server.url, "/openapi.yaml")[2])
        database.stop()
        # Reads may be answered from the server's cache for up to a quarter second after the last check.
        time.sleep(0.3)
        started = time.monotonic()
        status, headers, problem = call(server.url, "/api/v1/desks/dmz-2019/signals")
        assert status == 503
        assert headers["Content-Type"] == "application/problem+json"
        assert headers["Retry-After"] == "2"
        assert problem["type"] == "unavailable" and "database" in problem["detail"]
        described = spec["paths"]["/desks/{desk}/{collection}"]["get"]["responses"]["503"]["$ref"].split("/")[-1]
        schema = dict(spec["components"]["responses"][described]["content"]["application/problem+json"]["schema"])
        OAS31Validator({**schema, "components": spec["components"]}).validate(problem)
        assert time.monotonic() - started < 6
        body = {"id": "while-down", "summary": "written while the database was down", "attribution": ["drill"],
                "stance": "neutral", "grade": "F6"}
        status, _, problem = call(server.url, "/api/v1/desks/dmz-2019/signals", "POST", body)
        assert status == 503, problem
        # Further requests fail fast while it stays down.
        started = time.monotonic()
        assert call(server.url, "/desks/dmz-2019")[0] == 503
        assert call(server.url, "/healthz")[0] == 503
        assert time.monotonic() - started < 2.5
        database.start()
        deadline = time.monotonic() + 20
        status = None
        while time.monotonic() < deadline:
            status, _, after = call(server.url, "/api/v1/desks/dmz-2019/signals")
            if status == 200:
                break
            time.sleep(0.2)
        assert status == 200, "the server did not reconnect within 20 s of the database coming back"
        # Nothing half-written: the refused write is not there; a new one goes through.
        assert [s["id"] for s in after] == [s["id"] for s in before]
        body["id"] = "after-restart"
        assert call(server.url, "/api/v1/desks/dmz-2019/signals", "POST", body)[0] == 201
        verified = parley("verify", *store)
        assert verified.returncode == 0, verified.stderr
    finally:
        server.stop()
        database.stop()
