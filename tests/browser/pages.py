"""Open a generated map in Chromium and record everything a test wants to assert on."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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


def page_error_recorder(log: PageLog):
    """A ``pageerror`` listener that records the page's own errors.

    Playwright's ``wait_for_function`` compiles its predicate with ``eval`` and retries when the
    page's CSP refuses it (microsoft/playwright#36982); that refusal surfaces as a page error whose
    stack has no frame in the page's file. Errors with a frame in the page are always recorded.
    """
    def record(error) -> None:
        stack = getattr(error, "stack", "") or ""
        if "unsafe-eval" in str(error) and "file://" not in stack:
            return
        log.page_errors.append(str(error))

    return record


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
    page.on("pageerror", page_error_recorder(log))
    page.on("console", lambda message: message.type == "error" and log.console_errors.append(message.text))
    page.on("dialog", lambda dialog: (log.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(Path(html).resolve().as_uri() + fragment)
    page.wait_for_function(READY, timeout=30_000)
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
    page.on("pageerror", page_error_recorder(log))
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
