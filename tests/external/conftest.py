"""Fixtures shared by the external tests."""
import pytest

from servers import Server, fresh_store


@pytest.fixture
def empty_server(tmp_path):
    """A server of its own on a new store without the demo; its first admin's password is printed once."""
    server = Server(fresh_store(tmp_path), tmp_path, demo=False)
    yield server
    server.stop()


@pytest.fixture
def demo_server(tmp_path):
    """A demo server of its own, free to change (the shared one's desks stay as the other tests expect)."""
    server = Server(fresh_store(tmp_path), tmp_path, demo=True)
    yield server
    server.stop()
