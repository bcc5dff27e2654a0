"""Report → JSON (one object) or JSON Lines (one self-contained claim per line).

The keys fixed by schema version 1 (see ``schema.json``) are never renamed or dropped; new keys
may be added. Lists are sorted by stable keys and nothing depends on time, file order or the
machine, so the same inputs always give byte-identical output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from claimcheck import origins
from claimcheck.model import Difference, Document, Mention, Report, Status, Verdict
from claimcheck.report.extraction import mention_fields

SCHEMA_VERSION = 1


def _tool() -> dict[str, str]:
    from claimcheck import __version__

    return {"name": "claimcheck", "version": __version__}


def _sentence_text(documents: dict[str, Document], mention: Mention) -> str:
    document = documents.get(mention.source_id)
    if document is None or not 0 <= mention.sentence_index < len(document.sentences):
        return mention.text
    return document.sentences[mention.sentence_index].text


def _mention(mention: Mention, documents: dict[str, Document], difference: Difference | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "source": mention.source_id,
        "value": mention.value,
        "text": mention.text,
        "sentence": _sentence_text(documents, mention),
        **mention_fields(mention),  # value and text keep their places above
    }
    if difference is not None:
        out["integrity"] = difference.kind
        out["added"] = list(difference.added)
        out["dropped"] = list(difference.dropped)
    return out


def claim_dict(verdict: Verdict, documents: dict[str, Document]) -> dict[str, Any]:
    """One claim as the schema describes it."""
    claim = verdict.claim
    differences = {(d.source_id, d.start): d for d in verdict.differences}
    hedged = {m.source_id for m in claim.mentions if m.hedged}
    firm = {m.source_id for m in claim.mentions if not m.hedged}
    return {
        "id": claim.id,
        "kind": claim.kind.value,
        "status": verdict.status.value,
        "disagreement": verdict.disagreement,
        "story": claim.story,
        "value": verdict.value,
        "summary": verdict.summary,
        "sources": list(verdict.sources),
        "independent_sources": verdict.independent_sources,
        "confirmed_sources": len(firm),
        "hedged_sources": len(hedged - firm),
        "rule": verdict.rule,
        "values": [{"value": g.value, "sources": list(g.sources)} for g in verdict.groups],
        "mentions": [
            _mention(m, documents, differences.get((m.source_id, m.start))) for m in claim.mentions
        ],
        "matches": [
            {"left": m.left, "right": m.right, "scorer": m.scorer, "score": m.score, "shared": list(m.shared)}
            for m in claim.matches
        ],
    }


def summary(report: Report) -> dict[str, int]:
    return {
        "sources": len(report.documents),
        "claims": len(report.verdicts),
        "corroborated": report.count(Status.CORROBORATED),
        "unique": report.count(Status.UNIQUE),
        "conflicting": report.count(Status.CONFLICTING),
        "skipped": len(report.skipped),
        "omitted": len(report.omitted),
    }


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as plain data, in schema order."""
    documents = {d.source.id: d for d in report.documents}
    origin_of = origins.origin_of(report.origins)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": _tool(),
        "sources": [
            {
                "id": d.source.id,
                "path": d.source.path,
                "title": d.source.title,
                "published": d.source.published,
                "sentences": len(d.sentences),
                "url": d.source.url,
                "origin": origin_of.get(d.source.id, d.source.id),
                "published_from": d.source.published_from,
            }
            for d in report.documents
        ],
        "origins": [
            {"id": o.id, "sources": list(o.sources), "similarity": o.similarity} for o in report.origins
        ],
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "sources": list(s.sources),
                "dates": list(s.dates),
                "places": list(s.places),
            }
            for s in report.stories
        ],
        "claims": [claim_dict(v, documents) for v in report.verdicts],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "warnings": list(report.warnings),
        "summary": summary(report),
    }


def dumps(data: Any, *, ascii_only: bool = False) -> str:
    """JSON text; ``ascii_only`` escapes every other character (for a stream that cannot hold
    them: the data stay the same)."""
    return json.dumps(data, ensure_ascii=ascii_only, indent=2) + "\n"


def render(report: Report) -> str:
    """The report as one JSON document."""
    return dumps(report_dict(report))


def render_lines(report: Report, *, ascii_only: bool = False) -> Iterator[str]:
    """One compact, self-contained JSON object per claim (schema_version and source paths
    repeated on every line, so ``grep`` and ``jq -c`` work line by line)."""
    documents = {d.source.id: d for d in report.documents}
    paths = {d.source.id: d.source.path for d in report.documents}
    for verdict in report.verdicts:
        line = {"schema_version": SCHEMA_VERSION, **claim_dict(verdict, documents)}
        line["source_paths"] = {s: paths[s] for s in verdict.sources}
        yield json.dumps(line, ensure_ascii=ascii_only, separators=(",", ":")) + "\n"


def changes_line(changes: dict[str, Any], *, ascii_only: bool = False) -> str:
    """The last JSON Lines line with ``--baseline``: ``{"schema_version": 1, "type": "changes", …}``."""
    line = {"schema_version": SCHEMA_VERSION, "type": "changes", **changes}
    return json.dumps(line, ensure_ascii=ascii_only, separators=(",", ":")) + "\n"
