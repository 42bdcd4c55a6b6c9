#!/usr/bin/env python3
"""The page in a real browser: Debian's chromium, headless, driven by
chromedriver through selenium (WebDriver).

It opens the built page from disk, pastes a v4 ACK, a v6 REPLY and a whole
Ethernet frame, drops a capture of several vendors, and compares what the
page shows with `ztp explain --json` (and `--summary --json`) on the same
input; drops a large capture and watches the progress bar while the page
stays responsive; follows the link of a pasted message; checks the labels
and the keyboard; and reads Chromium's network log (CDP Network events):
the page must make no request but for itself and its own blob: worker.
Screenshots go to OUT (look at them).

Usage: browser.py PAGE.html ZTP_BINARY CAPTURES_DIR OUT_DIR
(CAPTURES_DIR as examples/test_captures.rs writes it, with --large.)
Prints 'N passed, N failed'; exits 1 when a check failed, 2 when the
browser cannot run.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

PAGE, ZTP, CAPTURES, OUT = sys.argv[1:5]
PAGE, CAPTURES = os.path.abspath(PAGE), os.path.abspath(CAPTURES)
URL = "file://" + PAGE
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.common.exceptions import StaleElementReferenceException
except ImportError as e:
    print(f"browser test cannot run: selenium is not installed ({e}); .ci/browser installs it")
    sys.exit(2)
for tool in (CHROMIUM, CHROMEDRIVER):
    if not os.access(tool, os.X_OK):
        print(f"browser test cannot run: {tool} is missing (apt-get install chromium chromium-driver)")
        sys.exit(2)

os.makedirs(OUT, exist_ok=True)
passed, failed = [], []


def check(name, fn):
    try:
        fn()
        passed.append(name)
        print(f"ok   {name}")
    except Exception:  # noqa: BLE001 - every failure is reported, then the next check runs
        failed.append(name)
        print(f"FAIL {name}")
        traceback.print_exc()
        try:
            driver.save_screenshot(os.path.join(OUT, f"failed-{name}.png"))
        except Exception:  # noqa: BLE001
            pass


def ztp(*args):
    out = subprocess.run([ZTP, "explain", *args], capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        raise AssertionError(f"ztp explain {args}: exit {out.returncode}: {out.stderr}")
    return out.stdout


def ztp_lines(*args):
    return [json.loads(line) for line in ztp("--json", *args).splitlines() if line.strip()]


def read(name):
    with open(os.path.join(CAPTURES, name), encoding="ascii") as f:
        return f.read().strip()


profile = tempfile.mkdtemp(prefix="ztp-web-chromium-")
options = webdriver.ChromeOptions()
options.binary_location = CHROMIUM
for flag in (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    f"--user-data-dir={profile}", "--window-size=1200,1400",
):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
driver.set_script_timeout(120)
requests = []  # every URL Chromium was asked to load (CDP Network.requestWillBeSent)
console = []
# What Chromium loaded before the page (its own new-tab page, chrome://)
# is not the page's.
driver.get_log("performance")


def drain_logs():
    for entry in driver.get_log("performance"):
        m = json.loads(entry["message"])["message"]
        if m.get("method") in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            p = m["params"]
            requests.append((p.get("request", {}).get("url") or p.get("url"), p.get("documentURL") or ""))
    console.extend(driver.get_log("browser"))


def wait(condition, timeout=30, what="condition"):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = condition()
        except StaleElementReferenceException:
            value = None  # the page re-rendered what was being read
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def shot(name, at=None):
    """A screenshot: the window scrolled to the element `at` (an id), or
    the top of the page, up to 2,400 pixels high."""
    path = os.path.join(OUT, name)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    if at is None:
        driver.set_window_size(1200, min(max(900, height + 40), 2400))
    else:
        driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", at)
    driver.save_screenshot(path)
    driver.set_window_size(1200, 1400)
    print(f"     screenshot {path}")


def load(fragment=""):
    driver.get(URL + fragment)
    wait(lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
         what="the WebAssembly to load")


def shown_reports(root):
    """What the page shows of each report under `root`, by data-field."""
    out = []
    for article in root.find_elements(By.CSS_SELECTOR, "article.report"):
        def one(field):
            found = article.find_elements(By.CSS_SELECTOR, f'[data-field="{field}"]')
            return found[0].text if found else None

        urls = {}
        for field in ("image", "config"):
            found = article.find_elements(By.CSS_SELECTOR, f'[data-field="{field}"] code.url')
            urls[field] = found[0].get_attribute("textContent") if found else None
        out.append({
            "message": article.get_attribute("data-message"),
            "status": article.get_attribute("data-status"),
            "vendor": one("vendor"),
            "file_server": one("file-server"),
            "image": urls["image"],
            "config": urls["config"],
            "rules": [e.get_attribute("textContent") for e in article.find_elements(By.CSS_SELECTOR, '[data-field="rule"]')],
            "plan_rules": [e.get_attribute("textContent") for e in article.find_elements(By.CSS_SELECTOR, '[data-field="plan-rule"]')],
            "diagnoses": [e.get_attribute("textContent") for e in article.find_elements(By.CSS_SELECTOR, '[data-field="diagnosis"]')],
        })
    return out


def expected_reports(lines):
    return [{
        "message": j["message"],
        "status": j["status"],
        "vendor": (j.get("vendor") or {}).get("name"),
        "file_server": j.get("file_server"),
        "image": (j.get("image") or {}).get("url"),
        "config": (j.get("config") or {}).get("url"),
        "rules": [d["rule"] for d in j.get("decisions") or []],
        "plan_rules": [d["rule"] for d in (j.get("vendor_plan") or {}).get("decisions") or []],
        "diagnoses": [d["id"] for d in j.get("diagnoses") or []],
    } for j in lines]


def paste(hex_text):
    area = driver.find_element(By.ID, "hex")
    area.clear()
    area.send_keys(hex_text)
    driver.find_element(By.ID, "explain").click()
    return wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#hex-result article.report"), what="the report")


def compare_paste(name, hex_text, screenshot):
    def run():
        load()
        paste(hex_text)
        got = shown_reports(driver.find_element(By.ID, "hex-result"))
        want = expected_reports(ztp_lines(hex_text))
        assert got == want, f"page {got}\n  cli {want}"
        assert all(r["status"] == "ok" for r in got), got
        shot(screenshot)
    check(name, run)


try:
    v4, v6, frame = read("v4-ack.hex"), read("v6-reply.hex"), read("v4-ack-frame.hex")
    compare_paste("paste_v4_ack_as_the_cli", v4, "paste-v4-ack.png")
    compare_paste("paste_v6_reply_as_the_cli", v6, "paste-v6-reply.png")

    def frame_check():
        load()
        paste(frame)
        status = driver.find_element(By.ID, "status").text
        assert "as a frame" in status and "Ethernet" in status, status
        got = shown_reports(driver.find_element(By.ID, "hex-result"))
        assert got == expected_reports(ztp_lines(frame)), got
        shot("paste-ethernet-frame.png")
    check("paste_whole_ethernet_frame_as_the_cli", frame_check)

    def link_check():
        load()
        paste(v4)
        href = driver.find_element(By.ID, "link").get_attribute("href")
        assert href.endswith("#hex=" + v4.lower()), href
        load("#hex=" + v4)
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#hex-result article.report"), what="the linked report")
        assert driver.find_element(By.ID, "hex").get_attribute("value") == v4
        assert shown_reports(driver.find_element(By.ID, "hex-result")) == expected_reports(ztp_lines(v4))
    check("link_reproduces_the_pasted_message", link_check)

    def not_hex_says_why_as_the_cli():
        load()
        area = driver.find_element(By.ID, "hex")
        area.send_keys("02 01 zz")
        driver.find_element(By.ID, "explain").click()
        wait(lambda: driver.find_element(By.ID, "status").get_attribute("class") == "error", what="the error")
        out = subprocess.run([ZTP, "explain", "02 01 zz"], capture_output=True, text=True, check=False)
        assert out.returncode == 2, out
        assert out.stderr.strip() == "ztp: " + driver.find_element(By.ID, "status").text, out.stderr
        assert not driver.find_elements(By.CSS_SELECTOR, "article.report")
    check("not_hex_says_why_as_the_cli", not_hex_says_why_as_the_cli)

    def keyboard_and_labels():
        load()
        unlabelled = driver.execute_script(
            "return [...document.querySelectorAll('input,select,textarea,button')]"
            ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())"
            ".map(e => e.outerHTML)")
        assert not unlabelled, unlabelled
        area = driver.find_element(By.ID, "hex")
        area.send_keys(v6)
        area.send_keys(Keys.CONTROL, Keys.ENTER)
        wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#hex-result article.report"), what="Ctrl+Enter")
        # Tab reaches the button after the text area.
        area.send_keys(Keys.TAB)
        assert driver.switch_to.active_element.get_attribute("id") == "explain"
    check("keyboard_and_labels", keyboard_and_labels)

    def dark():
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        load()
        paste(v4)
        bg = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
        assert bg == "rgb(13, 17, 23)", bg
        shot("dark.png")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    check("dark_scheme_follows_the_system", dark)

    def drop(path):
        """Drops a file on the page as a person would: a DragEvent whose
        DataTransfer holds it (the file is picked by a helper input)."""
        driver.execute_script(
            "const i = document.createElement('input'); i.type = 'file'; i.id = 'test-pick';"
            "i.setAttribute('aria-label', 'test'); document.body.append(i);")
        driver.find_element(By.ID, "test-pick").send_keys(path)
        driver.execute_script(
            "const i = document.getElementById('test-pick'); const dt = new DataTransfer();"
            "dt.items.add(i.files[0]); i.remove();"
            "document.getElementById('drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true}));")

    def fleet():
        path = os.path.join(CAPTURES, "fleet.pcap")
        load()
        drop(path)
        wait(lambda: driver.find_elements(By.ID, "summary-counts"), what="the summary")
        cli = json.loads(ztp("--pcap", path, "--summary", "--json"))
        counts = driver.find_element(By.ID, "summary-counts")
        assert counts.find_element(By.CSS_SELECTOR, '[data-field="replies"]').text == str(cli["replies"])
        assert counts.find_element(By.CSS_SELECTOR, '[data-field="clients"]').text == str(cli["clients"])
        rows = driver.find_elements(By.CSS_SELECTOR, "#outcomes tbody tr")
        got = [(r.find_element(By.CSS_SELECTOR, '[data-field="clients"]').text,
                r.find_element(By.CSS_SELECTOR, '[data-field="replies"]').text,
                r.find_element(By.CSS_SELECTOR, '[data-field="status"]').text,
                r.find_element(By.CSS_SELECTOR, '[data-field="vendor"]').text) for r in rows]
        want = [(str(o["clients"]), str(o["replies"]), o["status"], o["vendor"]) for o in cli["outcomes"]]
        assert got == want, f"page {got}\n  cli {want}"
        vendors = {o["vendor"] for o in cli["outcomes"]}
        assert len(vendors) >= 4, vendors
        bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")
        assert len(bars) == len(cli["outcomes"]), len(bars)
        shown = [b.get_attribute("data-client") for b in driver.find_elements(By.CSS_SELECTOR, "#clients button[data-client]")]
        assert shown == [c["client"] for c in cli["per_client"]], shown
        shot("capture-fleet.png")
        # Each client: its replies as `ztp explain --pcap --json` shows
        # them (the lines of that client), and its exchange.
        every = ztp_lines("--pcap", path)
        messages = ztp_lines("--pcap", path, "--all")

        def client_of(j):
            c = j["client"]
            return c["chaddr"] if j["family"] == "v4" else "duid " + c["duid"]
        for client in shown:
            driver.find_element(By.CSS_SELECTOR, f'#clients button[data-client="{client}"]').click()
            wait(lambda: driver.find_elements(By.ID, "client-title") and driver.find_element(By.ID, "client-title").text == client,
                 what=f"client {client}")
            box = driver.find_element(By.ID, "client-detail")
            got = shown_reports(box)
            want = expected_reports([j for j in every if client_of(j) == client])
            assert got == want, f"{client}: page {got}\n  cli {want}"
            dots = box.find_elements(By.CSS_SELECTOR, "svg.timeline circle")
            want_steps = [j["message"] for j in messages if client_of(j) == client]
            labels = [t.text.rstrip(" ↻") for t in box.find_elements(By.CSS_SELECTOR, "svg.timeline text.label")]
            assert len(dots) == len(want_steps) and labels == want_steps, f"{client}: {labels} {want_steps}"
            if client == "02:00:00:00:00:02":  # SONiC: three DISCOVERs, two of them retries
                assert len(box.find_elements(By.CSS_SELECTOR, "svg.timeline circle.retry")) == 2
                shot("client-retries.png", at="client-detail")
            if client == "02:00:00:00:00:05":  # cannot proceed, with diagnoses and fixes
                assert got[-1]["diagnoses"], got
                for d in box.find_elements(By.CSS_SELECTOR, ".diagnosis details"):
                    driver.execute_script("arguments[0].open = true", d)
                shot("client-diagnoses.png", at="client-detail")
            if client.startswith("duid "):
                labels = [t.text for t in box.find_elements(By.CSS_SELECTOR, "svg.timeline text.label")]
                assert labels == ["SOLICIT", "ADVERTISE", "REQUEST", "REPLY"], labels
                shot("client-v6.png", at="client-detail")
    check("dropped_capture_of_several_vendors_as_the_cli", fleet)

    def large():
        path = os.path.join(CAPTURES, "large.pcap")
        size = os.path.getsize(path)
        load()
        drop(path)
        seen, slowest = set(), 0.0
        started = time.time()
        while not driver.find_elements(By.ID, "summary-counts"):
            t = time.time()
            value = driver.execute_script("const p = document.getElementById('progress'); return p ? p.value : null")
            slowest = max(slowest, time.time() - t)
            if value is not None:
                seen.add(value)
            if len(seen) == 3:
                shot("capture-large-progress.png")
            assert time.time() - started < 300, "the large capture took over 5 minutes"
            time.sleep(0.1)
        took = time.time() - started
        between = sorted(v for v in seen if 0 < v < 100)
        print(f"     large capture: {size / 1e6:.0f} MB read in {took:.1f} s; progress values seen {between[:5]}...; "
              f"slowest answer of the page while reading {slowest * 1000:.0f} ms")
        assert len(between) >= 3, f"progress values seen: {sorted(seen)}"
        assert slowest < 1.0, f"the page froze for {slowest:.1f} s"
        cli = json.loads(ztp("--pcap", path, "--summary", "--json"))
        counts = driver.find_element(By.ID, "summary-counts")
        assert counts.find_element(By.CSS_SELECTOR, '[data-field="clients"]').text == str(cli["clients"])
        assert counts.find_element(By.CSS_SELECTOR, '[data-field="replies"]').text == str(cli["replies"])
        info = driver.find_element(By.ID, "page-info").text
        assert info == f"clients 1–50 of {cli['clients']}", info
        driver.find_element(By.ID, "next").click()
        wait(lambda: driver.find_element(By.ID, "page-info").text.startswith("clients 51–100"), what="the next page")
        want = [c["client"] for c in cli["per_client"][50:100]]
        shown = [b.get_attribute("data-client") for b in driver.find_elements(By.CSS_SELECTOR, "#clients button[data-client]")]
        assert shown == want, shown[:3]
        box = driver.find_element(By.ID, "filter-text")
        box.send_keys(cli["per_client"][-1]["client"])
        wait(lambda: driver.find_element(By.ID, "page-info").text == "clients 1–1 of 1", what="the filter")
        shot("capture-large.png")
        # The last client's exchange and replies, on demand (the capture is
        # read again), as `ztp explain --pcap --json --mac` gives them.
        last = cli["per_client"][-1]["client"]
        driver.find_element(By.CSS_SELECTOR, f'#clients button[data-client="{last}"]').click()
        wait(lambda: driver.find_elements(By.ID, "client-title") and driver.find_element(By.ID, "client-title").text == last,
             timeout=120, what="the last client")
        box = driver.find_element(By.ID, "client-detail")
        assert shown_reports(box) == expected_reports(ztp_lines("--pcap", path, "--mac", last))
        labels = [t.text for t in box.find_elements(By.CSS_SELECTOR, "svg.timeline text.label")]
        assert labels == ["DISCOVER", "OFFER", "REQUEST", "ACK"], labels
    check("large_capture_with_progress_and_pages", large)

    def no_request():
        drain_logs()
        own = ("file://", "blob:", "data:")
        # The page's own loads: the page itself and its blob: worker.
        page = [u for u, doc in requests if doc.startswith(URL) or u.startswith(URL)]
        assert page, "the network log has none of the page's loads: it is not being recorded"
        outside = [u for u in page if not u.startswith(own)]
        assert not outside, outside
        # Nothing left the machine at all (chrome:// is Chromium's own
        # new-tab page, served from inside the browser).
        network = [u for u, _ in requests if not u.startswith(own + ("chrome://", "chrome-untrusted://"))]
        assert not network, network
        errors = [c for c in console if c.get("level") == "SEVERE"]
        assert not errors, errors
        print(f"     {len(page)} loads by the page, all of itself or its blob: worker; no other request")
    check("no_network_request", no_request)

    def csp_forbids_connections():
        # Run after the network log is read: a blocked attempt may be logged.
        load()
        directive = driver.execute_async_script(
            "const done = arguments[0];"
            "document.addEventListener('securitypolicyviolation', e => done(e.effectiveDirective), { once: true });"
            "fetch('http://127.0.0.1:9/').catch(() => {});"
            "setTimeout(() => done('no violation'), 5000);")
        assert directive == "connect-src", directive
    check("csp_forbids_connections", csp_forbids_connections)

    def served_from_a_static_host():
        # Last: its loads are over HTTP, from a server on loopback that
        # serves the page's directory and nothing else.
        import functools
        import http.server
        import threading
        handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                    directory=os.path.dirname(PAGE))
        handler.log_message = lambda *args: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/{os.path.basename(PAGE)}"
            drain_logs()
            before = len(requests)
            driver.get(url)
            wait(lambda: driver.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
                 what="the WebAssembly to load over HTTP")
            paste(v4)
            got = shown_reports(driver.find_element(By.ID, "hex-result"))
            assert got == expected_reports(ztp_lines(v4)), got
            drain_logs()
            # The page itself over HTTP, its worker from a blob:, nothing else.
            loads = [u for u, _ in requests[before:]]
            assert url in loads, loads
            others = [u for u in loads if u != url and not u.startswith(("blob:", "data:"))]
            assert not others, others
        finally:
            server.shutdown()
    check("served_from_a_static_host", served_from_a_static_host)
finally:
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)

print(f"{len(passed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
