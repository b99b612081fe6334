"""In a real browser: the participants query as `make serve` shows it, and the audit's HTML report.

Headless Chromium (/usr/bin/chromium) driven by Playwright; screenshots go to outputs/screenshots/.
Skipped when either is missing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline import audit
from tests.conftest import ROOT
from tests.test_audit import build_small_db

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "outputs" / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Datasette serving the small database read-only on 127.0.0.1, as `make serve` does."""
    db = build_small_db(tmp_path_factory.mktemp("browser") / "reports.db")
    port = _free_port()
    command = [sys.executable, "-m", "datasette", "serve", "--immutable", str(db)]
    command += ["--metadata", str(ROOT / "datasette" / "metadata.yml")]
    command += ["--plugins-dir", str(ROOT / "datasette" / "plugins"), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
                    pytest.fail(f"datasette did not start: {error[-2000:]}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_participants_query_in_a_browser(browser, server: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{server}/reports/participants")
    table = page.locator("table.rows-and-columns")
    table.wait_for()
    assert "Deltagare – planerat och faktiskt" in page.locator("h1").inner_text()
    text = table.inner_text()
    assert "Nyttiga affärer 2.0" in text and "Framtidsverkstan" in text
    assert table.locator("tbody tr").count() >= 20
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "participants.png"), full_page=True)
    page.close()


def test_audit_report_in_a_browser(browser, tmp_path: Path) -> None:
    db = build_small_db(tmp_path / "reports.db")
    audit.audit(db, tmp_path / "audit")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto((tmp_path / "audit" / "index.html").as_uri())
    assert page.locator("svg").count() == 3
    assert page.locator("mark").count() > 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "audit.png"), full_page=True)
    page.close()
