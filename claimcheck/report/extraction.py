"""What `claimcheck extract` prints: one source's sentences and mentions, as plain data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimcheck.model import Document, Mention


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
    }
