"""Who a lone sentence attributes its view to, if anyone ("Li Linyi believes…").

In an article the named-sources machinery (`summaries.sources`) says which sentences
carry a source's words; a single sentence has no such context, so this small
pattern finds the common shapes itself: a named, pronoun or described subject next
to a reporting verb ("analysts said", "said Nick Clark", "according to the report"),
and sentences that are mostly a quotation, or that end one begun earlier (NewsSD's
guidelines: quotation marks at the start, the end or both mark a third party's words). The author's own "I"/"we" never count:
"as we predicted" is the author speaking.
"""

from __future__ import annotations

import re

from summaries.stance.features import normalise_quotes, opens_inside_quotation
from summaries.stance.lexicons import part_of_speech

_VERB = (
    r"(?:said|says|say|told|tells|believes?|believed|argued|argues?|claimed|claims?|stated|states|added|adds|"
    r"explained|explains|insisted|insists|noted|notes|wrote|writes|warned|warns|admitted|admits|denied|denies|"
    r"acknowledged|testified|confirmed|confirms|estimated|estimates|predicted|predicts|suggested|suggests|"
    r"thinks|thought|contends?|contended|maintained|maintains|alleged|alleges|reported|reports|announced|"
    r"announces|emphasi[sz]ed|stressed|pointed out|described|describes|called|calls|accused|accuses|"
    r"urged|urges|asserted|asserts|disclosed|revealed|recalled|remarked|observed|concluded|expects|expected)"
)
_NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|de|da|van|von|al|bin|du|la|le)){0,5})"
_PRONOUN = r"(?:he|she|they|He|She|They)"
_DESCRIBED = (
    r"(?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Tt]wo|[Tt]hree|[Mm]ost|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:officials?|analysts?|experts?|spokes(?:man|woman|person)|critics?|researchers?|scientists?|"
    r"economists?|observers?|sources?|insiders?|residents?|workers?|lawmakers?|officers?|police|authorities|"
    r"ministry|government|report|study|survey|statement|judge|court|prosecutors?|lawyers?|attorneys?|company|"
    r"agency|commentators?|scholars?|professors?|historians?|activists?|leaders?|witnesses|witness|doctors?|"
    r"investigators?|diplomats?|media|newspaper|paper|documents?|data|figures|poll|representatives?))"
)
_SUBJECT = rf"(?P<who>{_NAME}|{_PRONOUN}|{_DESCRIBED})"
_ADVERB = r"(?:(?:also|previously|later|recently|once|has|have|had|publicly|repeatedly|further|then)\s+)?"

_SUBJECT_THEN_VERB = re.compile(rf"{_SUBJECT}(?:,[^,;]{{1,90}},)?\s+{_ADVERB}{_VERB}\b")
_VERB_THEN_SUBJECT = re.compile(rf"[,\"]\s*{_VERB}\s+(?P<who>{_NAME}|{_DESCRIBED}|he|she|they)\b")
_ACCORDING_TO = re.compile(rf"\b[Aa]ccording to\s+(?P<who>{_NAME}|{_DESCRIBED}|(?:[\w-]+\s+){{0,3}}[\w-]+)")
# Every attribution shape needs a reporting verb or "according to": one cheap search
# rules out most sentences before the three full patterns run.
_ANY_CUE = re.compile(rf"\b(?:{_VERB}|[Aa]ccording to)\b")
_QUOTED = re.compile(r'"[^"]*"?')
_WORD = re.compile(r"\w+")
_LEADING_ARTICLE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+(?=[a-z])")
_NOT_A_SOURCE = frozenset({"it", "this", "that", "there", "i", "we", "you", "as", "if"})


def _clean_name(name: str) -> str:
    name = _LEADING_ARTICLE.sub("", name.strip(" ,"))
    return _without_opening_function_words(name.strip())


# Word classes capitalised only because they open the sentence ("Nonetheless I
# believe", "The states …" where "states" is the verb) are not part of a name: they
# are dropped, and what is left may be the author ("I") or nothing. A determiner
# before a name stays ("The Guardian"), and so does any of them before a lower-case
# word, where it opens a described source ("Some military analysts").
_FUNCTION_TAGS = frozenset({"DT", "RB", "RBR", "RBS", "CC", "IN", "WRB", "UH"})


def _without_opening_function_words(name: str) -> str:
    words = name.split()
    tags = part_of_speech()
    while words and words[0][:1].isupper():
        tag = tags.get(words[0].lower())
        if tag not in _FUNCTION_TAGS:
            break
        if len(words) > 1 and (tag == "DT" or not words[1][:1].isupper()):
            break
        words.pop(0)
    return " ".join(words)


def quoted_share(text: str) -> float:
    total = len(_WORD.findall(text))
    if not total:
        return 0.0
    return sum(len(_WORD.findall(m.group())) for m in _QUOTED.finditer(text)) / total


def attributed_to(sentence: str) -> str | None:
    """The source a sentence attributes its content to, or None when it speaks for itself."""
    text = normalise_quotes(sentence)
    if not _ANY_CUE.search(text):
        return _quoted_speaker(text)
    for pattern in (_ACCORDING_TO, _VERB_THEN_SUBJECT, _SUBJECT_THEN_VERB):
        for match in pattern.finditer(text):
            who = _clean_name(match.group("who"))
            first = who.split()[0].lower() if who else ""
            if who and first not in _NOT_A_SOURCE:
                return who
    return _quoted_speaker(text)


def _quoted_speaker(text: str) -> str | None:
    if text.lstrip().startswith('"') and quoted_share(text) >= 0.6:
        return "a quoted speaker"
    if opens_inside_quotation(text.strip()):
        return "a quoted speaker"
    return None
