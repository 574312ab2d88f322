"""Open a generated map in Chromium and record everything a test wants to assert on."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
READY = "document.documentElement.dataset.ready === 'true'"
# Runs before the page's own scripts; read back with csp_violations(page).
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@dataclass
class PageLog:
    external_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def wait_until(page, expression: str, arg=None, *, timeout: float = 30_000) -> None:
    """Wait until the JavaScript ``expression`` (or function of ``arg``) is truthy, across navigations.

    Polls with ``page.evaluate``. Playwright's ``wait_for_function`` compiles its predicate
    with ``eval``, which the page's CSP forbids; it then fails at random after a navigation
    (microsoft/playwright#36982). ``timeout`` is in milliseconds, as Playwright's.
    """
    deadline = time.monotonic() + timeout / 1000
    last_error = None
    while time.monotonic() < deadline:
        try:
            if page.evaluate(expression, arg):
                return
        except PlaywrightError as error:  # the page is navigating: its context went away
            last_error = error
        time.sleep(0.05)
    raise AssertionError(f"{expression} not true within {timeout / 1000:g} s (last error: {last_error})")


DESKTOP = (1366, 768)
PHONE = (390, 844)


def open_map(browser, html: Path, *, viewport=DESKTOP, fragment: str = "", context=None, **context_options):
    """Load ``html`` with every non-local request blocked and logged; wait until the map is ready.

    A phone-sized viewport gets a touch screen. Pass ``context`` to open a second page
    in the same browser context (same localStorage).
    """
    log = PageLog()
    if context is None:
        phone = viewport[0] < 700
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                      has_touch=phone, is_mobile=phone, **context_options)
    page = context.new_page()

    def gate(route):
        url = route.request.url
        log.requests.append(url)
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            log.external_requests.append(url)
            route.abort()

    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.route("**/*", gate)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and log.console_errors.append(message.text))
    page.on("dialog", lambda dialog: (log.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(Path(html).resolve().as_uri() + fragment)
    wait_until(page, READY)
    return page, log


def csp_violations(page) -> list[str]:
    """Every Content-Security-Policy violation the page reported so far ("directive blocked-uri")."""
    return page.evaluate("window.__cspViolations")


def open_static(browser, url: str, *, allow_local_http: bool = False):
    """Load a page that has no readiness flag (glossary, served map); log requests as ``open_map`` does."""
    log = PageLog()
    page = browser.new_context().new_page()

    def gate(route):
        request_url = route.request.url
        log.requests.append(request_url)
        local = request_url.startswith(LOCAL_SCHEMES) or (
            allow_local_http and request_url.startswith("http://127.0.0.1:"))
        if local:
            route.continue_()
        else:
            log.external_requests.append(request_url)
            route.abort()

    page.route("**/*", gate)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and log.console_errors.append(message.text))
    page.on("dialog", lambda dialog: (log.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    return page, log


def offset_from_centre(page, node_id: str) -> float:
    """How far, in CSS pixels, the concept is drawn from the centre of the map."""
    return page.evaluate("""(id) => {
        const p = kamgraph.network.canvasToDOM(kamgraph.network.getPositions([id])[id]);
        const box = document.getElementById('map');
        return Math.hypot(p.x - box.clientWidth / 2, p.y - box.clientHeight / 2);
    }""", node_id)
