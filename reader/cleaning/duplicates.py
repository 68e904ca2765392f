"""Text that appears twice: pull quotes, repeated column fragments, duplicated paragraphs.

Two passes. Before lines are joined, a *zone* (a block of lines, or a run of
one-line fragments) whose every line recurs word for word elsewhere in the file is
a copy: a pull quote set in its own narrow column ("The regime requires / all
communications / ..."), or a column the OCR read twice. Zones are tested last to
first and a dropped zone no longer counts as "elsewhere", so of two identical
copies the first survives. After joining, within an article, a sentence that
occurs twice loses the copy that stands most alone (a pull quote pasted into or
between paragraphs), the later one on a tie.
"""

from __future__ import annotations

from itertools import pairwise
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from itertools import chain
from typing import Iterator

from reader.cleaning.piece import Line, Para, Piece, dropped, word_list
from summaries.model import Removal

# Good enough to find repeated sentences, and far cheaper than Punkt.
_ROUGH_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"'”’)]*(?=\s+[\"“‘'(]?[A-Z0-9])|$)", re.DOTALL)
_CASED_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

FRAGMENT_MAX_WORDS = 8  # one-line blocks this short merge into one fragment zone
ZONE_MIN_MATCHED_WORDS = 6
ZONE_MIN_MATCHED_SHARE = 0.8
BLOCK_MIN_MATCHED_SHARE = 0.75
SENTENCE_MIN_WORDS = 6
CONTENT_WORD_MIN_LENGTH = 4  # shorter words say little about what a paragraph is about
REASON_REPEAT = "repeated text (pull quote or column fragment)"
REASON_DUPLICATE = "duplicate sentence or paragraph"


def _zone_queries(lines: list[Line], zone: list[int], line_words: list[list[str]]) -> list[tuple[int, int, list[list[str]]]]:
    """Per line of the zone: (line, word count, distinct word sequences to look for elsewhere).

    Besides the line's own words: "Barc-" / "elona" read as one word, and, since a
    column read out of order splits words wrongly, the line without its half-word ends.
    """
    queries = []
    for position, index in enumerate(zone):
        text = lines[index].text
        words = line_words[index]
        variants = [words]
        head_is_partial = text[:1].islower()
        tail_is_partial = text.endswith("-")
        if tail_is_partial and position + 1 < len(zone):
            following = line_words[zone[position + 1]]
            if following and lines[zone[position + 1]].text[:1].islower():
                variants.append(words[:-1] + [words[-1] + following[0]] if words else [])
        if head_is_partial or tail_is_partial:
            head = 1 if head_is_partial else 0
            tail = len(words) - 1 if tail_is_partial else len(words)
            variants += [words[head:tail], words[head:], words[:tail]]
        distinct: list[list[str]] = []
        for variant in variants:
            if len(variant) >= 2 and variant not in distinct:
                distinct.append(variant)
        queries.append((index, len(words), distinct))
    return queries


def cased_words(text: str) -> list[str]:
    """Words as written (apostrophes unified): a pull quote copies its source's capitals,
    while a title or a name in capitals ("WANG HE") only shares its words."""
    words = _CASED_WORD.findall(text)
    return [w.replace("’", "'") for w in words] if "’" in text else words


def _zones(lines: list[Line], line_words: list[list[str]]) -> list[tuple[list[int], bool]]:
    """Blocks of lines (a blank line ends one), with runs of one-line fragments merged,
    each with whether it is such a fragment zone. One pass: a zone's kind is kept, not re-derived."""
    zones: list[tuple[list[int], bool]] = []
    blocks: list[list[int]] = []
    for index, line in enumerate(lines):
        if not blocks or line.gap_before:
            blocks.append([])
        blocks[-1].append(index)
    for block in blocks:
        single_fragment = len(block) == 1 and _word_count(lines[block[0]].text, line_words[block[0]]) <= FRAGMENT_MAX_WORDS
        if single_fragment and zones and zones[-1][1] and zones[-1][0][-1] == block[0] - 1:
            zones[-1][0].append(block[0])
        else:
            # Lines after a block's first have no blank line before them, so a zone
            # is a fragment zone exactly when it is one short one-line block.
            zones.append((list(block), single_fragment))
    return zones


