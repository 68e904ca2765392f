"""The features of one sentence that tell the author's voice from reporting.

Each feature is a number with the words that triggered it, so a verdict can say why
("modal: should", "evaluative adjective: hopeless"). They follow what the
subjectivity literature finds matters: the author's first person, modals of
obligation, evaluative and graded adjectives, intensifiers, hedges, rhetorical
questions, quotation and attribution, numbers and dates; and, after NewsSD's
guidelines, the author's forecasts ("will") and evaluative claims ("is racist"). Words
inside quotation marks are someone else's, so the voice features count only the words
outside them.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from summaries.stance import lexicons as lx

# Order matters: the weights file names each feature, and vectors follow this order.
FEATURES: tuple[str, ...] = (
    "first_person_singular",
    "first_person_plural",
    "second_person",
    "obligation_modal",
    "possibility_modal",
    "hedge",
    "certainty_adverb",
    "intensifier",
    "evaluative_words",
    "subjectivity_mean",
    "sentiment_words",
    "negation",
    "absolute",
    "graded",
    "adjective_share",
    "adverb_share",
    "argument_connective",
    "question",
    "exclamation",
    "quoted_share",
    "scare_quote",
    "reporting_verb",
    "attribution",
    "number",
    "date",
    "proper_noun_share",
    "past_tense",
    "present_copula",
    "opening_conjunction",
    "imperative",
    "length",
    "prediction",
    "predicate_adjective",
)

# How each feature reads as a cue; words that triggered it follow the colon.
CUE_NAMES: dict[str, str] = {
    "first_person_singular": "first person",
    "first_person_plural": "first person plural",
    "second_person": "second person",
    "obligation_modal": "modal",
    "possibility_modal": "speculative modal",
    "hedge": "hedge",
    "certainty_adverb": "stance adverb",
    "intensifier": "intensifier",
    "evaluative_words": "evaluative adjective",
    "subjectivity_mean": "subjective wording",
    "sentiment_words": "loaded word",
    "negation": "negation",
    "absolute": "absolute",
    "graded": "graded comparison",
    "adjective_share": "adjectives",
    "adverb_share": "manner adverb",
    "argument_connective": "argument connective",
    "question": "rhetorical question",
    "exclamation": "exclamation",
    "quoted_share": "quotation",
    "scare_quote": "scare quotes",
    "reporting_verb": "reporting verb",
    "attribution": "attributed",
    "number": "number/date",
    "date": "number/date",
    "proper_noun_share": "named entities",
    "past_tense": "past-tense narration",
    "present_copula": "present-tense claim",
    "opening_conjunction": "opening conjunction",
    "imperative": "exhortation",
    "length": "length",
    "prediction": "prediction",
    "predicate_adjective": "evaluative claim",
}

def _scale(name: str) -> str:
    """How a feature's hits become its value."""
    if name == "subjectivity_mean":
        return "mean"
    if name == "quoted_share":
        return "quoted"
    if name in ("adjective_share", "adverb_share"):
        return "share"
    if name in ("past_tense", "present_copula"):
        return "capped share"
    if name == "length":
        return "length"
    if name in ("question", "exclamation", "attribution", "opening_conjunction", "imperative"):
        return "flag"
    return "count"


_SCALES = tuple((name, _scale(name)) for name in FEATURES)
_SCALE_OF = dict(_SCALES)
FEATURE_INDEX = {name: index for index, name in enumerate(FEATURES)}  # a feature's place in a vector
_MEAN, _QUOTED, _LENGTH = (next(i for i, (_, scale) in enumerate(_SCALES) if scale == kind) for kind in ("mean", "quoted", "length"))

