"""Helpers for TUI tests: deterministic apps and waiting for workers."""

from __future__ import annotations

import contextlib
import asyncio
import functools
from typing import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled, WorkerFailed

from reader.app.app import ReaderApp


def pilot_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async test body with asyncio (no pytest async plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def make_app(paths: list[str], **kwargs) -> ReaderApp:
    app = ReaderApp(paths=paths, **kwargs)
    app.animation_level = "none"
    return app


async def settle(pilot: Pilot) -> None:
    """Wait for loading and analysis workers and the messages they post."""
    # Workers start workers (load -> analyse -> prefetch), and the loader starts after
    # the first frame: wait until a round finds none left (at least four rounds).
    for round in range(12):
        pending = [worker for worker in pilot.app.workers if not worker.is_finished]
        for worker in pending:
            with contextlib.suppress(WorkerCancelled, WorkerFailed):  # superseded (exclusive) or failed: the app shows it
                await worker.wait()
        await pilot.pause()
        if round >= 3 and not pending:
            break
    for field in pilot.app.query(Input):
        field.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.05)  # a frame for refreshes scheduled by the messages above


def keys(*pressed: str):
    """A snapshot's run_before: settle, then each key pressed and settled."""

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return run_before
