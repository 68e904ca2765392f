import re
from pathlib import Path

from wordfreq import zipf_frequency

from summaries.wordlist import zipf

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_zipf_equals_wordfreqs_for_every_word_of_the_seeds_and_tricky_forms():
    words = {w for path in SEEDS.glob("*.txt") for w in re.findall(r"\w+", path.read_text(encoding="utf-8"))}
    words |= {"Public", "fabricated", "stateowned", "ricated", "Straße", "café", "naïve", "U.S.", "state-owned", "3M"}
    words |= {"melt-blown", "electro-optical", "non-niosh-approved", "r-texas", "kn95", "Mc-Caul", "e-mail", "co-operate"}
    words |= {"Don't", "DON'T", "isn’t", "can't", "mightn't", "oughtn't", "xyzn't", "n't", "isn't-it", "y'all", "l'oreal", "wer'e"}
    words |= {"mp3", "MP3", "tio2", "vh1", "1985", "2020s", "b.", "&", "co2-free", "g8", "3g", "24/7", "", "--", "qzx1"}
    assert {w: zipf(w) for w in words} == {w: zipf_frequency(w, "en") for w in words}


def test_unknown_word_is_zero_and_common_word_is_high():
    assert zipf("qzxvbnmw") == 0.0
    assert zipf("the") > 7
