"""Baseline: what changed since an earlier report, so CI fails only on what is new.

Claims are recognised across runs by id, or failing that (a new article can change which
mention comes first) by sharing a mention: the same kind, source and overlapping offsets.
"""

from __future__ import annotations

import json
import os
import stat
from typing import Any

from claimcheck.errors import InputError

MAX_BYTES = 500_000_000  # a baseline is a report; larger files are refused before reading

# What compare() reads of each claim and mention, with the types schema.json gives them.
_CLAIM_KEYS: dict[str, type] = {"id": str, "kind": str, "status": str, "mentions": list}
_MENTION_KEYS: dict[str, type] = {"source": str, "start": int, "end": int}


def load(path: str) -> dict[str, Any]:
    """An earlier JSON report, checked against what schema.json requires of the parts compared.

    Only a regular file is read (a FIFO would wait, /dev/zero never end), and only up to
    ``MAX_BYTES``.

    Raises:
        InputError: the file cannot be read or is not a schema-version-1 report.
    """
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"cannot read baseline {path}: not a regular file")
        if info.st_size > MAX_BYTES:
            raise InputError(f"cannot read baseline {path}: larger than {MAX_BYTES // 1_000_000} MB")
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise InputError(f"cannot read baseline {path}: larger than {MAX_BYTES // 1_000_000} MB")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read baseline {path}: {error}") from None
    except RecursionError:
        raise InputError(f"cannot read baseline {path}: nested too deeply") from None
    problem = _problem(data)
    if problem is not None:
        raise InputError(f"baseline {path} is not a claimcheck JSON report (schema version 1): {problem}")
    return data  # type: ignore[no-any-return]


def _problem(data: Any) -> str | None:
    """What makes ``data`` unusable as a baseline, or None."""
    if not isinstance(data, dict) or data.get("schema_version") != 1:
        return "no schema_version 1"
    claims = data.get("claims")
    if not isinstance(claims, list):
        return "claims is not a list"
    for n, claim in enumerate(claims):
        if not isinstance(claim, dict):
            return f"claim {n} is not an object"
        for key, kind in _CLAIM_KEYS.items():
            if not isinstance(claim.get(key), kind):
                return f"claim {n} has no {key} {kind.__name__}"
        for k, mention in enumerate(claim["mentions"]):
            if not isinstance(mention, dict):
                return f"mention {k} of claim {n} is not an object"
            for key, kind in _MENTION_KEYS.items():
                value = mention.get(key)
                if not isinstance(value, kind) or isinstance(value, bool):
                    return f"mention {k} of claim {n} has no {key} {kind.__name__}"
    return None


def _spans(claim: dict[str, Any]) -> set[tuple[str, str, int, int]]:
    return {(claim["kind"], m["source"], m["start"], m["end"]) for m in claim.get("mentions", [])}


def _overlaps(a: set[tuple[str, str, int, int]], b: set[tuple[str, str, int, int]]) -> bool:
    return any(
        ka == kb and sa == sb and s1 < e2 and s2 < e1 for ka, sa, s1, e1 in a for kb, sb, s2, e2 in b
    )


def compare(old: dict[str, Any], new: dict[str, Any], *, baseline_path: str) -> dict[str, Any]:
    """The ``changes`` section of a report: new claims, new conflicts, changed statuses, gone."""
    old_claims = {c["id"]: c for c in old["claims"]}
    matched_old: set[str] = set()
    new_ids, new_conflicts, changed = [], [], []
    for claim in new["claims"]:
        before = old_claims.get(claim["id"])
        if before is None:
            spans = _spans(claim)
            before = next(
                (c for cid, c in old_claims.items() if cid not in matched_old and _overlaps(spans, _spans(c))),
                None,
            )
        if before is None:
            new_ids.append(claim["id"])
            if claim["status"] == "conflicting":
                new_conflicts.append(claim["id"])
            continue
        matched_old.add(before["id"])
        if before["status"] != claim["status"]:
            changed.append({"id": claim["id"], "before": before["status"], "after": claim["status"]})
            if claim["status"] == "conflicting":
                new_conflicts.append(claim["id"])
    return {
        "baseline": baseline_path,
        "new": sorted(new_ids),
        "new_conflicts": sorted(new_conflicts),
        "status_changed": sorted(changed, key=lambda c: c["id"]),
        "gone": sorted(set(old_claims) - matched_old),
    }
