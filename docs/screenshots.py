"""Write the README's screenshots of the page (docs/page.png at 1400x900, docs/page-phone.png at 390x844) from a
database, with one capture selected:

    .venv/bin/python docs/screenshots.py demo.sqlite

Needs the test extras (Playwright) and Debian's Chromium, as the browser tests do.
"""
from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from sitroom.web.app import create_app

HERE = Path(__file__).resolve().parent


def main(db: str) -> None:
    """Serve ``db`` on a free local port and photograph the page at both sizes."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for name, size in (("page.png", (1400, 900)), ("page-phone.png", (390, 844))):
                page = browser.new_page(viewport={"width": size[0], "height": size[1]})
                page.goto(f"http://127.0.0.1:{port}/?country=AF")
                page.wait_for_selector('body[data-ready="1"]', state="attached")
                page.click("#events tbody tr:has-text(\"Kandahar\"):has-text(\"territory_captured\")")
                page.wait_for_selector("#detail mark.evidence")
                page.wait_for_timeout(800)
                page.screenshot(path=str(HERE / name), full_page=name == "page-phone.png")
                page.close()
            browser.close()
    finally:
        server.should_exit = True
    print(f"wrote {HERE / 'page.png'} and {HERE / 'page-phone.png'}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo.sqlite")