# Single quotation marks around a phrase (British style, or scare quotes) become
# double ones, so one rule finds quoted words; apostrophes stay as they are.
_SINGLE_QUOTED = re.compile(r"(?<![\w'’‘])[‘']([^‘’'\"\n]{1,80}?)[’'](?![\w])")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "’": "'", "‘": "'", "`": "'"})
# A letter-hyphen-digit compound ("COVID-19", "Z-10", "F-35") is one name, not a number.
_TOKEN = re.compile(r"[A-Za-z]+-\d+[A-Za-z]*|[A-Za-z]+(?:'[A-Za-z]+)*|\d+(?:[.,:]\d+)*%?|[$£€%]")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
_DOUBLE_QUOTE = re.compile('"')
_SHORT_QUOTE = re.compile(r'"([^"]{1,40})"')
_OPENING_CONJUNCTIONS = frozenset({"and", "but", "yet", "so", "or", "nor"})
# The author's own forecast ("Putin will hope to sow uncertainty"): speculation that
# draws a conclusion, which NewsSD's guidelines count as opinion. "going"/"bound"
# count only before "to".
_FUTURE = frozenset({"will", "won't", "shall"})
_FUTURE_BEFORE_TO = frozenset({"going", "bound"})
# "is racist", "was not completely unfounded", "is imperative": a copula, then
# degree or negation words, then an adjective: the author predicating a quality.
_COPULAS = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't",
     "seems", "seem", "seemed", "remains", "remain", "become", "becomes"}
)
_DEGREE = frozenset(
    {"not", "so", "very", "too", "quite", "rather", "all", "simply", "clearly", "hardly", "more",
     "most", "less", "no", "longer", "already", "just", "also", "completely", "entirely", "truly"}
)


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    values: tuple[float, ...]
    # Feature name -> the words (or a short note) that made it fire.
    evidence: dict[str, tuple[str, ...]]


@lru_cache(maxsize=4096)  # a sentence is read by the features, the attribution pattern and the quote runs
def normalise_quotes(sentence: str) -> str:
    """Curly and single quotation marks as plain double quotes; apostrophes as '."""
    return _SINGLE_QUOTED.sub(r'"\1"', sentence).translate(_QUOTES)


def opens_inside_quotation(text: str) -> bool:
    """The sentence starts inside someone's quoted words: its first double quote closes
    a quotation begun in an earlier sentence ('…I consider myself bound to say no."'),
    which NewsSD's guidelines count as the third party's. `text` is quote-normalised."""
    first = text.find('"')
    if first <= 0 or text.count('"') % 2 == 0:
        return False
    after = text[first + 1 : first + 2]
    return not text[first - 1].isspace() and (not after or after.isspace() or after in ".,;:!?)")


def _quoted_mask(text: str, tokens: list[re.Match[str]]) -> list[bool]:
    """Which tokens sit between double quotes; an unclosed quote runs to the end, and a
    closing quote with no opening one (see `opens_inside_quotation`) starts at the start."""
    if '"' not in text:
        return [False] * len(tokens)
    marks = [m.start() for m in _DOUBLE_QUOTE.finditer(text)]
    if opens_inside_quotation(text):
        marks.insert(0, -1)
    ranges = [(marks[i], marks[i + 1] if i + 1 < len(marks) else len(text)) for i in range(0, len(marks), 2)]
    if not ranges:
        return [False] * len(tokens)
    return [any(a < t.start() < b for a, b in ranges) for t in tokens]


def _scare_quotes(text: str) -> list[str]:
    """Short quoted phrases (one to three words) that are not a quoted statement."""
    found = []
    for match in _SHORT_QUOTE.finditer(text):
        inner = match.group(1).strip(" ,.")
        if inner and len(inner.split()) <= 3 and not inner.endswith(("?", "!")):
            found.append(inner)
    return found


def _squash(count: int) -> float:
    return math.log1p(count)


def _is_proper_noun(original: str, tags: dict[str, str]) -> bool:
    """A capitalised word that names something: the lexicon knows it as a proper noun,
    or does not know it in lower case ("Putin"). "The" after a colon, or "Finally"
    at a clause start, are capitalised common words, not names."""
    if not original[:1].isupper():
        return False
    lowered = original.lower()
    if lowered in lx.FIRST_PERSON_SINGULAR:
        return False
    return tags.get(original) in ("NNP", "NNPS") or lowered not in tags


def _is_imperative(raw: list[str], lower: list[str], tags: dict[str, str]) -> bool:
    """Opens with a bare verb that is not the subject of a following verb ("Consider…")."""
    if len(raw) < 4 or tags.get(lower[0]) != "VB" or tags.get(raw[0]) in ("NNP", "NNPS"):
        return False
    return lower[1] != "to" and tags.get(lower[1], "") not in ("VBD", "VBZ", "VBP", "VBN", "MD")


@dataclass(frozen=True, slots=True)
class WordProfile:
    """What one token (as written) contributes on its own, worked out once per token."""

    word: str  # lower case
    hits: tuple[str, ...]  # features it fires wherever it stands
    subjectivity: float | None  # TextBlob's, for the mean (None: unknown, or an intensifier)
    # (feature, cue) it fires only when "to" follows: "need to", "have to" are
    # obligation, "going to", "bound to" prediction.
    before_to: tuple[str, str] | None
    copula: bool  # may open an evaluative claim ("is racist")
    proper: bool  # names something (see `_is_proper_noun`) when not first in the sentence

    @property
    def plain(self) -> bool:
        """Adds nothing to any feature wherever it stands (most words)."""
        return not (self.hits or self.subjectivity is not None or self.before_to or self.copula or self.proper)


