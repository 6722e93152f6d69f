"""A desk set up and run in a real browser from an empty database: no YAML, no command line, no API call.

A server starts on a new store without the demo and prints its first admin's password; everything after
that is done by a person in Chromium: open a desk for a new trip, add its parties, principal, venues in
two zones, a travel time, the trip with its stays and a fixed commitment, an engagement with a window, a
channel and a playbook; plan the trip; record that the counterpart answered; confirm with an agreed slot;
re-plan (the agreed meeting pinned); amend a stay that slips an hour; retract a mistaken attempt.
Screenshots of the create and edit pages at 1280 and 390 px go to screenshots/.
"""
import datetime
import pathlib
import re
import zoneinfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.select import Select

from browsers import browser, policy_refusals, settled, sign_in

SHOTS = pathlib.Path(__file__).resolve().parents[2] / "screenshots"
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")



def day(offset, clock):
    """A time `offset` days from today in Seoul, as a person types it (`2026-12-12 09:00`)."""
    date = datetime.datetime.now(SEOUL).date() + datetime.timedelta(days=offset)
    return f"{date.isoformat()} {clock}"


def fill(driver, fields):
    """Types into inputs and chooses in selects by name; a list value chooses several options."""
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)
        if element.tag_name == "select":
            choice = Select(element)
            for option in value if isinstance(value, list) else [value]:
                choice.select_by_value(option)
        elif element.get_attribute("type") == "checkbox":
            if bool(value) != element.is_selected():
                element.click()
        else:
            element.clear()
            element.send_keys(value)


def add(driver, base, desk, item, fields):
    """Opens the desk's set-up, follows the link to add `item`, fills the form and submits it."""
    driver.get(f"{base}/desks/{desk}")
    driver.find_element(By.CSS_SELECTOR, f"#setup a[href='/desks/{desk}/new/{item}']").click()
    settled(driver).until(conditions.url_contains(f"/new/{item}"))
    fill(driver, fields)
    driver.find_element(By.CSS_SELECTOR, "form[action$='/new/" + item + "'] button[type=submit]").click()
    settled(driver).until(lambda d: f"/new/{item}" not in d.current_url)


