"""Attributions in an article: cue, the source that says it, and what is said.

Per sentence: every cue word (cues.py) outside quotation marks looks for its source
to the left ("Li further suggested that", "Shen Ming-shih, director of ..., told",
"Jones, who ..., said") or, after a comma or a closing quote, to the right (",” said
Trump", "according to the court complaint"). A participle shares its main clause's
subject ("X left, saying ..."), a Title-Case headline names its speaker ("X Calls
..."), a passive cue its agent ("reported by The Post"), a possessive its statement
("X's claim that ..."). Interview turns ("Zhao Jie: ...") are attributions of the
whole paragraph. A second pass reads sentences whose subject is a source already cited. linking.py then merges the mentions into sources.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from summaries.model import INTERVIEWER_LABELS, Article, Source, Span
from summaries.segment import sentences_by_paragraph
from summaries.sources.attribution import PREPOSITIONS, Attribution, SentenceTokens, apposition_after, clean_descriptor
from summaries.sources.cues import (
    BETWEEN_SUBJECT_AND_CUE,
    CUE_FORMS,
    NEEDS_COMPLEMENT,
    NEEDS_TO,
    PARTICLE_CUES,
    PASSIVE_AUXILIARIES,
    PAST_WITH_OBJECT,
    NEEDS_DOCUMENT,
    cue_kind,
    cue_lemma,
)
from summaries.sources.linking import link_sources
from summaries.sources.names import name_words
from summaries.sources.mentions import (
    CLOSE_QUOTES,
    DETERMINERS,
    FUNCTION_WORDS,
    OPEN_QUOTES,
    QUOTES,
    Lexicon,
    Phrase,
    Token,
    article_lexicon,
    description_ending_at,
    is_name_word,
    name_ending_at,
    name_kind,
    name_starting_at,
    noun_class,
    phrase_ending_at,
    phrase_starting_at,
    tokenize,
)

NEGATIONS = frozenset("not n't never".split())
# Words between a subject and its cue, less the auxiliaries of the passive (worked out once).
_BETWEEN_ACTIVE = BETWEEN_SUBJECT_AND_CUE - PASSIVE_AUXILIARIES
# Words of a reporter's guess about what someone thinks ("it's possible that X realized").
HEDGES = frozenset("possible possibly perhaps maybe probably likely speculated conceivably".split())
MODALS = frozenset("may might could would must should will".split())

# Bare plurals that do cite a body ("prosecutors alleged", "authorities said").
GROUP_HEADS = frozenset("prosecutor authorities authority police investigator regulator".split())
# Documents that are a particular piece of evidence even without a determiner: "Polls
# show", "Video of the incident shows" (unlike "Statistics show", "Information shows").
SPECIFIC_DOCUMENTS = frozenset("poll polling survey study video footage transcript".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
# Labels of "Label: text" paragraphs that are no source's words.
NOT_SPEAKERS = frozenset(
    """editor editors photo photos source sources caption note notes reporter reporters translator
    translated tags tag update updated related read watch interviewer question q a answer by alias aliases
    written writer author contact email copyright disclaimer correction video image images credit""".split()
)
_TURN = re.compile(r"[\"“]?([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}):\s+(?=\S)")
# A quotation signed with a dash after its closing mark: “...”― Pamela Padilla
_SIGNED_QUOTE = re.compile(r"[”\"][ \t\u00a0]*([―—]|--)[ \t\u00a0]*([A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,3})")
_LINE_BREAK = re.compile("\n")
_OPENING_QUOTE = re.compile('[“"]')
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$")
_NOT_TURN_SPEAKERS = NOT_SPEAKERS - INTERVIEWER_LABELS
# The tokens in QUOTES, as they appear in the text.
_QUOTE_MARK = re.compile("[\"“”«»]|''|``")


def extract_sources(article: Article) -> list[Source]:
    sentences = [SentenceTokens(i, s.start, s.end, tokenize(article.text, s.start, s.end)) for i, s in enumerate(article.sentences)]
    lexicon = article_lexicon([s.tokens for s in sentences])
    turn_sentences, attributions = interview_turns(article, sentences)
    attributions.extend(signed_quotes(article))
    cue_sentences: set[int] = set()  # sentences with a cue word, filled by sentence_attributions
    text = article.text
    paragraph, inside = -1, False  # whether a curly quotation runs on into the next sentence
    for sentence in sentences:
        if article.sentences[sentence.index].paragraph != paragraph:
            paragraph, inside = article.sentences[sentence.index].paragraph, False  # each paragraph reopens its quotes
        quoted = None
        if inside or _has_quote_marks(text, sentence.start, sentence.end):
            quoted, inside = _quoted_positions(sentence.tokens, inside)
        if sentence.index in turn_sentences:
            continue
        attributions.extend(sentence_attributions(text, sentence, lexicon, cue_sentences, quoted, quotes_read=True))
    attributions.extend(known_subject_attributions(article.text, sentences, lexicon, attributions, turn_sentences, cue_sentences))
    attributions.sort(key=lambda a: (a.phrase.start, a.cue.start if a.cue else 0))
    _without_damaged_content(article, attributions)
    return link_sources(article, sentences, lexicon, attributions)


def _without_damaged_content(article: Article, attributions: list[Attribution]) -> None:
    """A sentence cleaning marked damaged (OCR read two texts into it) is nobody's words:
    an attribution whose content reaches into one keeps its source and cue, not the content."""
    damaged = [s.span for s in article.sentences if s.damage]
    if not damaged:
        return
    starts = [span.start for span in damaged]
    for attribution in attributions:
        content = attribution.content
        if content is None:
            continue
        # The damaged sentences a content span may overlap start before its end.
        i = bisect_left(starts, content.end) - 1
        while i >= 0 and damaged[i].end > content.start:
            if damaged[i].overlaps(content):
                attribution.content = None
                break
            i -= 1


# --- interview turns ---


def interview_turns(article: Article, sentences: list[SentenceTokens]) -> tuple[set[int], list[Attribution]]:
    """Paragraphs spoken by a labelled speaker; the interviewer's own turns are not sources."""
    found: list[tuple[int, str, int, int, int]] = []  # paragraph, label, label start, colon, content start
    labels: dict[str, tuple[int, int]] = {}  # speaker -> the span of their latest label and its colon
    for index, paragraph in enumerate(article.paragraphs):
        text = article.text[paragraph.start : paragraph.end]
        if paragraph.kind == "turn" and paragraph.speaker:
            speaker = paragraph.speaker
            if text.startswith(speaker):
                after = text[len(speaker) : len(speaker) + 3]
                colon = len(speaker) + after.find(":") if ":" in after else len(speaker) - 1
                labels[speaker] = (paragraph.start, paragraph.start + colon)
                found.append((index, speaker, paragraph.start, paragraph.start + colon, paragraph.start + colon + 1))
            elif speaker in labels:
                # A turn that runs on into another paragraph, its label lifted or never
                # written: the mention is the label that opened the turn, the content all of it.
                label_start, colon = labels[speaker]
                found.append((index, speaker, label_start, colon, paragraph.start))
            continue
        match = _TURN.match(text)
        if match is None or len(text[match.end() :].split()) < 3:
            continue
        label = match.group(1)
        if any(_POSSESSIVE.sub("", w).lower() in _NOT_TURN_SPEAKERS for w in label.split()):
            continue
        found.append((index, label, paragraph.start + match.start(1), paragraph.start + match.end(1), paragraph.start + match.end()))
    # A headline "Pence: Flowers Won't Be at Debate" is its speaker's claim; elsewhere one
    # "Label: text" paragraph is a heading or a note, and an interview has several turns.
    headline = [f for f in found if f[0] == 0 and len(f[1].split()) <= 3 and _speaker_label(f[1])]
    if len([f for f in found if len(article.text[f[4] : article.paragraphs[f[0]].end].split()) >= 6]) < 2:
        found = headline
    attributions: list[Attribution] = []
    covered: set[int] = set()
    by_paragraph = sentences_by_paragraph(article.sentences, len(article.paragraphs)) if found else []
    for index, label, label_start, colon, content_start in found:
        in_paragraph = by_paragraph[index]
        covered.update(in_paragraph)
        if label.lower() in INTERVIEWER_LABELS:
            continue
        words = label.split()
        phrase = Phrase(-1, -1, label_start, label_start + len(label), "name", "person", label)
        phrase.name = " ".join(words)
        end = article.paragraphs[index].end
        content = Span(content_start, end) if end > content_start else None
        attributions.append(
            Attribution(phrase, in_paragraph[0] if in_paragraph else 0, Span(colon, colon + 1), ":", content)
        )
    return covered, attributions


