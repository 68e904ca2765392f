"""Finding the words that name or refer to a source, without a tagger.

A source mention is one of:
- a name: a run of capitalised words, with titles and role words before it peeled
  off into a descriptor ("Political commentator Li Linyi", "House Speaker Paul Ryan",
  "Insider Wang Gang (pseudonym)");
- a description: a determiner and a head noun from the role, organisation, outlet or
  document lexicons below ("an insider", "a workshop director", "the court complaint",
  "Chinese officials", "the company");
- a pronoun ("he", "they", "it"), resolved later by linking.

Capitalisation is the evidence for names; a capitalised word that starts a sentence
only counts when the article also capitalises it mid-sentence or it is no common
English word (wordfreq), so "Public information shows" finds no name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from summaries.wordlist import zipf

from summaries.sources.cues import CUE_FORMS

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}(?:-\w+)*"  # U.S., D.C., U.S.-based
    r"|(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|Rev|Hon|Adm|Maj|Cmdr|Gens)\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"  # a middle initial
    r"|\w+(?:[-‐]\w+)*(?:['’](?![sS]\b)\w+)*"
    r"|['’][sS]\b"
    r"|''|``"  # typewriter double quotes, as some papers print them
    r"|\S",
    re.UNICODE,
)

OPEN_QUOTES = frozenset({"“", '"', "«", "``", "''"})
CLOSE_QUOTES = frozenset({"”", '"', "»", "''"})
QUOTES = OPEN_QUOTES | CLOSE_QUOTES

PRONOUNS = {
    "he": "he", "she": "she", "they": "they", "it": "it", "we": "we", "i": "i",
    "who": "who", "which": "which",
}

DETERMINERS = frozenset(
    "the a an this that these those another other some many several most few both all each "
    "his her their its our my your two three four five dozens numerous various multiple one any".split()
)

FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet for of in on at by to from with without into onto upon about
    as than then that this these those there here when where while which who whom whose what why how
    if though although because since until unless after before during over under between among
    against through across also however moreover meanwhile still even just only not no yes
    he she it they we i you his her its their our my your him them us me
    is are was were be been being has have had do does did will would can could may might must shall should
    it's its there's that's what's""".split()
)

PERSON_ROLES = frozenset(
    """commentator analyst expert director spokesman spokeswoman spokesperson official officer insider
    source host professor researcher scholar economist lawyer attorney prosecutor judge justice senator
    representative lawmaker legislator congressman congresswoman governor mayor minister president
    chairman chairwoman chair secretary ambassador adviser advisor aide strategist pollster candidate
    nominee founder cofounder co-founder leader executive ceo manager engineer employee worker resident
    activist dissident witness agent investigator detective policeman critic supporter opponent voter
    member author editor correspondent columnist writer historian scientist doctor physician student
    teacher pastor bishop priest coordinator organizer organiser operative surrogate consultant specialist
    veteran general colonel commander lieutenant soldier diplomat envoy delegate deputy head chief boss
    owner partner father mother son daughter wife husband friend neighbor neighbour victim survivor
    protester protestor demonstrator observer whistleblower person man woman people citizen netizen
    user analysts officials sources experts critics residents staffer staff insiders observers
    vice-president premier chancellor king queen prince sheriff attorney-general counsel lobbyist
    researcher economist engineer technician manager designer developer teammate colleague
    historian sociologist psychologist biographer scholar academic commentator blogger
    republican democrat republicans democrats liberal conservative progressive conservatives liberals
    campaigner organizer participant attendee delegate student graduate parent parents mom dad
    journalist journalists advocate advocates reporter reporters businessman businesswoman entrepreneur
    billionaire mogul incumbent challenger rival ally allies donor donors backer backers skeptic skeptics""".split()
)

ORGANISATION_NOUNS = frozenset(
    """company firm group agency ministry department government administration campaign committee
    commission council court party organization organisation institute university association union
    bureau office center centre foundation corporation bank board police military army navy regime
    authorities authority network team coalition alliance parliament congress senate house
    enterprise manufacturer maker giant platform app startup conglomerate subsidiary contractor
    subcontractor school hospital lab laboratory club society federation league watchdog
    regulator regulators prosecutors investigators agencies companies firms groups""".split()
)