def test_a_fresh_desk_is_set_up_and_run_in_the_browser(empty_server):
    SHOTS.mkdir(exist_ok=True)
    base = empty_server.url
    assert empty_server.password, "a new database prints its first admin's password"
    driver = browser()
    try:
        sign_in(driver, base, empty_server.password)
        driver.get(base + "/")
        driver.find_element(By.LINK_TEXT, "Open a desk").click()
        settled(driver).until(conditions.url_contains("/new-desk"))
        driver.save_screenshot(str(SHOTS / "create-desk-1280.png"))
        fill(driver, {"title": "Korea and Japan, spring", "zone": "Asia/Seoul"})
        driver.find_element(By.CSS_SELECTOR, "form[action='/new-desk'] button").click()
        settled(driver).until(conditions.url_contains("/desks/korea-and-japan-spring"))
        desk = "korea-and-japan-spring"

        add(driver, base, desk, "party", {"name": "United States"})
        add(driver, base, desk, "party", {"name": "Republic of Korea", "id": "rok"})
        add(driver, base, desk, "principal", {"name": "Joe Biden", "title": "President", "party": "united-states"})
        add(driver, base, desk, "venue", {
            "name": "Blue House", "city": "Seoul", "zone": "Asia/Seoul", "latitude": "37.5866",
            "longitude": "126.9748"})
        add(driver, base, desk, "venue", {
            "name": "Hotel Okura", "city": "Tokyo", "zone": "Asia/Tokyo", "latitude": "35.6680",
            "longitude": "139.7430"})
        add(driver, base, desk, "travel", {"from": "blue-house", "to": "hotel-okura", "time": "3h30m"})
        driver.get(f"{base}/desks/{desk}/new/trip")
        driver.save_screenshot(str(SHOTS / "create-trip-1280.png"))
        add(driver, base, desk, "trip", {
            "title": "Seoul and Tokyo", "principal": "joe-biden",
            "stays[0].venue": "blue-house", "stays[0].lodging": "Grand Hyatt",
            "stays[0].from": day(10, "09:00"), "stays[0].to": day(12, "09:00"),
            "stays[1].venue": "hotel-okura", "stays[1].from": day(12, "14:00") + " Asia/Tokyo",
            "stays[1].to": day(14, "10:00") + " Asia/Tokyo",
            "commitments[0].title": "State dinner", "commitments[0].venue": "blue-house",
            "commitments[0].start": day(10, "19:00"), "commitments[0].end": day(10, "21:00"),
        })
        assert driver.current_url.endswith(f"/desks/{desk}/trips/seoul-and-tokyo")
        driver.get(f"{base}/desks/{desk}/new/engagement")
        driver.save_screenshot(str(SHOTS / "create-engagement-1280.png"))
        add(driver, base, desk, "engagement", {
            "title": "Talks with President Yoon", "counterpart": "rok", "principals": ["joe-biden"],
            "duration": "1h30m", "priority": "2", "venues": ["blue-house"], "trip": "seoul-and-tokyo",
            "windows[0].from": day(11, "09:00"), "windows[0].to": day(11, "18:00"),
        })
        engagement = f"{base}/desks/{desk}/engagements/talks-with-president-yoon"
        assert driver.current_url == engagement
        add(driver, base, desk, "channel", {"name": "Embassy line", "kind": "hotline", "party": "rok",
                                            "status": "active"})
        add(driver, base, desk, "playbook", {
            "name": "If the embassy is silent", "engagement": "talks-with-president-yoon",
            "steps[0].channel": "embassy-line", "steps[0].wait": "2h", "steps[0].repeat": "2"})

        add(driver, base, desk, "task", {
            "title": "Site survey", "kind": "site-survey", "engagement": "talks-with-president-yoon",
            "venue": "blue-house", "duration": "3h", "lead_time": "1d", "owner": "Advance team"})
        assert "Site survey" in driver.find_element(By.ID, "tasks").text
        # A shared record corrected on its edit page, reached from the desk's set-up.
        driver.get(f"{base}/desks/{desk}")
        driver.find_element(By.CSS_SELECTOR, "#setup details summary").click()
        driver.find_element(By.CSS_SELECTOR, f"#setup a[href='/desks/{desk}/edit/venue/hotel-okura']").click()
        settled(driver).until(conditions.url_contains("/edit/venue/hotel-okura"))
        driver.save_screenshot(str(SHOTS / "edit-venue-1280.png"))
        fill(driver, {"name": "Hotel Okura Tokyo", "reason": "Its full name"})
        driver.find_element(By.CSS_SELECTOR, "form[action$='/edit/venue/hotel-okura'] button[type=submit]").click()
        settled(driver).until(conditions.url_contains("#setup"))
        assert "Hotel Okura Tokyo" in driver.find_element(By.ID, "setup").get_attribute("innerHTML")

        # Plan the trip: the meeting fits on the second day.
        driver.get(f"{base}/desks/{desk}/trips/seoul-and-tokyo")
        driver.find_element(By.CSS_SELECTOR, "form[action$='/plan'] button").click()
        settled(driver, 30).until(lambda d: "Planned" in d.find_element(By.ID, "itinerary").text)
        assert "Talks with President Yoon" in driver.page_source

        # The counterpart answers; the meeting is confirmed in one step with the agreed slot.
        driver.get(engagement)
        fill(driver, {"from": "rok", "channel": "embassy-line",
                      "summary": "Seoul agrees to meet on the second morning", "stance": "favourable"})
        driver.find_element(By.CSS_SELECTOR, "#record-message button").click()
        settled(driver).until(lambda d: "Seoul agrees to meet" in d.page_source)
        driver.get(engagement)
        fill(driver, {"to": "confirmed", "reason": "Both sides agreed the time",
                      "slot_start": day(11, "10:00"), "slot_venue": "blue-house"})
        driver.find_element(By.CSS_SELECTOR, "#lifecycle form[action$='/move'] button[type=submit]").click()
        settled(driver).until(lambda d: "confirmed" in d.find_element(By.ID, "lifecycle").text.lower())
        lifecycle = driver.find_element(By.ID, "lifecycle").text
        assert driver.find_element(By.ID, "agreed-slot").text.startswith("Agreed:"), lifecycle

        # Re-plan: the agreed meeting stays where both sides put it.
        driver.get(f"{base}/desks/{desk}/trips/seoul-and-tokyo")
        driver.find_element(By.CSS_SELECTOR, "form[action$='/plan'] button").click()
        settled(driver, 30).until(lambda d: "Talks with President Yoon" in d.find_element(By.ID, "itinerary").text
                                  or "Talks with President Yoon" in d.page_source)
        ics = driver.execute_script(
            "return fetch(arguments[0]).then(r => r.text())", f"{base}/desks/{desk}/trips/seoul-and-tokyo/itinerary.ics")
        assert re.search(r"DTSTART;TZID=Asia/Seoul:\d{8}T100000", ics), ics

        # The first stay slips an hour: changed on the trip page, and the trip shows the new time.
        driver.find_element(By.CSS_SELECTOR, "#change-trip summary").click()
        driver.save_screenshot(str(SHOTS / "edit-trip-1280.png"))
        new_departure = day(12, "10:00") + " Asia/Seoul"
        fill(driver, {"stays[0].to": new_departure, "reason": "The motorcade leaves an hour later"})
        driver.find_element(By.CSS_SELECTOR, "#change-trip button[type=submit]").click()
        settled(driver).until(lambda d: d.find_element(By.NAME, "stays[0].to").get_attribute("value") == new_departure)
        assert day(12, "10:00") in driver.find_element(By.TAG_NAME, "main").text

        # A mistaken attempt is recorded, then retracted from the timeline with a reason.
        driver.get(f"{base}/desks/{desk}")
        fill(driver, {"channel": "embassy-line", "engagement": "talks-with-president-yoon",
                      "outcome": "unanswered", "note": "typed on the wrong desk"})
        driver.find_element(By.CSS_SELECTOR, "#record-attempt button").click()
        settled(driver).until(lambda d: "typed on the wrong desk" in d.find_element(By.ID, "channels").text)
        driver.get(f"{base}/desks/{desk}/timeline")
        entry = next(item for item in driver.find_elements(By.CSS_SELECTOR, "#timeline li")
                     if "typed on the wrong desk" in item.text)
        entry.find_element(By.CSS_SELECTOR, "details.retract summary").click()
        entry.find_element(By.NAME, "reason").send_keys("Recorded on the wrong desk")
        entry.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        settled(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline del"))
        assert "Recorded on the wrong desk" in driver.find_element(By.ID, "timeline").text
        assert not policy_refusals(driver)
    finally:
        driver.quit()


@pytest.mark.parametrize("path", ["/new-desk", "/desks/asia-trip/new/engagement", "/desks/asia-trip/new/trip",
                                  "/desks/asia-trip/new/venue", "/desks/asia-trip/trips/asia-2025"])
def test_create_and_edit_pages_at_phone_width(path):
    import os
    base = os.environ["PARLEY_URL"]
    driver = browser(phone=True)
    try:
        sign_in(driver, base, os.environ["PARLEY_ADMIN_PASSWORD"])
        driver.get(base + path)
        if path.endswith("asia-2025"):
            driver.find_element(By.CSS_SELECTOR, "#change-trip summary").click()
        width, viewport = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= viewport, f"{path} scrolls sideways ({width}px in {viewport}px)"
        # No field runs past the screen's edge (a clipped field cannot be read or typed into).
        clipped = driver.execute_script(
            "return [...document.querySelectorAll('main input, main select')]"
            ".filter(e => e.type !== 'hidden' && e.offsetParent !== null"
            " && e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.name)")
        assert not clipped, f"{path}: fields past the edge at 390 px: {clipped[:5]}"
        name = path.strip("/").replace("/", "-")
        driver.save_screenshot(str(SHOTS / f"{name}-390.png"))
        wide = browser()
        try:
            sign_in(wide, base, os.environ["PARLEY_ADMIN_PASSWORD"])
            wide.get(base + path)
            wide.save_screenshot(str(SHOTS / f"{name}-1280.png"))
        finally:
            wide.quit()
    finally:
        driver.quit()