_NOT_IN_NAMES = frozenset("over on at in to with after before from vs about against into".split())


def _speaker_label(label: str) -> bool:
    """'Pence' or 'Sen. Jo Park' can head a headline as its speaker; 'The Latest' and
    'Stealth Over Health' are titles."""
    words = label.lower().split()
    return bool(words) and words[0] not in DETERMINERS and not any(w in _NOT_IN_NAMES for w in words)


def signed_quotes(article: Article) -> list[Attribution]:
    """“...”― Name: a quotation signed after its closing mark."""
    found = []
    text = article.text
    line_breaks = openings = None
    for match in _SIGNED_QUOTE.finditer(text):
        name_start, name_end = match.span(2)
        sentence = article.sentence_index_at(name_start)
        if sentence is None:
            sentence = article.sentence_index_at(match.start())
        if sentence is None:
            continue
        if line_breaks is None:  # found once, searched by bisection: no scan back per quote
            line_breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
            openings = [m.start() for m in _OPENING_QUOTE.finditer(text)]
        line_start = _last_before(line_breaks, match.start(), 0) + 1
        opening = _last_before(openings, match.start(), line_start)
        content = Span(opening, match.start() + 1) if opening >= 0 else None
        name = _SPACES.sub(" ", match.group(2))
        phrase = Phrase(-1, -1, name_start, name_end, "name", "person", name)
        cue = Span(*match.span(1))
        found.append(Attribution(phrase, sentence, cue, match.group(1), content))
    return found


def _last_before(positions: list[int], end: int, start: int) -> int:
    """The last of the sorted `positions` in [start, end), or -1."""
    index = bisect_left(positions, end) - 1
    return positions[index] if index >= 0 and positions[index] >= start else -1


# --- cue-driven attributions ---


def _quoted_positions(tokens: list[Token], inside_at_start: bool = False) -> tuple[list[bool], bool]:
    """For each token, whether it sits inside quotation marks; and whether a curly
    quotation is still open at the sentence's end (it runs on into the next sentence,
    "“He started ... . Second, he ...”"). A sentence whose first curly mark closes a
    quotation began inside it."""
    first_curly = next((t.text for t in tokens if t.text == "“" or t.text == "”"), None)
    inside = inside_at_start or first_curly == "”"
    straight = False
    flags: list[bool] = []
    for token in tokens:
        if token.text in QUOTES:
            if token.text in {'"', "''"}:
                inside = not inside
                straight = True
            elif token.text in OPEN_QUOTES and token.text not in CLOSE_QUOTES:
                inside = True
            elif token.text in CLOSE_QUOTES and token.text not in OPEN_QUOTES:
                inside = False
            flags.append(False)
            continue
        flags.append(inside)
    if inside and straight:
        # an unbalanced straight quote (open or close, who knows) says nothing
        return [False] * len(tokens), False
    return flags, inside


def _has_quote_marks(text: str, start: int, end: int) -> bool:
    return _QUOTE_MARK.search(text, start, end) is not None


def sentence_attributions(
    text: str,
    sentence: SentenceTokens,
    lexicon: Lexicon,
    cue_sentences: set[int] | None = None,
    quoted: list[bool] | None = None,
    quotes_read: bool = False,
) -> list[Attribution]:
    """The attributions of one sentence; its index goes into `cue_sentences` when it
    holds a cue word. `quoted` says which tokens sit inside a quotation (worked out
    here from the sentence alone unless `quotes_read`)."""
    tokens = sentence.tokens
    if not quotes_read and _has_quote_marks(text, sentence.start, sentence.end):
        quoted, _ = _quoted_positions(tokens)
    found: list[Attribution] = []
    used_phrases: set[tuple[int, int]] = set()
    headline: bool | None = None  # worked out when a capitalised cue word is met
    cue_forms = CUE_FORMS
    for i, token in enumerate(tokens):
        lemma = cue_forms.get(token.lower)
        if lemma is None and token.lower not in _OTHER_CUE_STARTS:
            continue  # most words: no cue, no "according to", no possessive
        if quoted is not None and quoted[i]:
            continue
        if token.lower == "according" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
            attribution = _according_to(text, sentence, i, lexicon)
        elif token.text in {"’s", "'s"}:
            attribution = _possessive_statement(text, sentence, i, lexicon)
        elif lemma is None:
            continue
        elif token.capitalised and not token.initial:
            if headline is None:
                headline = _title_case(tokens)
            if not headline:
                continue  # "Support Regulations", "SAID": part of a name or a heading
            attribution = _headline_attribution(text, sentence, i, lexicon)
            titled_verb = attribution is None and token.lower.endswith("s") and not _ends_sentence(tokens, i)
            if titled_verb and (lemma not in NEEDS_TO or tokens[i + 1].lower == "to"):  # "..., Sanders Vows To ..."
                attribution = _verb_attribution(text, sentence, i, lemma, lexicon)
        else:
            if cue_sentences is not None:
                cue_sentences.add(sentence.index)
            following = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if lemma in NEEDS_TO and following != "to" and not (lemma in PAST_WITH_OBJECT and token.lower.endswith("ed")):
                continue  # "orders decline", "the plan": only "declined to", "plans to" attribute
            if lemma in PARTICLE_CUES and not _particle_follows(tokens, i, PARTICLE_CUES[lemma], 1 if lemma not in {"speak", "talk"} else 4):
                continue  # "took office", "pushed back": only "took issue", "laid out", "pushed for"
            attribution = _verb_attribution(text, sentence, i, lemma, lexicon)
        if attribution is None:
            continue
        key = (attribution.phrase.start, attribution.phrase.end)
        if key in used_phrases:
            continue  # "X said ... and added": the first cue stands for the subject
        used_phrases.add(key)
        found.append(attribution)
    return _outermost(found)


