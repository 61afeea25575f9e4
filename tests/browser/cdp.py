"""A headless Chromium driven through the DevTools protocol over a pipe.

Chromium reads commands from file descriptor 3 and writes answers and events
to descriptor 4, each message JSON ended by a NUL byte: no port is opened
and no third-party driver is needed.
"""

import base64
import json
import os
import select
import subprocess
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
# Flags that keep the browser from calling home; whatever it still tries goes
# to a proxy on a closed loopback port, so nothing leaves the machine.
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--remote-debugging-pipe",
]


class Browser:
    def __init__(self, timeout):
        self.timeout = timeout
        self.profile = tempfile.TemporaryDirectory(prefix="strata-chromium-")
        to_child, self.commands = os.pipe()
        self.answers, from_child = os.pipe()

        def wire():
            # Through fresh copies: one of the pipe's ends may itself be 3
            # or 4, and dup2 onto the same number would keep it close-on-exec.
            commands_in, answers_out = os.dup(to_child), os.dup(from_child)
            os.dup2(commands_in, 3)
            os.dup2(answers_out, 4)

        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, "--user-data-dir=" + self.profile.name, "about:blank"],
                                     preexec_fn=wire, close_fds=False, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child)
        os.close(from_child)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def close(self):
        try:
            self.call("Browser.close")
        except (OSError, TimeoutError, RuntimeError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.commands)
        os.close(self.answers)
        self.profile.cleanup()

    def _read(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.answers], [], [], left)[0]:
                raise TimeoutError("the browser did not answer")
            chunk = os.read(self.answers, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=None, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            m = self._read(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_for(self, method, session):
        deadline = time.monotonic() + self.timeout
        while True:
            for m in self.events:
                if m.get("method") == method and m.get("sessionId") == session:
                    return
            self.events.append(self._read(deadline))


class Visit:
    """What loading one page did: requests, console and security messages,
    the DOM after its script ran, and a screenshot."""

    def __init__(self, browser, url, width, height):
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        browser.events = []
        for domain in ("Page", "Network", "Runtime", "Log"):
            browser.call(domain + ".enable", session)
        browser.call("Emulation.setDeviceMetricsOverride", session, width=width, height=height, deviceScaleFactor=1,
                     mobile=False)
        browser.call("Page.navigate", session, url=url)
        browser.wait_for("Page.loadEventFired", session)
        self.dom = browser.call("Runtime.evaluate", session, expression="document.documentElement.outerHTML",
                                returnByValue=True)["result"]["value"]
        self.png = base64.b64decode(browser.call("Page.captureScreenshot", session, format="png")["data"])
        self.session = session
        self.browser = browser
        mine = [m for m in browser.events if m.get("sessionId") == session]
        self.requests = [m["params"]["request"]["url"] for m in mine if m["method"] == "Network.requestWillBeSent"]
        self.messages = [m["params"]["entry"]["text"] for m in mine if m["method"] == "Log.entryAdded"]
        self.messages += [json.dumps(m["params"])[:300] for m in mine
                          if m["method"] in ("Runtime.consoleAPICalled", "Runtime.exceptionThrown")]
        self.target = target

    def evaluate(self, expression):
        return self.browser.call("Runtime.evaluate", self.session, expression=expression,
                                 returnByValue=True)["result"].get("value")

    def close(self):
        self.browser.call("Target.closeTarget", targetId=self.target)
