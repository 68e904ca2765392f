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

import re
from collections import defaultdict

from reader.cleaning.piece import Line, Para, dropped, word_list
from summaries.model import Removal

# Good enough to find repeated sentences, and far cheaper than Punkt.
_ROUGH_SENTENCE = re.compile(r"\S.*?(?:[.!?][\"'”’)]*(?=\s+[\"“‘'(]?[A-Z0-9])|$)", re.DOTALL)
_CASED_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

FRAGMENT_MAX_WORDS = 8  # one-line blocks this short merge into one fragment zone
ZONE_MIN_MATCHED_WORDS = 6
ZONE_MIN_MATCHED_SHARE = 0.8
BLOCK_MIN_MATCHED_SHARE = 0.75
SENTENCE_MIN_WORDS = 6
REASON_REPEAT = "repeated text (pull quote or column fragment)"
REASON_DUPLICATE = "duplicate sentence or paragraph"


def _zone_queries(lines: list[Line], zone: list[int], strict: bool) -> list[tuple[int, int, list[list[str]]]]:
    """Per line of the zone: (line, word count, word sequences to look for elsewhere).

    Besides the line's own words: "Barc-" / "elona" read as one word, and, since a
    column read out of order splits words wrongly, the line without its half-word
    ends (not for a block of running lines, whose order is trusted: `strict`).
    """
    queries = []
    for position, index in enumerate(zone):
        text = lines[index].text
        words = cased_words(text)
        variants = [words]
        head_is_partial = text[:1].islower()
        tail_is_partial = text.endswith("-")
        if tail_is_partial and position + 1 < len(zone):
            following = cased_words(lines[zone[position + 1]].text)
            if following and lines[zone[position + 1]].text[:1].islower():
                variants.append(words[:-1] + [words[-1] + following[0]] if words else [])
        if strict:
            if tail_is_partial:
                variants = variants[1:] if len(variants) > 1 else [words[:-1]]
            if position > 0 and lines[zone[position - 1]].text.endswith("-") and head_is_partial:
                variants = [v[1:] for v in variants]
            queries.append((index, len(words), [v for v in variants if len(v) >= 2]))
            continue
        trimmed = words[(1 if head_is_partial else 0) : (len(words) - 1 if tail_is_partial else len(words))]
        variants += [trimmed, words[1:] if head_is_partial else words, words[:-1] if tail_is_partial else words]
        queries.append((index, len(words), [v for v in variants if len(v) >= 2]))
    return queries


def cased_words(text: str) -> list[str]:
    """Words as written (apostrophes unified): a pull quote copies its source's capitals,
    while a title or a name in capitals ("WANG HE") only shares its words."""
    return [w.replace("’", "'") for w in _CASED_WORD.findall(text)]


def _zones(lines: list[Line]) -> list[list[int]]:
    zones: list[list[int]] = []
    blocks: list[list[int]] = []
    for index, line in enumerate(lines):
        if not blocks or line.gap_before:
            blocks.append([])
        blocks[-1].append(index)
    for block in blocks:
        single_fragment = len(block) == 1 and len(word_list(lines[block[0]].text)) <= FRAGMENT_MAX_WORDS
        previous_fragment = bool(zones) and zones[-1][-1] == block[0] - 1 and _is_fragment_zone(lines, zones[-1])
        if single_fragment and previous_fragment:
            zones[-1].append(block[0])
        else:
            zones.append(list(block))
    return zones


def _is_fragment_zone(lines: list[Line], zone: list[int]) -> bool:
    return all(len(word_list(lines[i].text)) <= FRAGMENT_MAX_WORDS for i in zone) and all(
        lines[i].gap_before or i == zone[0] for i in zone
    )


def drop_repeated_zones(lines: list[Line], raw: str) -> tuple[list[Line], list[Removal]]:
    stream: list[str] = []
    owner: list[int] = []
    for index, line in enumerate(lines):
        words = cased_words(line.text)
        if stream and lines[index - 1].text.endswith("-") and line.text[:1].islower() and words:
            # Read "fab-" / "ricated" as the word it is.
            stream[-1] = stream[-1] + words[0]
            words = words[1:]
        stream.extend(words)
        owner.extend([index] * len(words))
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)
    for p in range(len(stream) - 1):
        positions[(stream[p], stream[p + 1])].append(p)

    removed_lines: set[int] = set()
    for zone in reversed(_zones(lines)):
        members = set(zone)
        # A block of running lines goes only as a whole: part of a paragraph that
        # another copy repeats is the original, not the copy.
        whole = len(zone) > 1 and not _is_fragment_zone(lines, zone)
        marks = []  # per line: (index, words, True matched / False not / None a lone word)
        places: list[int] = []
        for index, count, variants in _zone_queries(lines, zone, strict=False):
            if count < 2:
                marks.append((index, count, None))
                continue
            where = next(
                (p for p in (_find_elsewhere(v, stream, owner, positions, members, removed_lines) for v in variants) if p >= 0),
                -1,
            )
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
            if _occurs_elsewhere(_block_words(lines, zone), stream, owner, positions, members, removed_lines):
                run = zone
            elif marks and _block_is_repeated(marks) and _close_together(places, marks):
                run = zone
            else:
                run = []
        else:
            run = _repeated_run_lines(marks)
        removed_lines.update(run)

    kept: list[Line] = []
    removals: list[Removal] = []
    for index, line in enumerate(lines):
        if index in removed_lines:
            removals.append(dropped(raw, line.piece, REASON_REPEAT))
        else:
            kept.append(line)
    return kept, removals