# Nouns for what someone said, after a possessive: "Trump's claim that ...".
STATEMENT_NOUNS = frozenset(
    """claim claims comment comments remark remarks statement statements announcement assertion argument
    accusation accusations allegation allegations warning warnings promise pledge call criticism view views
    endorsement tweet tweets testimony insistence admission denial suggestion prediction demand request
    complaint answer response description account proposal""".split()
)


def _possessive_statement(text: str, sentence: SentenceTokens, i: int, lexicon: Lexicon) -> Attribution | None:
    """'Trump’s claim that ...': a statement noun after a possessive name, followed by
    what was said, is that name's attribution."""
    tokens = sentence.tokens
    noun = i + 1
    if noun < len(tokens) and tokens[noun].text.islower() and tokens[noun].lower not in STATEMENT_NOUNS and tokens[noun].lower.endswith(("ly", "er", "est", "ed")):
        noun += 1  # "Tulsa police’s earlier claim", "his repeated denials"
    if noun >= len(tokens) or tokens[noun].lower not in STATEMENT_NOUNS:
        return None
    phrase = name_ending_at(tokens, i - 1, lexicon)
    if phrase is None or phrase.kind == "document":
        return None
    if noun + 1 >= len(tokens) or tokens[noun + 1].lower not in {"that", ":"}:
        return None  # "Trump's comments came as ...": what was said is not given here
    content = _span_between(tokens, noun + 2, len(tokens))
    cue = Span(tokens[noun].start, tokens[noun].end)
    return Attribution(phrase, sentence.index, cue, tokens[noun].text, content)


def _headline_attribution(text: str, sentence: SentenceTokens, i: int, lexicon: Lexicon) -> Attribution | None:
    """A Title-Case headline: 'Chris Christie Calls Hillary Clinton ...' (the words before
    a capitalised cue in -s are its subject) or '..., Former White House Doctor Says.'"""
    tokens = sentence.tokens
    token = tokens[i]
    lemma = CUE_FORMS.get(token.lower)
    if lemma is None or not token.lower.endswith("s") or token.lower == lemma and lemma.endswith("s"):
        return None
    if _ends_sentence(tokens, i):
        start = i - 1  # "..., Lindsey Graham Says."
        while start - 1 >= 0 and tokens[start - 1].text != "," and tokens[start - 1].is_word:
            start -= 1
        if start == 0 or start >= i or tokens[start - 1].text != ",":
            return None
        content = _span_between(tokens, 0, start - 1)
    else:
        start = 0
        while start < i and not tokens[start].is_word:
            start += 1
        if start >= i or any(not t.is_word and t.text not in {".", "’s", "'s"} for t in tokens[start:i]) or i - start > 5:
            return None
        content = _span_between(tokens, i + 1, len(tokens))
    words = [t.text for t in tokens[start:i]]
    if not words or any(w.lower() in FUNCTION_WORDS for w in words):
        return None
    head = words[-1].lower()
    kind = noun_class(head) or name_kind(words)
    form = "description" if noun_class(head) is not None else "name"
    kind = {"person": "anonymous"}.get(kind, kind) if form == "description" else kind
    name = " ".join(words)
    phrase = Phrase(start, i - 1, tokens[start].start, tokens[i - 1].end, form, kind, name, head=head if form == "description" else "", determiner="a" if form == "description" else "")
    cue = Span(token.start, token.end)
    return Attribution(phrase, sentence.index, cue, token.text, content)


# Words that start an attribution without being a cue form: "according to", "Trump’s claim".
_OTHER_CUE_STARTS = frozenset({"according", "’s", "'s"})


def _title_case(tokens: list[Token]) -> bool:
    """A headline written in Title Case: every word longer than three letters capitalised."""
    words = 0
    for token in tokens:
        if token.is_word and len(token.text) > 3:
            if not token.capitalised or token.text.isupper():
                return False
            words += 1
    return words >= 3


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """Drop attributions nested in the content of an attribution that is kept ("Stein
    said she plans to ..."): the outer source is the one the article cites; the inner
    one is what it reports. One nested in a dropped one's content only ("he acknowledged
    [a reason he felt ...], Ham noted") is kept unless a kept one holds it too."""
    if len(found) < 2:
        return found  # most sentences: nothing to nest
    containers = [
        [
            k
            for k, other in enumerate(found)
            if other is not attribution
            and other.content is not None
            and other.content.start <= attribution.phrase.start
            and attribution.phrase.end <= other.content.end
            and not (attribution.content is not None and attribution.content.start <= other.phrase.start < attribution.content.end)
        ]
        for attribution in found
    ]
    if not any(containers):
        return found
    # kept: held by no kept attribution. Containment has no cycles (a mutual pair is
    # excluded above), so settling from "all kept" ends within len(found) rounds.
    kept = [True] * len(found)
    for _ in range(len(found)):
        settled = [not any(kept[k] for k in holders) for holders in containers]
        if settled == kept:
            break
        kept = settled
    return [attribution for attribution, keep in zip(found, kept, strict=True) if keep]


def _according_to(text: str, sentence: SentenceTokens, i: int, lexicon: Lexicon) -> Attribution | None:
    tokens = sentence.tokens
    phrase = phrase_starting_at(tokens, i + 2, lexicon)
    if phrase is None or phrase.form == "pronoun":
        return None
    phrase = _extend_with_of_phrase(tokens, phrase, lexicon)
    descriptor = apposition_after(text, tokens, phrase.last) if i > 1 else None
    cue = Span(tokens[i].start, tokens[i + 1].end)
    if i <= 1:
        comma = _next_index(tokens, phrase.last + 1, ",")
        content = _span_between(tokens, comma + 1, len(tokens)) if comma is not None else None
    else:
        content = _span_between(tokens, 0, i)
    return Attribution(phrase, sentence.index, cue, text[cue.start : cue.end], content, descriptor)


