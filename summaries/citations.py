"""The citation-aware step that turns any ranking into a summary that reads well.

Whatever ranked the sentences, the summary built here
- never shows a fragment or page junk (`junk_reason`), a section heading, an
  interviewer's prompt in an interview, or a sentence cleaning marked damaged,
- never shows two near-duplicate sentences (in a text too long to compare every
  pair: near-duplicates within the window of rankers/window.py, exact repeats anywhere),
- keeps a quote's speaker: a bare quote whose attribution sits in another sentence
  either carries the speaker's name (from the named sources) or brings the
  attributing sentence along ("attribution of sentence N"),
- never leaves a pronoun or connective dangling ("He explained…", "However,…"):
  its antecedent comes along ("antecedent of sentence N") when the length allows
  and the pair ranks well enough together; otherwise it gives way to the next one,
- is in article order, and says which named source each sentence attributes to.
Sentence numbers in reasons are the 0-based `sentence` indexes of the JSON output.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from typing import NamedTuple

import numpy as np

from summaries.model import Source, SummaryItem
from summaries.rankers.base import RankDocument, Ranked

# --------------------------------------------------------------------- junk

MIN_WORDS = 4  # fewer is a fragment ("China.", "to the CCP.")
MAX_WORDS = 150  # more is a run-on: a list or table that segmentation could not split
SHORT_WORDS = 8  # a sentence this short must show a verb we recognise
NEAR_DUPLICATE = 0.8  # cosine similarity of term-frequency vectors
MAX_HELPERS = 3  # sentences that may come along with one ranked sentence
# How far a sentence that needs company moves down the ranking: 0 keeps its own
# place, 1 takes the mean place of it and its companions (tuned on BBC news).
GROUP_PENALTY = 0.5

# Furniture of web pages and e-papers, not news prose. A cheap test on the words
# first; the precise pattern only when one of them is there.
_FURNITURE_WORDS = frozenset(
    """http https www click tap reserved copyright cookies follow share image getty advertisement read
    related continue subscribe sign register""".split()
)
_PAGE_JUNK = re.compile(
    r"https?://|www\.|@\w|©|^(?:advertisement|read more|related|continue reading|share)\b"
    r"|\b(?:click (?:here|to)|tap here|all rights reserved|copyright \d{4}|we use cookies|follow us on"
    r"|share this (?:article|story|page)|image (?:caption|copyright)|getty images)\b"
    r"|\b(?:subscribe|sign up|register)\b[^.]{0,40}\b(?:newsletter|e-?mail|alerts|updates)\b"
)
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_PLAIN_ENDS = frozenset(".!…")
_FURNITURE_LIST = tuple(sorted(_FURNITURE_WORDS))


def _has_furniture_inside(text: str) -> bool:
    """A furniture word anywhere, even inside a longer word ("shares"): the cheap
    screen's test, stricter than the word test of `_page_junk`."""
    lowered = text.lower()
    return any(word in lowered for word in _FURNITURE_LIST)


def _page_junk(text: str, words: list[str]) -> bool:
    if "@" in text or "©" in text or not _FURNITURE_WORDS.isdisjoint(map(str.lower, words)):
        return _PAGE_JUNK.search(text.lower()) is not None
    return False


