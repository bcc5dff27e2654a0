"""Helpers shared by the extractor table tests: load a labelled table, build a document."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from claimcheck import lang
from claimcheck.model import Document, Kind, Mention, Region, Role, Source
from claimcheck.segment import segment
from claimcheck.settings import Settings

TABLES = Path(__file__).resolve().parents[2] / "tests" / "data" / "extract"


def load(kind: str) -> list[dict[str, Any]]:
    """The cases of ``tests/data/extract/<kind>.json``."""
    cases: list[dict[str, Any]] = json.loads((TABLES / f"{kind}.json").read_text(encoding="utf-8"))
    ids = [case["id"] for case in cases]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    assert not repeated, f"{kind}.json repeats case ids {repeated}: pytest would run one of each"
    return cases


def params(cases: list[dict[str, Any]], *, xfail: bool = True) -> list[Any]:
    """One pytest param per case, known misses as strict xfails (unless ``xfail`` is False)."""
    out = []
    for case in cases:
        marks = []
        if xfail and "xfail" in case:
            marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def document(
    text: str, published: str | None = "2024-03-14", role: Role = Role.BODY, *, parsed: bool = False
) -> Document:
    """A one-source document; with ``parsed``, its sentences parsed as the pipeline parses them
    (venues read the parse's place entities)."""
    src = Source(id="t", path="t.txt", text=text, published=published,
                 regions=(Region(0, len(text), role),))  # fmt: skip
    doc = Document(src, segment(src))
    return lang.parse([doc], settings=Settings())[0] if parsed else doc


def assert_requotable(doc: Document, mentions: Sequence[Mention], kind: Kind) -> None:
    """Every mention re-quotes its source, lies inside its sentence, and comes in text order."""
    for m in mentions:
        assert doc.source.text[m.start : m.end] == m.text
        assert m.kind is kind and m.source_id == doc.source.id
        sentence = doc.sentences[m.sentence_index]
        assert sentence.start <= m.start < m.end <= sentence.end
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