def _verb_attribution(text: str, sentence: SentenceTokens, i: int, lemma: str, lexicon: Lexicon) -> Attribution | None:
    tokens = sentence.tokens
    token = tokens[i]
    previous = _previous_word(tokens, i)
    if previous is not None and tokens[previous].lower == "to":
        return None  # "wants to say": the cue is the governing verb
    speech = cue_kind(lemma) == "speech"
    if speech and _negated(tokens, i):
        return None  # "Wang did not specify ...": the reporter says what the source did not say
    nxt = i + 1
    while nxt < len(tokens) and tokens[nxt].lower in _BETWEEN_ACTIVE:
        nxt += 1
    if nxt < len(tokens) and token.lower.endswith("s") and CUE_FORMS.get(tokens[nxt].lower) in {"say", "tell", "show", "find", "suggest"}:
        return None  # "the talks said", "reports say": a noun, the subject of the next cue
    if previous is not None and tokens[previous].lower in PASSIVE_AUXILIARIES and token.lower.endswith(("ed", "said", "told", "found", "known", "shown", "seen", "thought", "written")):
        return _passive_agent(text, sentence, i, lexicon)  # "is said to", "was reported": a source only in a by-phrase
    if not speech and any(tokens[k].lower in MODALS for k in range(max(0, i - 3), i)):
        return None  # "the CCP may have realized": speculation, not an attribution
    if not speech and any(t.lower in HEDGES for t in tokens[max(0, i - 8) : i]):
        return None  # "it's possible that China recognized": the reporter's guess
    subject, descriptor, block_first = _left_subject(text, tokens, i, lexicon)
    inverted = False
    if subject is None:
        subject, descriptor = _right_subject(text, tokens, i, lexicon)
        inverted = subject is not None
        block_first = i
    if subject is None:
        return None
    follower = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    has_complement = follower in {"that", ":", "for", "on", "of", "about", "in", "it"} or follower in OPEN_QUOTES or follower == '"'
    if (
        lemma in NEEDS_COMPLEMENT and not has_complement and not inverted and not _ends_sentence(tokens, i)
        and subject.form == "description" and not _has_proper_word(tokens, subject)
        and not (subject.head in SPECIFIC_DOCUMENTS and lemma == "show")
    ):
        return None  # "the group called X", "a study found ways": too often no attribution (but "polls show X")
    if subject.form == "description" and subject.determiner == "" :
        if subject.kind == "organisation" and not subject.plural:
            return None  # a bare singular noun ("government said") is rarely the subject
        if subject.kind == "document" and subject.head not in SPECIFIC_DOCUMENTS and not any(t.capitalised and not t.initial for t in tokens[subject.first : subject.last + 1]):
            return None  # "Statistics show", "Public information shows": no one named (but "Polls show")
        if subject.kind == "organisation" and subject.head not in GROUP_HEADS and not _has_proper_word(tokens, subject):
            return None  # "supporting terrorist organizations": not a cited body
    if not inverted and subject.form == "name" and token.lower == lemma and lemma in NOUN_LIKE_CUES and subject.last == i - 1 and not _plural_name(tokens, subject):
        return None  # "the New York Times report", "U.S. support": a noun after a name that modifies it
    if lemma in NEEDS_DOCUMENT and subject.kind != "document" and not any(noun_class(t.lower) == "document" or t.lower in {"proposal", "plan", "findings"} for t in tokens[i + 1 : i + 5]):
        return None  # "released his tax returns": a thing made public, nobody's words
    block_last = subject.last if inverted else i
    content = _content(tokens, block_first, block_last, i)
    cue = Span(token.start, token.end)
    return Attribution(subject, sentence.index, cue, token.text, content, descriptor)


def _negated(tokens: list[Token], i: int) -> bool:
    """Whether "not", "n't" or "never" is among the three words before tokens[i]."""
    return (
        i > 0 and tokens[i - 1].lower in NEGATIONS
        or i > 1 and tokens[i - 2].lower in NEGATIONS
        or i > 2 and tokens[i - 3].lower in NEGATIONS
    )


def _passive_agent(text: str, sentence: SentenceTokens, i: int, lexicon: Lexicon) -> Attribution | None:
    """'The story was first reported by The Washington Post': the agent of a passive cue."""
    tokens = sentence.tokens
    if i + 2 >= len(tokens) or tokens[i + 1].lower != "by" or cue_kind(cue_lemma(tokens[i].text) or "") != "speech":
        return None  # "favored by Xi": a stance, not words, is done to the subject
    phrase = phrase_starting_at(tokens, i + 2, lexicon)
    if phrase is None and tokens[i + 2].lower == "the":
        phrase = name_starting_at(tokens, i + 3, lexicon)  # "by The Washington Post"
    if phrase is None or phrase.form == "pronoun" or phrase.form == "description" and not _has_proper_word(tokens, phrase):
        return None
    phrase = _extend_with_of_phrase(tokens, phrase, lexicon)
    content = _span_between(tokens, 0, i)
    cue = Span(tokens[i].start, tokens[i].end)
    return Attribution(phrase, sentence.index, cue, tokens[i].text, content)


def _plural_name(tokens: list[Token], phrase: Phrase) -> bool:
    """'Democrats', 'Mr. Grassley and Mr. Leahy': a name that takes a plural verb ("Democrats say")."""
    last = phrase.name.split()[-1] if phrase.name else ""
    joined = phrase.first > 0 and tokens[phrase.first - 1].lower in {"and", "to", "of", "for"}
    return last.endswith("s") and not last.endswith("ss") and len(last) > 3 or " and " in phrase.name or joined


def _particle_follows(tokens: list[Token], i: int, particles: frozenset[str], reach: int) -> bool:
    """Whether one of `particles` follows the cue at tokens[i] within `reach` words."""
    for token in tokens[i + 1 : i + 1 + reach]:
        if token.lower in particles:
            return True
        if not token.is_word:
            return False
    return False


def _has_proper_word(tokens: list[Token], phrase: Phrase) -> bool:
    return any(t.capitalised and not t.initial for t in tokens[phrase.first : phrase.last + 1])


def _previous_word(tokens: list[Token], i: int) -> int | None:
    j = i - 1
    while j >= 0 and (tokens[j].lower in {"also", "not", "n't", "never", "reportedly", "allegedly", "widely", "often", "first", "initially", "originally"} or tokens[j].lower.endswith("ly") and _is_adverb(tokens[j])):
        j -= 1
    return j if j >= 0 else None


