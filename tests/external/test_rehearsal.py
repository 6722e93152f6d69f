"""A rehearsal in a real browser: from an empty server's first page, start the DMZ 2019 story replayed
from now at 600x, land on its own desk marked as a rehearsal, and watch the engagement move live as the
story's moments come round (its first move, 2 hours into the story, is 12 seconds in)."""
import pathlib

from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from browsers import browser, click_and_wait_for_next_page, policy_refusals, settled, sign_in

SHOTS = pathlib.Path(__file__).resolve().parents[2] / "screenshots"


def test_a_rehearsal_unfolds_live_in_its_own_desk(empty_server):
    base = empty_server.url
    driver = browser()
    try:
        sign_in(driver, base, empty_server.password)
        driver.get(base + "/")
        panel = driver.find_element(By.ID, "rehearse")
        assert "Start a rehearsal" in panel.text
        Select(panel.find_element(By.NAME, "speed")).select_by_value("600")
        click_and_wait_for_next_page(driver, panel.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        assert driver.current_url.endswith("/desks/rehearsal-dmz-2019")
        banner = driver.find_element(By.CSS_SELECTOR, "main .banner")
        assert "Rehearsal." in banner.text and "Nothing on this desk is real" in banner.text
        assert "Rehearsal: DMZ handshake, June 2019 (600× speed)" in driver.page_source
        # The page is not reloaded: the live stream brings the story's first move (to exploring).
        settled(driver, 60).until(lambda d: "exploring" in d.find_element(By.TAG_NAME, "main").text.lower())
        SHOTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(SHOTS / "rehearsal-1280.png"))
        assert policy_refusals(driver) == []
    finally:
        driver.quit()
