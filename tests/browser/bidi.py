"""A small synchronous WebDriver BiDi client, for Debian's stock Firefox ESR, which speaks it natively (129+).

Playwright's firefox needs a patched build that only `playwright install` fetches, so Firefox is driven here
directly: started with ``--remote-debugging-port=0``, one WebSocket, commands answered by id, events kept in order.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

Event = dict[str, Any]

_LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")
_POLL = 0.05


class BiDiError(RuntimeError):
    """The browser answered a command with an error, or a script threw."""


class Session:
    """One BiDi session: commands wait for their answer; events, once subscribed to, are kept in ``events``."""

    def __init__(self, socket: ClientConnection) -> None:
        self._socket = socket
        self._last_id = 0
        self.events: list[Event] = []
        self.capabilities: dict[str, Any] = self.command("session.new", {"capabilities": {}})["capabilities"]

    def command(self, method: str, params: dict[str, Any], timeout: float = 15) -> dict[str, Any]:
        """Send a command and return its result."""
        self._last_id += 1
        self._socket.send(json.dumps({"id": self._last_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = self._receive(deadline, method)
            if message.get("id") == self._last_id:
                if message["type"] == "error":
                    raise BiDiError(f"{method}: {message['error']}: {message.get('message', '')}")
                result: dict[str, Any] = message["result"]
                return result

    def wait_for_event(
        self, method: str, match: Callable[[Event], bool], since: int, timeout: float = 15
    ) -> None:
        """Return once an event ``method`` whose params ``match`` is in ``events[since:]``."""
        deadline = time.monotonic() + timeout
        while not any(e["method"] == method and match(e["params"]) for e in self.events[since:]):
            since = len(self.events)
            self._receive(deadline, method)

    def _receive(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        try:
            message: dict[str, Any] = json.loads(
                self._socket.recv(timeout=max(deadline - time.monotonic(), 0))
            )
        except TimeoutError:
            raise TimeoutError(f"Firefox: no {waiting_for} in time") from None
        if message.get("type") == "event":
            self.events.append(message)
        return message

    def close_browser(self) -> None:
        """Close the browser: it exits."""
        with contextlib.suppress(ConnectionClosed):  # Firefox may hang up before it answers
            self.command("browser.close", {}, timeout=5)


class Tab:
    """A top-level browsing context of ``session``, used as a reader would: load, type, click, read."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.context: str = session.command("browsingContext.getTree", {"maxDepth": 0})["contexts"][0][
            "context"
        ]

    def goto(self, url: str) -> None:
        self.session.command(
            "browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"}
        )

    def call(self, function: str, *args: str) -> Any:
        """Run the JavaScript ``function`` with string ``args`` in the page; return its (awaited) result as JSON."""
        result = self.session.command(
            "script.callFunction",
            {
                "functionDeclaration": f"async (...args) => JSON.stringify(await ({function})(...args)) ?? 'null'",
                "arguments": [{"type": "string", "value": arg} for arg in args],
                "target": {"context": self.context},
                "awaitPromise": True,
            },
        )
        if result["type"] == "exception":
            raise BiDiError(result["exceptionDetails"]["text"])
        return json.loads(result["result"]["value"])

    def wait_for(self, function: str, *args: str, timeout: float = 15) -> Any:
        """Call ``function`` until it returns something truthy, and return that."""
        deadline = time.monotonic() + timeout
        while not (value := self.call(function, *args)):
            if time.monotonic() > deadline:
                raise TimeoutError(f"Firefox: still falsy after {timeout} s: {function}")
            time.sleep(_POLL)
        return value

    def type(self, text: str) -> None:
        """Press and release a key for each character of ``text``, into whatever has the focus."""
        keys = [{"type": kind, "value": char} for char in text for kind in ("keyDown", "keyUp")]
        self.session.command(
            "input.performActions",
            {"context": self.context, "actions": [{"type": "key", "id": "keyboard", "actions": keys}]},
        )

    def click(self, selector: str, wait_for_url: str | None = None) -> None:
        """Click the middle of the first element ``selector`` matches, with the mouse; if it leads to a page
        whose URL ends with ``wait_for_url``, return once that has loaded."""
        element = self.session.command(
            "script.callFunction",
            {
                "functionDeclaration": "s => { const e = document.querySelector(s); e.scrollIntoView({block: 'center'});"
                " return e; }",
                "arguments": [{"type": "string", "value": selector}],
                "target": {"context": self.context},
                "awaitPromise": False,
            },
        )
        if element["type"] == "exception":
            raise BiDiError(f"{selector}: {element['exceptionDetails']['text']}")
        origin = {"type": "element", "element": {"sharedId": element["result"]["sharedId"]}}
        since = len(self.session.events)
        self.session.command(
            "input.performActions",
            {
                "context": self.context,
                "actions": [
                    {
                        "type": "pointer",
                        "id": "mouse",
                        "actions": [
                            {"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
                            {"type": "pointerDown", "button": 0},
                            {"type": "pointerUp", "button": 0},
                        ],
                    }
                ],
            },
        )
        if wait_for_url is not None:
            self.session.wait_for_event(
                "browsingContext.load",
                lambda params: params["context"] == self.context and params["url"].endswith(wait_for_url),
                since,
            )


@contextmanager
def launch_firefox(executable: str, profile: Path, prefs: dict[str, object]) -> Iterator[Session]:
    """Start a headless Firefox on a new ``profile`` with ``prefs`` and yield a BiDi session with it.

    The caller subscribes to events (``session.subscribe``) before the page loads it wants to watch."""
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "user.js").write_text(
        "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()), encoding="utf-8"
    )
    log = profile / "stderr.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [executable, "--headless", "--no-remote", "--remote-debugging-port=0", "--profile", str(profile)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        with connect(f"{_read_endpoint(process, log)}/session", max_size=None, open_timeout=10) as socket:
            session = Session(socket)
            try:
                yield session
            finally:
                session.close_browser()
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _read_endpoint(process: subprocess.Popen[bytes], log: Path, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        if found := _LISTENING.search(log.read_text(encoding="utf-8", errors="replace")):
            return found.group(1)
        time.sleep(_POLL)
    raise RuntimeError(
        f"Firefox opened no BiDi port; its stderr ends with:\n{log.read_text(errors='replace')[-2000:]}"
    )