MEDIA_NOUNS = frozenset(
    """newspaper outlet media magazine channel broadcaster television tv radio news tabloid daily
    website site blog wire paper""".split()
)

DOCUMENT_NOUNS = frozenset(
    """report study complaint document documents statement survey poll polls analysis data memo
    letter filing indictment lawsuit ruling record records email emails transcript investigation
    review audit research findings notice database affidavit figures statistics estimate estimates
    assessment paper papers decision opinion order charges charge release tweet post video
    footage information average averages polling forecast projection tally ad ads advertisement
    commercial column editorial op-ed article book message messages commentary essay piece""".split()
)

TITLES = frozenset(
    """mr. mrs. ms. dr. sen. sens. rep. reps. gov. gen. gens. lt. col. sgt. capt. prof. rev. hon.
    adm. maj. cmdr. president senator governor secretary chairman chairwoman judge justice mayor
    speaker vice minister premier prime ambassador attorney director chief leader commissioner
    representative congressman congresswoman sheriff officer detective pope king queen prince
    father rabbi pastor deputy chair ceo executive retired former general colonel lieutenant
    sergeant captain admiral professor dr chancellor insider host founder""".split()
)

# A capitalised word inside a name that makes it an organisation or an outlet.
ORGANISATION_NAME_WORDS = frozenset(
    """company corporation corp. corp inc. inc ltd. ltd co. group agency ministry department
    administration committee commission council court party organization organisation institute
    university association union bureau office center centre foundation bank board police army navy
    congress senate house government academy school hospital network alliance coalition federation
    league society authority service services industries industry council fund forces command
    assembly parliament cabinet campaign club church kingdom states republic nations emirates""".split()
)
# Last words that make a name an outlet ("The Washington Post", "Xinhua News").
MEDIA_SUFFIXES = frozenset(
    """times post journal news daily tribune herald gazette telegraph chronicle press magazine
    radio television tv network courier examiner dispatch inquirer bulletin register globe""".split()
)
# Outlets known by one word; as part of a longer name they may be a person ("Mark Hill").
MEDIA_NAMES = frozenset(
    """reuters xinhua cnn bbc ap afp bloomberg politico breitbart nbc abc cbs fox msnbc npr pbs axios
    newsweek guardian observer hill atlantic vox slate salon huffpost buzzfeed yahoo cnbc upi""".split()
)

_COMMON_ZIPF = 4.0  # above this a sentence-initial capitalised word is taken for a common word


class Token(NamedTuple):
    """One token of a sentence, built by `tokenize`. Tokens are read hundreds of
    thousands of times over a directory of articles, so the lower-case form and the two
    character tests are worked out once there, not on every read."""

    text: str
    start: int
    end: int
    initial: bool  # first word of its sentence or line, or first after an opening quote or colon
    lower: str
    is_word: bool  # starts with a letter or digit
    capitalised: bool  # starts with an upper-case letter


_FRESH_AFTER = frozenset(OPEN_QUOTES) | {":", "(", "—", "–"}


# word -> (lower case, is a word, capitalised, a name may start after it): worked out
# once per distinct word; news repeats its words.
_SHAPES: dict[str, tuple[str, bool, bool, bool]] = {}
_SHAPES_LIMIT = 200_000
_new_token = tuple.__new__  # what Token(...) runs, without its Python-level __new__


def _shape(word: str) -> tuple[str, bool, bool, bool]:
    head = word[:1]
    is_word = head.isalnum()
    shape = (word.lower(), is_word, head.isupper(), not is_word and word in _FRESH_AFTER)
    if len(_SHAPES) >= _SHAPES_LIMIT:
        _SHAPES.clear()
    _SHAPES[word] = shape
    return shape


def tokenize(text: str, start: int, end: int) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    fresh = True
    # Most sentences hold no line break: only those need the gap before each token read.
    lines = text.find("\n", start, end) >= 0
    previous_end = start
    shapes = _SHAPES
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        first = match.start()
        last = first + len(word)
        if lines:
            if text.find("\n", previous_end, first) >= 0:
                fresh = True  # a line break inside a sentence: a heading ran into the text
            previous_end = last
        lower, is_word, capitalised, fresh_after = shapes.get(word) or _shape(word)
        append(_new_token(Token, (word, first, last, fresh and is_word, lower, is_word, capitalised)))
        if is_word:
            fresh = False
        elif fresh_after:
            fresh = True
    return tokens


