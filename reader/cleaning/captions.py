"""Photo and video captions.

A caption is recognised by what captions carry: a trailing credit in brackets
("(Video screenshot composite)", "(Getty Images)", "(AFP/Getty)"), a leading
"Photo:" tag, or, where the layout puts a short block right before an article's
header, a date stamp ("... in Nanchang, China, on April 8, 2020.") or a word that
describes a picture. Running text is never judged by position alone.
"""

from __future__ import annotations

import re

from reader.cleaning.piece import Para, dropped, words_up_to
from summaries.model import Removal

CAPTION_MAX_WORDS = 60
_CREDIT_WORDS = (
    "photo|photos|photograph|picture|image|images|video|screenshot|screen|file|composite|illustration|"
    "courtesy|credit|getty|reuters|afp|ap|epa|pa|pool|xinhua|shutterstock|archive|handout|supplied|graphic"
)
_TRAILING_CREDIT = re.compile(
    rf"\((?=[^()]*\b(?:{_CREDIT_WORDS})\b)[^()]{{2,80}}\)\s*$|\([A-Z][\w.&' ]{{1,30}}/[\w.&' /]{{2,40}}\)\s*$",
    re.IGNORECASE,
)
_LEADING_TAG = re.compile(rf"^(?:{_CREDIT_WORDS})\s*(?:\d+\s*)?[:|–—-]\s", re.IGNORECASE)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "... on April 8, 2020." / "... on Sept. 22, 2008." / "... in New York on" (cut off by the layout).
_DATE_STAMP = re.compile(rf"\b(?:on|in)\s+(?:{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|\d{{4}})\.?\s*$|\bon\s*$")
# Words that describe a picture rather than report news.
_VISUAL = re.compile(
    r"\b(?:logo|photo|photograph|pictured|poses?|posing|mugshot|portrait|screenshot|seen here|"
    r"left|right|centre|center|background|foreground|look(?:s)? at|holds?|gestures?|waves?|displayed)\b",
    re.IGNORECASE,
)


def has_credit(text: str) -> bool:
    return words_up_to(text, CAPTION_MAX_WORDS + 1) <= CAPTION_MAX_WORDS and bool(_TRAILING_CREDIT.search(text) or _LEADING_TAG.match(text))


def looks_like_caption_before_header(text: str, header_has_label: bool) -> bool:
    """A short block set right before an article's header: the lead photo's caption?"""
    if words_up_to(text, CAPTION_MAX_WORDS + 1) > CAPTION_MAX_WORDS or text.count(". ") > 2:
        return False
    return has_credit(text) or header_has_label or bool(_DATE_STAMP.search(text)) or bool(_VISUAL.search(text))


def has_date_stamp(text: str) -> bool:
    return words_up_to(text, CAPTION_MAX_WORDS + 1) <= CAPTION_MAX_WORDS and bool(_DATE_STAMP.search(text))


def drop_credited_captions(paragraphs: list[Para], raw: str) -> tuple[list[Para], list[Removal]]:
    kept, removals = [], []
    for para in paragraphs:
        if para.lines <= 3 and has_credit(para.text):
            removals.append(dropped(raw, para.piece, "photo caption"))
        else:
            kept.append(para)
    return kept, removals
