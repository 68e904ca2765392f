"""The subcommands of `reader`, one module per group, each registered in `COMMAND_MODULES`.

A command module defines `add_parsers(subparsers)`, which adds its subcommands with
`set_defaults(run=...)`, and nothing heavy at import time: `reader`'s first paint
and `reader --help` must not pay for the engine's imports.
"""

from __future__ import annotations

COMMAND_MODULES = (
    "reader.commands.analyse",
    "reader.commands.stance",
    "reader.commands.check",
    "reader.commands.library",
    "reader.commands.feeds",
)
