"""The sentence-embedding part of the stance model: shipped files, offline, exact scoring."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from summaries.stance import embedding
from summaries.stance.embedding import DIMENSIONS, TokenScorer, embed, tokenize
from summaries.stance.sentences import classify_sentence, classify_sentences, judge, judge_many
from summaries.stance.weights import EMBEDDING_NAMES, shipped_weights

SENTENCES = [
    "The West should stop pretending this shameless policy works.",
    "The ministry said 4,200 workers received a 3 percent raise on Tuesday.",
    "",
]


def test_embedding_files_ship_inside_the_installed_package():
    folder = embedding.package_folder()
    assert (folder / embedding.TABLE_FILE).is_file()
    assert (folder / embedding.TOKENIZER_FILE).is_file()


def test_embedding_loads_and_embeds_with_the_network_refused(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    embedding.vocabulary_size.cache_clear()
    embedding.tokenizer.cache_clear()
    embedding._WORD_IDS.clear()
    vectors = embed(SENTENCES[:2])
    assert vectors.shape == (2, DIMENSIONS)


def test_embedding_has_one_row_per_sentence_and_a_zero_row_for_empty_text():
    vectors = embed(SENTENCES)
    assert vectors.shape == (3, DIMENSIONS) and vectors.dtype == np.float32
    assert np.abs(vectors[0]).sum() > 0 and not np.any(vectors[2])
    assert not np.allclose(vectors[0], vectors[1])


def test_embedding_is_deterministic_and_independent_of_batching():
    together = embed(SENTENCES)
    embedding._WORD_IDS.clear()  # a cold word cache gives the same ids
    apart = np.vstack([embed([s]) for s in SENTENCES])
    assert np.array_equal(together, apart)


def test_word_by_word_tokens_match_the_tokenizer_on_single_spaced_text():
    text = "Analysts said the unprecedented crackdown was counterproductive."
    whole = embedding.tokenizer().encode(text, add_special_tokens=False).ids
    assert tokenize([text])[0].ids == whole


def test_token_scores_reproduce_the_linear_model_on_the_mean_vector():
    rng = np.random.default_rng(0)
    direction = rng.normal(size=DIMENSIONS)
    vectors = embed(SENTENCES[:2]).astype(np.float64)
    centre = 0.25
    scorer = TokenScorer(direction, centre)
    assert np.allclose(scorer.contributions(tokenize(SENTENCES[:2])), vectors @ direction - centre, atol=1e-4)
    assert scorer.contributions(tokenize([""]))[0] == 0.0


def test_strongest_words_are_the_words_pushing_that_way():
    tokens = tokenize(["The shameless scheme failed on Tuesday."])[0]
    table = embedding.token_table()
    shameless = tokens.word_ids[1]
    # A direction along "shameless"'s first token makes it the strongest push.
    scorer = TokenScorer(table[shameless[0]].astype(np.float64), 0.0)
    assert scorer.strongest_words(tokens, 1.0)[0] == "shameless"


def test_shipped_weights_carry_every_embedding_dimension():
    weights = shipped_weights()
    assert len(weights.embedding) == len(EMBEDDING_NAMES) == DIMENSIONS
    assert any(w != 0 for w in weights.embedding)


def test_batch_and_single_sentence_verdicts_agree():
    batch = judge_many(SENTENCES)
    for sentence, verdict in zip(SENTENCES, batch, strict=True):
        alone = judge(sentence)
        assert alone.opinion_probability == pytest.approx(verdict.opinion_probability, abs=1e-9)
        assert alone.cues() == verdict.cues()
    assert [s.label for s in classify_sentences(SENTENCES)] == [classify_sentence(s).label for s in SENTENCES]


def test_embedding_cue_names_its_push_and_words_when_it_is_large():
    verdict = classify_sentence("We must stop pretending that this disastrous policy is anything but a shameless power grab.")
    wording = [c for c in verdict.cues if c.startswith("overall wording (embedding +")]
    assert wording, verdict.cues
    assert ":" in wording[0]  # the words behind the push follow the colon


def test_table_projection_in_chunks_equals_the_full_product():
    direction = np.random.default_rng(7).normal(size=DIMENSIONS)
    chunked = embedding.project_table(direction, rows_per_chunk=1000)
    full = embedding.token_table().astype(np.float64) @ direction
    assert chunked.shape == (embedding.vocabulary_size(),)
    assert np.allclose(chunked, full, atol=1e-3)


def test_any_python_string_embeds_even_with_lone_surrogates():
    # Bytes decoded with surrogateescape give lone surrogates, which the Rust tokenizer refuses.
    [broken, replaced] = tokenize(["Prices rose \udca3 5 today", "Prices rose \ufffd 5 today"])
    assert broken.ids == replaced.ids and broken.words[2] == "\udca3"
    assert embed(["caf\udce9 \ud800"]).shape == (1, DIMENSIONS)
    assert classify_sentence("The minister said \udca3 taxes will rise.").label in {"opinion", "reporting", "analysis"}


def test_words_encoded_together_get_the_ids_they_get_one_by_one():
    from summaries.stance import embedding

    words = ["Hello", "world.", "(BBC)", "Blair's", "\u2581marked", "naïve", "\udcff", "$3.5bn", "x", "«Zürich»", "—", "日本", "COVID-19"]
    one_by_one = embedding._encode([embedding._encodable(word) for word in words])
    assert embedding._encoded(words) == one_by_one
    assert embedding._encoded(list(reversed(words))) == list(reversed(one_by_one))
