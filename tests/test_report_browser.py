"""The review report in a real browser: headless Chromium driven over the DevTools protocol.

These tests open generated reports from disk and prove that they draw (edits with their step
classes, index rows, the histogram), log no console error, request nothing over the network and
paint a screenshot that is not blank. They skip only where Chromium is absent and CI is unset;
under CI they must run (.ci/run installs Debian's `chromium`).
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

import ybtext
import ybtext.report
from ybtext._edits import Cleaned, Notice, Span, apply_spans

pytestmark = pytest.mark.slow

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--hide-scrollbars",
         "--remote-debugging-port=0", "--window-size=1360,900"]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """A headless Chromium with one page, spoken to over the DevTools protocol (websocket-client)."""

    def __init__(self, binary: str) -> None:
        import websocket  # test dependency (websocket-client)

        self.profile = tempfile.mkdtemp(prefix="ybtext-chromium-")
        self.proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port = int(port_file.read_text().split("\n")[0])
        targets = self._json(port)
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")

    @staticmethod
    def _json(port: int) -> list[dict]:
        import urllib.request

        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as r:
                    return json.load(r)
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def call(self, method: str, **params):
        self.next_id += 1
        mine = self.next_id
        self.ws.send(json.dumps({"id": mine, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mine:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_event(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        for i, ev in enumerate(self.events):
            if ev["method"] == method:
                return self.events.pop(i)
        self.ws.settimeout(timeout)
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("method") == method:
                return msg
            if "method" in msg:
                self.events.append(msg)
        raise TimeoutError(method)

    def open(self, path: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_event("Page.loadEventFired")

    def js(self, expression: str):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise AssertionError(f"page script failed: {r['exceptionDetails']}")
        return r["result"].get("value")

    def settle(self) -> None:
        """Let pending events arrive (console messages after load)."""
        self.js("new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")

    def problems(self) -> list[str]:
        out = []
        for ev in self.events:
            m, p = ev["method"], ev.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(f"exception: {p['exceptionDetails'].get('text')} {p['exceptionDetails'].get('exception', {}).get('description', '')}")
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning", "assert"):
                out.append(f"console.{p['type']}: {[a.get('value') for a in p.get('args', [])]}")
            elif m == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                out.append(f"log {p['entry']['level']}: {p['entry']['text']}")
        return out

    def requests(self) -> list[str]:
        return [ev["params"]["request"]["url"] for ev in self.events if ev["method"] == "Network.requestWillBeSent"]

    def screenshot(self, width: int = 1360, height: int = 900) -> bytes:
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        try:
            if getattr(self, "ws", None):
                self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    binary = _chromium()
    if binary is None:
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail("CI is set but chromium is not installed (apt-get install -y chromium)")
        pytest.skip("chromium is not installed (and CI is unset)")
    b = Browser(binary)
    yield b
    b.close()


def every_step_document() -> tuple[str, str, Cleaned]:
    """A document in our own words whose run has an edit of every step, built span by span."""
    text = "溫馨提示：本站僅供學習\n第一章\n概述\n我們經由過程調查,發現進展很快 。數據見表１\n"
    steps = [
        ("script", lambda t: [Span(i, i + 1, ch2, "script:t2s") for i, ch in enumerate(t)
                              for ch2 in [{"溫": "温", "馨": "馨", "僅": "仅", "學": "学", "習": "习", "們": "们",
                                           "經": "经", "過": "过", "調": "调", "發": "发", "現": "现", "進": "进",
                                           "數": "数", "據": "据", "見": "见", "表": "表", "概": "概", "述": "述",
                                           "章": "章"}.get(ch, ch)] if ch2 != ch]),
        ("boilerplate", lambda t: [Span(0, t.index("\n") + 1, "", "boilerplate:site-notice", 0.99, "catalog: huiwen")]),
        ("layout", lambda t: [Span(t.index("章") + 1, t.index("章") + 2, "", "layout:join-title")]),
        ("punctuation", lambda t: [Span(t.index(","), t.index(",") + 1, "，", "punctuation:ascii-comma"),
                                   Span(t.index(" 。"), t.index(" 。") + 1, "", "punctuation:space-before")]),
        ("spin", lambda t: [Span(t.index("经由过程"), t.index("经由过程") + 4, "通过", "spin-sure.tsv:3", 1.0, "tier=sure"),
                            Span(t.index("进展"), t.index("进展") + 2, "发展", "spin.tsv:7", 0.91,
                                 "tier=gated; evidence: 进展×5 发展×0 <b>&amp;</b>")]),
        ("ocr", lambda t: [Span(t.index("１"), t.index("１") + 1, "1", "ocr:fullwidth-digit")]),
    ]
    cur, edits, notices = text, [], []
    for name, make in steps:
        if name == "ocr":
            at = cur.index("表")
            notices.append(Notice("ocr", at, at + 2, cur[at:at + 2], "ocr:table-ref", "table number <not> checked"))
        r = apply_spans(name, cur, make(cur))
        cur, edits = r.text, edits + list(r.edits)
    return "每一步.txt", text, Cleaned(cur, tuple(edits), tuple(notices))


def _write(tmp_path: Path, name: str, docs) -> Path:
    path = tmp_path / name
    path.write_text(ybtext.report.html(docs), encoding="utf-8")
    return path


def _distinct_colours(png: bytes) -> int:
    from PIL import Image  # test dependency (pillow)

    img = Image.open(io.BytesIO(png)).convert("RGB")
    return len(img.getcolors(maxcolors=1 << 20) or [])


def _assert_clean_load(browser: Browser, path: Path) -> None:
    browser.open(path)
    browser.settle()
    assert browser.problems() == []
    assert browser.requests() == [path.resolve().as_uri()]


def test_every_step_is_drawn_with_its_class(browser, tmp_path):
    """Each step's edit appears with class s-<step>, the tooltip shows rule, tier, confidence and
    the evidence note as text (markup in a note stays text), and the toggles change the page."""
    name, original, cleaned = every_step_document()
    path = _write(tmp_path, "steps.html", [(name, original, cleaned)])
    _assert_clean_load(browser, path)
    classes = browser.js("[...new Set([...document.querySelectorAll('.m')].flatMap(n => [...n.classList]"
                         ".filter(c => c.startsWith('s-'))))].sort()")
    assert classes == sorted(f"s-{s}" for s in ybtext.STEPS)
    drawn = browser.js("new Set([...document.querySelectorAll('.m')].flatMap(n => n.dataset.e.split(' '))).size")
    assert drawn == len(cleaned.edits)
    assert browser.js("document.querySelectorAll('.row.gone').length") == 1   # the removed notice line
    badge = browser.js("[...document.querySelectorAll('.ntb')].map(b => [b.closest('.cell').textContent, b.title])")
    assert len(badge) == 1 and "表" in badge[0][0] and "table number <not> checked" in badge[0][1]
    tip = browser.js("""(() => { const m = [...document.querySelectorAll('.cell.c .m.s-spin')]
        .find(n => n.textContent === '发展'); m.click(); return document.getElementById('tip').innerText; })()""")
    assert "spin.tsv:7" in tip and "gated" in tip and "0.91" in tip and "<b>&amp;</b>" in tip
    assert browser.js("document.querySelectorAll('#tip b').length") == 0
    browser.js("document.getElementById('hide-pn').click()")
    assert browser.js("getComputedStyle(document.querySelector('.cell.c .m.pn')).backgroundColor") == "rgba(0, 0, 0, 0)"
    browser.js("document.getElementById('only-clean').click()")
    assert browser.js("getComputedStyle(document.querySelector('.cell.o')).display") == "none"
    assert browser.problems() == []


def test_sample_report(browser, tmp_path, shared):
    """The user's sample: loads without console errors or network requests, draws every edit of
    the run, and paints a screenshot that is not blank."""
    text = (shared / "samples" / "huiwen-changsanjiao.txt").read_text(encoding="utf-8")
    cleaned = ybtext.clean_and_explain(text)
    path = _write(tmp_path, "sample.html", [("huiwen-changsanjiao.txt", text, cleaned)])
    _assert_clean_load(browser, path)
    drawn = browser.js("new Set([...document.querySelectorAll('.m')].flatMap(n => n.dataset.e.split(' '))).size")
    assert drawn == len(cleaned.edits)
    steps = browser.js("[...document.querySelectorAll('.m')].map(n => [...n.classList].find(c => c.startsWith('s-')))")
    assert set(steps) <= {f"s-{e.step}" for e in cleaned.edits}
    assert browser.js("document.querySelector('.cell.c').closest('#rows') !== null")
    png = browser.screenshot()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert _distinct_colours(png) > 50


def test_batch_of_twenty(browser, tmp_path, shared):
    """20 documents (the sample's paragraphs, half of them spun with the 汇文网-family table):
    an index row per document, sortable; the histogram SVG with its bars; no errors, no network."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_spin", shared / "bench" / "spin.py")
    spin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(spin)
    pairs = spin.load_table(str(shared / "bench" / "tables" / "family-a.tsv"))
    paras = [p for p in (shared / "samples" / "huiwen-changsanjiao.expected.txt").read_text(encoding="utf-8").split("\n") if p]
    docs = []
    for i in range(20):
        text = "\n".join(paras[i::20]) or "空"
        if i % 2:
            text = spin.spin(text, pairs, "sequential")
        docs.append((f"doc-{i:02d}<&>.txt", text, ybtext.clean_and_explain(text)))
    path = _write(tmp_path, "batch.html", docs)
    _assert_clean_load(browser, path)
    assert browser.js("document.querySelectorAll('#index tbody tr').length") == 20
    assert browser.js("document.querySelector('#index td.nm').textContent") == "doc-00<&>.txt"
    assert browser.js("document.querySelectorAll('svg#spin-hist rect.bar').length") == 10
    browser.js("document.querySelector('#index th[data-k=name]').click()")
    browser.js("document.querySelector('#index th[data-k=name]').click()")
    assert browser.js("document.querySelector('#index tbody tr').dataset.i") == "19"
    browser.js("document.querySelector('#index tbody tr').click()")
    browser.settle()
    assert browser.js("document.querySelector('.dochead h2').textContent") == "doc-19<&>.txt"
    assert _distinct_colours(browser.screenshot()) > 50
    assert browser.problems() == []


