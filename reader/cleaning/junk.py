"""Things around an article that are not its text.

- the comment thread / site furniture after the article ("Thank you Carlos!",
  "SUBSCRIBE TODAY", "ReadEpoch.com"): a trailing run of short blocks that mostly
  read like chat, calls to action or page furniture (first/second person outside
  quotes, exclamations, capitals, links, no sentence ending);
- "Editor: X" credit lines;
- orphan fragments left by a column break ("ing to People's Daily."): a short
  block that starts mid-word or mid-sentence, ends in a hyphen, or closes a
  quote it never opened;
- the head of a block that repeats the tail of the previous one after a column
  break ("... was merely one catalyst." / "was merely one catalyst. The Hill ...").
"""

from __future__ import annotations

from itertools import pairwise
import re

from reader.cleaning.columns import ends_sentence, starts_lowercase
from reader.cleaning.piece import Para, dropped, word_list, words_up_to
from summaries.model import Removal

TAIL_BLOCK_MAX_WORDS = 45
TAIL_JUNK_SHARE = 0.5
ORPHAN_MAX_WORDS = 12
UNBALANCED_QUOTE_MAX_WORDS = 6
BODY_MIN_WORDS = 25  # a block this long is article text; the junk tail starts after the last one

_EDITOR_LINE = re.compile(
    r"^(?:editors?|edited by|responsible editor|editor in charge|translated by|translator|"
    r"proofread(?:ing)? by|typeset by|compiled by|source)\s*(?:[:：]\s*|\s+)\S.{0,60}$",
    re.IGNORECASE,
)
_LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|co\.uk|info|io|tv)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]|‘[^’]*’")
_CHAT_WORDS = re.compile(
    r"\b(?:i|i'm|i’m|me|my|you|you're|you’re|your|we|our|us|thanks|thank|please|lol|reply|share|"
    r"subscribe|comment|comments|like|follow|login|sign up|click)\b",
    re.IGNORECASE,
)


def is_editor_line(text: str) -> bool:
    return words_up_to(text, 9) <= 8 and bool(_EDITOR_LINE.match(text))


def junk_score(text: str) -> float:
    """0..1: how much a short block reads like comment-thread chat or site furniture."""
    outside_quotes = _QUOTED.sub(" ", text)
    letters = [c for c in text if c.isalpha()]
    score = 0.0
    if _LINK.search(text):
        score += 1.0
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 1:
        score += 0.6
    if outside_quotes.rstrip().endswith(("!", "?")) or "!" in outside_quotes:
        score += 0.6
    if _CHAT_WORDS.search(outside_quotes):
        score += 0.5
    if not ends_sentence(text):
        score += 0.3
    if words_up_to(text, 4) <= 3:
        score += 0.2
    return min(score, 1.0)


def drop_editor_lines(paragraphs: list[Para], raw: str) -> tuple[list[Para], list[Removal]]:
    kept, removals = [], []
    for para in paragraphs:
        if para.lines == 1 and is_editor_line(para.text):
            removals.append(dropped(raw, para.piece, "editor credit line"))
        else:
            kept.append(para)
    return kept, removals


def drop_tail_junk(paragraphs: list[Para], raw: str) -> tuple[list[Para], list[Removal]]:
    last_body = max((i for i, p in enumerate(paragraphs) if words_up_to(p.text, BODY_MIN_WORDS) >= BODY_MIN_WORDS), default=-1)
    tail_start = last_body + 1
    while tail_start < len(paragraphs) and words_up_to(paragraphs[tail_start].text, TAIL_BLOCK_MAX_WORDS + 1) > TAIL_BLOCK_MAX_WORDS:
        tail_start += 1
    tail = paragraphs[tail_start:]
    if not tail or last_body < 0:
        return paragraphs, []
    scores = [junk_score(p.text) for p in tail]
    # The earliest cut from which most blocks are junk, starting at a junk block.
    cut = None
    for i in range(len(tail)):
        rest = scores[i:]
        if scores[i] >= 0.6 and sum(s >= 0.6 for s in rest) >= TAIL_JUNK_SHARE * len(rest) and (
            len(rest) >= 2 or scores[i] >= 1.0
        ):
            cut = i
            break
    if cut is None:
        return paragraphs, []
    removals = [dropped(raw, p.piece, "comment thread or site furniture after the article") for p in tail[cut:]]
    return paragraphs[: tail_start + cut], removals


def _unbalanced_close_quote(text: str) -> bool:
    straight = text.count('"') % 2 == 1 and text.rstrip().endswith('"')
    curly = text.count("”") > text.count("“")
    return straight or curly


def is_orphan_fragment(text: str) -> bool:
    words = words_up_to(text, ORPHAN_MAX_WORDS + 1)  # exact when it is at most ORPHAN_MAX_WORDS
    if words > ORPHAN_MAX_WORDS:
        return False
    if starts_lowercase(text):
        return True
    return words <= UNBALANCED_QUOTE_MAX_WORDS and _unbalanced_close_quote(text)


def drop_orphan_fragments(paragraphs: list[Para], raw: str) -> tuple[list[Para], list[Removal]]:
    kept, removals = [], []
    for para in paragraphs:
        if is_orphan_fragment(para.text):
            removals.append(dropped(raw, para.piece, "orphan column fragment"))
        else:
            kept.append(para)
    return kept, removals


def drop_repeated_heads(paragraphs: list[Para], raw: str) -> tuple[list[Para], list[Removal]]:
    """Cut the start of a lower-case block that repeats the end of the block before it."""
    removals: list[Removal] = []
    for previous, para in pairwise(paragraphs):
        if not starts_lowercase(para.text):
            continue
        tail_words = word_list(previous.text)[-12:]
        head = para.text
        best = 0
        for k in range(min(len(tail_words), 12), 1, -1):
            if word_list(" ".join(head.split(" ")[:k])) == tail_words[-k:]:
                best = k
                break
        if best:
            cut = len(" ".join(head.split(" ")[:best]))
            removals.append(dropped(raw, para.piece[:cut], "text repeated across a column break"))
            para.piece = para.piece[cut:].strip()
    return [p for p in paragraphs if p.text], removals
