"""Every page passes axe-core (through axe-selenium-python) with no serious or critical violation, and a
creation form can be filled and sent with the keyboard alone."""
import os

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browsers import browser, sign_in

BASE = os.environ["PARLEY_URL"]
PASSWORD = os.environ["PARLEY_ADMIN_PASSWORD"]
PAGES = [
    "/", "/desks/dmz-2019", "/desks/asia-trip", "/desks/dmz-2019/engagements/dmz-handshake",
    "/desks/asia-trip/trips/asia-2025", "/desks/dmz-2019/timeline", "/desks/dmz-2019/notifications",
    "/desks/dmz-2019/engagements/dmz-handshake/brief", "/desks/asia-trip/trips/asia-2025/brief", "/search?q=kim", "/calibration", "/admin/users",
    "/admin/compartments", "/new-desk", "/calendar-feeds", "/alarms",
] + [f"/desks/asia-trip/new/{item}" for item in
     ["party", "principal", "venue", "travel", "trip", "engagement", "channel", "task", "playbook"]]


@pytest.fixture(scope="module")
def driver():
    window = browser()
    sign_in(window, BASE, PASSWORD)
    yield window
    window.quit()


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_violation(driver, path):
    driver.get(BASE + path)
    axe = Axe(driver)
    axe.inject()
    found = [violation for violation in axe.run()["violations"] if violation["impact"] in ("serious", "critical")]
    assert not found, "\n".join(
        f"{v['impact']} {v['id']}: {v['help']} — {v['nodes'][0]['html'][:160]}" for v in found)


def test_a_refused_form_is_accessible_too(driver):
    driver.get(BASE + "/desks/asia-trip/new/venue")
    driver.find_element(By.NAME, "name").send_keys("Peace House")
    driver.find_element(By.NAME, "latitude").send_keys("north")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/new/venue'] button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "error-latitude"))
    axe = Axe(driver)
    axe.inject()
    found = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    assert not found, found


def test_a_party_is_added_with_the_keyboard_alone(driver):
    driver.get(BASE + "/desks/asia-trip/new/party")
    body = driver.find_element(By.TAG_NAME, "body")
    body.click()
    # Tab from the top of the page to the form's first field, type, and send with Enter.
    for _ in range(40):
        active = driver.switch_to.active_element
        if active.get_attribute("name") == "name":
            break
        active.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.get_attribute("name") == "name", "the name field was not reached with Tab"
    active.send_keys("Kingdom of Sweden")
    active.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/new/party" not in d.current_url)
    driver.get(BASE + "/api/v1/desks/asia-trip/parties/kingdom-of-sweden")
    assert "Kingdom of Sweden" in driver.page_source