def _word_count(text: str, cased: list[str]) -> int:
    """len(word_list(text)), from the words as written where lower-casing cannot split a word (ASCII)."""
    return len(cased) if text.isascii() else len(word_list(text))


def drop_repeated_zones(lines: list[Line], raw: str) -> tuple[list[Line], list[Removal]]:
    stream = _WordStream(lines)
    removed_lines: set[int] = set()
    for zone, is_fragment_zone in reversed(_zones(lines, stream.line_words)):
        stream.enter_zone(zone)
        # A block of running lines goes only as a whole: part of a paragraph that
        # another copy repeats is the original, not the copy.
        whole = len(zone) > 1 and not is_fragment_zone
        marks = []  # per line: (index, words, True matched / False not / None a lone word)
        places: list[int] = []
        for index, count, variants in _zone_queries(lines, zone, stream.line_words):
            if count < 2:
                marks.append((index, count, None))
                continue
            where = next((p for p in map(stream.find_elsewhere, variants) if p >= 0), -1)
            found = where >= 0
            if found:
                places.append(where)
            if not found and whole and not _has_split_word(lines[index].text):
                # A whole line missing from the other copy, not just a word split
                # out of order: this block is not a copy.
                marks = []
                break
            marks.append((index, count, found))
        if whole:
            # In reading order, a copy repeats the block's words as one sequence;
            # only a block with a line that split a word (read out of order) is
            # judged line by line. Lists whose lines merely resemble each other stay.
            if stream.find_elsewhere(_block_words(lines, zone)) >= 0 or marks and _block_is_repeated(marks) and _close_together(places, marks):
                run = zone
            else:
                run = []
        else:
            run = _repeated_run_lines(marks)
        removed_lines.update(run)
        stream.drop_lines(run)

    kept: list[Line] = []
    removals: list[Removal] = []
    for index, line in enumerate(lines):
        if index in removed_lines:
            removals.append(dropped(raw, line.piece, REASON_REPEAT))
        else:
            kept.append(line)
    return kept, removals


