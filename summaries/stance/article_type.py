"""The article's type in the Trust Project's terms: News, Opinion, Analysis, Interview, Notice.

Explicit signals decide first, in this order: a kicker ("OPINION", or an OCR-damaged
"OPINIOI", matched by edit distance), interview turns, a disclaimer that the views
are the author's, and the shape of a public notice (a wanted poster's field lines,
"if you have any information… contact"). Only without any of them does the share of
sentences in the author's own voice decide.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from summaries.model import Article

NEWS, OPINION, ANALYSIS, INTERVIEW, NOTICE = "News", "Opinion", "Analysis", "Interview", "Notice"

KICKERS: dict[str, str] = {
    "OPINION": OPINION, "COMMENTARY": OPINION, "COMMENT": OPINION, "EDITORIAL": OPINION,
    "PERSPECTIVE": OPINION, "VIEWPOINT": OPINION, "OP-ED": OPINION, "COLUMN": OPINION,
    "ANALYSIS": ANALYSIS, "NEWS ANALYSIS": ANALYSIS,
    "INTERVIEW": INTERVIEW, "Q&A": INTERVIEW,
    "NOTICE": NOTICE, "PUBLIC NOTICE": NOTICE, "WANTED": NOTICE,
}
# Above this share of own-voice sentences an unlabelled article argues more than it reports.
OPINION_SHARE = 0.5
# Between this and OPINION_SHARE the author interprets at length: analysis.
ANALYSIS_SHARE = 0.35
MIN_TURNS = 4

# The look-ahead lets the search skip, cheaply, where no phrase can start (as below).
_DISCLAIMER = re.compile(
    r"(?=[vod])(?:views|opinions)\s+expressed\s+(?:in\s+this\s+(?:article|column|piece)\s+)?are\s+(?:those|the\s+opinions?|the\s+views?)\s+of\s+the\s+(?:author|writer)"
    r"|do(?:es)?\s+not\s+necessarily\s+reflect\s+the\s+views",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_EDITORS_NOTE = re.compile(r"^\W*editor['’]?s['’]?\s+note\b", re.IGNORECASE)
_TURN = re.compile(r"^(?P<speaker>Q|A|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*[:：]\s+(?P<said>\S.*)", re.DOTALL)
_FIELD_LINE = re.compile(r"^[A-Z][\w()' -]{1,30}:\s*\S[^:\n]{0,60}(?:\t|$)", re.MULTILINE)
# The look-ahead (every phrase starts with one of these letters) only lets the search
# skip, cheaply, the places where no phrase can start: the same matches, in a third of the time.
_NOTICE_PHRASES = re.compile(
    r"(?=[wrpiadcm])(?:"
    r"\bwanted\b|\breward\b|if you have any information|please contact|armed and dangerous|\baliases?:|"
    r"date\(?s?\)? of birth|\bcaution\b|report (?:a )?tips?\b|missing person)",
    re.IGNORECASE,
)
# Words too common to be an interview speaker: "Note: …", "Photo: …".
_NOT_SPEAKERS = frozenset({"note", "photo", "source", "update", "correction", "editor", "caption", "video", "image", "read", "see", "also"})


@dataclass(frozen=True, slots=True)
class Turn:
    paragraph: int
    speaker: str


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def match_kicker(text: str) -> str | None:
    """The kicker `text` stands for, allowing OCR damage: one edit in six letters, two in ten."""
    candidate = _SPACES.sub(" ", text.strip(" \t:|-•·")).upper()
    if not candidate or len(candidate) > 20:
        return None
    for kicker in KICKERS:
        allowed = len(kicker) // 5 if len(kicker) >= 6 else 0
        if edit_distance(candidate, kicker) <= allowed:
            return kicker
    return None


def _leading_lines(article: Article, limit: int = 8) -> list[str]:
    lines = []
    for paragraph in article.paragraphs[:limit]:
        lines.extend(line.strip() for line in article.span_text(paragraph).split("\n") if line.strip())
    return lines[:limit]


def find_kicker(article: Article) -> tuple[str, str] | None:
    """(the text as printed, the kicker it stands for), from the label or the top lines."""
    candidates = [article.label] if article.label else []
    # Cleaning may not have lifted the kicker out of the body: a short line near the top.
    candidates += [line for line in _leading_lines(article) if len(line.split()) <= 3]
    for text in candidates:
        found = match_kicker(text)
        if found:
            return text.strip(), found
    return None


def interview_turns(article: Article) -> list[Turn]:
    """Turns of a Q&A: paragraphs cleaning marked as turns, or "Name: words" paragraphs."""
    turns = []
    for index, paragraph in enumerate(article.paragraphs):
        if paragraph.kind == "turn":
            turns.append(Turn(index, paragraph.speaker or "?"))
            continue
        for line in article.span_text(paragraph).split("\n"):
            match = _TURN.match(line.strip())
            if match and match.group("speaker").lower() not in _NOT_SPEAKERS and len(match.group("said").split()) >= 6:
                turns.append(Turn(index, match.group("speaker")))
    counts = Counter(turn.speaker for turn in turns)
    speakers = [s for s, n in counts.items() if n >= 2]
    if len(turns) >= MIN_TURNS and len(speakers) >= 2:
        return [turn for turn in turns if turn.speaker in speakers]
    return []


def editors_note_paragraphs(article: Article) -> list[int]:
    return [i for i, p in enumerate(article.paragraphs) if _EDITORS_NOTE.match(article.span_text(p))]


def notice_signals(article: Article) -> list[str]:
    """What makes the text read as a public notice (a wanted poster, an appeal for information)."""
    phrases = {m.group().lower() for m in _NOTICE_PHRASES.finditer(article.text)}
    fields = _FIELD_LINE.findall(article.text)
    signals = sorted(phrases)
    if len(fields) >= 4:
        signals.append(f"{len(fields)} field lines")
    return signals


def declared_type(article: Article) -> tuple[str, str] | None:
    """(type, reason) the article declares itself: a kicker, else a views-are-the-author's disclaimer."""
    kicker = find_kicker(article)
    if kicker:
        printed, meant = kicker
        shown = printed if printed.upper() == meant else f"{printed} (read as {meant})"
        return KICKERS[meant], f"kicker: {shown}"
    disclaimer = _disclaimer(article.text)
    if disclaimer:
        return OPINION, f"disclaimer: {disclaimer}"
    return None


@lru_cache(maxsize=8)  # asked by declared_type and classify_type of one article
def _disclaimer(text: str) -> str | None:
    found = _DISCLAIMER.search(text)
    return found.group() if found else None


def classify_type(article: Article, opinion_share: float, interview: list[Turn]) -> tuple[str, tuple[str, ...]]:
    kicker = find_kicker(article)
    if kicker:
        printed, meant = kicker
        shown = printed if printed.upper() == meant else f"{printed} (read as {meant})"
        return KICKERS[meant], (f"kicker: {shown}",)
    if interview:
        speakers = ", ".join(dict.fromkeys(turn.speaker for turn in interview))
        return INTERVIEW, (f"interview turns: {len(interview)} ({speakers})",)
    disclaimer = _disclaimer(article.text)
    if disclaimer:
        return OPINION, (f"disclaimer: {disclaimer}",)
    notice = notice_signals(article)
    if len(notice) >= 3:
        return NOTICE, (f"notice: {'; '.join(notice[:4])}",)
    share = f"opinion sentences: {opinion_share:.0%}"
    if opinion_share >= OPINION_SHARE:
        return OPINION, (share,)
    if opinion_share >= ANALYSIS_SHARE:
        return ANALYSIS, (share,)
    return NEWS, (share,)
