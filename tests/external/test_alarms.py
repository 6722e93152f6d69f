"""Alarms where people look: a deadline warning appears live in the header of an open page, and is
acknowledged there, by this person only."""
import datetime
import json
import os
import pathlib
import urllib.error
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browsers import browser, click_and_wait_for_next_page, policy_refusals, settled, sign_in

SHOTS = pathlib.Path(__file__).resolve().parents[2] / "screenshots"
BASE = os.environ["PARLEY_URL"]
PASSWORD = os.environ["PARLEY_ADMIN_PASSWORD"]


def api(path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(
        BASE + path, method="POST" if body is not None else "GET", headers=headers,
        data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


def count(driver):
    text = driver.find_element(By.ID, "alarm-count").text.strip()
    return int(text) if text else 0


def test_deadline_warning_appears_live_in_the_header_and_is_acknowledged_there():
    token = api("/api/v1/session", {"name": "admin", "password": PASSWORD})["token"]
    driver = browser()
    try:
        sign_in(driver, BASE, PASSWORD)
        driver.get(BASE + "/")
        waiting = settled(driver, 60)
        waiting.until(lambda d: d.find_element(By.ID, "alarm-panel").find_elements(By.ID, "alarm-list") or
                      "No alarms" in d.find_element(By.ID, "alarm-panel").get_attribute("innerHTML") or
                      d.find_element(By.ID, "alarm-panel").find_elements(By.CSS_SELECTOR, "li.alarm"))
        before = count(driver)
        # A deadline whose two-hour alarm comes due a few seconds from now: the server's timer raises the
        # warning then, while the home page (which follows no desk) stays open.
        due = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=2, seconds=8)).strftime(
            "%Y-%m-%d %H:%M:%S")
        api("/api/v1/desks/dmz-2019/deadlines",
            {"title": "Answer the border liaison", "owed_by": "us", "due": due + " UTC", "alarms": ["2h"]}, token)
        waiting.until(lambda d: "Answer the border liaison" in d.find_element(By.ID, "alarm-panel").get_attribute("innerHTML"))
        assert count(driver) == before + 1
        driver.find_element(By.CSS_SELECTOR, "#alarm-area summary").click()
        item = next(li for li in driver.find_elements(By.CSS_SELECTOR, "#alarm-panel li.alarm")
                    if "Answer the border liaison" in li.text)
        assert "deadline soon" in item.text
        SHOTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(SHOTS / "alarms-header-1280.png"))
        item.find_element(By.CSS_SELECTOR, "button").click()
        waiting.until(lambda d: "Answer the border liaison" not in d.find_element(By.ID, "alarm-panel").get_attribute("innerHTML"))
        assert count(driver) == before
        assert driver.current_url.rstrip("/") == BASE.rstrip("/")
        assert policy_refusals(driver) == []
    finally:
        driver.quit()
    # Acknowledged by the admin only: the API agrees for them.
    listed = api("/api/v1/alarms", token=token)
    assert not any("Answer the border liaison" in alarm["text"] for alarm in listed["alarms"])


def test_subscribe_follow_and_revoke_through_the_browser():
    """The new forms, clicked as a person would: subscribe from a trip page (the address works with no
    session), follow an engagement from its page, revoke the feed from the feeds page."""
    driver = browser()
    try:
        sign_in(driver, BASE, PASSWORD)
        driver.get(BASE + "/desks/asia-trip/trips/asia-2025")
        driver.find_element(By.XPATH, "//button[normalize-space()='Subscribe in a calendar application']").click()
        address = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "feed-address")).get_attribute("value")
        assert "/calendars/" in address and address.endswith(".ics")
        with urllib.request.urlopen(BASE + address[address.index("/calendars/"):]) as response:
            assert response.read().startswith(b"BEGIN:VCALENDAR")
        driver.get(BASE + "/desks/asia-trip/engagements/kim-meeting")
        follow = driver.find_element(By.XPATH, "//button[normalize-space()='Tell me when it moves']")
        click_and_wait_for_next_page(driver, follow)
        driver.get(BASE + "/alarms")
        assert "Stop following" in driver.page_source
        driver.get(BASE + "/calendar-feeds")
        revoke = driver.find_element(By.XPATH, "//form[contains(@action, '/revoke')]/button")
        click_and_wait_for_next_page(driver, revoke)
        try:
            urllib.request.urlopen(BASE + address[address.index("/calendars/"):])
            raise AssertionError("a revoked feed still answered")
        except urllib.error.HTTPError as error:
            assert error.code == 404
        assert policy_refusals(driver) == []
    finally:
        driver.quit()
