"""Starting and stopping `parley serve` processes and private PostgreSQL servers for the fault tests."""
import json
import os
import pathlib
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("PARLEY_BINARY", str(ROOT / ".build/debug/parley"))
ENGINE = os.environ.get("PARLEY_ENGINE", "sqlite")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_url(base, schema):
    """`base` (a postgres:// URL) pointed at `schema`."""
    parts = urllib.parse.urlsplit(base)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "schema"] + [("schema", schema)]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def fresh_store(tmp_path, engine=ENGINE, base=None):
    """The options naming a new, empty store of `engine`."""
    if engine == "postgres":
        base = base or os.environ["PARLEY_TEST_POSTGRES_URL"]
        return ["--database-url", postgres_url(base, "x_" + uuid.uuid4().hex[:16])]
    return ["--db", str(tmp_path / f"parley-{uuid.uuid4().hex[:8]}.sqlite")]


# The demo admin's password for each server's URL, and the API tokens signed in with it.
PASSWORDS = {}
TOKENS = {}
if os.environ.get("PARLEY_URL") and os.environ.get("PARLEY_ADMIN_PASSWORD"):
    PASSWORDS[os.environ["PARLEY_URL"]] = os.environ["PARLEY_ADMIN_PASSWORD"]


def token(base):
    """An API session token for the demo admin on `base`."""
    if base not in TOKENS:
        request = urllib.request.Request(base + "/api/v1/session", method="POST",
                                         data=json.dumps({"name": "admin", "password": PASSWORDS[base]}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            TOKENS[base] = json.loads(response.read())["token"]
    return TOKENS[base]


class Server:
    """One `parley serve` process; `password` is the demo admin's when another server created it."""

    def __init__(self, store, tmp_path, demo=True, port=None, password=None):
        self.store = store
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(tmp_path / f"server-{self.port}.log", "ab")
        arguments = [BINARY, "serve", "--port", str(self.port)] + store + (["--demo"] if demo else [])
        self.process = subprocess.Popen(arguments, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"parley serve exited with {self.process.returncode}; log in {self.log.name}")
            try:
                urllib.request.urlopen(self.url + "/livez", timeout=1).read()
                printed = re.search(r"Sign in as admin with password (\S+)", pathlib.Path(self.log.name).read_text())
                self.password = printed.group(1) if printed else password
                PASSWORDS[self.url] = self.password
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("parley serve did not start within 30 s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.log.close()


def call(base, path, method="GET", body=None, timeout=10, signed_in=True):
    """(status, headers, parsed body or raw bytes), as the demo admin unless `signed_in` is false."""
    data = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if signed_in:
        headers["Authorization"] = "Bearer " + token(base)
    request = urllib.request.Request(base + path, method=method, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), _parse(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), _parse(error.read())


def _parse(raw):
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def parley(*arguments):
    """Runs a parley command; returns the completed process."""
    return subprocess.run([BINARY, *arguments], capture_output=True, text=True, timeout=60)


class PrivatePostgres:
    """A PostgreSQL server of a test's own (tests/postgres/start), free to stop and restart."""

    def __init__(self):
        # Not under pytest's tmp_path: the postgres user must be able to reach the folder.
        folder = tempfile.mkdtemp(prefix="parley-pg-")
        os.chmod(folder, 0o755)
        self.env = dict(os.environ, PARLEY_PG_DIR=folder, PARLEY_PG_PORT=str(free_port()))
        self.url = self._script("start").strip().splitlines()[-1]

    def _script(self, name):
        done = subprocess.run([str(ROOT / "tests/postgres" / name)], env=self.env, capture_output=True, text=True,
                              timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"tests/postgres/{name} failed: {done.stderr}")
        return done.stdout

    def stop(self):
        self._script("stop")

    def start(self):
        self._script("start")