def _left_subject(text: str, tokens: list[Token], i: int, lexicon: Lexicon) -> tuple[Phrase | None, str | None, int]:
    j = i - 1
    progressive = tokens[i].lower.endswith("ing")
    while j >= 0:
        lower = tokens[j].lower
        if lower in _BETWEEN_ACTIVE or lower in WEEKDAYS or progressive and lower in {"is", "are", "was", "were", "been"}:
            j -= 1
        elif lower.endswith("ly") and _is_adverb(tokens[j]):
            j -= 1  # "has sharply criticized"
        elif lower in {"on", "late", "early", "last", "this"} and j + 1 < i and tokens[j + 1].lower in WEEKDAYS:
            j -= 1  # "on Monday", "late Friday"
        else:
            break
    if j < 0:
        return None, None, i
    descriptor: str | None = None
    if tokens[j].text == ")":
        opening = _previous_index(tokens, j, "(")
        if opening is None:
            return None, None, i
        descriptor = clean_descriptor(text[tokens[opening + 1].start : tokens[j - 1].end]) if j - 1 > opening else None
        j = opening - 1
    if j >= 0 and tokens[j].text == ",":
        if progressive:
            if cue_kind(cue_lemma(tokens[i].text) or "") != "speech":
                return None, None, i  # ", aiming to ...": a purpose, not something said
            return _main_subject(tokens, i, lexicon)  # ", saying ...": a participle shares the main clause's subject
        return _apposed_subject(text, tokens, j, i, lexicon)
    if j >= 0 and tokens[j].text in {"—", "–"} and not progressive:
        opening = _previous_index(tokens, j, tokens[j].text)
        if opening is not None and opening > 0:  # "Trump — who ... — said"
            phrase = phrase_ending_at(tokens, opening - 1, lexicon)
            if phrase is not None and phrase.form == "name":
                return phrase, None, phrase.first
    phrase = (
        phrase_ending_at(tokens, j, lexicon)
        or _description_before_attachment(tokens, j, lexicon)
        or _opening_name(tokens, j, lexicon)
        or _whole_subject(tokens, j, lexicon)
    )
    if phrase is None:
        return None, None, i
    if phrase.form == "pronoun" and phrase.head in {"who", "which"}:
        if phrase.first - 1 >= 0 and tokens[phrase.first - 1].text == ",":
            antecedent = _phrase_before_comma(tokens, phrase.first - 1, lexicon)
            # "communications between Zoom employees, which showed": the relative may
            # hang from the noun before the preposition, so no antecedent is sure
            if antecedent is not None and not (antecedent.first > 0 and tokens[antecedent.first - 1].lower in PREPOSITIONS | {"between", "among"}):
                return antecedent, descriptor, antecedent.first
        return None, None, i
    reporting = progressive and phrase.form == "description" and phrase.kind in {"document", "media"} and tokens[i].lower in _REPORTING_PARTICIPLES
    if reporting and not any(tokens[k].lower in {"is", "are", "was", "were", "been", "be"} for k in range(phrase.last + 1, i)):
        return _main_subject(tokens, i, lexicon)  # "X issued a statement saying ...": X says it
    phrase = _through_prepositions(tokens, phrase, lexicon)
    if phrase is None:
        return None, None, i
    by = phrase.first - 1 - (phrase.first > 0 and tokens[phrase.first - 1].lower == "the")
    if by > 0 and tokens[by].lower == "by" and tokens[by - 1].lower.endswith(("ed", "en")):
        # "documents obtained by The Epoch Times reveal": the agent is not the subject
        head = description_ending_at(tokens, by - 2, lexicon)
        if head is None:
            return None, None, i
        head.last, head.end = phrase.last, phrase.end
        phrase = head
    if phrase.form == "description" and phrase.first > 0 and tokens[phrase.first - 1].lower in PREPOSITIONS:
        return None, None, i
    if progressive and phrase.first > 0 and tokens[phrase.first - 1].lower == "with" and phrase.form != "pronoun" and cue_kind(cue_lemma(tokens[i].text) or "") == "speech":
        return phrase, descriptor, phrase.first  # "With Trump saying ...": he says it
    if progressive and not any(tokens[k].lower in {"is", "are", "was", "were", "been", "be"} for k in range(phrase.last + 1, i)):
        return None, None, i  # "the SS7 signaling system": an -ing word after a name modifies a noun
    return phrase, descriptor, phrase.first


def _main_subject(tokens: list[Token], i: int, lexicon: Lexicon) -> tuple[Phrase | None, str | None, int]:
    """The subject of the clause a participle at tokens[i] hangs from ("Trump left,
    saying ...", "In July, Trump issued a statement saying ..."): the phrase opening
    the sentence (after a conjunction or an opening adverbial), followed by its verb."""
    k = _subject_start(tokens)
    if k is None or k >= i:
        return None, None, i
    phrase = phrase_starting_at(tokens, k, lexicon) or _opening_name(tokens, k, lexicon)
    if phrase is None or phrase.last >= i or phrase.form == "pronoun" and phrase.head in {"it", "who", "which"}:
        return None, None, i
    if phrase.form == "description" and phrase.kind == "document":
        return None, None, i  # "The ad uses footage of X saying": the words are X's, not the ad's
    v = phrase.last + 1
    if v < len(tokens) and tokens[v].text == ",":
        apposition_end = _next_index(tokens, v + 1, ",")
        v = apposition_end + 1 if apposition_end is not None and apposition_end < i else v
    while v < i and (tokens[v].lower in BETWEEN_SUBJECT_AND_CUE or tokens[v].lower.endswith("ly")):
        v += 1
    if v >= i or not tokens[v].is_word or not tokens[v].text.islower() or tokens[v].lower in FUNCTION_WORDS:
        return None, None, i
    if any(t.text in {";", ":"} or t.text in QUOTES or t.lower in _CLAUSE_OPENERS for t in tokens[v:i]):
        return None, None, i  # another clause or a quotation between: its own speaker
    return phrase, None, phrase.first


# Lower-case words ending in -ly that are nouns, not adverbs.
_LY_NOUNS = frozenset("family ally rally supply assembly reply daily weekly monthly bully belly anomaly monopoly".split())
# Capitalised words that open a sentence without naming anyone.
_NOT_OPENING_NAMES = frozenset("others everyone everybody nobody somebody someone anyone people none few".split())


# Cue lemmas that are as often nouns ("the Times report", "U.S. support", "Democratic
# claim"): right after a name, in their bare form, they are read as nouns.
NOUN_LIKE_CUES = frozenset(
    """report support attack protest state claim comment release show call plan vote answer reply fear
    hope doubt question challenge demand charge promise pledge vow quote post tweet estimate praise
    concern document record detail note study find view dispute rebuke label credit blame tout back
    welcome thank defend object highlight signal echo count point""".split()
)
# Words that open another clause, whose subject a participle after it may share.
_CLAUSE_OPENERS = frozenset("after when because while since before if although though until".split())
# What a statement, a tweet or a letter does when its author says something through it.
_REPORTING_PARTICIPLES = frozenset(
    "saying claiming arguing calling urging accusing warning announcing declaring insisting stating criticizing criticising attacking demanding".split()
)


def _is_adverb(token: Token) -> bool:
    return token.is_word and token.text.islower() and len(token.text) > 4 and token.lower.endswith("ly") and token.lower not in _LY_NOUNS


_VERB_LIKE = frozenset(
    "is are was were be been being has have had do does did will would can could may might must should shall who which that".split()
)


