"""Rules read off one sentence's text that the rankers and the citation step share.

Below both: a ranker lowers a sentence that opens by pointing back ("He said…",
"However, …"), and the citation step brings that sentence's antecedent along.
"""

from __future__ import annotations

import re

_DANGLING_WORDS = """
    he she they it its his her their them him this these those that such
    however but and also meanwhile moreover furthermore nevertheless nonetheless yet instead therefore thus
    hence consequently so then besides otherwise indeed likewise similarly additionally still too
""".split()
_DANGLING_PHRASES = (
    "as a result", "in addition", "by contrast", "in contrast", "on the other hand", "for example",
    "for instance", "even so", "despite this", "because of this", "at the same time", "in turn", "as well",
)
_DANGLING = re.compile(
    r"\s*(?:" + "|".join(sorted(_DANGLING_WORDS + [p.replace(" ", r"\s+") for p in _DANGLING_PHRASES], key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_FIRST_WORD = re.compile(r"\s*(\w+)")
_DANGLING_FIRST = frozenset(_DANGLING_WORDS)
_PHRASE_FIRST = frozenset(p.split()[0] for p in _DANGLING_PHRASES)


def dangling_start(text: str) -> bool:
    """True when the sentence opens with a pronoun or connective that points back.

    Quoted speech is not checked: a pronoun inside a quote is the speaker's.
    """
    first = _FIRST_WORD.match(text)
    if first is None:
        return False
    word = first.group(1).lower()
    # The word list alone decides most sentences; the phrase pattern (slow: it ignores
    # case) runs only when the first word could open one ("as a result", "in addition").
    return word in _DANGLING_FIRST or (word in _PHRASE_FIRST and _DANGLING.match(text) is not None)