class _WordStream:
    """The file's words end to end, indexed by word pair, to find a line's words elsewhere.

    "Elsewhere" means outside the zone being tested and outside lines already
    dropped. Zones are tested last to first, so a line's words are a contiguous
    stretch of the stream, a zone's lines are one stretch, and every dropped line
    lies after the current zone: each test is a few bisections, not a scan of the
    zone or of the dropped lines, which keeps a file of 100,000 fragments linear.
    """

    def __init__(self, lines: list[Line]) -> None:
        words: list[str] = []
        self.line_words = [cased_words(line.text) for line in lines]  # each line's own words, as written
        self.line_start: list[int] = []
        self.line_end: list[int] = []
        for index, line in enumerate(lines):
            line_words = self.line_words[index]
            if words and lines[index - 1].text.endswith("-") and line.text[:1].islower() and line_words:
                # Read "fab-" / "ricated" as the word it is (the previous line owns it).
                words[-1] = words[-1] + line_words[0]
                line_words = line_words[1:]
            self.line_start.append(len(words))
            words.extend(line_words)
            self.line_end.append(len(words))
        self.words = words
        self.pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
        for p in range(len(words) - 1):
            self.pairs[(words[p], words[p + 1])].append(p)
        self._zone = (0, 0)
        # Stretches of dropped lines, added last to first: negated starts ascend.
        self._dropped_starts: list[int] = []
        self._dropped_ends: list[int] = []

    def enter_zone(self, zone: list[int]) -> None:
        self._zone = (self.line_start[zone[0]], self.line_end[zone[-1]])

    def drop_lines(self, indices: list[int]) -> None:
        for index in sorted(indices, reverse=True):
            start, end = self.line_start[index], self.line_end[index]
            if start < end:
                self._dropped_starts.append(-start)
                self._dropped_ends.append(end)

    def find_elsewhere(self, query: list[str]) -> int:
        """Stream position of the first occurrence of `query` outside the zone and the dropped lines, or -1.

        The first word may be capitalised only because it starts the line.
        """
        if len(query) < 2:
            return -1
        words, length, tail = self.words, len(query), query[1:]
        zone_start, zone_end = self._zone
        if zone_start < zone_end and length > max(zone_start, len(words) - zone_end):
            return -1  # no room for it outside the zone (one long line, say)
        first = query[0].lower()
        for start in self._candidates(query):
            end = start + length
            if start < 0 or end > len(words) or words[start + 1 : end] != tail or words[start].lower() != first:
                continue
            if not self._overlaps_dropped(start, end):
                return start
        return -1

    def _candidates(self, query: list[str]) -> Iterator[int]:
        """Where `query` may start, in order, skipping the zone: positions of its rarest word pair."""
        anchor = self._rarest_pair(query)
        if anchor is None:  # two words: the pair itself, its first word as written or case-flipped
            exact = self.pairs.get((query[0], query[1]), [])
            flipped = self.pairs.get((_flip_case(query[0]), query[1]), [])
            return chain(self._outside_zone(exact, 0, 2), self._outside_zone(flipped, 0, 2))
        return self._outside_zone(self.pairs.get((query[anchor], query[anchor + 1]), []), anchor, len(query))

    def _rarest_pair(self, query: list[str]) -> int | None:
        """Offset of the query's least frequent word pair after its first word (found once is enough)."""
        best, best_count = None, 0
        for k in range(1, len(query) - 1):
            count = len(self.pairs.get((query[k], query[k + 1]), ()))
            if best is None or count < best_count:
                best, best_count = k, count
                if count <= 1:
                    break
        return best

    def _outside_zone(self, places: list[int], anchor: int, length: int) -> Iterator[int]:
        """Starts `place - anchor` of the occurrences that share no word with the zone."""
        zone_start, zone_end = self._zone
        if zone_start == zone_end:
            before = after = len(places)
        else:
            before = bisect_right(places, zone_start - length + anchor)
            after = bisect_left(places, zone_end + anchor)
        for i in chain(range(before), range(after, len(places))):
            yield places[i] - anchor

    def _overlaps_dropped(self, start: int, end: int) -> bool:
        # The dropped stretch with the largest start before `end` is the only one that can overlap.
        i = bisect_right(self._dropped_starts, -end)
        return i < len(self._dropped_starts) and self._dropped_ends[i] > start


def _block_words(lines: list[Line], zone: list[int]) -> list[str]:
    parts: list[str] = []
    for index in zone:
        line = lines[index].text
        if parts and parts[-1].endswith("-") and line[:1].islower():
            parts[-1] = parts[-1][:-1]  # "fab-" / "ricated" is one word
        elif parts:
            parts.append(" ")
        parts.append(line)
    return cased_words("".join(parts))


def _close_together(places: list[int], marks) -> bool:
    """Lines of a reshuffled copy are all found in one stretch of the original."""
    words = sum(count for _, count, _ in marks)
    return bool(places) and max(places) - min(places) <= words + 5


def _has_split_word(text: str) -> bool:
    return text[:1].islower() or text.endswith("-")


def _block_is_repeated(marks: list[tuple[int, int, bool | None]]) -> bool:
    """A block of lines is a copy when nearly all its words recur and no two adjacent lines fail.

    (A line of a boxed quote read out of order splits a word and may fail alone.)
    """
    flags = [mark for _, _, mark in marks]
    if any(a is False and b is False for a, b in pairwise(flags)):
        return False
    found_words = sum(count for _, count, mark in marks if mark is True)
    total_words = sum(count for _, count, mark in marks if mark is not None)
    return found_words >= ZONE_MIN_MATCHED_WORDS and found_words >= BLOCK_MIN_MATCHED_SHARE * total_words