def _whole_subject(tokens: list[Token], j: int, lexicon: Lexicon) -> Phrase | None:
    """'Experts on North Korea and nuclear nonproliferation said': the noun phrase that
    opens the sentence and runs up to the cue, when no verb or comma breaks it and it
    holds a role noun or a name."""
    c = j + 1
    while c < len(tokens) and tokens[c].lower in BETWEEN_SUBJECT_AND_CUE and tokens[c].lower not in CUE_FORMS:
        c += 1
    lemma = CUE_FORMS.get(tokens[c].lower) if c < len(tokens) else None
    if lemma is None or lemma in NOUN_LIKE_CUES and tokens[c].lower in {lemma, lemma + "s", lemma + "es"}:
        return None  # "face questions", "the answer": a noun, not a verb after a long subject
    k = _subject_start(tokens)
    if k is None or k > j or j - k > 12:
        return None
    head: Token | None = None
    previous: Token | None = None
    for token in tokens[k : j + 1]:
        if not token.is_word or token.lower in _VERB_LIKE or token.lower in CUE_FORMS or token.lower == "to":
            return None
        if token.lower in BETWEEN_SUBJECT_AND_CUE or previous is not None and previous.capitalised and token.text.islower() and token.lower.endswith("s") and noun_class(token.lower) is None:
            return None  # "Wang now lives in ...": a verb of its own
        previous = token
        if token.text.islower() and token.lower.endswith(("ed", "ing")) and noun_class(token.lower) is None:
            return None  # "polls taken over two weeks": a clause of its own
        if head is None and (noun_class(token.lower) in {"person", "organisation", "document", "media"} or token.capitalised and not token.initial and is_name_word(token, lexicon)):
            head = token
    if head is None:
        return None
    words = tokens[k : j + 1]
    kind = noun_class(head.lower) or "unknown"
    kind = {"person": "anonymous"}.get(kind, kind)
    determiner = tokens[k].lower if tokens[k].lower in DETERMINERS else ""
    plural = head.lower.endswith("s") and not head.lower.endswith("ss")
    name = " ".join(t.text for t in (words[1:] if determiner else words))
    return Phrase(k, j, tokens[k].start, tokens[j].end, "description", kind, name, head=head.lower.rstrip("s"), determiner=determiner or "some", plural=plural)


def _opening_name(tokens: list[Token], j: int, lexicon: Lexicon) -> Phrase | None:
    """'Russia insisted ...': a capitalised word opening the sentence right before its
    cue, which the article never writes in lower case, is a name, however common the
    word is in English ("Russia", "Trump"). The lexicon nouns ("Officials") are read
    as descriptions before this is asked."""
    token = tokens[j]
    if not (token.initial and token.capitalised and token.text.isalpha() and token.text[1:].islower()):
        return None
    if token.lower in FUNCTION_WORDS or token.lower in DETERMINERS or token.lower in CUE_FORMS or token.lower in _NOT_OPENING_NAMES:
        return None
    if token.text.lower() in lexicon.lower_words or noun_class(token.lower) is not None or token.lower.endswith("ly"):
        return None
    return Phrase(j, j, token.start, token.end, "name", "unknown", token.text)


def _phrase_before_comma(tokens: list[Token], comma: int, lexicon: Lexicon) -> Phrase | None:
    last = comma - 1
    if last >= 0 and tokens[last].text == ")":  # "Rep. Jim Jordan (R-Ohio), a member, said"
        opening = _previous_index(tokens, last, "(")
        last = opening - 1 if opening is not None else -1
    phrase = phrase_ending_at(tokens, last, lexicon)
    if phrase is None or phrase.form == "pronoun":
        return None
    return _through_prepositions(tokens, phrase, lexicon)


_PARTY = re.compile(r"[RDI]-[A-Z][\w.]*")  # "R-Ky.", "D-N.J.": a lawmaker's party and state
APPOSITION_SEGMENTS = 3  # comma-separated pieces between a name and its cue ("Ann Roe, 59, of Ashton, Md., said")


def _apposed_subject(text: str, tokens: list[Token], comma: int, i: int, lexicon: Lexicon) -> tuple[Phrase | None, str | None, int]:
    """'Shen Ming-shih, director of the Institute ..., told' -> Shen Ming-shih + descriptor;
    also over a few pieces ("Jane Roe, 59, of Ashton, Md., said") and "The ROLE, NAME, said"."""
    right = comma
    descriptor: str | None = None
    for _ in range(APPOSITION_SEGMENTS):
        k = right - 1
        while k >= 0 and right - k < 30:
            if tokens[k].text in QUOTES or tokens[k].text in {";", ":"}:
                return None, None, i
            if tokens[k].text == ",":
                break
            k -= 1
        if k < 0 or tokens[k].text != ",":
            return None, None, i
        apposition = tokens[k + 1 : right]
        if not apposition:
            return None, None, i
        opener = apposition[0]
        named = name_starting_at(tokens, k + 1, lexicon)
        if named is not None and named.last == right - 1 and named.kind in {"person", "unknown"} and right == comma:
            # "The campaign's chairman, Phil Lovas, said": the role, then the name
            role = _role_opening(tokens, k, lexicon)
            if role is not None:
                return named, clean_descriptor(text[role.start : role.end]), named.first
        party = _PARTY.fullmatch(text[opener.start : apposition[-1].end]) is not None
        if not (party or opener.lower in DETERMINERS or opener.lower in {"who", "which"} or opener.text[:1].islower() or opener.text[:1].isdigit() or noun_class(opener.lower) is not None):
            return None, None, i
        # ", director of ...," describes the subject; ", speaking to veterans," or ", at
        # Monday's debate," only stands between it and its cue
        nominal = opener.lower not in PREPOSITIONS | {"who", "which", "however"} and not opener.lower.endswith(("ing", "ly")) and not cue_lemma(opener.text)
        nominal = nominal and not party and (opener.text[:1].isdigit() or any(noun_class(t.lower) for t in apposition))
        if nominal and not opener.text[:1].isdigit():
            descriptor = clean_descriptor(text[apposition[0].start : apposition[-1].end])
        phrase = _phrase_before_comma(tokens, k, lexicon)
        if phrase is not None and not (phrase.first > 0 and tokens[phrase.first - 1].lower in PREPOSITIONS):
            if right == comma or phrase.first == _subject_start(tokens):
                return phrase, descriptor, phrase.first
            return None, None, i  # past several pieces, only the sentence's own subject
        right = k
    return None, None, i


