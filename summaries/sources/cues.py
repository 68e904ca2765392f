"""The words that mark an attribution: who says, reports, believes or wants what.

The list follows what PolNeAR's annotated news uses as cues (corpus counts: said
5,565; says 569; told 509; according to 480; say 321; wrote 277; added 252; a colon
243; asked 198; saying 194; called 183; noted 136; reported 112; announced 106;
suggested 101; found 93; argued 84; tweeted 67; declined 56; explained 43; claimed
36), widened with the verbs of belief, intention and paraphrase that PolNeAR also
counts as attributions ("X believes", "X wants", "X called for", "X accused"):
recall on that data comes mostly from them.

Each lemma is stored once with its class; `CUE_FORMS` maps every inflected form
(regular forms generated, irregular ones listed) to its lemma.
"""

from __future__ import annotations

# Verbs of saying and reporting: safe on their own after a subject.
SPEECH = (
    "say tell add ask note report announce state explain claim disclose reveal mention "
    "write tweet post declare insist argue assert acknowledge admit confirm deny stress "
    "emphasize emphasise remark comment reply respond answer warn urge caution recall "
    "recount describe repeat reiterate continue testify allege charge accuse complain "
    "concede contend maintain predict promise pledge vow boast brag joke quip shout yell "
    "chant whisper speak talk testify inform announce publish cite quote point observe "
    "conclude estimate find show indicate detail document highlight analyze analyse "
    "summarize summarise counter retort rebut dispute challenge question criticize "
    "criticise condemn denounce blast slam attack praise hail thank applaud welcome "
    "defend echo agree disagree object protest demand propose suggest recommend advise "
    "announce unveil release signal hint imply acknowledge concede reaffirm affirm "
    "specify elaborate clarify add lament mourn decry rail lash dismiss mock portray express "
    "apologize apologise admire brand chime "
    # less frequent verbs of saying, praising and blaming news also uses
    "interject fume implore gush assure tout extol rebuke deride label crow retweet blurt sigh "
    "hammer outline liken proclaim blame credit scold chastise lambast lambaste ridicule taunt "
    "concur vouch plead beg rant muse ponder fault scoff invoke castigate berate assail trumpet "
    "dub paint lay take push grill articulate promote advocate champion laud lobby raise voice "
    "sound issue "
    # verbs of judging, complaining and urging (after Levin's verb classes)
    "commend compliment congratulate disparage reproach reprove censure scorn belittle downplay "
    "bemoan deplore grumble gripe fret whine exhort encourage prod rate "
    "reference cast identify discuss offer rule learn press put weigh"
).split()

# Verbs of belief, knowledge and feeling: an attribution of a state of mind.
BELIEF = (
    "believe think doubt feel fear worry hope expect suspect assume guess know "
    "understand realize realise consider reckon speculate wonder imagine "
    "suppose see view regard recognize recognise deem"
).split()

# Verbs of intention and stance: PolNeAR annotates "X wants", "X plans", "X supports".
INTENTION = (
    "want plan intend seek aim refuse decline reject oppose support endorse favor "
    "favour back vote threaten call decide"
).split()

ALL_LEMMAS: dict[str, str] = {}
for _kind, _lemmas in (("intention", INTENTION), ("belief", BELIEF), ("speech", SPEECH)):
    for _lemma in _lemmas:
        ALL_LEMMAS[_lemma] = _kind

# Lemmas whose bare past or -ing form is too often something else ("found" a company,
# a group "called" X, "supported" by) to count without a clear subject and
# complement; extract.py asks for a following "that", colon or quote for these.
NEEDS_COMPLEMENT = frozenset(
    "find show call see view regard know understand consider post publish release "
    "point continue charge challenge question back vote support favor favour attack "
    "welcome thank praise hail defend object protest document detail highlight "
    "indicate echo add speak talk answer reply respond quote cite signal "
    "label hammer credit paint invoke dub assure state grill promote champion lobby "
    "encourage prod deem rate recognize recognise cast reference identify offer".split()
)