# token as written -> its profile, or None for a plain word (nothing to add anywhere).
_PROFILES: dict[str, WordProfile | None] = {}
_PROFILES_LIMIT = 100_000
_UNKNOWN = object()


def _profile(original: str) -> WordProfile:
    """The context-free part of the per-word features: lexicon look-ups and the tag."""
    subjectivity, valence, intensifiers = lx.subjectivity(), lx.valence(), lx.intensifiers()
    negations, tags = lx.negations(), lx.part_of_speech()
    word = original.lower()
    tag = tags.get(word) or tags.get(original, "")
    hits: list[str] = []
    before_to = None
    if word in lx.FIRST_PERSON_SINGULAR:
        hits.append("first_person_singular")
    elif word in lx.FIRST_PERSON_PLURAL and original != "US":  # "US" is the country
        hits.append("first_person_plural")
    elif word in lx.SECOND_PERSON:
        hits.append("second_person")
    if word in lx.OBLIGATION:
        if word.startswith("need"):
            before_to = ("obligation_modal", word)
        else:
            hits.append("obligation_modal")
    elif word in ("have", "has"):
        before_to = ("obligation_modal", f"{word} to")
    elif word in _FUTURE_BEFORE_TO:
        before_to = ("prediction", f"{word} to")
    elif word in lx.POSSIBILITY:
        hits.append("possibility_modal")
    if word in _FUTURE:
        hits.append("prediction")
    if word in lx.HEDGES:
        hits.append("hedge")
    if word in lx.CERTAINTY:
        hits.append("certainty_adverb")
    if word in intensifiers and word not in lx.COMPARATIVES:
        hits.append("intensifier")
    score = subjectivity.get(word)
    strength = abs(valence.get(word, 0.0))
    # An evaluative adjective: subjective in TextBlob's lexicon, or an adjective
    # VADER gives a clear valence ("hopeless"); other loaded words count apart.
    if word not in intensifiers and ((score is not None and score >= 0.5) or (strength >= 1.0 and tag.startswith("JJ"))):
        hits.append("evaluative_words")
    elif strength >= 1.5:
        hits.append("sentiment_words")
    if word in negations or word.endswith("n't"):
        hits.append("negation")
    if word in lx.ABSOLUTES:
        hits.append("absolute")
    if word in lx.COMPARATIVES or tag in ("JJR", "JJS", "RBR", "RBS"):
        hits.append("graded")
    if tag.startswith("JJ") and not original[:1].isupper():
        hits.append("adjective_share")
    if tag == "RB" and word.endswith("ly") and word not in lx.CERTAINTY and word not in lx.HEDGES and word not in intensifiers:
        hits.append("adverb_share")
    if word in lx.ARGUMENT_CONNECTIVES:
        hits.append("argument_connective")
    if word in lx.REPORTING_VERBS:
        hits.append("reporting_verb")
    if word in lx.PRESENT_COPULAS or tag in ("VBZ", "VBP"):
        hits.append("present_copula")
    if word in lx.PAST_AUXILIARIES or tag == "VBD":
        hits.append("past_tense")
    subjective = score if score is not None and word not in intensifiers else None
    profile = WordProfile(word, tuple(hits), subjective, before_to, word in _COPULAS, _is_proper_noun(original, tags))
    if len(_PROFILES) >= _PROFILES_LIMIT:
        _PROFILES.clear()
    _PROFILES[original] = None if profile.plain else profile
    return profile


# token as written -> ("number" or "date", the word to cite), or None: worked out once per token.
_NUMERALS: dict[str, tuple[str, str] | None] = {}


def _numeral(original: str) -> tuple[str, str] | None:
    """Whether a token is a number or a date, and the word it is cited by."""
    found = _NUMERALS.get(original, False)
    if found is False:
        word = original.lower()
        if original[0].isdigit() or original in "$£€%":
            found = ("date" if _YEAR.match(original) else "number", original)
        elif word in lx.NUMBER_WORDS:
            found = ("number", word)
        elif (word in lx.MONTHS and original[0].isupper()) or word in lx.WEEKDAYS:
            found = ("date", original)
        else:
            found = None
        if len(_NUMERALS) >= _PROFILES_LIMIT:
            _NUMERALS.clear()
        _NUMERALS[original] = found
    return found


