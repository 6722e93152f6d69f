"""An infeasible trip in a real browser: the DPRK meeting of the asia-trip demo is agreed for 20:00 at
Busan, an hour after the summit ends in Gyeongju and further than an hour's drive away. Re-planning the
trip in Chromium is refused, naming the conflict and the concrete ways out with their new times."""
import pathlib

from selenium.webdriver.common.by import By

from browsers import browser, click_and_wait_for_next_page, policy_refusals, sign_in
from servers import call

SHOTS = pathlib.Path(__file__).resolve().parents[2] / "screenshots"


def test_an_infeasible_plan_names_its_conflict_and_the_ways_out(demo_server):
    base = demo_server.url
    status, _, body = call(base, "/api/v1/desks/asia-trip/engagements/kim-meeting/move", "POST", {
        "to": "confirmed", "at": "2025-10-21 07:00 Asia/Seoul", "by": "staff", "reason": "Agreed",
        "slot": {"start": "2025-10-29 20:00 Asia/Seoul", "duration": "30m", "venue": "busan"}})
    assert status == 200, body
    driver = browser()
    try:
        sign_in(driver, base, demo_server.password)
        driver.get(base + "/desks/asia-trip/trips/asia-2025")
        click_and_wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/plan'] button"))
        # Refused on the trip page itself, where the staff were, the itinerary as it stood below.
        assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Asia trip with APEC in South Korea")
        text = driver.find_element(By.ID, "plan-refused").text
        assert "cannot all be scheduled" in text
        assert "Possible meeting with the DPRK leader (kim-meeting)" in text
        assert "It would fit if Summit with the ROK president moves 35m earlier, to 2025-10-29 15:25 KST" in text
        assert "the journey from APEC venue, Gyeongju to Gimhae air base, Busan is 35m shorter" in text
        SHOTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(SHOTS / "infeasible-plan-ways-out-1280.png"))
        assert policy_refusals(driver) == []
    finally:
        driver.quit()