def _block_words(lines: list[Line], zone: list[int]) -> list[str]:
    text = ""
    for index in zone:
        line = lines[index].text
        if text.endswith("-") and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return cased_words(text)


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
    if any(a is False and b is False for a, b in zip(flags, flags[1:])):
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


def _occurs_elsewhere(query, stream, owner, positions, members: set[int], removed: set[int]) -> bool:
    return _find_elsewhere(query, stream, owner, positions, members, removed) >= 0


def _find_elsewhere(query, stream, owner, positions, members: set[int], removed: set[int]) -> int:
    """Stream position of an occurrence of `query` outside the zone and outside dropped lines, or -1."""
    if len(query) < 2:
        return -1
    # The first word may be capitalised only because it starts the line.
    # Anchor on the rarest of the first few word pairs (enough to be selective, cheap on long lines).
    anchor = min(range(1, min(len(query) - 1, 9)), key=lambda k: len(positions.get((query[k], query[k + 1]), ())), default=None)
    if anchor is None:
        anchor = 0
        places = positions.get((query[0], query[1]), []) + positions.get((_flip_case(query[0]), query[1]), [])
    else:
        places = positions.get((query[anchor], query[anchor + 1]), ())
    for p in places:
        start = p - anchor
        end = start + len(query)
        if start < 0 or end > len(stream) or stream[start + 1 : end] != query[1:]:
            continue
        if stream[start].lower() != query[0].lower():
            continue
        owners = set(owner[start:end])
        if owners & members or owners & removed:
            continue
        return start
    return -1


def _flip_case(word: str) -> str:
    return word[0].swapcase() + word[1:]


def drop_duplicate_sentences(paragraphs: list[Para], raw: str) -> tuple[list[Para], list[Removal]]:
    occurrences: dict[tuple[str, ...], list[tuple[int, int, int]]] = defaultdict(list)
    spans_by_paragraph: list[list[tuple[int, int]]] = []
    for p_index, para in enumerate(paragraphs):
        spans = [(m.start(), m.end()) for m in _ROUGH_SENTENCE.finditer(para.text)]
        spans_by_paragraph.append(spans)
        for s, e in spans:
            key = tuple(word_list(para.text[s:e]))
            if len(key) >= SENTENCE_MIN_WORDS:
                occurrences[key].append((p_index, s, e))
    to_cut: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for key, places in occurrences.items():
        if len(places) < 2:
            continue

        def isolation(place: tuple[int, int, int]) -> float:
            p_index, s, e = place
            return (e - s) / max(len(paragraphs[p_index].text), 1)

        # Keep the copy that shares most vocabulary with the paragraph around it; a
        # copy standing alone (a pull quote) never wins; on a tie, the first.
        keep = min(places, key=lambda place: (isolation(place) > 0.95, -_cohesion(paragraphs, place), place[0]))
        for place in places:
            if place is not keep:
                to_cut[place[0]].append((place[1], place[2]))
    if not to_cut:
        return paragraphs, []
    kept: list[Para] = []
    removals: list[Removal] = []
    for p_index, para in enumerate(paragraphs):
        cuts = sorted(to_cut.get(p_index, ()), reverse=True)
        piece = para.piece
        for s, e in cuts:
            while e < len(piece.text) and piece.text[e] == " ":
                e += 1
            removals.append(dropped(raw, piece[s:e].strip(), REASON_DUPLICATE))
            piece = piece[:s].join(piece[e:], "") if s > 0 else piece[e:]
        piece = piece.strip()
        if piece.text:
            para.piece = piece
            kept.append(para)
    return kept, removals


def _cohesion(paragraphs: list[Para], place: tuple[int, int, int]) -> float:
    """Share of the rest of the paragraph's content words that the sentence also uses."""
    p_index, s, e = place
    text = paragraphs[p_index].text
    sentence = {w for w in word_list(text[s:e]) if len(w) >= 4}
    rest = [w for w in word_list(text[:s] + " " + text[e:]) if len(w) >= 4]
    if not rest:
        return 0.0
    return sum(w in sentence for w in rest) / len(rest)