def _predicated_adjective(own: list[str], position: int, raw: list[str], own_index: list[int], tags: dict[str, str]) -> str | None:
    """'is racist' when the copula at `position` is followed (past degree words) by a
    lower-case adjective ("is American" names a nationality, not a quality)."""
    following = position + 1
    while following < len(own) and own[following] in _DEGREE:
        following += 1
    if following < len(own) and not raw[own_index[following]][:1].isupper() and tags.get(own[following], "").startswith("JJ"):
        return " ".join(own[position : following + 1])
    return None


def extract(sentence: str) -> SentenceFeatures:
    text = normalise_quotes(sentence)
    if '"' in text:  # where each word stands matters only for telling quoted words apart
        matches = list(_TOKEN.finditer(text))
        quoted = _quoted_mask(text, matches)
        raw = [m.group() for m in matches]
    else:
        raw = _TOKEN.findall(text)
        quoted = [False] * len(raw)
    if not raw:
        return SentenceFeatures(tuple(0.0 for _ in FEATURES), {})
    lower = [w.lower() for w in raw]
    own_index = [i for i, q in enumerate(quoted) if not q]  # the author's words
    own = [lower[i] for i in own_index]
    own_text = " ".join(own)
    n_all = len(lower)
    n_own = max(len(own), 1)

    tags = lx.part_of_speech()

    # Only the features that fire get an entry (most do not), in the order they fire.
    hits: defaultdict[str, list[str]] = defaultdict(list)
    subjective_scores: list[float] = []
    proper: list[str] = []
    profiles = _PROFILES
    for position, i in enumerate(own_index):
        word = raw[i]
        profile = profiles.get(word, _UNKNOWN)
        if profile is None:
            continue  # a plain word (see WordProfile.plain)
        if profile is _UNKNOWN:
            profile = _profile(word)
        if profile.proper and i > 0:
            proper.append(raw[i])
        for name in profile.hits:
            hits[name].append(profile.word)
        if profile.subjectivity is not None:
            subjective_scores.append(profile.subjectivity)
        if profile.before_to and own[position + 1 : position + 2] == ["to"]:
            feature, cue = profile.before_to
            hits[feature].append(cue)
        elif profile.copula:
            claim = _predicated_adjective(own, position, raw, own_index, tags)
            if claim:
                hits["predicate_adjective"].append(claim)
    for phrase in lx.CERTAINTY_PHRASES:
        if phrase in own_text:
            hits["certainty_adverb"].append(phrase)

    stripped = text.rstrip(" \"')]")
    outside_end = not quoted[-1]
    if stripped.endswith("?") and outside_end:
        hits["question"].append("?")
    if stripped.endswith("!") and outside_end:
        hits["exclamation"].append("!")

    n_quoted = sum(quoted)
    scare_quotes = _scare_quotes(text)
    if scare_quotes:
        hits["scare_quote"].extend(scare_quotes)
    reporting = hits.get("reporting_verb")
    if reporting and (n_quoted or "that" in own or any(w[:1].isupper() for w in raw[1:])):
        hits["attribution"].append(reporting[0])

    for original in raw:
        numeral = _NUMERALS.get(original, False)
        if numeral is False:
            numeral = _numeral(original)
        if numeral is not None:
            hits[numeral[0]].append(numeral[1])
    if proper:
        hits["proper_noun_share"].extend(proper)
    if lower[0] in _OPENING_CONJUNCTIONS:
        hits["opening_conjunction"].append(raw[0])
    first_own = own_index[0] if own_index else None
    if first_own == 0 and (lower[0] == "let's" or _is_imperative(raw, lower, tags)):
        hits["imperative"].append(raw[0])

    # A feature that did not fire has the value 0.0 on every scale but the three below.
    values = [0.0] * len(FEATURES)
    for name, words in hits.items():
        scale, index = _SCALE_OF[name], FEATURE_INDEX[name]
        if scale == "count":
            values[index] = _squash(len(words))
        elif scale == "share":
            values[index] = len(words) / n_own
        elif scale == "capped share":
            values[index] = min(len(words) / n_own * 5.0, 1.0)
        elif scale == "flag":
            values[index] = 1.0
    values[_MEAN] = sum(subjective_scores) / len(subjective_scores) if subjective_scores else 0.0
    values[_QUOTED] = n_quoted / n_all
    values[_LENGTH] = math.log(n_all)
    if n_quoted:
        hits["quoted_share"].append(f"{n_quoted} of {n_all} words quoted")
    evidence = {name: tuple(dict.fromkeys(hits[name])) for name in sorted(hits, key=FEATURE_INDEX.__getitem__)}
    return SentenceFeatures(tuple(values), evidence)
