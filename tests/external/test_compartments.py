"""Compartments on a running server: the demo's compartmented engagement, someone outside the compartment
and someone in it. The outsider's live stream announces only what they may see, numbered as they count;
their browser never shows the hidden engagement; the member's does."""
import http.client
import json
import os
import socket
import threading
import time
import urllib.parse
import urllib.request
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browsers import browser, sign_in
from servers import token

BASE = os.environ["PARLEY_URL"]
PASSWORD = "a long enough secret"
FORM_TOKEN = "T" * 43
HIDDEN_TITLE = "Illustration only: a compartmented back-channel"


def admin_form(path, fields):
    """Posts a form as the demo admin, as the People and Compartments pages do."""
    data = urllib.parse.urlencode({**fields, "_csrf": FORM_TOKEN}).encode()
    request = urllib.request.Request(BASE + path, method="POST", data=data, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": "parley_form=" + FORM_TOKEN,
        "Authorization": "Bearer " + token(BASE)})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200  # the list again, after the redirect


def sign_in_api(name):
    request = urllib.request.Request(BASE + "/api/v1/session", method="POST",
                                     data=json.dumps({"name": name, "password": PASSWORD}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["token"]


def call(path, session, method="GET", body=None):
    request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + session})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), json.loads(response.read())


class LiveStream:
    """A desk's event stream read in the background: (id, summary) of each event."""

    def __init__(self, desk, session):
        parsed = urllib.parse.urlparse(BASE)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        self.connection.request("GET", f"/desks/{desk}/live", headers={"Authorization": "Bearer " + session})
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        self.events = []
        self.connected = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        assert self.connected.wait(10)

    def _read(self):
        identifier = None
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith(": connected"):
                    self.connected.set()
                elif line.startswith("id: "):
                    identifier = int(line[4:])
                elif line.startswith("data: "):
                    self.events.append((identifier, json.loads(line[6:])["summary"]))
        except (OSError, ValueError, http.client.HTTPException):
            # The test closed the stream.
            pass

    def wait_for(self, count, seconds=10):
        deadline = time.monotonic() + seconds
        while len(self.events) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.events)

    def close(self):
        # Shut the socket first: closing the response waits for the reader thread's blocked read.
        self.connection.sock.shutdown(socket.SHUT_RDWR)
        self.reader.join(5)
        self.connection.close()


@pytest.fixture(scope="module")
def people():
    suffix = uuid.uuid4().hex[:6]
    outsider, insider = f"outsider{suffix}", f"insider{suffix}"
    for name in [outsider, insider]:
        admin_form("/admin/users", {"name": name, "role": "officer", "password": PASSWORD})
    admin_form("/admin/compartments/quiet-channel/members", {"name": insider})
    return outsider, insider


def signal(identifier, engagement, version=None):
    body = {"id": identifier, "engagement": engagement, "summary": f"Word on {engagement}", "attribution": ["A source"],
            "stance": "open", "grade": "C3", "at": "2025-10-22 09:00"}
    if version is not None:
        body["expected_version"] = version
    return body


def test_outsiders_live_stream_announces_only_what_they_may_see_numbered_as_they_count(people):
    outsider, insider = people
    outside, inside = sign_in_api(outsider), sign_in_api(insider)
    _, headers, _ = call("/api/v1/desks/asia-trip/summary", outside)
    outsider_version = int(headers["X-Desk-Version"])
    _, headers, _ = call("/api/v1/desks/asia-trip/summary", inside)
    insider_version = int(headers["X-Desk-Version"])
    assert insider_version > outsider_version  # the member counts the compartment's events too
    outsider_stream, insider_stream = LiveStream("asia-trip", outside), LiveStream("asia-trip", inside)
    try:
        suffix = uuid.uuid4().hex[:6]
        status, _, _ = call("/api/v1/desks/asia-trip/signals", inside, "POST",
                            signal(f"hidden-{suffix}", "quiet-channel-illustration"))
        assert status == 201
        # The outsider's expected version still holds: a hidden write is not a change they can see.
        status, headers, _ = call("/api/v1/desks/asia-trip/signals", outside, "POST",
                                  signal(f"open-{suffix}", "kim-meeting", outsider_version))
        assert status == 201
        assert int(headers["X-Desk-Version"]) == outsider_version + 1
        assert [event[0] for event in insider_stream.wait_for(2)] == [insider_version + 1, insider_version + 2]
        seen = outsider_stream.wait_for(1)
        time.sleep(0.5)  # room for a wrongly announced second event to arrive
        assert [event[0] for event in outsider_stream.events] == [outsider_version + 1]
        assert all("quiet" not in summary.lower() for _, summary in outsider_stream.events), seen
    finally:
        outsider_stream.close()
        insider_stream.close()


def test_the_hidden_engagement_is_absent_from_an_outsiders_pages_and_shown_to_a_member(people):
    outsider, insider = people
    windows = {name: browser() for name in people}
    try:
        for name, driver in windows.items():
            sign_in(driver, BASE, PASSWORD, name=name)
        for path in ["/desks/asia-trip", "/desks/asia-trip/timeline", "/desks/asia-trip/trips/asia-2025"]:
            windows[outsider].get(BASE + path)
            WebDriverWait(windows[outsider], 10).until(lambda d: d.find_elements(By.TAG_NAME, "h1"))
            assert HIDDEN_TITLE not in windows[outsider].page_source, path
        windows[insider].get(BASE + "/desks/asia-trip")
        WebDriverWait(windows[insider], 10).until(lambda d: d.find_elements(By.TAG_NAME, "h1"))
        assert HIDDEN_TITLE in windows[insider].page_source
        windows[outsider].get(BASE + "/desks/asia-trip/engagements/quiet-channel-illustration")
        assert "404" in windows[outsider].title or "no engagement" in windows[outsider].page_source
    finally:
        for driver in windows.values():
            driver.quit()
