"""The Markdown renderer."""

from __future__ import annotations

from claimcheck.model import (
    Claim,
    Document,
    Kind,
    Mention,
    Report,
    Source,
    Status,
    ValueGroup,
    Verdict,
)
from claimcheck.report import markdown


def _venue(source: str, value: str, text: str, start: int) -> Mention:
    return Mention(Kind.VENUE, value, text, start, start + len(text), source_id=source)


def test_a_conflict_shows_the_dissenting_sentence_in_the_evidence() -> None:
    # issue 12, bug 5 as Markdown shows it: one line per source, so a source that also names
    # the country must still show the sentence with its dissenting city.
    mentions = (
        _venue("a", "Johannesburg, South Africa", "Johannesburg", 5),
        _venue("b", "Johannesburg, South Africa", "Johannesburg", 5),
        _venue("c", "South Africa", "South Africa", 3),
        _venue("c", "Pretoria, South Africa", "Pretoria", 40),
    )
    verdict = Verdict(
        claim=Claim("v-1234567890", Kind.VENUE, mentions),
        status=Status.CONFLICTING,
        value="Johannesburg, South Africa",
        summary="venue",
        sources=("a", "b", "c"),
        independent_sources=3,
        rule="incompatible values",
        groups=(ValueGroup("Johannesburg, South Africa", ("a", "b", "c")), ValueGroup("Pretoria, South Africa", ("c",))),
    )
    documents = tuple(Document(Source(s, f"{s}.txt", "x"), ()) for s in "abc")
    text = markdown.render(Report(documents=documents, verdicts=(verdict,)))
    row = next(line for line in text.splitlines() if line.startswith("| `v-1234"))
    evidence = row.rstrip(" |").rsplit(" | ", 1)[1]
    assert "*c*: Pretoria" in evidence
    assert evidence.count("*a*") == evidence.count("*b*") == 1
