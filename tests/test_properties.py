"""Properties of the whole pipeline on arbitrary and shuffled input."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck import pipeline
from claimcheck.model import Region, Role, Source
from claimcheck.report.json import render
from tests.conftest import SEEDS

# Pieces of news text, glued in any order: enough structure to reach every extractor.
PIECES = [*list("abcXYZ 0123456789.,;:!?\"'“”‘’()—–-\n$%"), "January ", "said ", " in Geneva", "Jan. ", " 2021", "about ", " troops", "U.S. ", " on Tuesday"]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_pipeline_never_crashes_and_offsets_slice_back(text: str) -> None:
    source = Source(
        "t", "t.txt", text, published="2024-03-14", regions=(Region(0, len(text), Role.BODY),)
    )
    document, extracted = pipeline.read(source, claimcheck.Settings())
    mentions = extracted.mentions
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_extract_claims_never_crashes_on_any_text(text: str) -> None:
    for mention in claimcheck.extract_claims(text, reference_date="2021-12-28"):
        assert text[mention.start : mention.end] == mention.text


def test_shuffled_file_names_and_order_give_identical_json(tmp_path: Path) -> None:
    files = sorted(SEEDS.iterdir())
    expected = render(pipeline.check([str(p) for p in files]))
    for seed in range(3):
        order = files[:]
        random.Random(seed).shuffle(order)
        copy = tmp_path / f"run{seed}"
        copy.mkdir()
        for path in order:  # creation order differs from name order
            shutil.copy(path, copy / path.name)
        got = render(pipeline.check([str(copy / p.name) for p in order]))
        assert got.replace(str(copy), str(SEEDS)) == expected.replace(str(SEEDS), str(SEEDS))