# Verbs are what separate a sentence from a headline, caption or stray name. Without
# a tagger (its model would need a download) we accept auxiliaries, common verbs and
# their inflections, and regular past/progressive forms.
_VERBS = frozenset(
    """
    be am is are was were been being have has had having do does did done will would shall should can could
    may might must ought say said tell told ask make made take took taken get got gotten go went gone come came
    see saw seen know knew known think thought give gave given find found feel felt become became leave left
    keep kept let begin began begun show shown hear heard play run ran move live believe hold held bring brought
    happen write wrote written provide sit sat stand stood lose lost pay paid meet met include continue set
    learn change lead led understand understood watch follow stop create speak spoke spoken read allow add spend
    spent grow grew grown open walk win won offer remember love consider appear buy bought wait serve die send
    sent expect build built stay fall fell fallen cut reach kill remain suggest raise pass sell sold require
    report decide pull produce claim warn rise rose risen face plan hope argue accuse deny urge announce agree
    help look put mean meant turn start like seek sought fear need want use try call work seem cost hit beat
    drop jump climb soar slump fail plunge rally ban back fight fought lie lay win throw threw thrown draw drew
    drawn break broke broken choose chose chosen drive drove driven eat ate fly flew flown forget forgot hide hid
    hurt shut spread stick stuck strike struck swear swore teach taught wear wore sink sank shoot shot sing sang
    sleep slept steal stole quit bear bore born catch caught deal dealt feed fed lend lent ride rode ring rang
    seek shake shook shine shone sweep swept swing swung wake woke weep wept wind wound
    share represent carry star rest impede own contain involve mark remain exist stand sit lie face host top
    lack total signal target head hit equal beat match trail lead rank score play miss end open close join
    vote rule govern oppose support back favour favor blame criticise criticize condemn praise welcome reject
    insist admit reveal confirm expect estimate predict forecast say tell know mean cost worth cannot afford
    wish care matter depend belong seem hate prefer deserve refuse manage improve increase reduce force
    """.split()
)
# After a subject pronoun comes a verb ("We cannot…", "They rarely…" is the exception we accept).
_SUBJECTS = frozenset("i we you he she they".split())
_CONTRACTED_VERB = re.compile(
    r"n['’]t$|['’](?:re|ve|ll|m|d)$|^(?:it|that|there|he|she|what|who|here|where|this|everyone|nobody|let)['’]s$",
    re.IGNORECASE,
)


def _is_verbish(word: str) -> bool:
    w = word.lower()
    if w in _VERBS or _CONTRACTED_VERB.search(w):
        return True
    if w.endswith("ies") and w[:-3] + "y" in _VERBS:
        return True
    if w.endswith("es") and w[:-2] in _VERBS or w.endswith("s") and w[:-1] in _VERBS:
        return True
    return len(w) >= 5 and (w.endswith("ed") or w.endswith("ing"))


def _has_verb(words: list[str]) -> bool:
    return any(_is_verbish(w) for w in words) or any(w.lower() in _SUBJECTS for w in words[:-1])


_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_ASCII_CAPITALS = bytes(range(65, 91))
_ASCII_SPACE = bytes(c for c in range(128) if chr(c).isspace())


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _character_counts(text: str) -> tuple[int, int, int]:
    """Letters, capital letters and non-space characters (bytes.translate for the ASCII
    part: fast; the few other characters, such as "£" or curly quotes, one by one)."""
    if text.isascii():
        raw = text.encode("ascii")
        others = ""
    else:
        raw = text.encode("ascii", "ignore")
        others = "".join(_NON_ASCII.findall(text))
    size = len(raw)
    letters = size - len(raw.translate(None, _ASCII_LETTERS))
    capitals = size - len(raw.translate(None, _ASCII_CAPITALS))
    visible = len(raw.translate(None, _ASCII_SPACE))
    if others:
        letters += sum(map(str.isalpha, others))
        capitals += sum(map(str.isupper, others))
        visible += len(others) - sum(map(str.isspace, others))
    return letters, capitals, visible


def _looks_like_list(text: str, words: list[str]) -> bool:
    """A line-up, a credits list, a table row: mostly capitalised names between commas."""
    separators = text.count(",") + text.count(";")
    if separators < 4 or separators < 0.25 * len(words):
        return False
    return sum(1 for w in words if w[0].isupper()) >= 0.6 * len(words)


