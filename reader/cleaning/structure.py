"""Paragraph kinds: section headings and interview turns.

A heading is a one-line block in title case with no sentence punctuation between
two other blocks. An interview is an article where at least two speaker labels
("Interviewer:", "Zhao Jie:") each open two or more paragraphs; every paragraph
from the first such label on is a turn of the last speaker named (the label
stays in the text).
"""

from __future__ import annotations

import re
from collections import Counter

from reader.cleaning.metadata import is_title, is_title_case
from reader.cleaning.piece import Para

HEADING_MAX_WORDS = 18
_FIELD_LINE = re.compile(r"^[\w()'’ ]{1,25}:\s")
_SPEAKER = re.compile(r"^((?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*){0,3}|Q|A)\s*[:：]\s+\S")


def speaker_label(text: str) -> str | None:
    match = _SPEAKER.match(text)
    return match.group(1) if match else None


def classify(paragraphs: list[Para]) -> None:
    labels = [speaker_label(p.text) for p in paragraphs]
    counts = Counter(label for label in labels if label)
    speakers = {label for label, n in counts.items() if n >= 2}
    interview = len(speakers) >= 2
    current: str | None = None
    for index, para in enumerate(paragraphs):
        label = labels[index]
        if interview and label in speakers:
            current = label
        if _is_heading(paragraphs, index):
            para.kind, para.speaker = "heading", None
            current = None
        elif interview and current is not None:
            para.kind, para.speaker = "turn", current
        else:
            para.kind, para.speaker = "body", None


def _is_heading(paragraphs: list[Para], index: int) -> bool:
    para = paragraphs[index]
    text = para.text
    if para.lines != 1 or index + 1 >= len(paragraphs) or len(text.split()) > HEADING_MAX_WORDS:
        return False
    if _FIELD_LINE.match(text):
        return False  # "Aliases: Jin Xinjiang": a form's field, not a heading
    if not (is_title(text, allow_caps=True) or (text.endswith("?") and is_title(text[:-1], allow_caps=True))):
        return False
    return is_title_case(text) and len(paragraphs[index + 1].text.split()) > len(text.split())
