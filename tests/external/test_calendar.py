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
