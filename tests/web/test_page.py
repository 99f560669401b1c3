"""The analyst's page (src/eventwire/web/static) in a real browser.

The API runs under uvicorn on 127.0.0.1 over a store made from the sample
corpus; Playwright (from PyPI) drives Debian's Chromium at /usr/bin/chromium
(installed by tools/ensure_chromium.sh; `playwright install` is never used).
Every request the page makes to any other host is blocked and recorded, so the
tests also prove that the page works offline.

Skips with a reason when Playwright or Chromium is missing;
EVENTWIRE_TEST_BROWSER=1 makes that a failure, EVENTWIRE_TEST_BROWSER=0 skips.
"""

import json
import os
import re
import socket
import threading
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "src" / "eventwire" / "web" / "static"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
MARKERS = "#map path.event-marker"
ROWS = "#events-table tbody tr"

XSS_DAY = "2026-01-12"  # "on Monday" for an article published on Wednesday 2026-01-14; no sample event is this late
XSS_IMG = '<img src=x onerror="window.__xss=2">'
XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_OUTLET = "Test <b>Wire</b>"
XSS_TEXT = (f"Police arrested 25 protesters {XSS_IMG} in Baghdad on Monday, officials said. "
            f"Hundreds of demonstrators {XSS_SCRIPT} marched in Basra on Monday, witnesses said.")  # fmt: skip


# --------------------------------------------------------------------------- what the tests need


def _mode() -> str:
    return os.environ.get("EVENTWIRE_TEST_BROWSER", "").strip().lower()


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install playwright==1.65.2)"
    try:
        import uvicorn  # noqa: F401
    except ImportError:
        return "uvicorn is not installed (pip install -e .[web])"
    if not os.access(CHROMIUM, os.X_OK):
        return f"Chromium is not installed at {CHROMIUM} (run tools/ensure_chromium.sh as root)"
    return None


