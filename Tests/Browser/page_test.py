#!/usr/bin/env python3
"""Browser test of telusur's search page: headless Chromium driven over the DevTools
protocol (--remote-debugging-pipe: JSON messages on fds 3 and 4, no websocket library).

  page_test.py --base http://127.0.0.1:PORT [--screenshots DIR]
  page_test.py --base http://127.0.0.1:PORT --shoot PATH FILE.png [--width 1200 --height 900]

1. loads /?q="zero konflik" and finds both seed releases and the highlighted phrase
   in the rendered page;
2. loads /, types a query into the box, presses Enter, clicks a facet value and checks
   that the query, the URL and the results follow.
Exit status 0 when both pass; 1 with a message naming the failed step otherwise.
Standard library only.
"""
import argparse, base64, json, os, shutil, subprocess, sys, tempfile, time


class Browser:
    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="telusur-chromium-")
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4 (kept open by pass_fds,
        # which subprocess applies after preexec_fn).
        def setup():
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--remote-debugging-pipe", "--user-data-dir=" + self.profile, "--window-size=1200,900", "about:blank"],
            preexec_fn=setup, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_r)
        os.close(from_child_w)
        self.out = os.fdopen(to_child_w, "wb", buffering=0)
        self.inp = os.fdopen(from_child_r, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def _read_message(self):
        while b"\0" not in self.buffer:
            chunk = self.inp.read(65536)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        self.out.write(json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read_message()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(method + ": " + json.dumps(answer["error"]))
                return answer.get("result", {})

    def open_page(self, width=1200, height=900, mobile=False):
        targets = self.send("Target.getTargets", session=False)["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}, session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def navigate(self, url):
        self.send("Page.navigate", {"url": url})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError("page script failed: " + json.dumps(result["exceptionDetails"])[:400])
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.evaluate(expression):
                    return
            except RuntimeError:
                pass
            time.sleep(0.1)
        raise AssertionError("timed out waiting for " + what)

    def click(self, selector):
        box = self.evaluate("(() => { const r = document.querySelector(%s).getBoundingClientRect();"
                            " return [r.left + r.width / 2, r.top + r.height / 2]; })()" % json.dumps(selector))
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})

    def type_text(self, text):
        self.send("Input.insertText", {"text": text})

    def press_enter(self):
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13, "text": "\r" if kind == "keyDown" else ""})

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def search_page(browser, base, screenshots):
    """/?q="zero konflik": both seed releases, the phrase in <mark>."""
    browser.navigate(base + '/?q=%22zero%20konflik%22')
    browser.wait_for("document.querySelectorAll('#results article.result').length === 2", "two results")
    ids = browser.evaluate("[...document.querySelectorAll('#results article.result')].map(a => a.dataset.id).sort()")
    assert ids == ["000_b340dedaa94c42df.txt", "002_f25fde0d847e90ce.txt"], "results: %r" % ids
    marks = browser.evaluate("[...document.querySelectorAll('#results mark')].map(m => m.textContent.toLowerCase())")
    assert "zero konflik" in marks, "highlights: %r" % marks
    assert browser.evaluate("document.getElementById('q').value") == '"zero konflik"', "the box does not hold the query"
    # The persons of each result arrive as links.
    browser.wait_for("document.querySelectorAll('#results .entities a').length > 0", "persons and agencies of the results")
    if screenshots:
        browser.wait_for("document.getElementById('status').textContent === ''", "the page to settle")
        browser.screenshot(os.path.join(screenshots, "search.png"))


def type_and_facet(browser, base, screenshots):
    """Type a query, press Enter, click a facet value: the query, URL and totals follow."""
    browser.navigate(base + "/")
    browser.wait_for("document.readyState === 'complete' && document.getElementById('q') !== null", "the page")
    browser.click("#q")
    browser.type_text("pemilu")
    browser.press_enter()
    browser.wait_for("new URLSearchParams(location.search).get('q') === 'pemilu'"
                     " && document.querySelectorAll('#results article.result').length > 0", "results for pemilu")
    before = browser.evaluate("document.getElementById('totals').textContent")
    browser.wait_for("document.querySelector('#facets ul[data-facet=persons] button') !== null", "the persons facet")
    clause = browser.evaluate("document.querySelector('#facets ul[data-facet=persons] button').dataset.clause")
    browser.click("#facets ul[data-facet=persons] button")
    browser.wait_for("new URLSearchParams(location.search).get('q') === %s" % json.dumps("pemilu " + clause), "the facet in the URL")
    browser.wait_for("document.getElementById('q').value === %s && document.getElementById('totals') !== null"
                     " && document.getElementById('totals').textContent !== %s" % (json.dumps("pemilu " + clause), json.dumps(before)),
                     "the totals after the facet")
    after = browser.evaluate("document.getElementById('totals').textContent")
    # Back returns to the query before the facet.
    browser.evaluate("history.back()")
    browser.wait_for("document.getElementById('q').value === 'pemilu'", "Back to the first query")
    print("facet %s: %s -> %s" % (clause, before, after))
    if screenshots:
        browser.evaluate("history.forward()")
        browser.wait_for("document.getElementById('q').value === %s" % json.dumps("pemilu " + clause), "Forward")
        browser.wait_for("document.getElementById('status').textContent === ''"
                         " && document.querySelectorAll('#results article.result').length > 0", "results after Forward")
        browser.screenshot(os.path.join(screenshots, "facet.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--screenshots")
    parser.add_argument("--shoot", nargs=2, metavar=("PATH", "PNG"), help="only a screenshot of one page")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    args = parser.parse_args()
    if args.shoot:
        browser = Browser(args.chromium)
        try:
            browser.open_page(args.width, args.height, mobile=args.width < 600)
            browser.navigate(args.base + args.shoot[0])
            browser.wait_for("document.readyState === 'complete' && document.getElementById('status').textContent === ''"
                             " && document.getElementById('main').childElementCount > 0", "the page")
            time.sleep(1.0)  # the entities of each result arrive after the results
            browser.screenshot(args.shoot[1])
        finally:
            browser.close()
        return 0
    failures = 0
    for test in (search_page, type_and_facet):
        browser = Browser(args.chromium)
        try:
            browser.open_page()
            test(browser, args.base, args.screenshots)
            print("ok   " + test.__name__ + ": " + test.__doc__.strip().splitlines()[0])
        except Exception as error:
            failures += 1
            print("FAIL " + test.__name__ + ": " + str(error))
        finally:
            browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