def test_one_megabyte_document_renders_in_chunks(browser, tmp_path):
    """A 1 MB document with tens of thousands of edits opens quickly: only the first chunk of rows
    is drawn, more arrive on scrolling, and no script error happens on the way."""
    para = "各地区各部门认真贯彻落实,推动经济社会进展取得新成效。" * 6
    text = "\n".join(f"{i}、{para}" for i in range(7000))
    spans = [Span(i, i + 1, "，", "punctuation:ascii-comma") for i, ch in enumerate(text) if ch == ","]
    cleaned = apply_spans("punctuation", text, spans)
    assert len(text.encode("utf-8")) > 1_000_000
    path = _write(tmp_path, "big.html", [("big.txt", text, Cleaned(cleaned.text, cleaned.edits))])
    t0 = time.monotonic()
    _assert_clean_load(browser, path)
    assert time.monotonic() - t0 < 15
    total = browser.js("ybtextReport.state().doc.rows.length / 4")
    first = browser.js("document.querySelectorAll('.row').length")
    assert 0 < first < total
    browser.js("window.scrollTo(0, document.body.scrollHeight)")
    browser.settle()
    browser.js("new Promise(r => setTimeout(r, 300))")
    assert browser.js("document.querySelectorAll('.row').length") > first
    assert browser.problems() == []