@dataclass(slots=True)
class Phrase:
    """Words that name or describe a possible source, as token indices [first, last]."""

    first: int
    last: int
    start: int
    end: int
    form: str  # name | description | pronoun
    kind: str  # person | organisation | media | document | anonymous | unknown
    name: str  # canonical words: the name without titles, or the description's words
    head: str = ""  # lower-case head noun of a description, or the pronoun
    descriptor: str | None = None
    determiner: str = ""
    plural: bool = False
    titled: bool = False  # carried a personal title or role ("Mr.", "commentator")


@dataclass(slots=True)
class Lexicon:
    """What the whole article says about its words: which are names mid-sentence."""

    proper_words: set[str] = field(default_factory=set)
    lower_words: set[str] = field(default_factory=set)
    # runs of capitalised words already read (see _phrase_from_name_run); as many as
    # the article has distinct runs, so linear in its length
    name_runs: dict[tuple[str, ...], tuple] = field(default_factory=dict)


def article_lexicon(token_lists: list[list[Token]]) -> Lexicon:
    return Lexicon(
        {t.text for tokens in token_lists for t in tokens if t.capitalised and not t.initial and t.is_word},
        # a capitalised word is never lower case: the two sets never share a word
        {t.text for tokens in token_lists for t in tokens if t.is_word and t.text.islower()},
    )


@lru_cache(maxsize=8192)
def _common(word: str) -> bool:
    return zipf(word) >= _COMMON_ZIPF


_CONTRACTION = re.compile(r"(?:i|you|we|they|he|she|it|that|there|what|who)['’]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.]{1,7}")


# Whether a capitalised word may be part of a name before the lexicon is asked, by
# the word as written: one table for words that start a sentence or line, one for others.
_NAME_SHAPED: dict[bool, dict[str, bool]] = {True: {}, False: {}}
_NAME_SHAPED_LIMIT = 100_000


def is_name_word(token: Token, lexicon: Lexicon) -> bool:
    if not token.capitalised or not token.is_word:
        return False
    shaped = _NAME_SHAPED[token.initial].get(token.text)
    if shaped is None:
        shaped = _name_shaped(token.text, token.lower, token.initial)
    if not shaped:
        return False
    if token.initial:
        # capitals first: "MP3", "U2" need no look-up in the word list
        return token.text in lexicon.proper_words or token.text.isupper() or not _common(token.lower)
    return True


def _name_shaped(text: str, lower: str, initial: bool) -> bool:
    """The tests of `is_name_word` that depend on the word alone."""
    if lower in FUNCTION_WORDS or lower in CUE_FORMS and initial and not text.isupper():
        shaped = False
    elif _CONTRACTION.match(lower):
        shaped = False  # "I’m", "It’s": a contraction, not a name
    else:  # "U.S.-based", "China-based": an adjective
        shaped = not lower.endswith(("-based", "-born", "-led", "-owned", "-run", "-made"))
    table = _NAME_SHAPED[initial]
    if len(table) >= _NAME_SHAPED_LIMIT:
        table.clear()
    table[text] = shaped
    return shaped


def _could_start_name(token: Token) -> bool:
    return token.capitalised and token.is_word and token.lower not in FUNCTION_WORDS and token.lower not in CUE_FORMS and token.lower not in DETERMINERS and noun_class(token.lower) is None


def _is_initial_or_abbrev(token: Token) -> bool:
    return _INITIALS.fullmatch(token.text) is not None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=16384)  # asked of most words of every sentence; the lexicons are fixed
def noun_class(word: str) -> str | None:
    """The lexicon class of a head noun: person, organisation, media, document."""
    lower = word.lower()
    for candidate in (lower, _singular(lower)):
        if candidate in PERSON_ROLES:
            return "person"
        if candidate in MEDIA_NOUNS:
            return "media"
        if candidate in DOCUMENT_NOUNS:
            return "document"
        if candidate in ORGANISATION_NOUNS:
            return "organisation"
    return None


def name_kind(words: list[str]) -> str:
    return _name_kind(tuple(words))


