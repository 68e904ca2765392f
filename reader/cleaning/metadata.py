"""An article's header lifted out of its text: label (kicker), title, byline, date.

Lifted fields are not removals: their raw spans go to `Header.fields`, so every raw
character stays accounted for. Two safe, recorded OCR repairs live here because
they only make sense at an article's head: a kicker that is one letter off a
common word ("OPINIOI" -> "OPINION"), and a first word whose drop capital the
OCR lost ("mid the" -> "Amid the"), each only when exactly one letter fits.
"""

from __future__ import annotations

import re
import string
from datetime import date as Date

from reader.cleaning.hyphenation import zipf
from reader.cleaning.piece import Header, Para, Piece, changed, word_count
from summaries.model import RawSpan, Removal

TITLE_MAX_WORDS = 22
TITLE_MAX_CHARS = 180
LABEL_MAX_WORDS = 4
KNOWN_ZIPF = 1.5
REPAIR_MIN_ZIPF = 3.0

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>\d{4})-(?P<monthnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"(?P<year>\d{4})年(?P<monthnum>\d{1,2})月(?P<day>\d{1,2})日"),
]
# A bracketed group at a paragraph start: 【...】, (...), [...].
_BRACKET_GROUP = re.compile(r"\s*(【[^】]{1,120}】|\([^()]{1,120}\)|\[[^\[\]]{1,120}\])")
_DATELINE_DASH = re.compile(r"\s*[–—-]+\s*")
_BYLINE_WORDS = re.compile(r"^(?:by|reported by|written by|report by|reporter|reporters|author)\s*[:：]?\s+(?P<name>.+)$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’.-]*$")
_TERMINAL_OR_CLAUSE = re.compile(r"[.,;:]$")
_SPEAKER_LABEL = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}\s*[:：]\s")
_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "is", "vs"}


def parse_date(text: str) -> str | None:
    """The first calendar date in `text` as ISO 8601, or None."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = int(groups["monthnum"]) if groups.get("monthnum") else _MONTHS[groups["month"].lower()]
            try:
                return Date(int(groups["year"]), month, int(groups["day"])).isoformat()
            except ValueError:
                continue
    return None


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_label(text: str) -> bool:
    """A kicker: a few words in capitals, no sentence punctuation."""
    words = text.split()
    return 1 <= len(words) <= LABEL_MAX_WORDS and is_all_caps(text) and not re.search(r"[.,;:!?\d]", text)


def byline_name(text: str) -> str | None:
    """The name in "By Jane Doe" / "Reported by ..." or a name set in capitals ("CATHY HE")."""
    match = _BYLINE_WORDS.match(text.strip("()[]【】 "))
    if match and word_count(match.group("name")) <= 12:
        return match.group("name").strip()
    words = text.split()
    if 2 <= len(words) <= 4 and is_all_caps(text) and all(re.fullmatch(r"[A-Z][A-Z'’.-]*", w) for w in words):
        return text
    return None


def is_title(text: str, allow_caps: bool = False) -> bool:
    words = text.split()
    if not 1 <= len(words) <= TITLE_MAX_WORDS or len(text) > TITLE_MAX_CHARS:
        return False
    if _TERMINAL_OR_CLAUSE.search(text) or text.endswith("-") or not (text[0].isupper() or text[0] in "\"'“‘"):
        return False
    if len(words) > 1 and words[-1] in _SMALL_WORDS:
        return False  # "... founder of the": a line cut off mid-sentence
    return allow_caps or not is_all_caps(text)


def is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _field(header: Header, name: str, piece: Piece) -> None:
    header.fields[name] = RawSpan(piece.raw_start, piece.raw_end)


def extract_header(paragraphs: list[Para], header: Header, raw: str) -> tuple[list[Para], list[Removal]]:
    """Lift title, byline and date from an article's first paragraphs (fills only what is unset)."""
    removals: list[Removal] = []
    index = 0
    if header.title is None and len(paragraphs) >= 2:
        first = paragraphs[0]
        if first.lines == 1 and is_label(first.text) and is_title(paragraphs[1].text) and header.label is None:
            _set_label(header, first.piece, raw, removals)
            index = 1
        candidate = paragraphs[index]
        if (
            candidate.lines == 1
            and is_title(candidate.text)
            and len(paragraphs) > index + 1
            and not _is_dateline(candidate.text)
            and not _SPEAKER_LABEL.match(candidate.text)
        ):
            header.title = candidate.text
            _field(header, "title", candidate.piece)
            index += 1
    # Datelines and bylines come within the next few short paragraphs.
    scanned = 0
    while index < len(paragraphs) and scanned < 3:
        scanned += 1
        para = paragraphs[index]
        rest = _lift_bracket_groups(para.piece, header)
        if rest is None:
            if para.lines == 1 and header.byline is None and byline_name(para.text) and word_count(para.text) <= 12:
                header.byline = byline_name(para.text)
                _field(header, "byline", para.piece)
                index += 1
                continue
            if para.lines == 1 and header.date is None and word_count(para.text) <= 8 and parse_date(para.text) and not re.search(r"[.!?]$", para.text):
                header.date = parse_date(para.text)
                _field(header, "date", para.piece)
                index += 1
                continue
            break
        if rest.text:
            para.piece = rest
            break
        index += 1
    return paragraphs[index:], removals