def junk_reason(text: str, words: list[str], *, as_helper: bool = False) -> str | None:
    """Why a sentence must not appear in a summary, or None when it may.

    `as_helper`: the sentence only comes along to complete another one (its
    attribution or antecedent), so it may be short ("Dechy said."), start in
    lower case after a split quote, or end with a colon ("Mr Smith said:").
    """
    if len(words) < (2 if as_helper else MIN_WORDS):
        return "fragment"
    if len(words) > MAX_WORDS:
        return "run-on"
    first = words[0]
    if not as_helper and first[0].islower() and not any(c.isupper() for c in first):
        return "fragment"  # starts mid-sentence: a broken line or column
    last = text.rstrip(_CLOSERS)[-1:]
    if not (last in (".", "!", "?", "…") or (as_helper and last == ":")):
        return "fragment"  # a headline, caption or cut-off line
    if last == "?" and not as_helper:
        return "question"  # an interviewer's or a rhetorical question summarises nothing
    letters, capitals, visible = _character_counts(text)
    if letters < 0.5 * visible:
        return "not prose"
    if capitals > 0.5 * letters:
        return "capitals"
    if _page_junk(text, words):
        return "page junk"
    if _looks_like_list(text, words):
        return "list"
    # Only short lines need a visible verb: a long sentence whose verb is not in
    # our list is still a sentence, a short verbless one is a headline or caption.
    if len(words) < SHORT_WORDS and not _has_verb(words):
        return "no verb"
    return None


# ------------------------------------------------------------------ quotes

_SPEECH_VERBS = """
    said says say told tells added adds explained explains according stated states insisted insists
    argued argues claimed claims warned warns noted notes wrote writes asked asks replied replies
    declared declares admitted admits suggested suggests believes believed acknowledged acknowledges
    announced announces commented comments recalled recalls continued continues concluded concludes
""".split()
_SPEECH = frozenset(_SPEECH_VERBS)
_WORDS = re.compile(r"[^\W\d_]+")
_QUOTE_MARKS = '"“”«»'
_OPENING_QUOTE = "\"“«"


class QuoteInfo(NamedTuple):
    starts_inside: bool  # the sentence begins in, or with, quoted speech
    ends_inside: bool  # the quote carries on into the next sentence
    attributed: bool  # a speech verb outside the quotes ("…," he said.)
    quoted: bool  # quoted speech with hardly a word outside the quotes


_PLAIN = QuoteInfo(False, False, False, False)
_SPOKEN = QuoteInfo(False, False, True, False)  # no quote marks, a speech verb: may attribute a quote


def _speaks(words: list[str]) -> bool:
    return not _SPEECH.isdisjoint(map(str.lower, words))


def quote_marks(document: RankDocument) -> list[int]:
    """Positions of every quote mark in the article, found in one pass."""
    found = document._cache.get("quote marks")
    if found is None:
        text = document.article.text
        found = []
        for mark in _QUOTE_MARKS:  # str.find per mark: a few C-level scans, no regex over the text
            position = text.find(mark)
            while position >= 0:
                found.append(position)
                position = text.find(mark, position + 1)
        found.sort()  # one pass over a list already in order, unless marks of two kinds mix
        document._cache["quote marks"] = found
    return found


def speech_flags(document: RankDocument) -> list[bool]:
    """Whether each sentence has a speech verb among its words."""
    return document.sentences_with(_SPEECH)


def _after(depth: int, mark: str) -> int:
    """Quote depth after one mark: straight double quotes toggle; curly ones open and close."""
    if mark in "“«":
        return depth + 1
    if mark in "”»":
        return max(0, depth - 1)
    return 0 if depth else 1