@lru_cache(maxsize=1 << 16)
def _name_kind(words: tuple[str, ...]) -> str:
    lowered = [w.lower() for w in words]
    if len(words) > 1 and lowered[-1] in MEDIA_SUFFIXES or len(words) == 1 and lowered[0] in MEDIA_NAMES:
        return "media"
    if any(w in ORGANISATION_NAME_WORDS for w in lowered) or "&" in words:
        return "organisation"
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        return "organisation"  # an acronym: FBI, CASIC, NYPD
    if len(words) == 1:
        return "unknown"
    return "person"


_POSSESSIVE = re.compile(r"['’]s$")
_COURTESY_TITLE = re.compile(r"(?:Mr|Mrs|Ms|Dr)\.")


def _strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text)


def name_ending_at(tokens: list[Token], last: int, lexicon: Lexicon) -> Phrase | None:
    """A capitalised name whose last word is tokens[last], with its title or role prefix."""
    if last < 0 or not (is_name_word(tokens[last], lexicon) or tokens[last].text[:1].isdigit() and tokens[last].capitalised):
        return None
    first = last
    while first - 1 >= 0:
        previous = tokens[first - 1]
        if tokens[first].initial:
            break
        if is_name_word(previous, lexicon) or _is_initial_or_abbrev(previous) and previous.capitalised:
            first -= 1
            continue
        if previous.initial and _could_start_name(previous):
            first -= 1  # "John C. Demers said": a common first word that starts a name run
            continue
        if previous.text in {"’s", "'s"} and first - 2 >= 0 and is_name_word(tokens[first - 2], lexicon) and not tokens[first].initial:
            first -= 2  # "People’s Daily", "Mark’s Space-Time"
            continue
        # connectors inside organisation names: "Institute for National Defense", "Ministry of State Security"
        if previous.lower in {"of", "for", "and", "&", "de", "the", "on"} and first - 2 >= 0 and is_name_word(tokens[first - 2], lexicon):
            if previous.lower == "and" and tokens[first - 2].lower not in ORGANISATION_NAME_WORDS and name_kind([t.text for t in tokens[first:last + 1]]) == "person":
                break
            first -= 2
            continue
        break
    return _phrase_from_name_run(tokens, first, last, lexicon)


def name_starting_at(tokens: list[Token], first: int, lexicon: Lexicon) -> Phrase | None:
    if first >= len(tokens):
        return None
    starts = is_name_word(tokens[first], lexicon) or tokens[first].lower in TITLES and tokens[first].capitalised
    if not starts and tokens[first].initial and _could_start_name(tokens[first]) and first + 1 < len(tokens):
        following = tokens[first + 1]
        starts = not following.initial and (is_name_word(following, lexicon) or _is_initial_or_abbrev(following))
    if not starts:
        return None
    last = first
    while last + 1 < len(tokens):
        following = tokens[last + 1]
        if following.initial:
            break
        if is_name_word(following, lexicon) or _is_initial_or_abbrev(following) and following.capitalised:
            last += 1
            continue
        if following.lower in {"of", "for", "&", "de", "on", "’s", "'s"} and last + 2 < len(tokens) and is_name_word(tokens[last + 2], lexicon) and not tokens[last + 2].initial:
            last += 2
            continue
        break
    return _phrase_from_name_run(tokens, first, last, lexicon)


def _phrase_from_name_run(tokens: list[Token], first: int, last: int, lexicon: Lexicon) -> Phrase | None:
    words = (tokens[first].text,) if first == last else tuple([t.text for t in tokens[first : last + 1]])
    # An article names the same people again and again: what the words alone decide
    # is worked out once per article (the lexicon is the article's).
    parts = lexicon.name_runs.get(words)
    if parts is None:
        parts = lexicon.name_runs[words] = _name_run_parts(words, lexicon)
    if parts is _NO_NAME:
        return None
    skipped, title_words, name, name_kind_ = parts
    first += skipped
    descriptor_words: list[str] = []
    # Lower-case role words directly before the run: "political commentator Li Linyi".
    prefix = _role_prefix(tokens, first)
    if prefix is not None:
        descriptor_words = [t.text for t in tokens[prefix:first]]
        first = prefix
    descriptor_words += [w for w in title_words if not _COURTESY_TITLE.fullmatch(w)]
    descriptor = " ".join(descriptor_words) or None
    if descriptor:
        descriptor = _lower_common(descriptor)
    kind = name_kind_
    if kind in {"person", "unknown"} and first > 0 and tokens[first - 1].text.islower() and noun_class(tokens[first - 1].lower) in {"organisation", "media"}:
        kind = noun_class(tokens[first - 1].lower)  # "advocacy group Humanitarian China", "media Ming Pao"
    titled = bool(title_words) or prefix is not None
    if kind == "unknown" and titled:
        kind = "person"
    return Phrase(first, last, tokens[first].start, tokens[last].end, "name", kind, name, descriptor=descriptor, titled=titled)


