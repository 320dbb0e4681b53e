"""A client that speaks Streamlit's websocket protocol as an attacker would, not as the page
does: no browser, so nothing stops it sending the same request thirty times in a row.

The security tests and bench/download_flood.py use it to open the download menu, read a
download button's file id and ask for that file as often as they like (issue 26: each
request used to build the file again). It reads only what an attacker reads off the wire:
the labels of popovers and download buttons, the ids the page gives them, and the answers
to its requests. Loopback only; every wait has a timeout.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from simulator.params import load_parameters

# The investment lever, as the Indonesian page labels it (its row in data/parameters.csv).
LEVER_LABEL = load_parameters()["investment"].label("id")
# A v2 component's events reach the server as one "trigger aggregator" widget per instance.
TRIGGERS = "$$STREAMLIT_INTERNAL_KEY_{id}__events"


@dataclass
class Run:
    """What one script run sent: popovers (label -> widget id), download buttons (label ->
    deferred file id), the investment lever (component id, grid, fragment), whether an
    exception element came, and how long the run took [s]."""

    popovers: dict[str, str] = field(default_factory=dict)
    downloads: dict[str, str] = field(default_factory=dict)
    lever: dict | None = None
    exception: bool = False
    texts: list[str] = field(default_factory=list)
    seconds: float = float("nan")


class Client:
    """One websocket session. Use as ``async with Client(url) as client``."""

    def __init__(self, url: str, **connect_args) -> None:
        self.url = url
        self.connect_args = connect_args
        self.ws = None
        self.answers: dict[str, ForwardMsg] = {}
        self.ids = itertools.count()
        self.seq = 0
        self.session_id = ""  # the server names it in its first message

    async def __aenter__(self) -> Client:
        self.ws = await websockets.connect(
            self.url,
            subprotocols=["streamlit"],
            max_size=2**26,
            open_timeout=60,
            close_timeout=5,
            **self.connect_args,
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    async def _next(self, timeout: float) -> ForwardMsg:
        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(self.ws.recv(), timeout=timeout))
        if msg.WhichOneof("type") == "new_session":
            self.session_id = msg.new_session.initialize.session_id
        if msg.WhichOneof("type") == "backend_operation_response":
            self.answers[msg.backend_operation_response.request_id] = msg
        return msg

    async def run(
        self, widgets: list[tuple[str, str, object]] = (), fragment_id: str = "", timeout=60
    ) -> Run:
        """Ask for a rerun with the given widget states (id, kind, value) and read what it
        sends until the script finishes."""
        back = BackMsg()
        back.rerun_script.query_string = ""
        back.rerun_script.fragment_id = fragment_id
        for widget_id, kind, value in widgets:
            state = back.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            setattr(state, kind, value)
        start = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        run = Run()
        while True:
            msg = await self._next(timeout)
            kind = msg.WhichOneof("type")
            if kind == "script_finished":
                run.seconds = time.perf_counter() - start
                return run
            if kind != "delta":
                continue
            delta = msg.delta
            if delta.WhichOneof("type") == "add_block" and delta.add_block.HasField("popover"):
                popover = delta.add_block.popover
                run.popovers[popover.label] = popover.id
            elif delta.WhichOneof("type") == "new_element":
                element = delta.new_element
                which = element.WhichOneof("type")
                if which == "download_button" and element.download_button.deferred_file_id:
                    button = element.download_button
                    run.downloads[button.label] = button.deferred_file_id
                elif which == "bidi_component" and element.bidi_component.component_name == (
                    "ikm_lever"
                ):
                    data = json.loads(element.bidi_component.json)
                    if data.get("label") == LEVER_LABEL:
                        run.lever = {
                            "id": element.bidi_component.id,
                            "values": data["values"],
                            "index": data["index"],
                            "fragment": delta.fragment_id,
                        }
                elif which == "exception":
                    run.exception = True
                elif which == "markdown":
                    run.texts.append(element.markdown.body)
                elif which == "alert":
                    run.texts.append(element.alert.body)

    async def open_popover(self, label: str, first: Run) -> Run:
        """Open the popover labelled ``label`` (as a click on it does) and rerun."""
        return await self.run([(first.popovers[label], "bool_value", True)])

    async def move_lever(self, lever: dict, step: int = 1) -> Run:
        """Move the investment lever one grid step (as letting it go does) and time the
        rerun of its fragment."""
        lever["index"] = (lever["index"] + step) % len(lever["values"])
        self.seq += 1
        payload = [
            {
                "event": "release",
                "value": {"value": lever["values"][lever["index"]], "seq": self.seq},
            }
        ]
        widget = (TRIGGERS.format(id=lever["id"]), "json_trigger_value", json.dumps(payload))
        return await self.run([widget], fragment_id=lever["fragment"], timeout=30)

    async def request_files(self, file_id: str, count: int) -> list[str]:
        """Send ``count`` requests for a deferred download at once; return the request ids."""
        ids = []
        for _ in range(count):
            back = BackMsg()
            request = back.backend_operation_request
            request.request_id = f"r{next(self.ids)}"
            request.session_id = self.session_id
            request.deferred_file.file_id = file_id
            ids.append(request.request_id)
            await self.ws.send(back.SerializeToString())
        return ids

    async def answers_to(self, ids: list[str], timeout: float = 120) -> dict[str, tuple[str, str]]:
        """Wait for the answers to ``ids``: request id -> (url, error message)."""
        deadline = time.monotonic() + timeout
        while not all(i in self.answers for i in ids):
            await self._next(max(0.1, deadline - time.monotonic()))
        out = {}
        for i in ids:
            answer = self.answers[i].backend_operation_response
            out[i] = (answer.deferred_file.url, answer.error_msg)
        return out


def run_sync(coroutine):
    """Run ``coroutine`` to its end from synchronous test code, in a thread of its own: the
    suite's shared browser (Playwright's sync API) keeps an event loop running in the main
    thread, where ``asyncio.run`` would refuse."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