def _role_opening(tokens: list[Token], comma: int, lexicon: Lexicon) -> Phrase | None:
    """'The minister of the economy,' as the piece of a sentence before a comma: a
    person's role (its head noun is the first role word), or None."""
    start = comma - 1
    while start >= 0 and comma - start <= 8 and tokens[start].text not in {",", ";", ":"}:
        start -= 1
    if start >= 0 and tokens[start].text != ",":
        return None
    start += 1
    while start < comma and not tokens[start].is_word:
        start += 1
    for k in range(start, comma):
        if tokens[k].is_word and noun_class(tokens[k].lower) == "person" and not tokens[k].capitalised:
            role = description_ending_at(tokens, k, lexicon)
            if role is None or role.kind != "anonymous":
                return None
            role.first, role.start = start, tokens[start].start
            role.last, role.end = comma - 1, tokens[comma - 1].end  # "chief negotiator"
            return role
    return None


def _description_before_attachment(tokens: list[Token], j: int, lexicon: Lexicon) -> Phrase | None:
    """'An insider at the plant revealed': a source description, then a short
    prepositional phrase whose noun no lexicon knows."""
    k = j
    while k > 0 and j - k < 4 and tokens[k].is_word and tokens[k].text.islower() and tokens[k].lower not in PREPOSITIONS:
        k -= 1
    if k <= 0 or k == j or tokens[k].lower not in {"at", "from", "for", "with", "in", "of"}:
        return None
    head = description_ending_at(tokens, k - 1, lexicon)
    if head is None or head.kind != "anonymous":
        return None
    head.last, head.end = j, tokens[j].end
    return head


def _through_prepositions(tokens: list[Token], phrase: Phrase, lexicon: Lexicon) -> Phrase | None:
    """'a spokesperson for the campaign': the subject is the phrase before the preposition."""
    for _ in range(2):
        before = phrase.first - 1
        if before < 1 or tokens[before].lower not in {"for", "of", "at", "from", "with", "in"}:
            return phrase
        head = description_ending_at(tokens, before - 1, lexicon)
        if head is None and before >= 2 and tokens[before - 1].lower.endswith(("ing", "ed")):
            head = description_ending_at(tokens, before - 2, lexicon)  # "an insider working at ..."
        if head is None and tokens[before].lower in {"of", "at", "from"} and tokens[before - 1].capitalised:
            person = name_ending_at(tokens, before - 1, lexicon)  # "Mr. Morgan of the Sierra Club"
            if person is not None and person.kind in {"person", "unknown"} and (person.first == 0 or tokens[person.first - 1].lower not in PREPOSITIONS):
                head = person
        if head is None:
            if tokens[before].lower in {"of", "for", "at", "in", "from"} and tokens[before - 1].is_word and not tokens[before - 1].capitalised:
                return None  # "the results of Smith" / "in Washington": not the subject
            return phrase
        head.last = phrase.last
        head.end = phrase.end
        phrase = head
    return phrase


def _right_subject(text: str, tokens: list[Token], i: int, lexicon: Lexicon) -> tuple[Phrase | None, str | None]:
    """',” said Trump' / ', said Bill Gertz, national security correspondent for ...'."""
    after_comma = i > 0 and (tokens[i - 1].text == "," or tokens[i - 1].text in CLOSE_QUOTES)
    opening = not after_comma and tokens[i].initial and all(not t.is_word for t in tokens[:i])  # "Said Ellis: ..."
    if not opening and not after_comma:
        return None, None
    phrase = phrase_starting_at(tokens, i + 1, lexicon)
    if phrase is None and i + 2 < len(tokens) and tokens[i + 1].lower == "the":
        phrase = name_starting_at(tokens, i + 2, lexicon)  # "said the Rev. Peter Wherry"
    if phrase is None and i + 3 < len(tokens) and not tokens[i + 1].capitalised and noun_class(tokens[i + 2].lower) == "person":
        phrase = name_starting_at(tokens, i + 3, lexicon)  # "said 9/11 widow Terry Strada"
    if phrase is None or phrase.head in {"it", "we"} or opening and phrase.form == "pronoun" or phrase.name.lower() in WEEKDAYS:
        return None, None
    after = phrase.last + 1
    if opening and (after >= len(tokens) or tokens[after].text not in {":", ","}):
        return None, None  # "Hope Hicks did not ...": a name, not "Said Ellis: ..."
    role_end = None
    if phrase.form == "name" and after + 1 < len(tokens) and tokens[after].text.islower() and noun_class(tokens[after].lower) == "person":
        role_end = after  # "said MSNBC host Chris Matthews"
    elif phrase.form == "description" and phrase.kind == "anonymous" and after < len(tokens) and tokens[after].capitalised:
        role_end = phrase.last  # read as the description "MSNBC host" before the name
    if role_end is not None:
        named = name_starting_at(tokens, role_end + 1, lexicon)
        if named is not None and named.kind in {"person", "unknown"}:
            named.descriptor = clean_descriptor(text[phrase.start : tokens[role_end].end])
            named.first, named.start = phrase.first, phrase.start
            phrase, after = named, named.last + 1
    if after + 1 < len(tokens) and tokens[after].lower in {"of", "at"} and phrase.form == "name":
        organisation = name_starting_at(tokens, after + 1, lexicon)  # "said Jane Roe of the Cato Institute"
        if organisation is None and tokens[after + 1].lower == "the":
            organisation = name_starting_at(tokens, after + 2, lexicon)
        if organisation is not None and organisation.kind in {"organisation", "media"}:
            return phrase, clean_descriptor(text[tokens[after + 1].start : organisation.end])
    if after < len(tokens) and tokens[after].is_word and tokens[after].lower not in {"in", "on", "at", "during", "after", "before", "last", "this", "earlier", "later", "told"}:
        return None, None
    descriptor = apposition_after(text, tokens, phrase.last)
    return phrase, descriptor


def _extend_with_of_phrase(tokens: list[Token], phrase: Phrase, lexicon: Lexicon) -> Phrase:
    """'a spokesperson for the campaign', 'a 2014 study by Harvard': keep the attached name."""
    after = phrase.last + 1
    if phrase.form == "description" and after + 1 < len(tokens) and tokens[after].lower in {"by", "for", "of", "from", "at"}:
        name = name_starting_at(tokens, after + 1, lexicon) or phrase_starting_at(tokens, after + 1, lexicon)
        if name is not None and name.form != "pronoun":
            phrase.last = name.last
            phrase.end = name.end
    return phrase


def _previous_index(tokens: list[Token], j: int, text: str) -> int | None:
    for k in range(j - 1, max(-1, j - 12), -1):
        if tokens[k].text == text:
            return k
    return None


def _next_index(tokens: list[Token], start: int, text: str) -> int | None:
    for k in range(start, len(tokens)):
        if tokens[k].text == text:
            return k
    return None


def _ends_sentence(tokens: list[Token], i: int) -> bool:
    return all(not t.is_word for t in tokens[i + 1 :])