def test_spin_pills_read_before_to_after_and_list_applied_pairs_apart(browser, tmp_path):
    """Pills read spun → original, as the edit tooltip reads before → after; a pair the detector
    counted but no edit used (业余 kept in 业余生活) is listed apart from the restored ones."""
    name, original, cleaned = every_step_document()
    spin = ybtext.SpinReport(0.9, True, "huiwen", (ybtext.PairEvidence("发展", "进展", 5, 0, 3.0),
                                                   ybtext.PairEvidence("专业", "业余", 1, 0, 2.5)))
    path = _write(tmp_path, "pills.html", [(name, original, cleaned, spin)])
    _assert_clean_load(browser, path)
    applied = browser.js("[...document.querySelectorAll('.pairs.applied .pair')].map(p => p.firstChild.textContent.trim())")
    assert applied == ["进展 → 发展"]
    unused = browser.js("[...document.querySelectorAll('.pairs.evidence .pair')].map(p => p.firstChild.textContent.trim())")
    assert unused == ["业余 → 专业"]
    tip = browser.js("""(() => { const m = [...document.querySelectorAll('.cell.c .m.s-spin')]
        .find(n => n.textContent === '发展'); m.click();
        return [...document.querySelectorAll('#tip .ed')].find(e => e.querySelector('.st').textContent === 'spin')
            .querySelector('.ba').textContent; })()""")
    assert tip.split() == ["进展", "→", "发展"]
    assert browser.problems() == []
