"""Word lists behind the stance features, loaded once.

Two come from lexicons that ship inside registry packages, read as data files
without importing the packages' analysers:
- TextBlob's subjectivity lexicon (`textblob/en/en-sentiment.xml`, De Smedt and
  Daelemans, PDDL): ~2,900 mostly adjectives with a subjectivity in [0, 1];
- VADER's lexicon and its booster list (`vaderSentiment`, Hutto and Gilbert, MIT):
  ~7,500 words with a valence, and the degree adverbs ("very", "utterly").
The small closed-class lists (pronouns, modals, hedges, reporting verbs) are the
project's own: they are the function words the subjectivity literature names.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"})
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll", "let's"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'd", "you'll"})

# Modals of obligation and advice: the author telling someone what to do.
OBLIGATION = frozenset({"should", "must", "ought", "shouldn't", "mustn't", "needs", "need", "oughtn't"})
# Modals of possibility: speculation when it is the author's.
POSSIBILITY = frozenset({"could", "might", "may", "would", "couldn't", "wouldn't", "can't", "cannot"})

HEDGES = frozenset(
    {
        "perhaps", "maybe", "probably", "likely", "unlikely", "possibly", "apparently", "seemingly",
        "arguably", "seem", "seems", "seemed", "appear", "appears", "presumably", "supposedly",
        "somewhat", "conceivably", "surely", "suppose", "guess", "doubt", "doubtless",
    }
)
# Stance adverbs of certainty and emphasis: the author vouching for a claim.
CERTAINTY = frozenset(
    {
        "clearly", "obviously", "certainly", "undoubtedly", "indeed", "definitely", "simply",
        "truly", "actually", "evidently", "undeniably", "plainly", "frankly", "honestly",
        "naturally", "inevitably", "merely", "only", "even", "just", "precisely", "essentially",
        "fundamentally", "ultimately", "absurdly", "ironically", "sadly", "unfortunately",
        "fortunately", "luckily", "hopefully", "thankfully", "regrettably", "supposedly",
    }
)
CERTAINTY_PHRASES = ("of course", "in fact", "no doubt", "after all", "to be sure", "the truth is", "make no mistake")

# Generalisations and absolutes: hyperbole's vocabulary.
ABSOLUTES = frozenset(
    {"all", "every", "always", "never", "nothing", "everyone", "everybody", "nobody", "everything", "none", "entire", "whole"}
)
COMPARATIVES = frozenset({"more", "most", "less", "least", "better", "best", "worse", "worst", "than"})
# Argumentative connectives: the author reasoning from one claim to another.
ARGUMENT_CONNECTIVES = frozenset(
    {"but", "yet", "however", "although", "though", "whereas", "nevertheless", "nonetheless",
     "therefore", "thus", "hence", "instead", "rather", "because", "since", "if", "unless"}
)

# Reporting verbs and phrases: someone else's words or views are being relayed.
REPORTING_VERBS = frozenset(
    {
        "said", "says", "say", "saying", "told", "tells", "tell", "according", "stated", "states",
        "added", "adds", "explained", "explains", "claimed", "claims", "argued", "argues",
        "believes", "believed", "insisted", "insists", "noted", "notes", "wrote", "writes",
        "reported", "reports", "announced", "announces", "warned", "warns", "acknowledged",
        "admitted", "denied", "denies", "asked", "asks", "replied", "testified", "confirmed",
        "confirms", "estimated", "estimates", "predicted", "predicts", "suggested", "suggests",
        "urged", "urges", "called", "described", "describes", "stressed", "emphasised",
        "emphasized", "pointed", "recalled", "commented", "declared", "alleged", "contends",
        "contended", "maintained", "maintains", "thinks", "thought", "feels", "felt", "expects",
        "expected", "cited", "quoted", "revealed", "disclosed", "tweeted", "posted", "spokesman",
        "spokeswoman", "spokesperson", "statement", "interview", "survey", "poll", "study", "report",
    }
)

MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"}
)
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow"})
NUMBER_WORDS = frozenset(
    {"percent", "per", "cent", "million", "billion", "trillion", "thousand", "hundred", "dozen",
     "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "twenty", "thirty", "forty", "fifty", "half", "quarter", "first", "second", "third"}
)
PAST_AUXILIARIES = frozenset({"was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't"})
PRESENT_COPULAS = frozenset({"is", "are", "isn't", "aren't", "it's", "that's", "there's", "am", "'s"})


def _package_dir(name: str) -> Path | None:
    """The installed package's folder, found without importing (and so running) it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


_SENTIMENT_ENTRY = re.compile(r'<word form="([^"]+)"[^>]*?subjectivity="([0-9.]+)"')


@lru_cache(maxsize=1)
def subjectivity() -> dict[str, float]:
    """TextBlob's subjectivity per word form, averaged over the word's senses."""
    folder = _package_dir("textblob")
    if folder is None:
        raise RuntimeError("stance features need the `textblob` package (its subjectivity lexicon)")
    totals: dict[str, list[float]] = {}
    text = (folder / "en" / "en-sentiment.xml").read_text(encoding="utf-8")
    for form, value in _SENTIMENT_ENTRY.findall(text):
        totals.setdefault(form.lower(), []).append(float(value))
    return {form: sum(values) / len(values) for form, values in totals.items() if " " not in form}


@lru_cache(maxsize=1)
def valence() -> dict[str, float]:
    """VADER's mean valence per token (about -4..4)."""
    folder = _package_dir("vaderSentiment")
    if folder is None:
        raise RuntimeError("stance features need the `vaderSentiment` package (its lexicon)")
    table: dict[str, float] = {}
    for line in (folder / "vader_lexicon.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            table[parts[0].lower()] = float(parts[1])
    return table


@lru_cache(maxsize=1)
def intensifiers() -> frozenset[str]:
    """VADER's single-word booster and dampener adverbs ("very", "utterly", "barely")."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT  # module import is cheap: no lexicon load

    return frozenset(word for word in BOOSTER_DICT if " " not in word and "-" not in word)


@lru_cache(maxsize=1)
def negations() -> frozenset[str]:
    from vaderSentiment.vaderSentiment import NEGATE

    return frozenset(NEGATE)


@lru_cache(maxsize=1)
def part_of_speech() -> dict[str, str]:
    """Most frequent Penn tag per word, from Brill's lexicon as TextBlob ships it (`en/en-lexicon.txt`)."""
    folder = _package_dir("textblob")
    if folder is None:
        raise RuntimeError("stance features need the `textblob` package (its part-of-speech lexicon)")
    table: dict[str, str] = {}
    for line in (folder / "en" / "en-lexicon.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(";;;"):
            continue
        word, _, tag = line.partition(" ")
        if tag:
            table[word] = tag.split()[0]
    return table