class QuoteStates:
    """`QuoteInfo` of each sentence, worked out when first asked for: quote depths a
    paragraph at a time (from the article's quote marks, found once), the words
    outside the quotes only for the sentence asked about. The citation step looks at
    a few sentences of a long article."""

    __slots__ = ("_document", "_infos", "_marks", "_depths", "_closes", "_opens")

    def __init__(self, document: RankDocument) -> None:
        self._document = document
        self._infos: list[QuoteInfo | None] = [None] * len(document)
        self._depths: list[tuple[int, int, int, int] | None] = [None] * len(document)
        self._marks = quote_marks(document)
        # Where a quote running on from a sentence is attributed, remembered for every
        # sentence the walk passed (they share the answer): each walk is paid once.
        self._closes: dict[int, tuple[int | None, int]] = {}
        self._opens: dict[int, tuple[int | None, int]] = {}

    def __len__(self) -> int:
        return len(self._infos)

    def _depth(self, index: int) -> tuple[int, int, int, int]:
        """Quote depth before and after sentence `index`, and the range of its marks."""
        found = self._depths[index]
        if found is None:
            sentences = self._document.article.sentences
            text = self._document.article.text
            marks = self._marks
            paragraph = sentences[index].paragraph
            first = end = index
            while first > 0 and sentences[first - 1].paragraph == paragraph:
                first -= 1
            while end < len(sentences) and sentences[end].paragraph == paragraph:
                end += 1
            depth = 0  # an unclosed quote does not leak across paragraphs
            for i in range(first, end):
                sentence = sentences[i]
                low, high = bisect_left(marks, sentence.start), bisect_left(marks, sentence.end)
                before = depth
                for k in range(low, high):
                    depth = _after(depth, text[marks[k]])
                self._depths[i] = (before, depth, low, high)
            found = self._depths[index]
        return found

    def touches_quote(self, index: int) -> bool:
        """Whether sentence `index` is inside quoted speech or holds a quote mark."""
        if not self._marks:
            return False
        before, _, low, high = self._depth(index)
        return before > 0 or low < high

    def __getitem__(self, index: int) -> QuoteInfo:
        info = self._infos[index]
        if info is None:
            info = self._infos[index] = self._info(index)
        return info

    def _info(self, index: int) -> QuoteInfo:
        before, after, low, high = self._depth(index)
        if before == 0 and low == high:
            return _SPOKEN if speech_flags(self._document)[index] else _PLAIN
        text = self._document.article.text
        sentence = self._document.article.sentences[index]
        marks = self._marks
        outside: list[str] = []
        depth, position = before, sentence.start
        for k in range(low, high):
            mark = marks[k]
            if depth == 0:
                outside.append(text[position:mark])
            depth = _after(depth, text[mark])
            position = mark + 1
        if depth == 0:
            outside.append(text[position : sentence.end])
        outside_words = _WORDS.findall("".join(outside))
        return QuoteInfo(
            before > 0 or text[sentence.start] in _OPENING_QUOTE,
            after > 0,
            _speaks(outside_words),
            len(outside_words) < 3,
        )

    def attributed_where_closes(self, index: int) -> int | None:
        """The first attributed sentence reached going forward from `index` while the
        quote runs on within the paragraph ("…," he said), or None."""
        return self._walk(index, 1, self._closes)[0]

    def attributed_where_opens(self, index: int) -> tuple[int | None, int]:
        """Going back from `index` to where its quote opened within the paragraph: the
        first attributed sentence met (or None), and the sentence where the walk stopped."""
        return self._walk(index, -1, self._opens)

    def _walk(self, index: int, step: int, known: dict[int, tuple[int | None, int]]) -> tuple[int | None, int]:
        """From `index`, one sentence at a time by `step` while the quote runs on within
        the paragraph, to the first attributed sentence: (it or None, where the walk
        stopped). Every sentence passed has the same answer: it is remembered for all."""
        sentences = self._document.article.sentences
        passed: list[int] = []
        j = index
        while j not in known:
            passed.append(j)
            k = j + step
            if not (0 <= k < len(sentences) and sentences[k].paragraph == sentences[j].paragraph and self._runs_on(j, k)):
                found = (None, j)
                break
            j = k
            if self[j].attributed:
                found = (j, j)
                break
        else:
            found = known[j]
        for k in passed:
            known[k] = found
        return found

    def _runs_on(self, j: int, k: int) -> bool:
        """Whether the quote of sentence j carries on into the next or previous sentence k."""
        return self[j].ends_inside if k > j else self[j].starts_inside and self[k].ends_inside