_NO_NAME = ()


def _name_run_parts(run: tuple[str, ...], lexicon: Lexicon):
    """For a run of capitalised words: how many leading words to drop, the title words,
    the name and its kind; or _NO_NAME."""
    words = list(run)
    skipped = 0
    # Peel titles and role words off the front: everything up to the last one.
    split = -1
    for index, word in enumerate(words[:-1]):
        lower = word.lower()
        if lower in TITLES or noun_class(lower) == "person" and lower not in ORGANISATION_NAME_WORDS:
            split = index
    # Organisation names keep their words ("Security Council", "Ministry of Defense").
    if split >= 0 and name_kind(words[split + 1 :]) in {"organisation", "media"} and name_kind(words) in {"organisation", "media"}:
        split = -1
    # Only the titles right before the name and at most two words qualifying them
    # ("House Speaker", "U.S. Secretary of State"); more is a heading run into the text.
    if split >= 0:
        qualifier = split
        while qualifier - 1 >= 0 and (words[qualifier - 1].lower() in TITLES or noun_class(words[qualifier - 1]) == "person"):
            qualifier -= 1
        if qualifier > 2:
            skipped = qualifier
            words = words[qualifier:]
            split -= qualifier
    name_words = words[split + 1 :]
    title_words = words[: split + 1]
    while len(name_words) > 1 and name_words[0].lower() in {"the", "of", "for", "and", "&"}:
        title_words += name_words[:2]  # "Secretary of State Mike Pompeo"
        name_words = name_words[2:]
    if not name_words:
        return _NO_NAME
    name_words = _strip_common_edges(name_words, lexicon)
    name = _strip_possessive(" ".join(name_words)).replace(" ’s ", "’s ").replace(" 's ", "'s ")
    return skipped, tuple(title_words), name, name_kind(name_words)


def _strip_common_edges(words: list[str], lexicon: Lexicon) -> list[str]:
    """'Companies Accountable Zhou Fengsuo' (a heading run into a name) -> 'Zhou Fengsuo';
    'Zoom Complied' -> 'Zoom': edge words the article also writes in lower case."""
    def common(word: str) -> bool:
        return word.lower() in lexicon.lower_words and zipf(word.lower()) >= 3.5

    # a heading run into a name: "Holding Companies Accountable Zhou Fengsuo"
    while len(words) > 2 and words[1] not in {"’s", "'s"} and (
        common(words[0]) or len(words) > 3 and name_kind(words) == "person" and zipf(words[0].lower()) >= 3.5
    ):
        words = words[1:]
    while len(words) > 1 and common(words[-1]) and words[-1].lower().endswith(("ed", "ing")):
        words = words[:-1]
    return words


_LOWERED_OPENERS = TITLES | PERSON_ROLES | {"political", "retired", "former"}


def _lower_common(text: str) -> str:
    """'Political commentator' -> 'political commentator'; keeps names and acronyms."""
    words = text.split()
    if words and words[0][:1].isupper() and not words[0].isupper() and words[0].lower() in _LOWERED_OPENERS:
        words[0] = words[0].lower()
    return " ".join(words)


def _role_prefix(tokens: list[Token], first: int) -> int | None:
    """Index of the first word of a lower-case role phrase ending right before `first`."""
    index = first - 1
    if index < 0 or not tokens[index].is_word or noun_class(tokens[index].lower) != "person":
        return None
    if tokens[index].lower in {"people", "person", "man", "woman"}:
        return None
    start = index
    while start - 1 >= 0 and first - start < 5:
        previous = tokens[start - 1]
        if not previous.is_word or previous.lower in FUNCTION_WORDS or previous.lower in DETERMINERS or previous.lower in CUE_FORMS:
            break
        start -= 1
    return start


