"""The one sanitiser for text that reaches a terminal.

Article text, removed text, titles and file names all come from the user's input,
and a terminal obeys control characters: ESC starts a sequence that can set the
window title, write the clipboard (OSC 52) or clear the screen, and in the C1 range
U+009B and U+009D are CSI and OSC by themselves. Every string the CLI writes in
text or Markdown, every error line, and everything the TUI draws passes through here
first, so such characters are shown, never obeyed.

Each character is replaced by exactly one visible character, so offsets into the
text stay valid (the article view highlights spans of the sanitised text):
C0 controls and DEL become their Unicode control pictures (ESC -> ␛, BEL -> ␇), C1
controls become U+FFFD. Line feeds and tabs are kept for the CLI; the TUI, which
lays out cells itself, also turns a tab into a space.
"""

from __future__ import annotations

import re

# Same length as what they replace: offsets into the text stay valid.
_PICTURES = {code: 0x2400 + code for code in range(32) if code not in (9, 10)} | {0x7F: 0x2421}
_C1 = {code: 0xFFFD for code in range(0x80, 0xA0)}
_FOR_TERMINAL = _PICTURES | _C1
_FOR_SCREEN = _FOR_TERMINAL | {9: 0x20}
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """`text` with every control character but newline and tab made visible."""
    return text.translate(_FOR_TERMINAL) if _UNSAFE.search(text) else text


def screen_text(text: str) -> str:
    """`terminal_safe` for the TUI, which also draws a tab as one space (same length)."""
    return text.translate(_FOR_SCREEN)


def json_safe(dumped: str) -> str:
    """JSON text with DEL and C1 controls written as \\u escapes.

    `json.dumps(..., ensure_ascii=False)` escapes C0 controls but writes U+009B (CSI)
    as itself; the escape keeps the same value and keeps it off the terminal.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