def quote_info(document: RankDocument) -> list[QuoteInfo]:
    """Quote state of every sentence, tracked across each paragraph."""
    states = QuoteStates(document)
    return [states[i] for i in range(len(states))]


def attributing_sentence(document: RankDocument, index: int, quotes: QuoteStates) -> int | None:
    """For a bare quote, the separate sentence that says who is speaking; else None.

    A quote without a speech verb of its own is attributed where it closes ("…," he
    said), where it opened (He said: "… …"), or by an introducing sentence ending in
    a colon just before it.
    """
    info = quotes[index]
    if info.attributed or not (info.starts_inside or info.quoted):
        return None
    closing = quotes.attributed_where_closes(index)
    if closing is not None:
        return closing
    opening, j = quotes.attributed_where_opens(index)
    if opening is not None:
        return opening
    # an introduction ending in a colon, possibly in the previous paragraph
    if j > 0 and document.texts[j - 1].rstrip(_CLOSERS).endswith(":") and quotes[j - 1].attributed:
        return j - 1
    return None


# ------------------------------------------------------------ the summary


def sentence_attributions(sources: list[Source] | None) -> dict[int, str]:
    """The named source each sentence attributes to (the first mention in it wins)."""
    names: dict[int, tuple[int, str]] = {}
    for source in sources or ():
        for mention in source.mentions:
            known = names.get(mention.sentence)
            if known is None or mention.start < known[0]:
                names[mention.sentence] = (mention.start, source.name)
    return {sentence: name for sentence, (_, name) in names.items()}