def _repeated_run_lines(marks: list[tuple[int, int, bool | None]]) -> list[int]:
    """Lines of the runs inside a zone made of lines found elsewhere.

    A run starts and ends on a found line, may hold lone words and single lines
    not found (an out-of-order line that split a word), and counts when enough of
    its words were found.
    """
    result: list[int] = []
    i = 0
    while i < len(marks):
        if marks[i][2] is not True:
            i += 1
            continue
        j = i
        last_found = i
        while j + 1 < len(marks):
            nxt = marks[j + 1][2]
            if nxt is True:
                last_found = j + 1
            elif nxt is False and marks[j][2] is False:
                break
            j += 1
        run = marks[i : last_found + 1]
        # Lone words right after the run belong to it ("China." closing a fragment).
        end = last_found + 1
        while end < len(marks) and marks[end][2] is None:
            run.append(marks[end])
            end += 1
        found_words = sum(count for _, count, mark in run if mark is True)
        total_words = sum(count for _, count, mark in run if mark is not None)
        if found_words >= ZONE_MIN_MATCHED_WORDS and found_words >= ZONE_MIN_MATCHED_SHARE * total_words:
            result.extend(index for index, _, _ in run)
        i = end
    return result


def _flip_case(word: str) -> str:
    return word[0].swapcase() + word[1:]


def drop_duplicate_sentences(paragraphs: list[Para], raw: str) -> tuple[list[Para], list[Removal]]:
    occurrences: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    words_of: dict[str, tuple[str, ...]] = {}  # each distinct sentence is tokenised once
    for p_index, para in enumerate(paragraphs):
        for match in _ROUGH_SENTENCE.finditer(para.text):
            key = words_of.get(match.group())
            if key is None:
                key = words_of[match.group()] = tuple(word_list(match.group()))
            if len(key) >= SENTENCE_MIN_WORDS:
                occurrences[key].append((p_index, match.start(), match.end()))
    paragraph_words = _ContentWords(paragraphs)
    to_cut: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for key, places in occurrences.items():
        if len(places) < 2:
            continue
        sentence = Counter(w for w in key if len(w) >= CONTENT_WORD_MIN_LENGTH)
        cohesion = {p_index: paragraph_words.cohesion(p_index, sentence) for p_index, _, _ in places}

        def isolation(place: tuple[int, int, int]) -> float:
            p_index, s, e = place
            return (e - s) / max(len(paragraphs[p_index].text), 1)

        # Keep the copy that shares most vocabulary with the paragraph around it; a
        # copy standing alone (a pull quote) never wins; on a tie, the first.
        keep = min(places, key=lambda place: (isolation(place) > 0.95, -cohesion[place[0]], place[0]))
        for place in places:
            if place is not keep:
                to_cut[place[0]].append((place[1], place[2]))
    if not to_cut:
        return paragraphs, []
    kept: list[Para] = []
    removals: list[Removal] = []
    for p_index, para in enumerate(paragraphs):
        cuts = to_cut.get(p_index)
        piece = _cut_sentences(para.piece, sorted(cuts), raw, removals) if cuts else para.piece.strip()
        if piece.text:
            para.piece = piece
            kept.append(para)
    return kept, removals


def _cut_sentences(piece: Piece, cuts: list[tuple[int, int]], raw: str, removals: list[Removal]) -> Piece:
    """`piece` without the (sorted, disjoint) sentence spans and the spaces after each."""
    text = piece.text
    spans = []
    for start, end in cuts:
        while end < len(text) and text[end] == " ":
            end += 1
        spans.append((start, end))
    for start, end in reversed(spans):  # recorded last first, as always
        removals.append(dropped(raw, piece[start:end].strip(), REASON_DUPLICATE))
    return piece.without(spans).strip()


class _ContentWords:
    """Per paragraph, its content words counted once, so comparing a repeated sentence
    with the rest of its paragraph costs the sentence's length, not the paragraph's."""

    def __init__(self, paragraphs: list[Para]) -> None:
        self._paragraphs = paragraphs
        self._counts: dict[int, tuple[Counter[str], int]] = {}

    def cohesion(self, p_index: int, sentence: Counter[str]) -> float:
        """Share of the rest of the paragraph's content words that the sentence also uses.

        The sentence spans whole words, so the rest's words are the paragraph's less the sentence's.
        """
        counts = self._counts.get(p_index)
        if counts is None:
            words = [w for w in word_list(self._paragraphs[p_index].text) if len(w) >= CONTENT_WORD_MIN_LENGTH]
            counts = self._counts[p_index] = (Counter(words), len(words))
        paragraph, total = counts
        rest = total - sentence.total()
        if not rest:
            return 0.0
        return sum(paragraph[w] - sentence[w] for w in sentence) / rest
