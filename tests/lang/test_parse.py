"""The parse stage: offsets into Source.text, only candidate sentences, deterministic, lazy."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from typing import Any

import pytest

from claimcheck import lang
from claimcheck.errors import ConfigError
from claimcheck.model import Document, Role, Source
from claimcheck.segment import segment
from claimcheck.settings import Settings

TEXT = (
    "VALDORIA, March 3 (Wire) - Three villages were cut off after the river rose, officials said.\n\n"
    "Rescuers worked through the night.\n\n"
    "“We will rebuild,” said Mayor Maria Lopez of Springfield, adding that 1,200 homes were damaged."
)


def _document(text: str = TEXT, source_id: str = "a") -> Document:
    source = Source(source_id, f"{source_id}.txt", text)
    return Document(source, segment(source))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rescuers worked through the night.", False),  # nothing an extractor reads
        ("the bridge held.", False),
        ("Three villages were cut off.", True),  # a number word, even first
        ("The toll rose to 12.", True),  # a digit
        ("“We will rebuild,” she said.", True),  # a quotation mark
        ("Talks resume on Monday.", True),  # a capitalised word after the first
        ("The council’s vote was close.", False),  # an apostrophe is not a quotation mark
    ],
)
def test_holds_candidate(sentence: str, expected: bool) -> None:
    assert lang.holds_candidate(sentence) is expected


def test_offsets_point_into_the_source_text(nlp: Any) -> None:
    (document,) = lang.parse([_document()], settings=Settings())
    assert document.parses
    for parse in document.parses:
        for token in parse.tokens:
            assert document.source.text[token.start : token.end] == token.text
            assert 0 <= token.head < len(parse.tokens)
        for entity in parse.entities:
            assert document.source.text[entity.start : entity.end] == entity.text


def test_only_sentences_with_a_candidate_value_are_parsed(nlp: Any) -> None:
    (document,) = lang.parse([_document()], settings=Settings())
    parsed = {p.sentence_index for p in document.parses}
    texts = {s.index: s.text for s in document.sentences}
    assert all(lang.holds_candidate(texts[i]) for i in parsed)
    assert any("Rescuers" in texts[i] for i in texts if i not in parsed)


def test_unwanted_sentences_are_not_parsed(nlp: Any) -> None:
    (document,) = lang.parse([_document()], settings=Settings(), wanted=lambda s: s.index == 0)
    assert [p.sentence_index for p in document.parses] == [0]


def test_parse_reads_tags_lemmas_dependencies_and_entities(nlp: Any) -> None:
    (document,) = lang.parse([_document()], settings=Settings())
    tokens = [t for p in document.parses for t in p.tokens]
    homes = next(t for t in tokens if t.text == "homes")
    assert (homes.lemma, homes.pos) == ("home", "NOUN")
    assert any(t.dep == "ROOT" for t in tokens)
    labels = {(e.text, e.label) for p in document.parses for e in p.entities}
    assert ("Maria Lopez", "PERSON") in labels


def test_batched_parse_equals_one_by_one(nlp: Any) -> None:
    documents = [_document(TEXT, "a"), _document(TEXT.replace("Springfield", "Riverton"), "b")]
    together = lang.parse(documents, settings=Settings())
    alone = tuple(lang.parse([d], settings=Settings())[0] for d in documents)
    assert together == alone
    assert together == lang.parse(documents, settings=Settings())


def test_documents_without_candidates_are_returned_unchanged() -> None:
    document = _document("Rescuers worked through the night.")
    assert lang.parse([document], settings=Settings()) == (document,)
    furniture = dataclasses.replace(document, sentences=tuple(
        dataclasses.replace(s, role=Role.FURNITURE) for s in document.sentences
    ))
    assert lang.parse([furniture], settings=Settings(), wanted=lambda s: s.role is Role.BODY) == (furniture,)


def test_a_missing_model_is_a_config_error_that_says_how_to_install_one() -> None:
    with pytest.raises(ConfigError, match=r"not installed; install it with `python -m spacy download"):
        lang.load("en_core_web_nonesuch")


def test_the_default_model_is_explosions_small_english_pipeline(nlp: Any) -> None:
    assert (nlp.meta["lang"], nlp.meta["version"]) == ("en", "3.8.0")
    assert nlp.meta["name"].startswith("core_web_sm")
    assert nlp.meta["author"] == "Explosion" and nlp.meta["license"] == "MIT"
    assert "senter" not in nlp.pipe_names
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(nlp.pipe_names)


def test_importing_claimcheck_does_not_load_spacy() -> None:
    code = "import sys, claimcheck, claimcheck.cli, claimcheck.pipeline; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_parse_cache_gives_the_same_parses_without_loading_spacy(
    nlp: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(parse_cache=str(tmp_path))
    documents = [_document(TEXT, "a"), _document(TEXT.replace("Springfield", "Riverton"), "b")]
    fresh = lang.parse(documents, settings=settings)
    assert len(list(tmp_path.iterdir())) == 2  # one entry per article

    def no_model(name: str) -> None:
        raise AssertionError("spaCy was loaded although every parse was cached")

    # The module, not the function lang/__init__.py exports under the same name.
    monkeypatch.setattr(sys.modules["claimcheck.lang.parse"], "load", no_model)
    assert lang.parse(documents, settings=settings) == fresh
    # The same sentences at other offsets (another article) read the same entry.
    moved = _document("Intro.\n\n" + TEXT, "c")
    monkeypatch.undo()
    again = lang.parse([moved], settings=settings)[0]
    assert again == lang.parse([moved], settings=Settings())[0]


def test_a_broken_parse_cache_entry_is_parsed_again(nlp: Any, tmp_path: Any) -> None:
    settings = Settings(parse_cache=str(tmp_path))
    documents = [_document()]
    fresh = lang.parse(documents, settings=settings)
    for entry in tmp_path.iterdir():
        entry.write_bytes(b"not a pickle")
    assert lang.parse(documents, settings=settings) == fresh


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("one, two, three", 9, [(0, "one, "), (5, "two, "), (10, "three")]),  # at clause breaks
        ("alpha beta gamma", 11, [(0, "alpha beta "), (11, "gamma")]),  # else at a space
        ("abcdefgh", 3, [(0, "abc"), (3, "def"), (6, "gh")]),  # else anywhere
        ("short", 9, [(0, "short")]),  # a short text is one piece
    ],
)
def test_windows_tile_the_text(text: str, size: int, expected: list[tuple[int, str]]) -> None:
    pieces = lang.parse_windows(text, size)
    assert pieces == expected
    assert "".join(piece for _, piece in pieces) == text


def test_an_over_long_sentence_is_parsed_in_windows_with_offsets_kept(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 12, bug 4: a sentence over spaCy's max_length (1,000,000 characters) must not go
    # to spaCy whole; a small window stands in for the real one here.
    monkeypatch.setattr(sys.modules["claimcheck.lang.parse"], "PARSE_WINDOW", 120)
    text = "Officials said " + "12 people died in Valencia on May 4, and 30 were hurt, " * 20 + "police said."
    (document,) = lang.parse([_document(text)], settings=Settings())
    (parse,) = document.parses
    assert parse.tokens[0].start == 0 and parse.tokens[-1].end == len(text)
    for token in parse.tokens:
        assert document.source.text[token.start : token.end] == token.text
        assert 0 <= token.head < len(parse.tokens)
    assert [t.start for t in parse.tokens] == sorted(t.start for t in parse.tokens)
    assert sum(t.head == i for i, t in enumerate(parse.tokens)) >= len(lang.parse_windows(text, 120))