class CitationAwareSelector:
    """Picks `count` sentences from a ranking under the citation rules above.

    Everything is worked out lazily, for the sentences the selection looks at: a
    summary of seven sentences usually looks at about ten.
    """

    def __init__(self, document: RankDocument, sources: list[Source] | None = None) -> None:
        self.document = document
        self.quotes = QuoteStates(document)
        self.attributions = sentence_attributions(sources)
        self._junk: dict[int, str | None] = {}
        self._speakers: dict[int, int | None] = {}
        self._dangling = document.dangling_flags()
        self._partners: dict[int, set[int]] | None = None

    def _junk_of(self, index: int) -> str | None:
        found = self._junk.get(index, False)
        if found is False:
            article = self.document.article
            sentence = article.sentences[index]
            paragraph = article.paragraphs[sentence.paragraph]
            if sentence.damage:
                found = "damaged"  # OCR damage cleaning could not repair: shown, never summarised
            elif paragraph.kind == "heading":
                found = "heading"
            elif paragraph.asked:
                found = "interviewer's prompt"  # the answers are the news, not the prompts
            elif self._plainly_prose(index):
                found = None
            else:
                found = junk_reason(self.document.texts[index], self.document.sentence_words(index))
            self._junk[index] = found
        return found

    def _plainly_prose(self, index: int) -> bool:
        """A cheap test that passes only sentences `junk_reason` passes, without
        splitting their words: an ordinary sentence of news prose.

        Word counts are bounded from the term counts (`term_tokens` splits at full
        stops, and may join or add a token at each hyphen, apostrophe or non-ASCII
        character), so the bounds hold for every text.
        """
        text = self.document.texts[index]
        # The first word's first character (an opening quote is not a word): news
        # often opens a sentence with a quote.
        first = text.lstrip(_OPENERS)[:1]
        ending = text.rstrip(_CLOSERS)[-1:]
        if not (first.isupper() or first.isdigit()) or ending not in _PLAIN_ENDS:
            return False
        terms = self.document.term_sizes()[index]
        slack = text.count("-") + text.count("'")
        if not text.isascii():
            slack += len(text.encode()) - len(text)
        # A full stop inside a word ("2.4", "U.S") makes two terms of one word; the
        # closing one splits nothing.
        fewest_words = terms - slack - text.count(".") + (ending == ".")
        if fewest_words < SHORT_WORDS or terms + slack > MAX_WORDS:
            return False
        separators = text.count(",") + text.count(";")
        if separators >= 4 and separators >= 0.25 * fewest_words or "@" in text or "©" in text:
            return False  # maybe a list, maybe page furniture: look closer
        # A furniture word inside any word ("shares", "already"): only the page-junk
        # pattern itself can clear it.
        if _has_furniture_inside(text) and _PAGE_JUNK.search(text.lower()) is not None:
            return False
        letters, capitals, visible = _character_counts(text)
        return letters >= 0.5 * visible and capitals <= 0.5 * letters

    def junk(self, index: int, *, as_helper: bool = False) -> str | None:
        reason = self._junk_of(index)
        if as_helper and reason in ("fragment", "no verb"):
            return junk_reason(self.document.texts[index], self.document.sentence_words(index), as_helper=True)
        return reason

    def antecedent(self, index: int) -> int | None:
        """The sentence a dangling start points back to: the nearest earlier usable one.
        (Candidates are usable, so the walks of all candidates together pass each
        sentence about once.)"""
        j = index - 1
        while j >= 0:
            if self.junk(j, as_helper=True) is None:
                return j
            j -= 1
        return None

    def _speaker(self, index: int) -> int | None:
        found = self._speakers.get(index, -1)
        if found == -1:
            # Outside quotes with no mark of its own, a sentence is not a quote, whatever
            # its words (so its speech verbs need not be looked up).
            found = attributing_sentence(self.document, index, self.quotes) if self.quotes.touches_quote(index) else None
            self._speakers[index] = found
        return found

    def requirements(self, index: int) -> list[tuple[int, str]]:
        """Sentences `index` cannot be shown without, with why."""
        needed = []
        speaker = self._speaker(index)
        if speaker is not None and index not in self.attributions and speaker not in self.attributions:
            needed.append((speaker, f"attribution of sentence {index}"))
        if self._dangling[index]:
            previous = self.antecedent(index)
            if previous is not None:
                needed.append((previous, f"antecedent of sentence {index}"))
        return needed

    def helpers(self, index: int, chosen) -> list[tuple[int, str]] | None:
        """Everything that must come along with `index` (followed transitively, a little
        way); None when that is too much or unusable."""
        first = self.requirements(index)
        if not first:  # the usual case: a sentence that stands on its own
            return []
        needed: list[tuple[int, str]] = []
        present = set(chosen)
        present.add(index)
        queue = [index]
        while queue:
            current = queue.pop(0)
            for helper, reason in first if current == index else self.requirements(current):
                if helper in present:
                    continue
                if len(needed) == MAX_HELPERS or self.junk(helper, as_helper=True):
                    return None
                needed.append((helper, reason))
                present.add(helper)
                queue.append(helper)
        return needed

    def _attribution(self, index: int) -> str | None:
        if index in self.attributions:
            return self.attributions[index]
        speaker = self._speaker(index)
        return self.attributions.get(speaker) if speaker is not None else None

    def _duplicate(self, index: int, chosen, also: int | None = None) -> bool:
        """Whether `index` nearly repeats one of the `chosen` sentences or `also` (same
        words, or a cosine similarity of their terms of NEAR_DUPLICATE or more)."""
        if not chosen and also is None:
            return False
        if self._partners is None:
            self._partners = self._near_duplicates()
        partners = self._partners.get(index)
        # Look the few partners up in `chosen`, not `chosen` in the partners: a long
        # text's summary holds thousands of sentences.
        return partners is not None and (also in partners or any(p in chosen for p in partners))

    def _near_duplicates(self) -> dict[int, set[int]]:
        """Each sentence's near duplicates, found once for the whole article: a few array
        calls instead of a look at the similarity row for every candidate. Most news
        articles have none. In a windowed text, near duplicates are looked for within
        the window and exact repeats everywhere."""
        partners: dict[int, set[int]] = {}
        if self.document.windowed:
            pairs = self.document.window_similarity().pairs_at_least(NEAR_DUPLICATE)
            pairs += [(j, i) for i, j in pairs]
        else:
            near = self.document.similarity() >= NEAR_DUPLICATE
            near.flat[:: len(near) + 1] = False
            pairs = zip(*(axis.tolist() for axis in np.nonzero(near)), strict=True)
        for i, j in pairs:
            partners.setdefault(i, set()).add(j)
        texts = self.document.texts
        folded = list(map(str.casefold, texts))
        if len(set(folded)) < len(folded):  # a repeat (rare): group the sentences by their words
            groups: dict[tuple[int, str], list[int]] = {}
            for i, text in enumerate(folded):
                groups.setdefault((len(texts[i]), text), []).append(i)
            for group in groups.values():
                for i in group if len(group) > 1 else ():
                    partners.setdefault(i, set()).update(j for j in group if j != i)
        return partners

    def select(self, ranking: list[Ranked], count: int) -> list[SummaryItem]:
        """The summary: `count` sentences (fewer only if the article lacks usable ones).

        Candidates are taken in ranking order. One that needs company (an antecedent,
        an attribution) competes as a group: the group's place is the mean of its
        members' places in the ranking, so a weak antecedent pushes a sentence down
        (the penalty) and a strong one lets the pair in together.
        """
        place: dict[int, int] = {}  # sentence -> its place in the ranking, filled when a group needs it
        chosen: dict[int, str | None] = {}  # sentence -> why it came along (None: on its own rank)
        passed_over: list[int] = []
        # Candidates in ranking order; a group pushed down waits in `delayed` (a heap).
        delayed: list[tuple[float, int]] = []
        position = 0
        while len(chosen) < count and (position < len(ranking) or delayed):
            if delayed and (position >= len(ranking) or delayed[0] < (position, ranking[position].sentence)):
                key, index = heapq.heappop(delayed)
            else:
                key, index = float(position), ranking[position].sentence
                position += 1
            if index in chosen or self.junk(index) or self._duplicate(index, chosen):
                continue
            needed = self.helpers(index, chosen)
            if (
                needed is None
                or len(chosen) + 1 + len(needed) > count
                or (needed and any(self._duplicate(h, chosen, also=index) for h, _ in needed))
            ):
                passed_over.append(index)
                continue
            if needed:
                if not place:
                    place = {r.sentence: p for p, r in enumerate(ranking)}
                own = place[index]
                mean_place = (own + sum(place.get(h, len(ranking)) for h, _ in needed)) / (1 + len(needed))
                group_place = own + GROUP_PENALTY * (mean_place - own)
                if group_place > key + 1e-9:
                    heapq.heappush(delayed, (group_place, index))
                    continue
            chosen[index] = None
            for helper, reason in needed:
                chosen[helper] = reason
        # Short of sentences only because every candidate left needs company that does
        # not fit: show the best of them alone, and say so.
        for index in passed_over:
            if len(chosen) >= count:
                break
            if index not in chosen and not self._duplicate(index, chosen):
                chosen[index] = "shown without its context"
        scores = dict(ranking)  # sentence -> score: a ranking is a list of such pairs
        sentences = self.document.article.sentences
        items = []
        for i in sorted(chosen):
            sentence = sentences[i]
            items.append(
                SummaryItem(
                    start=sentence.start,
                    end=sentence.end,
                    sentence=i,
                    paragraph=sentence.paragraph,
                    score=scores.get(i, 0.0),
                    attribution=self._attribution(i),
                    reason=chosen[i],
                )
            )
        return items
