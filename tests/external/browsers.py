"""Headless Chromium windows from Debian's packages: nothing is downloaded."""
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def browser(width=1280, height=800, phone=False):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        options.add_argument(argument)
    # Console messages, so tests can see Content-Security-Policy refusals.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if phone:
        # Headless windows are at least 500 px wide; emulate a phone's viewport instead.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3}})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def settled(driver, seconds=10):
    """A wait that looks again when the page it was reading changed under it.

    A live update can replace the section being read, and a form post replaces the whole document; while
    that happens Chromium answers "stale element" or "node does not belong to the document". Both mean
    "look again", so the wait does, until its time is up.
    """
    return WebDriverWait(driver, seconds, ignored_exceptions=(WebDriverException,))


def policy_refusals(driver):
    """Console messages in which the browser refused something under the Content-Security-Policy."""
    return [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]


def sign_in(driver, base, password, name="admin"):
    """Signs `driver` in through the sign-in page, as a person would."""
    driver.get(base + "/login")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form[action='/login'] button").click()
    WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url)


def click_and_wait_for_next_page(driver, element, seconds=10):
    """Clicks `element` (a form button or a link) and waits until the browser shows the document it leads to.

    The old document is marked before the click and the wait ends when a document without the mark is
    shown. Waiting for the clicked element to go stale instead races the navigation: Chromium can answer
    "node does not belong to the document" while the old page is being torn down.
    """
    driver.execute_script("window.__parleyLeaving = true;")
    element.click()

    def arrived(d):
        try:
            return d.execute_script("return document.readyState === 'complete' && !window.__parleyLeaving;")
        except WebDriverException:
            return False  # between documents

    WebDriverWait(driver, seconds).until(arrived)