def need_browser():
    if _mode() in ("0", "false", "no", "off"):
        pytest.skip("browser tests disabled by EVENTWIRE_TEST_BROWSER=0")
    reason = _missing()
    if reason:
        if _mode() in ("1", "true", "yes", "on"):
            pytest.fail(f"EVENTWIRE_TEST_BROWSER=1 but {reason}")
        pytest.skip(reason)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The API and the page, served by uvicorn on a free loopback port."""
    need_browser()
    import uvicorn

    from eventwire.cli import SAMPLE_ARTICLES, sample_path
    from eventwire.reader import read_path
    from eventwire.store.db import open_store
    from eventwire.store.ingest import ingest
    from eventwire.web.api import create_app, create_token

    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('page')}/page.sqlite")
    ingest(store, read_path(sample_path(SAMPLE_ARTICLES)))
    token = create_token(store, "page-test")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # bound here and handed over: no race for the port
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(store), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield SimpleNamespace(base=f"http://127.0.0.1:{port}", token=token)
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()
        store.close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    except Exception:
        pw.stop()
        raise
    yield b
    b.close()
    pw.stop()


@pytest.fixture
def page(browser, server):
    """A fresh page; requests to any host but the test server are blocked and recorded,
    and the test fails on any page error, console error or outside request."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.set_default_timeout(15_000)
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith(server.base + "/"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    p = context.new_page()
    p.on("pageerror", lambda err: errors.append(f"page error: {err}"))
    p.on("console", lambda msg: errors.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    p.outside, p.errors = outside, errors
    yield p
    context.close()
    assert not outside, f"the page tried to reach other hosts: {outside}"
    assert not errors, errors


# --------------------------------------------------------------------------- helpers


def open_page(page, server, query=""):
    page.goto(f"{server.base}/{query}")
    page.wait_for_selector("body[data-state=ready]")
    page.wait_for_selector("body[data-outlines=ready]")
    assert page.locator("#map path.country").count() > 100  # the shipped outlines are drawn


def reloads(page, action):
    """Run `action` (which changes a filter) and wait until the page has loaded again."""
    before = page.evaluate("window.eventwire.state.loadSeq")
    action()
    page.wait_for_function(
        "n => window.eventwire.state.loadSeq > n && document.body.dataset.state !== 'loading'", arg=before
    )
    assert page.evaluate("document.body.dataset.state") == "ready", page.text_content("#status")


def column(page, cls):
    return page.eval_on_selector_all(f"{ROWS} td.{cls}", "tds => tds.map(td => td.textContent)")


def api(server, path, body=None):
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers |= {"Content-Type": "application/json", "Authorization": f"Bearer {server.token}"}
    with urllib.request.urlopen(urllib.request.Request(server.base + path, data=data, headers=headers), timeout=60) as r:
        return json.loads(r.read())


def open_row(page, index=0):
    row = page.locator(ROWS).nth(index)
    event_id = row.get_attribute("data-event-id")
    row.click()
    page.wait_for_selector(f"#detail[data-state=ready] #detail-body[data-event-id='{event_id}']")
    return int(event_id)


def check_highlights(page, server, event_id):
    """Each report shows its outlet, cited source and sentence, and every <mark> holds
    exactly the slice of the sentence that the coder's offsets name."""
    event = api(server, f"/api/events/{event_id}")
    reports = page.locator("#detail .report")
    assert reports.count() == len(event["reports"]) >= 1
    for i, rep in enumerate(event["reports"]):
        shown = reports.nth(i)
        ev = rep["record"]["evidence"]
        sentence, s0 = rep["sentence"], ev["sentence_start"]
        assert shown.locator("p.sentence").text_content() == sentence
        assert shown.locator(".report-outlet").text_content() == (rep["outlet"] or "unknown outlet")
        if rep["cited_source"]:
            assert rep["cited_source"] in shown.locator(".report-cited").text_content()
        triggers = shown.locator("mark.trigger").all_text_contents()
        assert triggers and "".join(triggers) in sentence
        for role in ("trigger", "source", "target", "place", "time", "attribution"):  # one span each
            span = ev["spans"].get(role)
            if span and 0 <= span["start"] - s0 < span["end"] - s0 <= len(sentence):
                # a span cut by an overlapping role is several <mark>s in a row
                assert "".join(shown.locator(f"mark.{role}").all_text_contents()) == sentence[span["start"] - s0 : span["end"] - s0]
        # no markup came from the data: the only elements inside a sentence are <mark>
        assert shown.locator("p.sentence *:not(mark)").count() == 0


# --------------------------------------------------------------------------- tests


def test_page_never_parses_data_as_html():
    """A static guard beside the browser test: app.js builds DOM, it never writes HTML."""
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", js, flags=re.S)  # comments may name the forbidden APIs
    for api_name in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert api_name not in code, f"app.js uses {api_name}"
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "the page must not load anything from another host"
    for name in ("leaflet.js", "leaflet.css", "topojson-client.min.js", "countries-110m.json", "images/marker-icon.png"):
        assert (STATIC / "vendor" / name).is_file(), f"vendor/{name} missing: run tools/vendor_web.sh"


def test_map_table_and_timeline_show_the_events(page, server):
    open_page(page, server)
    n_events = len(api(server, "/api/events?limit=1000")["items"])
    markers = page.locator(MARKERS).count()
    assert markers > 10
    assert page.locator(ROWS).count() == n_events
    assert markers <= n_events
    assert page.locator("#timeline rect.bar").count() > 10
    assert re.match(rf"{n_events} events, {markers} on the map", page.text_content("#status"))
    # a marker opens its event
    marker = page.locator(MARKERS).first
    event_id = marker.get_attribute("data-event-id")
    marker.dispatch_event("click")  # markers can overlap; the click goes to this one
    page.wait_for_selector(f"#detail[data-state=ready] #detail-body[data-event-id='{event_id}']")
    assert page.locator("#detail .report").count() >= 1
    assert page.locator(f"{ROWS}.selected").get_attribute("data-event-id") == event_id
    page.click("#detail-close")
    assert page.locator("#detail").is_hidden()


def test_filters_narrow_the_map_and_table_and_detail_highlights(page, server):
    open_page(page, server)
    all_rows, all_markers = page.locator(ROWS).count(), page.locator(MARKERS).count()

    reloads(page, lambda: page.select_option("#filter-type", "PROTEST"))
    rows, markers = page.locator(ROWS).count(), page.locator(MARKERS).count()
    assert 0 < rows < all_rows and 0 < markers < all_markers
    assert set(column(page, "type")) == {"PROTEST"}
    assert page.locator(MARKERS + ":not(.type-protest)").count() == 0

    reloads(page, lambda: page.select_option("#filter-type", ""))
    assert page.locator(ROWS).count() == all_rows
    reloads(page, lambda: page.fill("#filter-min-sources", "2") or page.dispatch_event("#filter-min-sources", "change"))
    sources = [int(s) for s in column(page, "sources")]
    assert 0 < len(sources) < all_rows and min(sources) >= 2
    assert len(sources) == len(api(server, "/api/events?min_sources=2&limit=1000")["items"])

    event_id = open_row(page, 0)
    assert page.locator("#detail .report").count() >= 2  # two independent sources: at least two reports
    assert page.locator("#detail .report mark.trigger").count() >= 2
    assert page.locator("#detail mark.trigger").count() == page.locator("#detail .report mark.trigger").count()
    check_highlights(page, server, event_id)
    assert page.locator(f"{MARKERS}[data-event-id='{event_id}']").count() <= 1
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    # a bad filter is a clear message, not a broken page
    page.fill("#filter-country", "IQ")
    page.dispatch_event("#filter-country", "change")
    page.wait_for_selector("body[data-state=error]", state="attached")
    assert "ISO3" in page.text_content("#status")


def test_brushing_the_timeline_filters_by_date(page, server):
    open_page(page, server)
    before = page.locator(ROWS).count()
    markers_before = page.locator(MARKERS).count()
    bars = page.eval_on_selector_all(
        "#timeline rect.bar", "rs => rs.map(r => { const b = r.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; })"
    )
    bars.sort()
    assert len(bars) > 10
    (x0, _), (x1, _) = bars[len(bars) // 4], bars[len(bars) // 2]
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(x0 - 1, y)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, y, steps=4)
    page.mouse.move(x1 + 1, y, steps=4)
    page.mouse.up()
    page.wait_for_function("n => document.querySelectorAll('#events-table tbody tr').length !== n", arg=before)
    after = page.locator(ROWS).count()
    assert 0 < after < before
    assert page.locator(MARKERS).count() <= markers_before
    first, last = page.text_content("#brush-label").split(" – ")
    dates = column(page, "date")
    assert all(first <= d <= last for d in dates)
    assert f"({before} before the date selection)" in page.text_content("#status")
    # a click without a drag clears the selection
    page.mouse.click(x0, y)
    page.wait_for_function("n => document.querySelectorAll('#events-table tbody tr').length === n", arg=before)
    assert page.text_content("#brush-label") == ""


def test_untrusted_article_text_is_shown_never_run(page, server):
    r = api(server, "/api/articles", {"text": XSS_TEXT, "published": "2026-01-14", "outlet": XSS_OUTLET, "title": XSS_SCRIPT})
    assert r["reports"] == 2 or r["already_stored"]
    open_page(page, server)

    def only_that_day():
        page.fill("#filter-since", XSS_DAY)
        page.fill("#filter-until", XSS_DAY)
        page.dispatch_event("#filter-until", "change")

    reloads(page, only_that_day)
    assert page.locator(ROWS).count() == 2
    seen = set()
    for i in range(2):
        open_row(page, i)
        text = page.text_content("#detail")
        assert XSS_OUTLET in text
        sentence = page.locator("#detail .report p.sentence").first.text_content()
        assert XSS_IMG in sentence or XSS_SCRIPT in sentence
        seen |= {s for s in (XSS_IMG, XSS_SCRIPT) if s in sentence}
        assert page.locator("#detail mark.trigger").count() == 1
        assert page.locator("#detail img, #detail script, #detail b, body img[src=x]").count() == 0
    assert seen == {XSS_IMG, XSS_SCRIPT}
    page.wait_for_timeout(300)  # give an injected onerror time to fire, if there were one
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_optional_tiles_come_from_the_query_parameter_only(page, server):
    from urllib.parse import quote

    tiles = f"{server.base}/vendor/images/layers.png?z={{z}}&x={{x}}&y={{y}}"  # any image served here will do
    open_page(page, server, "?tiles=" + quote(tiles, safe=""))
    page.wait_for_selector("#map img.leaflet-tile-loaded", state="attached")
    srcs = page.eval_on_selector_all("#map img.leaflet-tile", "imgs => imgs.map(i => i.src)")
    assert srcs and all(s.startswith(f"{server.base}/vendor/images/layers.png?z=") for s in srcs)
    # anything but an http(s) URL with {z}, {x} and {y} is refused, with a message
    open_page(page, server, "?tiles=" + quote("javascript:alert(1)//{z}/{x}/{y}", safe=""))
    assert page.locator("#map img.leaflet-tile").count() == 0
    assert "Ignoring ?tiles=" in page.text_content("#notice")
    assert page.locator("#map path.event-marker").count() > 10
