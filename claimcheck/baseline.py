"""Baseline: what changed since an earlier report, so CI fails only on what is new.

Claims are recognised across runs by id, or failing that (a new article can change which
mention comes first) by sharing a mention: the same kind, source and overlapping offsets.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError


def load(path: str) -> dict[str, Any]:
    """An earlier JSON report, checked just enough to compare against."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"cannot read baseline {path}: {error}") from None
    if not isinstance(data, dict) or data.get("schema_version") != 1 or not isinstance(data.get("claims"), list):
        raise InputError(f"baseline {path} is not a claimcheck JSON report (schema version 1)")
    return data


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
