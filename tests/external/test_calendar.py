"""The itinerary calendar parses with a real iCalendar library, with each event in its venue's zone."""
import http.cookiejar
import os
import re
import urllib.parse
import urllib.request

import icalendar

BASE = os.environ["PARLEY_URL"]


def test_itinerary_calendar_parses_with_zones():
    # As a browser does: the trip page sets the form token cookie and puts the token in its re-plan form.
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    with browser.open(BASE + "/login") as response:
        sign_in = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', response.read().decode()))
    sign_in.update(name="admin", password=os.environ["PARLEY_ADMIN_PASSWORD"])
    with browser.open(BASE + "/login", data=urllib.parse.urlencode(sign_in).encode()):
        pass
    with browser.open(BASE + "/desks/dmz-2019/trips/asia-2019") as response:
        page = response.read().decode()
    form = re.search(r'action="/desks/dmz-2019/trips/asia-2019/plan">(.*?)</form>', page, re.S).group(1)
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))
    assert "_csrf" in fields
    with browser.open(BASE + "/desks/dmz-2019/trips/asia-2019/plan", data=urllib.parse.urlencode(fields).encode()):
        pass
    with browser.open(BASE + "/desks/dmz-2019/trips/asia-2019/itinerary.ics") as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(response.read())
    zones = {str(component["TZID"]) for component in calendar.walk("VTIMEZONE")}
    assert {"Asia/Seoul", "Asia/Tokyo"} <= zones
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    moon = events["Summit with President Moon"]
    assert moon["DTSTART"].params["TZID"] == "Asia/Seoul"
    start = moon["DTSTART"].dt
    assert (start.hour, start.minute) == (11, 0)
    assert start.utcoffset().total_seconds() == 9 * 3600
    g20 = events["G20 leaders' sessions, first day"]
    assert g20["DTSTART"].params["TZID"] == "Asia/Tokyo"


def test_subscribed_calendar_feed_needs_no_session():
    """A secret calendar address, issued through the API, is fetched as a calendar application would:
    no cookie, no token. It parses, holds stays, journeys, meetings and deadlines in their own zones, and
    stops answering once revoked."""
    session = urllib.request.Request(
        BASE + "/api/v1/session", method="POST", headers={"Content-Type": "application/json"},
        data=('{"name":"admin","password":"%s"}' % os.environ["PARLEY_ADMIN_PASSWORD"]).encode())
    with urllib.request.urlopen(session) as response:
        token = __import__("json").loads(response.read())["token"]
    bearer = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    plan = urllib.request.Request(
        BASE + "/api/v1/desks/asia-trip/trips/asia-2025/plan", method="POST", headers=bearer, data=b"")
    with urllib.request.urlopen(plan) as response:
        assert response.status == 201
    issue = urllib.request.Request(
        BASE + "/api/v1/calendar-feeds", method="POST", headers=bearer,
        data=b'{"desk":"asia-trip","trip":"asia-2025"}')
    with urllib.request.urlopen(issue) as response:
        assert response.status == 201
        feed = __import__("json").loads(response.read())
    # No cookie jar and no header: what a calendar application sends.
    with urllib.request.urlopen(BASE + feed["url"]) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(response.read())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert any(s.startswith("Stay: ") for s in summaries)
    assert any(s.startswith("Travel: ") for s in summaries)
    assert any(s.startswith("Deadline: ") for s in summaries)
    assert any(s.startswith(("Planned: ", "Agreed: ")) for s in summaries)
    for event in calendar.walk("VEVENT"):
        assert event["DTSTART"].params["TZID"] in {"Asia/Seoul", "Asia/Tokyo"}
        assert event["DTSTART"].dt.utcoffset() is not None
    revoke = urllib.request.Request(
        BASE + "/api/v1/calendar-feeds/" + feed["id"], method="DELETE",
        headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(revoke) as response:
        assert response.status == 204
    try:
        urllib.request.urlopen(BASE + feed["url"])
        raise AssertionError("a revoked feed still answered")
    except urllib.error.HTTPError as error:
        assert error.code == 404
