"""Provisional sentence splitter (to be replaced by the news-grade splitter)."""

from __future__ import annotations

import re

from claimcheck.model import Region, Role, Sentence, Source, Span

_END = re.compile(r"[^\n]*?(?:[.!?][\"'”’)]*(?=\s)|\n|$)")


def split_sentences(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in _END.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e, text[s:e]))
    return spans


def segment(source: Source) -> tuple[Sentence, ...]:
    regions = source.regions or (Region(0, len(source.text), Role.BODY),)
    out: list[Sentence] = []
    for region in regions:
        for span in split_sentences(source.text[region.start : region.end]):
            start, end = region.start + span.start, region.start + span.end
            out.append(Sentence(source.id, len(out), start, end, span.text, region.role))
    return tuple(out)
