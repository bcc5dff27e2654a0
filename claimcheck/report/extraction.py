"""What `claimcheck extract` prints: one source's sentences and mentions, as plain data; and
reading it back (``read_line``), which is where `claimcheck judge` starts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimcheck.errors import InputError
from claimcheck.model import (
    Document,
    Extracted,
    Kind,
    Mention,
    Name,
    Region,
    Role,
    Sentence,
    Skipped,
    Source,
)


def mention_fields(mention: Mention) -> dict[str, Any]:
    """The fields of a mention that every output shares, in schema order."""
    return {
        "value": mention.value,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "speaker": mention.speaker,
        "qualifier": mention.qualifier,
        "unit": mention.unit,
        "context": mention.context,
        "hedged": mention.hedged,
        "fragment": mention.fragment,
        "attribute": mention.attribute,
        "scope": list(mention.scope),
        "time": mention.time,
        "authority": mention.authority,
    }


def mention_dict(mention: Mention) -> dict[str, Any]:
    return {"kind": mention.kind.value, **mention_fields(mention), "sentence": mention.sentence_index}


def render_source(document: Document, mentions: Sequence[Mention]) -> dict[str, Any]:
    source = document.source
    return {
        "id": source.id,  # as in `run`'s sources
        "source": source.id,  # the same, kept for scripts written before "id"
        "path": source.path,
        "title": source.title,
        "published": source.published,
        "sentences": [
            {"index": s.index, "text": s.text, "start": s.start, "end": s.end, "role": s.role.value}
            for s in document.sentences
        ],
        "mentions": [mention_dict(m) for m in mentions],
        # The rest of the source as ingest made it, so that `claimcheck judge` can finish the run.
        "url": source.url,
        "published_from": source.published_from,
        "regions": [[r.start, r.end, r.role.value] for r in source.regions],
        # The names the parse gave (lang/names.py), which matching reads: kind, key, display,
        # start, end, titles.
        "names": [[n.kind, n.key, n.display, n.start, n.end, list(n.titles)] for n in document.names],
        "text": source.text,
    }


def render_skipped(skipped: Skipped) -> dict[str, Any]:
    return {"skipped": skipped.path, "reason": skipped.reason}


def render_warning(warning: str) -> dict[str, Any]:
    return {"warning": warning}


Line = tuple[Document, Extracted] | Skipped | str


def read_line(line: str, where: str) -> Line | None:
    """One line of `claimcheck extract` back as what it was made from: a source with its
    sentences and mentions, a skipped input, or a warning (None for a blank line).

    Raises:
        InputError: the line is not one `claimcheck extract` writes (``where`` names it).
    """
    if not line.strip():
        return None
    try:
        data = json.loads(line)
        if "skipped" in data:
            return Skipped(str(data["skipped"]), str(data["reason"]))
        if "warning" in data:
            return str(data["warning"])
        return _document(data)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        problem = f"{type(error).__name__}: {error}" if not isinstance(error, KeyError) else f"no {error} field"
        raise InputError(
            f"{where}: not a line of `claimcheck extract` output ({problem}); make it with "
            "`claimcheck extract PATHS` of this version"
        ) from None


def _document(data: dict[str, Any]) -> tuple[Document, Extracted]:
    source_id = str(data["id"])
    source = Source(
        id=source_id,
        path=str(data["path"]),
        text=str(data["text"]),
        title=data["title"],
        published=data["published"],
        regions=tuple(Region(int(a), int(b), Role(role)) for a, b, role in data["regions"]),
        url=data["url"],
        published_from=data["published_from"],
    )
    sentences = tuple(
        Sentence(source_id, int(s["index"]), int(s["start"]), int(s["end"]), str(s["text"]), Role(s["role"]))
        for s in data["sentences"]
    )
    mentions = tuple(
        Mention(
            kind=Kind(m["kind"]),
            value=str(m["value"]),
            text=str(m["text"]),
            start=int(m["start"]),
            end=int(m["end"]),
            source_id=source_id,
            sentence_index=int(m["sentence"]),
            speaker=m["speaker"],
            qualifier=m["qualifier"],
            unit=m["unit"],
            context=str(m["context"]),
            fragment=bool(m["fragment"]),
            hedged=bool(m["hedged"]),
            attribute=m["attribute"],
            scope=tuple(str(x) for x in m["scope"]),
            time=m["time"],
            authority=m["authority"],
        )
        for m in data["mentions"]
    )
    names = tuple(
        Name(str(kind), str(key), str(display), int(start), int(end), tuple(str(t) for t in titles))
        for kind, key, display, start, end, titles in data.get("names", ())
    )
    return Document(source, sentences, names=names), Extracted(mentions)  # its notes travel as warning lines
