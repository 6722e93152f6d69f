"""`parley replay` feeds a scenario to the running desk in the order things happened."""
import json
import os
import pathlib
import subprocess
import urllib.request

from servers import token

BASE = os.environ["PARLEY_URL"]
ROOT = pathlib.Path(__file__).resolve().parents[2]


def get(path):
    request = urllib.request.Request(BASE + path, headers={"Authorization": "Bearer " + token(BASE)})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def replay(*extra):
    return subprocess.run(
        [os.environ["PARLEY_BINARY"], "replay", str(ROOT / "scenarios/dmz-2019.yaml"), "--speed", "100000000",
         "--as", "dmz-replay", "--url", BASE, "--user", "admin", *extra],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, PARLEY_PASSWORD=os.environ["PARLEY_ADMIN_PASSWORD"]))


def test_replay_builds_the_desk_in_story_order_on_the_server():
    result = replay()
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == f"replayed 49 events into desk 'dmz-replay' at {BASE}"
    # The hotline went unanswered before it rang, and the meeting was held last.
    story = "\n".join(lines)
    assert story.index("attempt on dmz-hotline: unanswered") < story.index("outreach → in contact")
    assert "confirmed → held" in lines[-2]
    engagement = get("/api/v1/desks/dmz-replay/engagements/dmz-handshake")
    assert engagement["state"] == "held"
    assert [move["to"] for move in engagement["history"]][-1] == "held"
    # Replaying into the same desk again is refused: it is already open.
    again = replay()
    assert again.returncode == 1
    assert "already open" in again.stderr