# Verbs that attribute only with their particle or object noun: "laid out", "took
# issue with", "pushed for".
PARTICLE_CUES: dict[str, frozenset[str]] = {
    "lay": frozenset({"out"}),
    "take": frozenset({"issue"}),
    "push": frozenset({"for"}),
    "raise": frozenset({"questions", "concerns", "doubts", "alarm", "objections"}),
    "voice": frozenset({"concern", "concerns", "support", "opposition", "doubts", "frustration", "skepticism"}),
    "sound": frozenset({"alarm", "a", "the"}),
    "issue": frozenset({"a", "statement", "statements", "warning", "warnings", "call"}),
    # "spoke in a cottage", "spoke to reporters": speaking is no attribution without its topic
    "speak": frozenset({"about", "of", "out", "on", "against"}),
    "talk": frozenset({"about", "of", "on"}),
    "decide": frozenset({"to", "that", "against", "not", "whether"}),
    "rule": frozenset({"that", "against", "in", "on", "out"}),
    "learn": frozenset({"that", "of", "about"}),
    "press": frozenset({"for"}),
    "put": frozenset({"it"}),  # "as Smith put it"
    "weigh": frozenset({"in"}),
}

# Verbs of making public that attribute only what is published ("released a statement",
# not "released his tax returns"): a document noun must follow within a few words.
NEEDS_DOCUMENT = frozenset("release unveil publish".split())

# Intention verbs that also attribute with an object once past ("vowed a fight").
PAST_WITH_OBJECT = frozenset("vow pledge promise".split())

# Intention verbs that are nouns as often as verbs: a cue only before "to"
# ("declined to comment", "plans to"), not in "orders decline" or "the plan".
NEEDS_TO = frozenset("decline refuse plan intend aim seek threaten vow pledge promise".split())

_IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "find": ("found",),
    "see": ("saw", "seen"),
    "speak": ("spoke", "spoken"),
    "know": ("knew", "known"),
    "understand": ("understood",),
    "feel": ("felt",),
    "seek": ("sought",),
    "show": ("shown", "showed"),
    "lay": ("laid",),
    "put": ("put",),
    "take": ("took", "taken"),
    "lash": (),
}


def _regular_forms(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
        forms.add(lemma[:-1] + "ing")
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
        forms.add(lemma + "ing")
    elif lemma in {"admit", "refer", "regret", "commit", "plan", "chat", "quip", "slam", "rebut", "stop", "extol", "dub", "put"}:
        forms.add(lemma + lemma[-1] + "ed")
        forms.add(lemma + lemma[-1] + "ing")
    else:
        forms.add(lemma + "ed")
        forms.add(lemma + "ing")
    return forms


def _all_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in ALL_LEMMAS:
        inflected = _regular_forms(lemma)
        if lemma in _IRREGULAR:
            # Irregular verbs have no regular past ("sayed"); keep the present forms.
            inflected = {f for f in inflected if not f.endswith("ed")} | set(_IRREGULAR[lemma])
        for form in inflected:
            forms.setdefault(form, lemma)
    return forms


CUE_FORMS: dict[str, str] = _all_forms()

# Auxiliaries and adverbs that may stand between a subject and its cue verb
# ("Li further suggested", "Trump has repeatedly said", "Wang did not specify").
BETWEEN_SUBJECT_AND_CUE = frozenset(
    """also further recently previously later then repeatedly publicly once still has have had
    would will could can may might must should did does do not n't never even only just
    reportedly allegedly again already often frequently first last quickly earlier immediately
    privately openly explicitly simply clearly flatly bluntly angrily strongly directly
    subsequently initially originally apparently personally separately similarly likewise
    long widely generally consistently correctly falsely wrongly mistakenly repeatedly
    is are was were been being be now""".split()
)

# "is said to", "was reported" and "are expected": passive cues whose subject is the
# content, not the source (unless a by-phrase names one).
PASSIVE_AUXILIARIES = frozenset("is are was were been being be get gets got".split())


def cue_lemma(word: str) -> str | None:
    """The cue lemma of a word form, or None when the word is no cue."""
    return CUE_FORMS.get(word.lower())


def cue_kind(lemma: str) -> str:
    return ALL_LEMMAS.get(lemma, "speech")