def _is_dateline(text: str) -> bool:
    return bool(_BRACKET_GROUP.match(text)) and parse_date(text) is not None


def _lift_bracket_groups(piece: Piece, header: Header) -> Piece | None:
    """Strip leading bracketed dateline/byline groups; None when the paragraph has none."""
    lifted = False
    while True:
        match = _BRACKET_GROUP.match(piece.text)
        if not match:
            break
        group = piece[match.start(1) : match.end(1)]
        inner = group.text[1:-1]
        date = parse_date(inner)
        name = byline_name(inner) if _BYLINE_WORDS.match(inner.strip()) else None
        if date and header.date is None:
            header.date = date
            end = match.end()
            dash = _DATELINE_DASH.match(piece.text, end)
            if dash and dash.end() > end and (dash.end() == len(piece.text) or piece.text[dash.end()].isupper()):
                end = dash.end()
            _field(header, "date", piece[match.start(1) : end].strip())
            piece = piece[end:].strip()
        elif name and header.byline is None:
            header.byline = name
            _field(header, "byline", group)
            piece = piece[match.end() :].strip()
        else:
            break
        lifted = True
    return piece if lifted else None


def _set_label(header: Header, piece: Piece, raw: str, removals: list[Removal]) -> None:
    label = piece.text
    repaired = repair_label(label)
    if repaired != label:
        removals.append(changed(raw, piece.raw_start, piece.raw_end, "OCR repair of the label (one letter)", repaired))
    header.label = repaired
    _field(header, "label", piece)


def repair_label(label: str) -> str:
    words = label.split()
    return " ".join(_one_letter_repair(w) for w in words)


def _one_letter_repair(word: str) -> str:
    if not word.isalpha() or len(word) < 4 or zipf(word.lower()) >= KNOWN_ZIPF:
        return word
    lower = word.lower()
    candidates = {
        lower[:i] + letter + lower[i + 1 :]
        for i in range(len(lower))
        for letter in string.ascii_lowercase
        if letter != lower[i]
    }
    good = [c for c in candidates if zipf(c) >= REPAIR_MIN_ZIPF]
    if len(good) != 1:
        return word
    fixed = good[0]
    return fixed.upper() if word.isupper() else fixed


def repair_dropped_capital(paragraphs: list[Para], raw: str) -> list[Removal]:
    """"mid the pandemic" -> "Amid the pandemic" on an article's first paragraph, when one letter fits."""
    if not paragraphs:
        return []
    para = paragraphs[0]
    match = re.match(r"([a-z]+)\b", para.text)
    if not match:
        return []
    word = match.group(1)
    candidates = [letter + word for letter in string.ascii_lowercase if zipf(letter + word) >= REPAIR_MIN_ZIPF]
    if len(candidates) != 1 or (zipf(word) >= KNOWN_ZIPF and zipf(candidates[0]) < REPAIR_MIN_ZIPF):
        return []
    fixed = candidates[0].capitalize()
    span = para.piece[: len(word)]
    para.piece = para.piece.replace_span(0, len(word), fixed)
    return [changed(raw, span.raw_start, span.raw_end, "OCR repair of a lost drop capital", fixed)]