def _span_between(tokens: list[Token], first: int, stop: int) -> Span | None:
    """Span of tokens[first:stop] without surrounding punctuation (quotes kept)."""
    while first < stop and tokens[first].text in {",", ":", ";", "—", "–", "-"}:
        first += 1
    while stop > first and tokens[stop - 1].text in {",", ".", ";", ":", "—", "–", "-", "?", "!"} :
        stop -= 1
    if stop <= first or not any(t.is_word for t in tokens[first:stop]):
        return None
    return Span(tokens[first].start, tokens[stop - 1].end)


def _words_from(tokens: list[Token], start: int, count: int) -> bool:
    """Whether at least `count` words stand in tokens[start:]."""
    for token in tokens[start:]:
        if token.is_word:
            count -= 1
            if count <= 0:
                return True
    return False


def _content(tokens: list[Token], block_first: int, block_last: int, cue: int) -> Span | None:
    """What is attributed: the clause after the cue, or the quote or clause before the source."""
    before = [t for t in tokens[:block_first] if t.is_word]
    joined_by_comma = block_first > 0 and (tokens[block_first - 1].text in {",", "—"} | CLOSE_QUOTES or tokens[block_first - 1].text == '"')
    quoted_before = joined_by_comma and tokens[block_first - 1].text != ","
    # "On November 11, Shen told X that ...": an opening phrase is not what was said when a clause follows the cue
    clause_after = _words_from(tokens, block_last + 1, 4)
    if len(before) >= 3 and joined_by_comma and (quoted_before or not clause_after):
        return _span_between(tokens, 0, block_first)
    start = block_last + 1
    # skip a recipient or a short adverbial before "that": "told Epoch Times that ..."
    for k in range(start, min(len(tokens), start + 10)):
        if tokens[k].lower == "that":
            start = k + 1
            break
        if tokens[k].text in {",", ":"} | QUOTES:
            break
    stop = len(tokens)
    if any(t.lower in _CLAUSE_OPENERS or t.lower == "as" for t in tokens[max(0, block_first - 3) : block_first]):
        # "When he wrote his book, McKinley said ...": a subordinate clause ends at its comma
        comma = _next_index(tokens, start, ",")
        stop = comma if comma is not None else stop
    return _span_between(tokens, start, stop)


# --- sources already cited, as the subject of another sentence ---

# Words that open a sentence before its subject: "But Trump ...", "In July, Trump ...".
_OPENERS = frozenset("but and so yet still then now meanwhile however instead also later earlier".split())
_SUBORDINATE_OPENERS = PREPOSITIONS | frozenset("after before during since while when as if although though because despite until unlike like under over last this".split())
# Verbs after a subject that say what it is or where it goes, not what it says or holds.
_NOT_STANCE = frozenset(
    """is are was were be been being has have had will would can could may might must should shall do does did
    won lost led leads lead went go goes came come comes got get gets took take takes gave give gives made make
    makes began begin begins started start starts ran run runs held hold holds met meet meets visited visit
    visits served serve serves worked work works lived live lives died die dies left leave leaves moved move
    moves traveled travelled travel travels arrived arrive arrives returned return returns joined join joins
    became become becomes remained remain remains appeared appear appears spent spend spends paid pay pays
    owns own owned bought buy buys sold sell sells raised raise raises received receive receives faced face faces
    needs need needed used use uses tried try tries""".split()
)


def known_subject_attributions(
    text: str, sentences: list[SentenceTokens], lexicon: Lexicon, found: list[Attribution], skip: set[int], cue_sentences: set[int]
) -> list[Attribution]:
    """'Trump also pledged ...' where the first pass found no attribution: a name the
    article already cites (as the subject of a cue elsewhere), as the subject of a
    sentence holding a cue word, with that cue as its verb."""
    open_sentences = cue_sentences - {a.sentence for a in found} - skip
    if not open_sentences:
        return []
    known: set[str] = set()
    for attribution in found:
        if attribution.phrase.form == "name" and attribution.cue is not None:
            known.update(w.lower() for w in name_words(attribution.phrase.name) if len(w) > 2)
    if not known:
        return []
    added: list[Attribution] = []
    for index in sorted(open_sentences):
        sentence = sentences[index]
        tokens = sentence.tokens
        k = _subject_start(tokens)
        if k is None or not (tokens[k].capitalised or tokens[k].lower in DETERMINERS):
            continue
        phrase = phrase_starting_at(tokens, k, lexicon)
        if phrase is None or phrase.form != "name" or not any(w.lower() in known for w in name_words(phrase.name)):
            continue
        v = phrase.last + 1
        while v < len(tokens) and (tokens[v].lower in BETWEEN_SUBJECT_AND_CUE or tokens[v].lower.endswith("ly") and tokens[v].text.islower()):
            v += 1
        if v >= len(tokens) or v + 1 >= len(tokens):
            continue
        verb = tokens[v]
        if not verb.is_word or not verb.text.islower() or verb.lower in FUNCTION_WORDS or verb.lower in _NOT_STANCE:
            continue
        if verb.lower not in CUE_FORMS:
            continue
        if any(tokens[j].lower in NEGATIONS for j in range(phrase.last + 1, v)):
            continue  # "Wang did not specify": what the source did not say
        if any(tokens[j].lower in PASSIVE_AUXILIARIES for j in range(phrase.last + 1, v)) and verb.lower.endswith(("ed", "en", "wn")):
            continue  # "Cruz was booed": done to the subject
        if tokens[phrase.last].text in {"’s", "'s"} or text[phrase.end : phrase.end + 2] in {"’s", "'s"}:
            continue
        content = _span_between(tokens, v + 1, len(tokens))
        added.append(Attribution(phrase, sentence.index, Span(verb.start, verb.end), verb.text, content))
    return added


def _subject_start(tokens: list[Token]) -> int | None:
    """Where the subject of a sentence starts: past a conjunction, an opening quotation
    and an opening adverbial phrase closed by a comma ("In July, ...")."""
    k = 0
    while k < len(tokens) and (not tokens[k].is_word and tokens[k].text not in QUOTES or tokens[k].lower in _OPENERS):
        k += 1
    if k < len(tokens) and tokens[k].text in OPEN_QUOTES:
        # '"We need change," the businessman said': the subject follows the quotation
        closing = next((c for c in range(k + 1, len(tokens)) if tokens[c].text in CLOSE_QUOTES), None)
        if closing is None or closing + 1 >= len(tokens):
            return None
        k = closing + 1
        while k < len(tokens) and not tokens[k].is_word:
            k += 1
    if k < len(tokens) and (tokens[k].lower in _SUBORDINATE_OPENERS or tokens[k].lower.endswith(("ing", "ed")) and tokens[k].lower not in CUE_FORMS):
        comma = _next_index(tokens, k, ",")
        if comma is None or comma - k > 12:
            return None
        k = comma + 1
        # "On Thursday, however, Trump ...": an aside after the opening phrase
        while k + 1 < len(tokens) and tokens[k].lower in _OPENERS | {"though", "too", "instead"} and tokens[k + 1].text == ",":
            k += 2
    return k if k < len(tokens) else None
