"""The itinerary calendar parses with a real iCalendar library, with each event in its venue's zone."""
import os
import urllib.request

import icalendar

BASE = os.environ["PARLEY_URL"]


def test_itinerary_calendar_parses_with_zones():
    with urllib.request.urlopen(urllib.request.Request(BASE + "/desks/dmz-2019/trips/asia-2019/plan", data=b"", method="POST")):
        pass
    with urllib.request.urlopen(BASE + "/desks/dmz-2019/trips/asia-2019/itinerary.ics") as response:
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
