"""One file holding a whole newspaper page or issue -> one segment per article.

An article starts at a *header group*: consecutive one-line blocks made of an
optional kicker in capitals, a title, and a byline ("CATHY HE", "By Jane Doe").
A group counts when it has a mixed-case title of three or more words with a kicker
or a byline, or an explicit "By ..." line with a title. The caption of the lead
photo usually sits just before the group; it is dropped when it reads like one
(see captions.looks_like_caption_before_header).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.cleaning import captions
from reader.cleaning.metadata import _BYLINE_WORDS, _set_label, byline_name, is_all_caps, is_label, is_title
from reader.cleaning.piece import Header, Para, dropped
from summaries.model import RawSpan, Removal

GROUP_MAX_LINES = 4
BODY_MIN_WORDS = 25
CAPTIONS_BEFORE_HEADER = 2


@dataclass(slots=True)
class Segment:
    paragraphs: list[Para]
    header: Header
    removals: list[Removal]


def _parse_group(paragraphs: list[Para], start: int) -> tuple[int, dict[str, int]] | None:
    """(paragraphs used, role -> paragraph index) when a header group starts at `start`."""
    roles: dict[str, int] = {}
    i = start
    while i < len(paragraphs) and i - start < GROUP_MAX_LINES:
        para = paragraphs[i]
        text = para.text
        if para.lines != 1:
            break
        explicit_byline = bool(_BYLINE_WORDS.match(text)) and byline_name(text) is not None
        if explicit_byline and "byline" not in roles:
            roles["byline"] = i
        elif i == start and is_label(text) and i + 1 < len(paragraphs) and is_title(paragraphs[i + 1].text):
            roles["label"] = i
        elif "title" not in roles and is_title(text, allow_caps=True):
            roles["title"] = i
        elif "title" in roles and "byline" not in roles and byline_name(text) and not _opens_next_group(paragraphs, i):
            roles["byline"] = i
        else:
            break
        i += 1
    if "title" not in roles:
        return None
    title = paragraphs[roles["title"]].text
    mixed_title = not is_all_caps(title) and len(title.split()) >= 3
    explicit = "byline" in roles and bool(_BYLINE_WORDS.match(paragraphs[roles["byline"]].text))
    body_follows = i < len(paragraphs) and len(paragraphs[i].text.split()) >= BODY_MIN_WORDS
    if not ((mixed_title and ("byline" in roles or ("label" in roles and body_follows))) or explicit):
        return None
    if "title" in roles and roles["title"] > start and "label" not in roles and "byline" not in roles:
        return None
    return i - start, roles


def _opens_next_group(paragraphs: list[Para], i: int) -> bool:
    """Capitals followed by a mixed-case title are the next article's kicker, not a byline."""
    return i + 1 < len(paragraphs) and is_label(paragraphs[i].text) and is_title(paragraphs[i + 1].text)


def roles_to_header(paragraphs: list[Para], roles: dict[str, int]) -> Header:
    header = Header()
    title = paragraphs[roles["title"]]
    header.title = title.text
    header.fields["title"] = RawSpan(title.piece.raw_start, title.piece.raw_end)
    if "byline" in roles:
        piece = paragraphs[roles["byline"]].piece
        header.byline = byline_name(piece.text)
        header.fields["byline"] = RawSpan(piece.raw_start, piece.raw_end)
    return header


def split_articles(paragraphs: list[Para], raw: str) -> list[Segment]:
    segments: list[Segment] = [Segment([], Header(), [])]
    i = 0
    while i < len(paragraphs):
        parsed = _parse_group(paragraphs, i)
        if parsed is None:
            segments[-1].paragraphs.append(paragraphs[i])
            i += 1
            continue
        used, roles = parsed
        header = roles_to_header(paragraphs, roles)
        removals: list[Removal] = []
        label_para = paragraphs[roles["label"]] if "label" in roles else None
        if label_para is not None:
            _set_label(header, label_para.piece, raw, removals)
        previous = segments[-1]
        removals += _take_captions(previous.paragraphs, raw, has_label=label_para is not None)
        segments.append(Segment([], header, removals))
        i += used
    first = segments[0]
    if len(segments) > 1 and not first.paragraphs:
        segments.pop(0)
    return segments


def _take_captions(paragraphs: list[Para], raw: str, has_label: bool) -> list[Removal]:
    """Drop the lead-photo caption(s) at the end of what precedes a header group."""
    removals: list[Removal] = []
    for taken in range(CAPTIONS_BEFORE_HEADER):
        if not paragraphs:
            break
        last = paragraphs[-1]
        immediately_before = taken == 0
        if last.lines > 2:
            break
        if immediately_before:
            ok = captions.looks_like_caption_before_header(last.text, has_label)
        else:
            ok = captions.has_date_stamp(last.text) or captions.has_credit(last.text)
        if not ok:
            break
        removals.insert(0, dropped(raw, last.piece, "photo caption"))
        paragraphs.pop()
    return removals