def pronoun_at(tokens: list[Token], index: int) -> Phrase | None:
    if index < 0:
        return None
    token = tokens[index]
    pronoun = PRONOUNS.get(token.lower)
    if pronoun is None:
        return None
    kind = {"he": "person", "she": "person", "i": "person", "we": "unknown", "they": "unknown", "it": "unknown"}.get(pronoun, "unknown")
    return Phrase(index, index, token.start, token.end, "pronoun", kind, token.text, head=pronoun, plural=pronoun in {"they", "we"})


def description_ending_at(tokens: list[Token], last: int, lexicon: Lexicon) -> Phrase | None:
    """'an insider', 'the court complaint', 'Chinese officials', 'the Trump campaign'."""
    if last < 0 or not tokens[last].is_word:
        return None
    head = tokens[last]
    head_class = noun_class(head.lower)
    if head_class is None or head.lower in FUNCTION_WORDS:
        return None
    first = last
    determiner = ""
    while first - 1 >= 0 and last - first < 6:
        previous = tokens[first - 1]
        if previous.lower in DETERMINERS:
            determiner = previous.lower
            first -= 1
            break
        if previous.text in {"’s", "'s"}:
            determiner = determiner or "’s"
            first -= 1
            continue
        if not previous.is_word or previous.lower in FUNCTION_WORDS or previous.lower in CUE_FORMS:
            break
        if previous.capitalised and not is_name_word(previous, lexicon) and not previous.initial:
            break
        first -= 1
    words = [t.text for t in tokens[first : last + 1]]
    body = words[1:] if determiner and determiner != "’s" else words
    name = _lower_common(" ".join(body)).replace(" ’s ", "’s ").replace(" 's ", "'s ")
    plural = head.lower != _singular(head.lower) and head.lower not in {"news", "police", "media", "data", "analysis", "series"}
    if head.lower in {"police", "authorities", "prosecutors"}:
        plural = True
    kind = {"person": "anonymous", "organisation": "organisation", "media": "media", "document": "document"}[head_class]
    return Phrase(
        first, last, tokens[first].start, tokens[last].end, "description", kind, name,
        head=_singular(head.lower), determiner=determiner, plural=plural,
    )


def description_starting_at(tokens: list[Token], first: int, lexicon: Lexicon) -> Phrase | None:
    """A description read rightwards, as after 'according to': the first lexicon noun is the head."""
    index = first
    limit = min(len(tokens), first + 8)
    while index < limit:
        token = tokens[index]
        if not token.is_word or (token.lower in FUNCTION_WORDS and token.lower not in DETERMINERS):
            return None
        if noun_class(token.lower) is not None and token.lower not in DETERMINERS:
            last = index
            while last + 1 < len(tokens) and noun_class(tokens[last + 1].lower) is not None and tokens[last + 1].is_word and not tokens[last + 1].capitalised:
                last += 1
            return description_ending_at(tokens, last, lexicon)
        index += 1
    return None


def phrase_ending_at(tokens: list[Token], last: int, lexicon: Lexicon) -> Phrase | None:
    return pronoun_at(tokens, last) or description_ending_at(tokens, last, lexicon) or name_ending_at(tokens, last, lexicon)


def phrase_starting_at(tokens: list[Token], first: int, lexicon: Lexicon) -> Phrase | None:
    if first >= len(tokens):
        return None
    pronoun = pronoun_at(tokens, first)
    if pronoun is not None and pronoun.head in {"he", "she", "they", "it", "we", "i"}:
        return pronoun
    name = name_starting_at(tokens, first, lexicon)
    if name is not None:
        return name_or_description(tokens, first, name, lexicon)
    description = description_starting_at(tokens, first, lexicon)
    if description is not None and description.last + 1 < len(tokens):
        named = name_starting_at(tokens, description.last + 1, lexicon)
        if named is not None and not tokens[description.last + 1].initial:
            named.first, named.start = description.first, description.start
            named.descriptor = named.descriptor or description.name
            return named  # "state-run media People’s Daily"
    return description


def name_or_description(tokens: list[Token], first: int, name: Phrase, lexicon: Lexicon) -> Phrase:
    """The phrase starting at tokens[first], where the name `name_starting_at` found there
    starts: the name, or a description it qualifies ("Indian media reports")."""
    after = name.last + 1
    if after < len(tokens) and tokens[after].text.islower() and noun_class(tokens[after].lower) is not None:
        return description_starting_at(tokens, first, lexicon) or name
    return name
