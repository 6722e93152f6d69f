"""`parley replay` feeds a scenario to the running desk in the order things happened."""
import json
import os
import pathlib
import subprocess
import urllib.request

BASE = os.environ["PARLEY_URL"]
ROOT = pathlib.Path(__file__).resolve().parents[2]


def get(path):
    with urllib.request.urlopen(BASE + path) as response:
        return json.loads(response.read())


def test_replay_builds_the_desk_in_story_order_on_the_server():
    result = subprocess.run(
        [os.environ["PARLEY_BINARY"], "replay", str(ROOT / "scenarios/dmz-2019.yaml"), "--speed", "100000000",
         "--as", "dmz-replay", "--url", BASE],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == f"replayed 48 events into desk 'dmz-replay' at {BASE}"
    # The hotline went unanswered before it rang, and the meeting was held last.
    story = "\n".join(lines)
    assert story.index("attempt on dmz-hotline: unanswered") < story.index("outreach → in contact")
    assert "confirmed → held" in lines[-2]
    engagement = get("/api/v1/desks/dmz-replay/engagements/dmz-handshake")
    assert engagement["state"] == "held"
    assert [move["to"] for move in engagement["history"]][-1] == "held"
    # Replaying into the same desk again is refused: it is already open.
    again = subprocess.run(
        [os.environ["PARLEY_BINARY"], "replay", str(ROOT / "scenarios/dmz-2019.yaml"), "--speed", "100000000",
         "--as", "dmz-replay", "--url", BASE],
        capture_output=True, text=True, timeout=120)
    assert again.returncode == 1
    assert "already open" in again.stderr
